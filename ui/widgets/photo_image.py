"""Photo bytes to Qt images and back, in memory only (no temporary files, ever).

``decode`` may run on a worker thread (``QImage`` is not a widget); turning the result into a
``QPixmap`` must happen on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader


def decode(data: bytes, edge: int | None = None) -> QImage:
    """The image in ``data`` (JPEG, PNG…), scaled down to fit an ``edge``×``edge`` box when given.

    A null ``QImage`` when the bytes are not an image Qt can read.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    if edge is not None:
        size = reader.size()
        if size.isValid() and (size.width() > edge or size.height() > edge):
            reader.setScaledSize(size.scaled(QSize(edge, edge), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    return image


def encode_jpeg(image: QImage, quality: int = 92) -> bytes:
    """``image`` as JPEG bytes, encoded in memory (a captured frame never touches the disk)."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 takes the format as str at run time, though its stubs say bytes.
    if not image.save(buffer, "JPEG", quality):  # type: ignore[call-overload]
        buffer.close()
        raise ValueError("the image could not be encoded as JPEG")
    buffer.close()
    return bytes(array.data())

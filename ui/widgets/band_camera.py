"""Scan wristbands with the laptop camera: the live preview of the photo camera, a few frames a second
decoded off the GUI thread (zxing-cpp, through the core's ``bands_in_image``), each band seen once.

The camera's frames arrive on the preview's video sink; ``handle_frame`` takes one as a QImage, the same
door a test feeds generated frames into. While a frame is being decoded the next ones are dropped, so a
slow laptop decodes fewer frames rather than queueing them. A band held in front of the camera is seen
in every frame: it is reported again only after it has been out of sight for ``REPEAT_SECONDS``.
"""

from __future__ import annotations

import functools
import logging
import time

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from fieldapp.records.wristbands import bands_in_image
from ui.naming import named
from ui.tasks import TaskRunner
from ui.widgets.photo_camera import CameraPreviewDialog

logger = logging.getLogger(__name__)

FRAME_INTERVAL = 0.3  # seconds between decoded frames: about three a second
REPEAT_SECONDS = 4.0  # a band seen again within this time (still in view) is not a new scan
DECODE_WIDTH = (
    1280  # larger frames are scaled down first: a band's QR code stays readable, decoding is faster
)


def decode_frame(image: QImage) -> list[str]:
    """The temporary ids of the bands in one frame (on a worker thread: QImage is safe to use there)."""
    from PIL import Image

    if image.width() > DECODE_WIDTH:
        image = image.scaledToWidth(DECODE_WIDTH, Qt.TransformationMode.SmoothTransformation)
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    size = (grey.width(), grey.height())
    pixels = bytes(grey.constBits())  # a memoryview of the frame's bytes
    return bands_in_image(Image.frombuffer("L", size, pixels, "raw", "L", grey.bytesPerLine(), 1))


class BandCameraDialog(CameraPreviewDialog):
    """``band_seen(temp_id)`` for each wristband the camera reads; the owner records the scan and says
    how it went with ``say``."""

    band_seen = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("band_camera_dialog")
        self.setWindowTitle(self.tr("Scan wristbands with the camera"))
        self._runner = runner
        self._decoding = False
        self._last_frame = 0.0
        self._last_seen: dict[str, float] = {}
        close = named(QPushButton(self.tr("Close")), "band_camera_close")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(self.camera_row)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        sink = self.preview.videoSink()
        if sink is not None:
            sink.videoFrameChanged.connect(self._frame_arrived)
        self._refresh_cameras()

    def no_camera_text(self) -> str:
        return self.tr(
            "No camera found: scan the bands with a USB scanner or type their codes in the Scan box. "
            "Check that the camera is connected and that the system lets desktop apps use it."
        )

    def started_text(self) -> str:
        return self.tr("Hold a wristband's QR code in front of the camera, about a hand's width away.")

    def failed_text(self, reason: str) -> str:
        return self.tr(
            "The camera stopped: {reason}. Close and try again, or scan with a USB scanner or type the code."
        ).format(reason=reason)

    def say(self, text: str) -> None:
        self.status.setText(text)

    @Slot(object)
    def _frame_arrived(self, frame: object) -> None:
        now = time.monotonic()
        if self._decoding or now - self._last_frame < FRAME_INTERVAL:
            return  # dropped before the costly conversion
        self._last_frame = now
        image = frame.toImage()  # type: ignore[attr-defined]  # a QVideoFrame
        if not image.isNull():
            self.handle_frame(image)

    def handle_frame(self, image: QImage) -> None:
        """Decode one camera frame on the worker (one at a time); report the bands in it."""
        if self._decoding:
            return
        self._decoding = True
        self._runner.run_work(functools.partial(decode_frame, image.copy()), self._decoded, self._undecoded)

    def _decoded(self, temp_ids: list[str]) -> None:
        self._decoding = False
        now = time.monotonic()
        for temp_id in temp_ids:
            last = self._last_seen.get(temp_id)
            self._last_seen[temp_id] = now
            if last is None or now - last > REPEAT_SECONDS:
                self.band_seen.emit(temp_id)

    def _undecoded(self, error: Exception) -> None:
        self._decoding = False
        logger.warning("a camera frame could not be decoded: %r", error)
        self.status.setText(self.tr("A camera frame could not be read. Keep the band in view."))

    @property
    def decoding(self) -> bool:
        return self._decoding

"""Take a photo with the laptop camera, into memory only.

QMediaCaptureSession + QCamera + a QVideoWidget preview + QImageCapture.capture(): the frame arrives
as a QImage, is encoded to JPEG in a QBuffer and handed on as bytes (``photo_taken``). Never
``captureToFile()``: that writes a plain copy into the user's Pictures folder.

Qt Multimedia is imported lazily: a machine where it cannot load (a missing system library, a frozen
build without its plugins) simply has no camera button, and the rest of the app works.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QImage, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.naming import named
from ui.widgets.photo_image import encode_jpeg

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QCameraDevice, QCameraFormat

logger = logging.getLogger(__name__)

MAX_WIDTH = 1920  # enough for a portrait or a document; larger frames only slow the laptop


@functools.cache
def multimedia_available() -> bool:
    try:
        import PySide6.QtMultimedia  # noqa: F401
        import PySide6.QtMultimediaWidgets  # noqa: F401
    except ImportError:
        logger.warning("Qt Multimedia cannot be loaded: no camera", exc_info=True)
        return False
    return True


def video_inputs() -> list[QCameraDevice]:
    """The cameras Qt sees now ([] when there are none or Qt Multimedia cannot load)."""
    if not multimedia_available():
        return []
    from PySide6.QtMultimedia import QMediaDevices

    return list(QMediaDevices.videoInputs())


def best_format(device: QCameraDevice) -> QCameraFormat | None:
    """The largest format no wider than MAX_WIDTH (auto-selection is unreliable on some laptops)."""
    formats = [f for f in device.videoFormats() if f.resolution().width() <= MAX_WIDTH]
    if not formats:
        return None
    return max(formats, key=lambda f: (f.resolution().width() * f.resolution().height(), f.maxFrameRate()))


class CameraPreviewDialog(QDialog):
    """A live camera preview with a camera picker and a status line, and a plain "no camera" state; the
    photo dialog and the wristband scanner add what they do with it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QMediaCaptureSession, QMediaDevices
        from PySide6.QtMultimediaWidgets import QVideoWidget

        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self._refresh_cameras)
        self._session = QMediaCaptureSession(self)
        self._camera: Any = None
        self.preview = named(QVideoWidget(), "camera_preview")
        self.preview.setMinimumSize(480, 360)
        self._session.setVideoOutput(self.preview)
        self.picker = named(QComboBox(), "camera_picker")
        self.picker.setAccessibleName(self.tr("Camera"))
        self.picker.currentIndexChanged.connect(self._start_selected)
        self.status = named(QLabel(self.tr("Starting the camera…")), "camera_status")
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(360)
        self._camera_label = QLabel(self.tr("Camera"))
        self.camera_row = QHBoxLayout()
        self.camera_row.addWidget(self._camera_label)
        self.camera_row.addWidget(self.picker, 1)

    def no_camera_text(self) -> str:
        return self.tr(
            "No camera found. Check that it is connected and that the system lets "
            "desktop apps use the camera, or import photos from files."
        )

    def started_text(self) -> str:
        return self.tr("Hold still; the picture settles after a moment.")

    def camera_ready(self, ready: bool) -> None:
        """A camera started (True) or there is none (False)."""

    @Slot()
    def _refresh_cameras(self) -> None:
        from PySide6.QtMultimedia import QMediaDevices

        current = self.picker.currentData()
        self.picker.blockSignals(True)
        self.picker.clear()
        for device in QMediaDevices.videoInputs():
            self.picker.addItem(device.description(), device)
        self.picker.blockSignals(False)
        # No camera: the message alone, not an empty picker over a black picture.
        for widget in (self._camera_label, self.picker, self.preview):
            widget.setVisible(self.picker.count() > 0)
        if self.picker.count() == 0:
            self._stop()
            self.status.setText(self.no_camera_text())
            self.camera_ready(False)
            return
        index = self.picker.findData(current) if current is not None else -1
        self.picker.setCurrentIndex(max(0, index))
        self._start_selected()

    @Slot()
    def _start_selected(self) -> None:
        from PySide6.QtMultimedia import QCamera

        device = self.picker.currentData()
        if device is None:
            return
        self._stop()
        camera = QCamera(device, self)
        chosen = best_format(device)
        if chosen is not None:
            camera.setCameraFormat(chosen)
        camera.errorOccurred.connect(self._camera_failed)
        self._session.setCamera(camera)
        self._camera = camera
        self.status.setText(self.started_text())
        camera.start()
        self.camera_ready(True)

    def _stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()
            self._session.setCamera(None)  # type: ignore[arg-type]  # None detaches the camera
            self._camera.deleteLater()
            self._camera = None

    @Slot(object, str)
    def _camera_failed(self, _error: object, message: str) -> None:
        logger.warning("camera error: %s", message)
        self.camera_ready(False)
        self.status.setText(self.failed_text(message))

    def failed_text(self, reason: str) -> str:
        return self.tr(
            "The camera stopped: {reason}. Close and try again, or import photos from files."
        ).format(reason=reason)

    def done(self, result: int) -> None:
        self._stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop()
        super().closeEvent(event)


class CameraDialog(CameraPreviewDialog):
    """Live preview with a camera picker; ``photo_taken(jpeg_bytes)`` once a frame is captured."""

    photo_taken = Signal(bytes)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtMultimedia import QImageCapture

        self.setObjectName("camera_dialog")
        self.setWindowTitle(self.tr("Take photo"))
        self._capture = QImageCapture(self)
        self._capture.setFileFormat(QImageCapture.FileFormat.JPEG)
        self._session.setImageCapture(self._capture)
        self.shoot = named(QPushButton(self.tr("&Take photo")), "camera_shoot")
        self.shoot.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.shoot.setEnabled(False)
        self.shoot.clicked.connect(self.take)
        cancel = named(QPushButton(self.tr("Cancel")), "camera_cancel")
        cancel.clicked.connect(self.reject)
        self._capture.readyForCaptureChanged.connect(self._ready_changed)
        self._capture.imageCaptured.connect(self._captured)
        self._capture.errorOccurred.connect(self._capture_failed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.shoot)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(self.camera_row)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self._refresh_cameras()

    def camera_ready(self, ready: bool) -> None:
        if not ready:
            self.shoot.setEnabled(False)

    @Slot(bool)
    def _ready_changed(self, ready: bool) -> None:
        self.shoot.setEnabled(ready)

    @Slot()
    def take(self) -> None:
        if self._capture.isReadyForCapture():
            self.shoot.setEnabled(False)
            self._capture.capture()  # to memory: imageCaptured(id, QImage)

    @Slot(int, QImage)
    def _captured(self, _id: int, image: QImage) -> None:
        try:
            data = encode_jpeg(image)
        except ValueError:
            self.status.setText(self.tr("The photo could not be taken. Try again."))
            return
        self._stop()
        self.photo_taken.emit(data)
        self.accept()

    @Slot(int, object, str)
    def _capture_failed(self, _id: int, _error: object, message: str) -> None:
        logger.warning("capture error: %s", message)
        self.status.setText(self.tr("The photo could not be taken: {reason}").format(reason=message))
        self.shoot.setEnabled(self._capture.isReadyForCapture())

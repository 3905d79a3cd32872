"""One photo large (its view image), with its type, consent, capture time and hash prefix."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.photos.service import PhotoRow
from ui.naming import named
from ui.widgets.photo_image import decode
from ui.widgets.photo_options import consent_label, kind_label

HASH_PREFIX = 16


class _ImageLabel(QLabel):
    """Shows a pixmap scaled to fit, rescaled as the window is resized."""

    def __init__(self, pixmap: QPixmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = pixmap
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(240, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        if self._pixmap.isNull():
            return QSize(480, 360)
        return self._pixmap.size().scaled(QSize(900, 640), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._pixmap.isNull():
            self.setPixmap(
                self._pixmap.scaled(
                    self.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )


class PhotoViewer(QDialog):
    """Non-modal; deleted (with its decrypted pixels) when closed."""

    def __init__(self, row: PhotoRow, view: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photo_viewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Photo: {kind}").format(kind=kind_label(row.kind)))
        self.photo_id = row.id
        image = decode(view)
        self.image = named(_ImageLabel(QPixmap.fromImage(image)), "photo_viewer_image")
        self.image.setAccessibleName(self.tr("Photo"))
        if image.isNull():
            self.image.setText(self.tr("This photo cannot be shown."))
        info = QFormLayout()
        captured = row.data.get("captured_at")
        width, height = row.data.get("width"), row.data.get("height")
        facts = [
            (self.tr("Type"), kind_label(row.kind) + (self.tr(" (evidence)") if row.evidence else "")),
            (self.tr("Consent"), consent_label(row.consent)),
            (
                self.tr("Taken"),
                str(captured).replace("T", " ") if captured else self.tr("not recorded by the camera"),
            ),
            (self.tr("Camera"), str(row.data.get("camera") or "—")),
            (self.tr("Size"), f"{width} × {height}" if width and height else "—"),
            (self.tr("SHA-256"), row.sha256[:HASH_PREFIX] + "…"),
        ]
        self.facts: dict[str, str] = {}
        for label, value in facts:
            value_label = QLabel(value)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            info.addRow(label, value_label)
            self.facts[label] = value
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addLayout(info)
        layout.addWidget(buttons)

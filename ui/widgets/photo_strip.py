"""A person's photos as a horizontal strip of thumbnails, with type and consent under each."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from fieldapp.photos.service import PhotoRow
from ui.widgets.photo_options import consent_label, kind_label

PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1
THUMB_EDGE = 128


def caption(row: PhotoRow) -> str:
    """Two short lines: the type (and "evidence"), then consent."""
    first = kind_label(row.kind)
    if row.evidence:
        first = QCoreApplication.translate("photos", "{kind}, evidence").format(kind=first)
    return f"{first}\n{consent_label(row.consent)}"


class PhotoStrip(QListWidget):
    """Thumbnails left to right; double-click or Enter opens one (``itemActivated``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photo_strip")
        self.setAccessibleName(self.tr("Photos of this person"))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setIconSize(QSize(THUMB_EDGE, THUMB_EDGE))
        self.setGridSize(QSize(THUMB_EDGE + 36, THUMB_EDGE + 2 * self.fontMetrics().lineSpacing() + 14))
        self.setUniformItemSizes(True)
        self.setWordWrap(True)
        self.setSpacing(4)
        self.setFixedHeight(
            self.gridSize().height() + self.horizontalScrollBar().sizeHint().height() + 2 * self.frameWidth()
        )

    def set_photos(self, rows: list[PhotoRow], images: Mapping[str, QImage]) -> None:
        """Show ``rows`` (oldest first) with their decoded thumbnails, keeping the selection."""
        selected = self.current_photo_id()
        self.clear()
        for row in rows:
            image = images.get(row.id)
            icon = QIcon(QPixmap.fromImage(image)) if image is not None and not image.isNull() else QIcon()
            item = QListWidgetItem(icon, caption(row))
            item.setData(PHOTO_ID_ROLE, row.id)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            item.setToolTip(
                self.tr("{caption}\nDouble-click to view.").format(caption=caption(row).replace("\n", ", "))
            )
            if not row.consent:  # stands out: this photo may not be shared
                item.setForeground(QBrush(QColor("#a32020")))
            self.addItem(item)
            if row.id == selected:
                self.setCurrentItem(item)

    def current_photo_id(self) -> str | None:
        item = self.currentItem()
        if item is None or not item.isSelected():
            return None
        value = item.data(PHOTO_ID_ROLE)
        return str(value) if value else None

    def select_photo(self, photo_id: str) -> bool:
        for n in range(self.count()):
            item = self.item(n)
            if item.data(PHOTO_ID_ROLE) == photo_id:
                self.setCurrentItem(item)
                item.setSelected(True)
                return True
        return False

    def photo_ids(self) -> list[str]:
        return [str(self.item(n).data(PHOTO_ID_ROLE)) for n in range(self.count())]

"""The photos on a camera card, as thumbnails to tick: this person's photos are imported, the others stay on
the card for the next person. Photos already in the vault start unticked and say so; unreadable files say
why and cannot be ticked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.photos.card import CardPhoto

PATH_ROLE = Qt.ItemDataRole.UserRole


class CardPickerDialog(QDialog):
    def __init__(self, photos: list[CardPhoto], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card_picker")
        self.setWindowTitle(self.tr("Photos on the camera card"))
        intro = QLabel(
            self.tr(
                "Tick this person's photos (Space ticks the selected one). The others stay on the card for "
                "the next person."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("card_photos")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(128, 128))
        self.list.setGridSize(QSize(156, 184))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        for photo in photos:
            self.list.addItem(self._item(photo))
        self.count = QLabel()
        self.count.setObjectName("card_count")
        self.list.itemChanged.connect(lambda _item: self._show_count())
        new = QPushButton(self.tr("Tick all &new"))
        new.setObjectName("card_tick_new")
        new.clicked.connect(self.tick_all_new)
        clear = QPushButton(self.tr("&Untick all"))
        clear.setObjectName("card_untick")
        clear.clicked.connect(lambda: self._tick(lambda _item: False))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import the ticked photos"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("card_import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        tools = QHBoxLayout()
        tools.addWidget(new)
        tools.addWidget(clear)
        tools.addStretch(1)
        tools.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(tools)
        layout.addWidget(self.buttons)
        self._show_count()
        self.resize(760, 520)

    def _item(self, photo: CardPhoto) -> QListWidgetItem:
        lines = [photo.path.name, (photo.captured_at or "")[:16].replace("T", " ")]
        item = QListWidgetItem()
        item.setData(PATH_ROLE, str(photo.path))
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if photo.problem:
            lines.append(self.tr("cannot be imported"))
            item.setToolTip(photo.problem)
        else:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
            item.setCheckState(Qt.CheckState.Unchecked)
            if photo.attached_to:
                lines.append(self.tr("already in the vault"))
                item.setToolTip(self.tr("This photo is already attached to a person."))
        item.setFlags(flags)
        if photo.thumbnail:
            pixmap = QPixmap()
            pixmap.loadFromData(photo.thumbnail)
            item.setIcon(QIcon(pixmap))
        item.setText("\n".join(line for line in lines if line))
        item.setData(Qt.ItemDataRole.AccessibleTextRole, " ".join(lines))
        item.setData(PATH_ROLE + 1, bool(photo.attached_to))
        return item

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]

    def _tick(self, chosen: object) -> None:
        for item in self._items():
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                ticked = bool(chosen(item))  # type: ignore[operator]
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def tick_all_new(self) -> None:
        self._tick(lambda item: not item.data(PATH_ROLE + 1))

    def ticked(self) -> list[Path]:
        return [Path(i.data(PATH_ROLE)) for i in self._items() if i.checkState() == Qt.CheckState.Checked]

    def _show_count(self) -> None:
        count = len(self.ticked())
        self.count.setText(self.tr("%1 ticked").replace("%1", str(count)))
        self.import_button.setEnabled(count > 0)

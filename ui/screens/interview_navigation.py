"""The interview's steps: the list of steps beside the pages, which step shows, which steps are open,
and moving between them with Back and Next (buttons, Ctrl+PgUp / Ctrl+PgDown, Alt+Left / Alt+Right).

A closed step (consent not answered yet) is greyed in the list and skipped by Back and Next.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QStackedWidget, QWidget


class StepNavigator(QObject):
    """The step list (``list``), the pages (``pages``) and ``back_button`` / ``next_button``, laid out
    by the owner. ``step_shown(key)`` after a step is shown."""

    step_shown = Signal(str)

    def __init__(self, keys: list[str], owner: QWidget) -> None:
        super().__init__(owner)
        self.keys = keys
        self.list = QListWidget()
        self.list.setObjectName("steps")
        self.list.setAccessibleName(self.tr("Interview steps"))
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(150)
        self.list.setMaximumWidth(240)
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")

        self.back_button = QPushButton(self.tr("← &Back"))
        self.back_button.setObjectName("back_button")
        self.back_button.setToolTip(self.tr("Previous step (Ctrl+PgUp or Alt+Left)"))
        self.next_button = QPushButton(self.tr("&Next →"))
        self.next_button.setObjectName("next_button")
        self.next_button.setToolTip(self.tr("Next step (Ctrl+PgDown or Alt+Right)"))
        self.back_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.back_button.setEnabled(False)
        self.next_button.setEnabled(False)

        for sequences, slot in (
            (("Ctrl+PgDown", "Alt+Right"), self.next),
            (("Ctrl+PgUp", "Alt+Left"), self.previous),
        ):
            for sequence in sequences:
                shortcut = QShortcut(QKeySequence(sequence), owner)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        self.list.currentRowChanged.connect(self._on_row_changed)

    def add_pages(self, pages: list[tuple[str, str, QWidget]]) -> None:
        """The step pages, as (key, title, page) in the order of ``keys``; Back and Next come alive."""
        for number, (key, title, page) in enumerate(pages, start=1):
            page.setObjectName(f"page_{key}")
            self.pages.addWidget(page)
            item = QListWidgetItem(f"{number}. {title}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.list.addItem(item)
        self.back_button.setEnabled(True)
        self.next_button.setEnabled(True)

    @property
    def current(self) -> str:
        row = self.list.currentRow()
        return self.keys[row] if 0 <= row < len(self.keys) else ""

    def is_open(self, key: str) -> bool:
        if key not in self.keys:
            return False
        item = self.list.item(self.keys.index(key))
        return bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)

    def go_to(self, key: str) -> bool:
        """Show a step; False when it is closed or absent."""
        if not self.is_open(key):
            return False
        self.list.setCurrentRow(self.keys.index(key))
        return True

    @Slot()
    def next(self) -> None:
        self._move(1)

    @Slot()
    def previous(self) -> None:
        self._move(-1)

    def _move(self, delta: int) -> None:
        row = self.list.currentRow() + delta
        while 0 <= row < len(self.keys):
            if self.is_open(self.keys[row]):
                self.list.setCurrentRow(row)
                return
            row += delta

    @Slot(int)
    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self.pages.setCurrentIndex(row)
        self.back_button.setEnabled(any(self.is_open(k) for k in self.keys[:row]))
        self._update_next()
        self.step_shown.emit(self.keys[row])

    def set_open(self, is_open: Callable[[int, str], bool]) -> None:
        """Open or close each step: ``is_open(row, key)``."""
        for row, key in enumerate(self.keys):
            enabled = is_open(row, key)
            item = self.list.item(row)
            flags = item.flags()
            item.setFlags(
                flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled
            )
            item.setToolTip("" if enabled else self.tr("Answer the consent question first"))
        self._update_next()

    def _update_next(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.next_button.setEnabled(any(self.is_open(k) for k in self.keys[row + 1 :]))

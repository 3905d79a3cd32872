"""Pieces the HQ screens share: the reason dialog, small read-only tables, and a plain status line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.naming import named

MIN_REASON = 5  # as fieldapp/records/service.py MIN_REASON: a decision needs words someone can read later
ALARM_RED = QColor("#b00020")


class ReasonDialog(QDialog):
    """Asks why, before a decision is recorded; ``decided(reason)`` once OK is pressed with a real reason."""

    decided = Signal(str)

    def __init__(self, title: str, question: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        label = QLabel(question)
        label.setWordWrap(True)
        self.reason = named(QLineEdit(), "reason")
        self.reason.setPlaceholderText(self.tr("Reason (at least 5 characters)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("reason_ok")
        self.ok_button.setEnabled(False)
        self.reason.textChanged.connect(self._on_text)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    @Slot(str)
    def _on_text(self, text: str) -> None:
        self.ok_button.setEnabled(len(text.strip()) >= MIN_REASON)

    @Slot()
    def _on_ok(self) -> None:
        reason = self.reason.text().strip()
        if len(reason) < MIN_REASON:
            return
        self.accept()
        self.decided.emit(reason)


LONG_CELL = 40


def table(name: str, headers: Sequence[str]) -> QTableWidget:
    """A read-only, whole-row-selecting table."""
    widget = named(QTableWidget(0, len(headers)), name)
    widget.setHorizontalHeaderLabels(list(headers))
    widget.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setAlternatingRowColors(True)
    widget.verticalHeader().setVisible(False)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    widget.horizontalHeader().setStretchLastSection(True)
    return widget


def fill(
    widget: QTableWidget, rows: Sequence[Sequence[object]], keys: Sequence[object] | None = None
) -> None:
    """Replace the table's rows; ``keys[i]`` rides on row i's first cell (Qt.UserRole)."""
    widget.setRowCount(0)
    widget.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            text = "" if value is None else str(value)
            item = QTableWidgetItem(text)
            if len(text) > LONG_CELL:  # a long text (an alarm, a reason) is cut by the column: whole on hover
                item.setToolTip(text)
            if c == 0 and keys is not None:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            widget.setItem(r, c, item)
    widget.resizeColumnsToContents()


def paint_row(widget: QTableWidget, row: int, colour: QColor) -> None:
    for column in range(widget.columnCount()):
        item = widget.item(row, column)
        if item is not None:
            item.setForeground(colour)


def selected_key(widget: QTableWidget) -> object:
    """The key of the selected row (see ``fill``), or None."""
    rows = widget.selectionModel().selectedRows()
    if not rows:
        return None
    item = widget.item(rows[0].row(), 0)
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


def status_line(name: str) -> QLabel:
    label = named(QLabel(), name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def size_text(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1024:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"

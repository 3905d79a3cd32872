"""A small table of entries (one per compound, one per perpetrator) with add and remove buttons."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    choices: tuple[tuple[str, str], ...] = ()  # (value, label); empty: free text
    placeholder: str = ""
    stretch: bool = False  # takes the width left over


class EntryTable(QWidget):
    """Rows of small records; ``value()`` gives the non-empty rows as dicts of non-empty cells."""

    changed = Signal()

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        add_text: str,
        remove_text: str,
        accessible_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.table = QTableWidget(0, len(self.columns))
        self.table.setObjectName("entry_table")
        self.table.setAccessibleName(accessible_name)
        self.table.setHorizontalHeaderLabels([c.title for c in self.columns])
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(80)
        self.table.resizeColumnsToContents()  # each column as wide as its title; wider ones scroll
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, column in enumerate(self.columns):
            if column.choices:
                self.table.setColumnWidth(col, max(self.table.columnWidth(col), 150))
            if column.stretch:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
            title_item = self.table.horizontalHeaderItem(col)
            if title_item is not None and column.placeholder:
                title_item.setToolTip(column.placeholder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move between cells
        self.table.setMinimumHeight(130)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.add_button = QPushButton(add_text)
        self.add_button.setObjectName("add_row")
        self.remove_button = QPushButton(remove_text)
        self.remove_button.setObjectName("remove_row")
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setFocusProxy(self.table)

    def _add_clicked(self) -> None:
        row = self.add_row({})
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.changed.emit()

    def add_row(self, values: Mapping[str, Any]) -> int:
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for col, column in enumerate(self.columns):
            value = str(values.get(column.key) or "")
            if column.choices:
                combo = QComboBox()
                combo.addItem("", "")
                for key, label in column.choices:
                    combo.addItem(label, key)
                found = combo.findData(value)
                combo.setCurrentIndex(max(found, 0))
                combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
                self.table.setCellWidget(row, col, combo)
            else:
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.blockSignals(False)
        return row

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def set_cell(self, row: int, key: str, value: str) -> None:
        col = [c.key for c in self.columns].index(key)
        widget = self.table.cellWidget(row, col)
        if isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(value), 0))
        else:
            item = self.table.item(row, col)
            if item is not None:
                item.setText(value)

    def value(self) -> list[dict[str, str]]:
        rows: list[dict[str, str]] = []
        for row in range(self.table.rowCount()):
            entry: dict[str, str] = {}
            for col, column in enumerate(self.columns):
                widget = self.table.cellWidget(row, col)
                if isinstance(widget, QComboBox):
                    text = str(widget.currentData() or "")
                else:
                    item = self.table.item(row, col)
                    text = item.text().strip() if item is not None else ""
                if text:
                    entry[column.key] = text
            if entry:
                rows.append(entry)
        return rows

    def set_value(self, value: Sequence[Mapping[str, Any]]) -> None:
        self.table.setRowCount(0)
        for entry in value:
            self.add_row(entry)

"""The persons table of the field app and of HQ mode: the same view settings over a PersonsModel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.models.persons import PersonsModel


def persons_table(model: PersonsModel, object_name: str, first_column_width: int) -> QTableView:
    table = QTableView()
    table.setObjectName(object_name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)  # fixed heights: no measuring 100k rows
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setModel(model)
    # The outcome ("Presumed victim", longer in Khmer) gets room when a column follows it (HQ's laptop).
    for column, width in ((0, first_column_width), (1, 230), (2, 210), (3, 90), (4, 80), (5, 90), (6, 210)):
        table.setColumnWidth(column, width)  # fixed defaults: never measure 100k rows
    return table

"""A thin table model over pages of persons, fetched on the database worker.

The model holds display rows only (``PersonRow``), never the connection: each page is a plain core
call run by the TaskRunner. ``detach()`` stops it for good (on lock), so no late page can arrive or be
asked for once the session is closing.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from fieldapp.records.service import PersonRow
from ui.tasks import TaskRunner

PAGE_SIZE = 200

# fetch_page(limit, offset) -> rows; runs on the database worker.
FetchPage = Callable[[int, int], list[PersonRow]]
AnyIndex = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    TEMP_ID = 0
    NAME = 1
    NAME_OWN = 2
    NATIONALITY = 3
    OUTCOME = 4


ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the PersonRow itself (survives proxies)
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the person's id


def _header(column: Column) -> str:
    labels = {
        Column.TEMP_ID: QCoreApplication.translate("PersonsModel", "Temporary id"),
        Column.NAME: QCoreApplication.translate("PersonsModel", "Name"),
        Column.NAME_OWN: QCoreApplication.translate("PersonsModel", "Name in own script"),
        Column.NATIONALITY: QCoreApplication.translate("PersonsModel", "Nationality"),
        Column.OUTCOME: QCoreApplication.translate("PersonsModel", "Outcome"),
    }
    return labels[column]


def outcome_label(outcome: str | None) -> str:
    """Plain words for a screening outcome (never "not a victim": DESIGN.md, Screening)."""
    labels = {
        None: QCoreApplication.translate("PersonsModel", "Not screened"),
        "PRESUMED_VICTIM": QCoreApplication.translate("PersonsModel", "Presumed victim"),
        "PRESUMED_CHILD_VICTIM": QCoreApplication.translate("PersonsModel", "Presumed child victim"),
        "POSSIBLE_VICTIM": QCoreApplication.translate("PersonsModel", "Possible victim"),
        "NO_INDICATORS_FOUND": QCoreApplication.translate("PersonsModel", "No indicators found"),
        "UNDETERMINED": QCoreApplication.translate("PersonsModel", "Undetermined"),
    }
    return labels.get(outcome, outcome or "")


class PersonsModel(QAbstractTableModel):
    """Persons in pages of ``page_size``; the first page is asked for with ``fetchMore``."""

    page_loaded = Signal(int)  # rows in the page that just arrived
    load_failed = Signal(object)  # the exception

    def __init__(
        self,
        *,
        runner: TaskRunner,
        fetch_page: FetchPage,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._fetch_page = fetch_page
        self._page_size = page_size
        self._rows: list[PersonRow] = []
        self._loading = False
        self._exhausted = False
        self._detached = False

    # --- Qt overrides ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, Column(index.column()))
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            return _header(Column(section))
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and not self._exhausted and not self._detached

    def fetchMore(self, parent: AnyIndex) -> None:
        if parent.isValid() or self._loading or self._exhausted or self._detached:
            return
        self._loading = True
        fetch, limit, offset = self._fetch_page, self._page_size, len(self._rows)
        self._runner.run_db(lambda: fetch(limit, offset), self._on_page, self._on_failed)

    # --- ours -----------------------------------------------------------------------------------

    @property
    def is_loading(self) -> bool:
        return self._loading

    def row_at(self, row: int) -> PersonRow:
        return self._rows[row]

    def detach(self) -> None:
        """Forget every row and never fetch again (the session is about to close)."""
        self._detached = True
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def _display(self, row: PersonRow, column: Column) -> str:
        if column is Column.TEMP_ID:
            return row.temp_id
        if column is Column.NAME:
            return row.name
        if column is Column.NAME_OWN:
            return row.name_own
        if column is Column.NATIONALITY:
            return row.nationality
        return outcome_label(row.outcome)

    def _on_page(self, rows: list[PersonRow]) -> None:
        self._loading = False
        if self._detached:
            return
        if len(rows) < self._page_size:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.page_loaded.emit(len(rows))

    def _on_failed(self, error: Exception) -> None:
        self._loading = False
        if not self._detached:
            self._exhausted = True  # do not retry in a loop; the screen offers a reload later
            self.load_failed.emit(error)

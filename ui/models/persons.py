"""The persons table: every matching id up front, rows fetched a page at a time on the database worker.

Holding only ids (as Anki's browser does) gives the true row count and a scroll bar that works at
100,000 persons, while ``data()`` stays a dictionary lookup: a row not fetched yet shows "…" and asks
for its page once. Sorting and filtering re-run the id query; ``detach()`` stops everything on lock.
"""

from __future__ import annotations

import enum
import functools
import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
from PySide6.QtGui import QBrush, QColor, QImage, QPixmap

from fieldapp.photos.service import Photos
from fieldapp.records.service import PersonFilter, PersonRow
from ui.tasks import TaskRunner
from ui.widgets.country_field import country_label
from ui.widgets.photo_image import decode

logger = logging.getLogger(__name__)

PAGE_SIZE = 200
PORTRAIT_EDGE = 24  # fits the table's fixed 26 px rows
PORTRAIT_CHUNK = 50  # persons per portrait task: about two screens, so scrolling asks little at a time
PORTRAIT_CHUNKS = 32  # chunks of portraits kept (keyed by person id within each chunk)

# Both run on the database worker.
QueryIds = Callable[[PersonFilter, str, bool], list[str]]
FetchRows = Callable[[list[str]], Sequence[PersonRow]]
FetchPortraits = Callable[[list[str]], dict[str, QImage]]  # person id -> newest portrait (if any)
AnyIndex = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    TEMP_ID = 0
    NAME = 1
    NAME_OWN = 2
    NATIONALITY = 3
    SEX = 4
    AGE = 5
    OUTCOME = 6


SORT_KEYS = {
    Column.TEMP_ID: "temp_id",
    Column.NAME: "name",
    Column.NAME_OWN: "name_own",
    Column.NATIONALITY: "nationality",
    Column.SEX: "sex",
    Column.AGE: "age",
    Column.OUTCOME: "outcome",
}
MINOR_BACKGROUND = QColor("#fde3c0")  # the child alert's colour (ui/widgets/child_alert.py)
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the PersonRow itself (survives proxies)
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the person's id
LOADING = "…"


@dataclass(frozen=True)
class ExtraColumn:
    """A column after the standard ones (HQ mode: the laptop that registered each person)."""

    header: str
    sort_key: str  # what ``query_ids`` is asked to sort by for this column
    value: Callable[[PersonRow], str]


def _tr(text: str) -> str:
    return QCoreApplication.translate("PersonsModel", text)


def _header(column: Column) -> str:
    return {
        Column.TEMP_ID: _tr("Temporary id"),
        Column.NAME: _tr("Name"),
        Column.NAME_OWN: _tr("Name in own script"),
        Column.NATIONALITY: _tr("Nationality"),
        Column.SEX: _tr("Sex"),
        Column.AGE: _tr("Age"),
        Column.OUTCOME: _tr("Outcome"),
    }[column]


def outcome_label(outcome: str | None) -> str:
    """Plain words for a screening outcome (never "not a victim": docs/screening.md)."""
    labels = {
        None: _tr("Not screened"),
        "PRESUMED_VICTIM": _tr("Presumed victim"),
        "PRESUMED_CHILD_VICTIM": _tr("Presumed child victim"),
        "POSSIBLE_VICTIM": _tr("Possible victim"),
        "INDICATORS_BELOW_THRESHOLD": _tr("Possible victim (below threshold)"),
        "NO_INDICATORS_FOUND": _tr("No indicators found"),
        "UNDETERMINED": _tr("Undetermined"),
    }
    return labels.get(outcome, outcome or "")


def portrait_fetcher(photos: Photos, edge: int = PORTRAIT_EDGE) -> FetchPortraits:
    """For a page of persons, each one's newest portrait thumbnail, decoded small (on the worker, in
    one query, so a portrait page never holds the next search up for long)."""

    def fetch(person_ids: list[str]) -> dict[str, QImage]:
        found: dict[str, QImage] = {}
        for person_id, jpeg in photos.portraits(person_ids).items():
            image = decode(jpeg)
            if not image.isNull():
                found[person_id] = square(image, edge)
        return found

    return fetch


def square(image: QImage, edge: int) -> QImage:
    """The middle of ``image`` as an ``edge``-pixel square (a face fills a tiny icon best)."""
    scaled = image.scaled(
        edge, edge, Qt.AspectRatioMode.KeepAspectRatioByExpanding, Qt.TransformationMode.SmoothTransformation
    )
    return scaled.copy((scaled.width() - edge) // 2, (scaled.height() - edge) // 2, edge, edge)


def status_label(status: str) -> str:
    return {
        "draft": _tr("draft"),
        "final": _tr("final"),
        "withdrawn": _tr("withdrawn"),
        "purged": _tr("purged"),
        "open": _tr("open"),
        "closed": _tr("closed"),
    }.get(status, status)


def role_label(role: str) -> str:
    return {"screener": _tr("screener"), "team_lead": _tr("team lead"), "admin": _tr("admin")}.get(role, role)


def sex_label(sex: str) -> str:
    return {
        "female": _tr("Female"),
        "male": _tr("Male"),
        "other": _tr("Other"),
        "unknown": _tr("Unknown"),
    }.get(sex, sex)


class PersonsModel(QAbstractTableModel):
    """Call ``query()`` to (re)load the ids; rows arrive page by page as the view asks for them."""

    ids_loaded = Signal(int)  # how many persons match
    page_loaded = Signal(int)  # rows in the page that just arrived
    load_failed = Signal(object)  # the exception
    portraits_loaded = Signal(int)  # the chunk (of PORTRAIT_CHUNK rows) whose portraits just arrived

    def __init__(
        self,
        *,
        runner: TaskRunner,
        query_ids: QueryIds,
        fetch_rows: FetchRows,
        fetch_portraits: FetchPortraits | None = None,
        extra: ExtraColumn | None = None,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._extra = extra
        self._runner = runner
        self._query_ids = query_ids
        self._fetch_rows = fetch_rows
        self._page_size = page_size
        self._ids: list[str] = []
        self._rows: dict[str, PersonRow] = {}
        self._pages_asked: set[int] = set()
        self._filter = PersonFilter()
        self._sort = (SORT_KEYS[Column.TEMP_ID], False)
        self._generation = 0  # answers to an older query are dropped
        self._detached = False
        # Portrait thumbnails for the temp-id column; None means none (tests, benches).
        self._fetch_portraits = fetch_portraits
        self._portrait_chunk = max(1, min(page_size, PORTRAIT_CHUNK))
        self._portraits: OrderedDict[int, dict[str, QPixmap]] = OrderedDict()  # chunk -> person id -> pixmap
        self._portrait_pages_asked: set[int] = set()
        self._no_portrait = QPixmap()  # transparent, so temporary ids line up with or without one
        if self._fetch_portraits is not None:
            self._no_portrait = QPixmap(PORTRAIT_EDGE, PORTRAIT_EDGE)
            self._no_portrait.fill(Qt.GlobalColor.transparent)

    # --- Qt overrides ---------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column) + (self._extra is not None)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        person_id = self._ids[index.row()]
        if role == ID_ROLE:
            return person_id
        row = self._rows.get(person_id)
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._ask_page(index.row() // self._page_size)
                return LOADING
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == len(Column) and self._extra is not None:
                return self._extra.value(row)
            return self._display(row, Column(index.column()))
        if role == ROW_ROLE:
            return row
        if index.column() == Column.AGE and row.minor:
            return self._minor_alert(role)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == Column.TEMP_ID:
            return self._portrait(index.row(), person_id)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            return _header(Column(section))
        if orientation == Qt.Orientation.Horizontal and section == len(Column) and self._extra is not None:
            return self._extra.header
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        extra = self._extra if column == len(Column) else None
        key = extra.sort_key if extra is not None else SORT_KEYS[Column(column)]
        self._sort = (key, order == Qt.SortOrder.DescendingOrder)
        self.query(self._filter)

    # --- ours -----------------------------------------------------------------------------------

    @property
    def filter(self) -> PersonFilter:
        return self._filter

    def query(self, where: PersonFilter) -> None:
        """Load the ids matching ``where`` (in the current sort order) on the worker."""
        if self._detached:
            return
        self._filter = where
        self._generation += 1
        generation = self._generation
        sort, descending = self._sort
        query, fetch, size = self._query_ids, self._fetch_rows, self._page_size

        def ids_and_first_page() -> tuple[list[str], Sequence[PersonRow]]:
            # One trip to the worker for what the first screen needs, not two.
            ids = query(where, sort, descending)
            return ids, fetch(ids[:size])

        self._runner.run_db(ids_and_first_page, functools.partial(self._on_ids, generation), self._on_failed)

    def person_id_at(self, row: int) -> str:
        return self._ids[row]

    def detach(self) -> None:
        """Forget every row and never fetch again (the session is about to close)."""
        self._detached = True
        self.beginResetModel()
        self._ids, self._rows = [], {}
        self._forget_portraits()
        self.endResetModel()

    @staticmethod
    def _minor_alert(role: int) -> Any:
        """The age cell of a person who is, or may be, under 18: marked, coloured, and said in words."""
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(MINOR_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#4a2600"))
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return _tr("Possibly a child (under 18, or the age is uncertain)")
        return None

    def _display(self, row: PersonRow, column: Column) -> str:
        match column:
            case Column.TEMP_ID:
                return row.temp_id
            case Column.NAME:
                return row.name
            case Column.NAME_OWN:
                return row.name_own
            case Column.NATIONALITY:
                return country_label(row.nationality)
            case Column.SEX:
                return sex_label(row.sex)
            case Column.AGE:
                age = "" if row.age is None else str(row.age)
                return _tr("%1 child?").replace("%1", age).strip() if row.minor else age
        return outcome_label(row.outcome)

    def _ask_page(self, page: int) -> None:
        if page in self._pages_asked or self._detached:
            return
        self._pages_asked.add(page)
        generation = self._generation
        ids = self._ids[page * self._page_size : (page + 1) * self._page_size]
        fetch = self._fetch_rows
        self._runner.run_db(
            lambda: fetch(ids), lambda rows: self._on_rows(generation, page, rows), self._on_failed
        )

    def _on_ids(self, generation: int, loaded: tuple[list[str], Sequence[PersonRow]]) -> None:
        if generation != self._generation or self._detached:
            return
        ids, first_page = loaded
        self.beginResetModel()
        self._ids, self._rows = ids, {row.id: row for row in first_page}
        self._pages_asked.clear()
        self._pages_asked.add(0)
        self._forget_portraits()  # a new query is also when new portraits show up
        self.endResetModel()
        self.ids_loaded.emit(len(ids))

    def _on_rows(self, generation: int, page: int, rows: Sequence[PersonRow]) -> None:
        if generation != self._generation or self._detached:
            return
        for row in rows:
            self._rows[row.id] = row
        first = page * self._page_size
        last = min(first + self._page_size, len(self._ids)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))
        self.page_loaded.emit(len(rows))

    # --- portraits ----------------------------------------------------------------------------

    def _portrait(self, row: int, person_id: str) -> QPixmap | None:
        """A dictionary lookup; a chunk of rows not fetched yet is asked for once, in the background."""
        if self._fetch_portraits is None:
            return None
        page = row // self._portrait_chunk
        cached = self._portraits.get(page)
        if cached is not None:
            self._portraits.move_to_end(page)
            return cached.get(person_id, self._no_portrait)
        self._ask_portraits(page)
        return self._no_portrait

    def _ask_portraits(self, page: int) -> None:
        if self._fetch_portraits is None or self._detached or page in self._portrait_pages_asked:
            return
        self._portrait_pages_asked.add(page)
        ids = self._ids[page * self._portrait_chunk : (page + 1) * self._portrait_chunk]
        self._runner.run_db(
            functools.partial(self._fetch_portraits, ids),
            functools.partial(self._on_portraits, self._generation, page),
            self._on_portraits_failed,
        )

    def _on_portraits(self, generation: int, page: int, images: dict[str, QImage]) -> None:
        if generation != self._generation or self._detached:
            return
        self._portraits[page] = {pid: QPixmap.fromImage(image) for pid, image in images.items()}
        while len(self._portraits) > PORTRAIT_CHUNKS:
            oldest, _ = self._portraits.popitem(last=False)
            self._portrait_pages_asked.discard(oldest)
        if images:
            first = page * self._portrait_chunk
            last = min(first + self._portrait_chunk, len(self._ids)) - 1
            if last >= first:
                self.dataChanged.emit(
                    self.index(first, Column.TEMP_ID),
                    self.index(last, Column.TEMP_ID),
                    [Qt.ItemDataRole.DecorationRole],
                )
        self.portraits_loaded.emit(page)

    def _on_portraits_failed(self, error: Exception) -> None:
        # A missing thumbnail is no reason to interrupt the officer; the list works without it.
        logger.warning("portraits could not be loaded: %r", error)

    def _forget_portraits(self) -> None:
        self._portraits.clear()
        self._portrait_pages_asked.clear()

    def _on_failed(self, error: Exception) -> None:
        if not self._detached:
            self.load_failed.emit(error)

"""The persons list: search by any name in any script, filters, sorting, and opening a person.

From the search box, Enter opens the person whose temporary id was typed (or scanned: a scanner types
the id and Enter, fast), or the only person found; otherwise it goes, like Down, to the results. The
context menu (right click, or the Menu key) opens a person or screens them, continuing a draft
screening at the step it was left rather than beginning a blank one.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ValidationError
from fieldapp.photos.service import Photos
from fieldapp.records.screenings import DraftScreening, Screenings
from fieldapp.records.service import PersonFilter, PersonRow, Records
from ui.models.persons import ID_ROLE, ROW_ROLE, PersonsModel, portrait_fetcher
from ui.screens.drafts import continue_draft_text, new_screening_text
from ui.tasks import TaskRunner
from ui.widgets.person_filters import filter_combo, minor_combo, outcome_combo, search_box
from ui.widgets.persons_table import persons_table


def _yes_no_any(combo: QComboBox) -> bool | None:
    data = combo.currentData()
    return None if data is None else bool(data)


class PersonsPage(QWidget):
    """Emits ``open_person(person_id)`` on Enter or double-click, ``screen_requested(person_id,
    screening_id)`` (empty id: a new screening) from the context menu."""

    open_person = Signal(str)
    screen_requested = Signal(str, str)

    def __init__(self, *, records: Records, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("persons_page")
        self._records = records
        self._runner = runner
        self._operation_id: str | None = None
        self._screenings = Screenings(records)
        self._team_lead = records.session.officer.has_role("team_lead")
        self._open_if_single = False  # Enter found no id: open the only person the search finds
        self.context_menu: QMenu | None = None

        self.search, self._search_timer = search_box(
            self,
            "person_search",
            self.tr("Search: any name in any script, alias, passport or temporary id"),
            self.apply_filter,
        )
        self.search.returnPressed.connect(self.open_typed)
        self.search.installEventFilter(self)

        self.scope = self._combo(
            "filter_scope", [(self.tr("This operation"), True), (self.tr("All operations"), False)]
        )
        self.nationality = self._combo("filter_nationality", [(self.tr("Any nationality"), None)])
        self.outcome = outcome_combo("filter_outcome", self.apply_filter)
        self.minor = minor_combo("filter_minor", self.apply_filter)
        self.handed = self._combo(
            "filter_handed_over",
            [
                (self.tr("Handed over or not"), None),
                (self.tr("Handed over"), 1),
                (self.tr("Not handed over"), 0),
            ],
        )
        self.synced = self._combo(
            "filter_synced",
            [(self.tr("Synced or not"), None), (self.tr("At HQ"), 1), (self.tr("Not yet at HQ"), 0)],
        )
        self.count = QLabel()
        self.count.setObjectName("persons_count")

        self.model = PersonsModel(
            runner=runner,
            query_ids=lambda where, sort, descending: records.person_ids(
                where, sort=sort, descending=descending
            ),
            fetch_rows=records.persons_by_ids,
            fetch_portraits=portrait_fetcher(Photos(records)),
            parent=self,
        )
        self.model.ids_loaded.connect(self._on_ids_loaded)
        self.table = persons_table(self.model, "persons_table", 170)
        self.table.setAccessibleName(self.tr("Persons"))
        self.table.activated.connect(lambda index: self.open_person.emit(index.data(ID_ROLE)))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._ask_context_menu)

        filters = QHBoxLayout()
        for combo in (self.scope, self.nationality, self.outcome, self.minor, self.handed, self.synced):
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table)

    def _combo(self, name: str, options: list[tuple[str, object]]) -> QComboBox:
        return filter_combo(name, options, self.apply_filter)

    def set_operation(self, operation_id: str | None) -> None:
        self._operation_id = operation_id
        self.apply_filter()
        self._runner.run_db(self._records.nationalities, self._on_nationalities)

    def current_filter(self) -> PersonFilter:
        return PersonFilter(
            operation_id=self._operation_id if self.scope.currentData() else None,
            search=self.search.text(),
            nationality=self.nationality.currentData(),
            outcome=self.outcome.currentData(),
            minor=_yes_no_any(self.minor),
            handed_over=_yes_no_any(self.handed),
            synced=_yes_no_any(self.synced),
        )

    @Slot()
    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.model.query(self.current_filter())

    def refresh(self) -> None:
        self.apply_filter()

    def _on_nationalities(self, codes: list[str]) -> None:
        current = self.nationality.currentData()
        self.nationality.blockSignals(True)
        while self.nationality.count() > 1:
            self.nationality.removeItem(1)
        for code in codes:
            self.nationality.addItem(code, code)
        self.nationality.setCurrentIndex(max(0, self.nationality.findData(current)))
        self.nationality.blockSignals(False)

    def _on_ids_loaded(self, count: int) -> None:
        self.count.setText(self.tr("%n person(s)", "", count))
        if self._open_if_single:
            self._open_if_single = False
            if count == 1:
                self.open_person.emit(self.model.person_id_at(0))
            else:
                self.focus_results()

    # --- from the search box to a person --------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Page Down in the search box: on to the results."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        ):
            self.focus_results()
            return True
        return super().eventFilter(watched, event)

    def focus_results(self) -> None:
        """The results take the keys, with a row chosen (the first, unless one already is)."""
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
            self.table.setCurrentIndex(self.model.index(0, 0))

    @Slot()
    def open_typed(self) -> None:
        """Enter in the search box: the person with exactly this temporary id (or id), in any
        operation; else the only person the search finds; else the results."""
        text = self.search.text().strip()
        if not text:
            self.focus_results()
            return
        records = self._records

        def find() -> str:
            try:
                return records.find_person(text).id
            except ValidationError:
                return ""

        self._runner.run_db(find, self._on_typed_found)

    def _on_typed_found(self, person_id: str) -> None:
        if person_id:
            self.open_person.emit(person_id)
            return
        self._open_if_single = True
        self.apply_filter()

    # --- the context menu -----------------------------------------------------------------------

    @Slot(QPoint)
    def _ask_context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            index = self.table.currentIndex()
        person_id = index.data(ID_ROLE) if index.isValid() else None
        if not person_id:
            return
        screenings = self._screenings
        self._runner.run_db(
            lambda: screenings.draft(person_id),
            lambda draft: self._show_context_menu(index, position, draft),
        )

    def _show_context_menu(self, index: QModelIndex, position: QPoint, draft: DraftScreening | None) -> None:
        person_id = str(index.data(ID_ROLE))
        row = index.data(ROW_ROLE)
        menu = QMenu(self)
        menu.setObjectName("persons_context_menu")
        menu.addAction(self.tr("&Open"), lambda: self.open_person.emit(person_id))
        if draft is not None:
            text, screening_id = continue_draft_text(draft.step, self._team_lead), draft.screening_id
        else:
            screened = isinstance(row, PersonRow) and row.outcome is not None
            text, screening_id = new_screening_text(screened), ""
        menu.addAction(text, lambda: self.screen_requested.emit(person_id, screening_id))
        menu.aboutToHide.connect(menu.deleteLater)
        if self.context_menu is not None:
            self.context_menu.close()
        self.context_menu = menu
        menu.destroyed.connect(lambda: setattr(self, "context_menu", None))
        menu.popup(self.table.viewport().mapToGlobal(position))

    def detach(self) -> None:
        if self.context_menu is not None:
            self.context_menu.close()
        self.model.detach()
        self.table.setModel(None)

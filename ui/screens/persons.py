"""The persons list: search by any name in any script, filters, sorting, and opening a person."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fieldapp.photos.service import Photos
from fieldapp.records.service import PersonFilter, Records
from ui.models.persons import ID_ROLE, PersonsModel, portrait_fetcher
from ui.tasks import TaskRunner
from ui.widgets.person_filters import filter_combo, minor_combo, outcome_combo, search_box
from ui.widgets.persons_table import persons_table


def _yes_no_any(combo: QComboBox) -> bool | None:
    data = combo.currentData()
    return None if data is None else bool(data)


class PersonsPage(QWidget):
    """Emits ``open_person(person_id)`` on Enter or double-click."""

    open_person = Signal(str)

    def __init__(self, *, records: Records, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("persons_page")
        self._records = records
        self._runner = runner
        self._operation_id: str | None = None

        self.search, self._search_timer = search_box(
            self,
            "person_search",
            self.tr("Search: any name in any script, alias, passport or temporary id"),
            self.apply_filter,
        )

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

    def detach(self) -> None:
        self.model.detach()
        self.table.setModel(None)

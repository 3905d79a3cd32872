"""The persons list: search by any name in any script, filters, sorting, and opening a person."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.photos.service import Photos
from fieldapp.records.service import PersonFilter, Records
from ui.models.persons import ID_ROLE, PersonsModel, outcome_label, portrait_fetcher
from ui.tasks import TaskRunner
from ui.widgets.persons_table import persons_table

OUTCOMES = (
    "PRESUMED_VICTIM",
    "PRESUMED_CHILD_VICTIM",
    "POSSIBLE_VICTIM",
    "NO_INDICATORS_FOUND",
    "UNDETERMINED",
    "NOT_SCREENED",
)
SEARCH_DELAY_MS = 150


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

        self.search = QLineEdit()
        self.search.setObjectName("person_search")
        self.search.setPlaceholderText(
            self.tr("Search: any name in any script, alias, passport or temporary id")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search persons"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search.setFocus)

        self.scope = self._combo(
            "filter_scope", [(self.tr("This operation"), True), (self.tr("All operations"), False)]
        )
        self.nationality = self._combo("filter_nationality", [(self.tr("Any nationality"), None)])
        self.outcome = self._combo(
            "filter_outcome",
            [
                (self.tr("Any outcome"), None),
                *((outcome_label(None if o == "NOT_SCREENED" else o), o) for o in OUTCOMES),
            ],
        )
        self.minor = self._combo(
            "filter_minor",
            [
                (self.tr("Adults and minors"), None),
                (self.tr("Minors (or possibly)"), 1),
                (self.tr("Adults"), 0),
            ],
        )
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
        combo = QComboBox()
        combo.setObjectName(name)
        for label, data in options:
            combo.addItem(label, data)
        combo.currentIndexChanged.connect(self.apply_filter)
        return combo

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

"""Persons across all teams: the field app's search, filters and lazy paged model, over the HQ store."""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fieldapp.hq import persons_view, views
from fieldapp.records.service import PersonFilter, PersonRow
from ui.hq.page import HqPage
from ui.hq.session import HqSession
from ui.models.persons import ID_ROLE, ExtraColumn, PersonsModel
from ui.naming import named
from ui.tasks import TaskRunner
from ui.widgets.country_field import country_label
from ui.widgets.person_filters import filter_combo, minor_combo, outcome_combo, search_box
from ui.widgets.persons_table import persons_table


def _laptop_of(row: PersonRow) -> str:
    return row.laptop if isinstance(row, persons_view.HqPersonRow) else ""


OPEN_AFTER_MS = 400  # the selection rests this long before the person is opened
Choices = tuple[list[tuple[str, str, str]], list[tuple[str, str]], list[str]]


def _choices(store: Any) -> Choices:
    return views.operations(store), views.laptops(store), views.nationalities(store)


class HqPersonsPage(HqPage):
    def __init__(self, *, session: HqSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(session=session, runner=runner, name="hq_persons", parent=parent)
        self.search, self._timer = search_box(
            self,
            "hq_person_search",
            self.tr("Search every team: any name in any script, alias, passport or temporary id"),
            self.apply_filter,
        )
        self.operation = self._combo("hq_filter_operation", [(self.tr("All operations"), None)])
        self.laptop = self._combo("hq_filter_laptop", [(self.tr("All laptops (teams)"), None)])
        self.laptop.setToolTip(self.tr("Only the persons registered on this laptop"))
        self.nationality = self._combo("hq_filter_nationality", [(self.tr("Any nationality"), None)])
        self.outcome = outcome_combo("hq_filter_outcome", self.apply_filter)
        self.minor = minor_combo("hq_filter_minor", self.apply_filter)
        self.count = named(QLabel(), "hq_persons_count")
        self.origin = named(QLabel(), "hq_person_origin")
        store = session.store
        self.model = PersonsModel(
            runner=runner,
            query_ids=functools.partial(persons_view.person_ids, store),
            fetch_rows=functools.partial(persons_view.rows, store),
            extra=ExtraColumn(self.tr("Laptop"), persons_view.LAPTOP_SORT, _laptop_of),
            parent=self,
        )
        self.model.ids_loaded.connect(self._on_ids_loaded)
        self.model.load_failed.connect(self.failed)
        self.table = persons_table(self.model, "hq_persons_table", 150)
        self.table.setAccessibleName(self.tr("Persons"))
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        # A person is opened (and the view recorded) once the selection rests: arrowing down a list to
        # reach someone does not log a view of everyone passed on the way.
        self._opening = QTimer(self, singleShot=True, interval=OPEN_AFTER_MS)
        self._opening.timeout.connect(self._open_current)
        filters = QHBoxLayout()
        for combo in (self.operation, self.laptop, self.nationality, self.outcome, self.minor):
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.origin)
        layout.addWidget(self.status)

    def _combo(self, name: str, options: list[tuple[str, object]]) -> QComboBox:
        return filter_combo(name, options, self.apply_filter)

    def current_filter(self) -> PersonFilter:
        minor = self.minor.currentData()
        return PersonFilter(
            operation_id=self.operation.currentData(),
            device_id=self.laptop.currentData(),
            search=self.search.text(),
            nationality=self.nationality.currentData(),
            outcome=self.outcome.currentData(),
            minor=None if minor is None else bool(minor),
        )

    @Slot()
    def apply_filter(self) -> None:
        self._timer.stop()
        self.model.query(self.current_filter())

    def refresh(self) -> None:
        self.loaded = True
        self.apply_filter()
        self.runner.run_db(functools.partial(_choices, self.session.store), self._on_choices, self.failed)

    def _on_choices(self, choices: Choices) -> None:
        operations, laptops, nationalities = choices
        for combo, items in (
            (self.operation, [(f"{code} — {name}", op_id) for op_id, code, name in operations]),
            (self.laptop, [(name, device_id) for device_id, name in laptops]),
            (self.nationality, [(f"{country_label(code)} ({code})", code) for code in nationalities]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for label, data in items:
                combo.addItem(label, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _on_ids_loaded(self, count: int) -> None:
        self.count.setText(self.tr("%n person(s)", "", count))

    def _on_current(self, _current: Any, _previous: Any) -> None:
        self.origin.clear()
        self._opening.start()

    def _open_current(self) -> None:
        current = self.table.currentIndex()
        person_id = current.data(ID_ROLE) if current.isValid() else None
        if not isinstance(person_id, str):
            return
        self.runner.run_db(
            functools.partial(
                views.open_person, self.session.store, self.session.identity, self.session.analyst, person_id
            ),
            self._on_origin,
            self.failed,
        )

    def _on_origin(self, origin: tuple[str, str]) -> None:
        operation, laptop = origin
        self.origin.setText(
            self.tr("Operation: {operation} · recorded on laptop: {laptop}").format(
                operation=operation or "—", laptop=laptop or "—"
            )
        )

    def detach(self) -> None:
        self._opening.stop()
        self.model.detach()
        self.table.setModel(None)

"""Review queue: one field of one record changed on two laptops at once. Both values side by side (laptop,
officer, time); the analyst keeps one, with a reason, and HQ records a signed decision (Review.resolve)."""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.hq.common import MIN_REASON, fill, selected_key, table
from ui.hq.page import HqPage
from ui.hq.session import HqSession
from ui.naming import named
from ui.tasks import TaskRunner


def _load(session: HqSession) -> tuple[list[Any], dict[str, str]]:
    review = session.review()
    items = list(review.conflicts("open"))
    ids = [c.entity_id for c in items if c.entity == "person"]
    names = {p.id: f"{p.temp_id} {p.name or p.name_own}".strip() for p in session.store.persons_by_ids(ids)}
    return items, names


def _resolve(session: HqSession, conflict_id: int, chosen: str, reason: str) -> None:
    session.review().resolve(conflict_id, chosen, reason)


def _value(value: object) -> str:
    return "—" if value is None or value == "" else str(value)


class _Side(QGroupBox):
    def __init__(self, title: str, name: str) -> None:
        super().__init__(title)
        self.setObjectName(name)
        self.choose = named(QRadioButton(self.tr("Keep this value")), f"{name}_choose")
        self.value = named(QLabel(), f"{name}_value")
        font = self.value.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setWordWrap(True)
        self.facts = named(QLabel(), f"{name}_facts")
        self.facts.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.facts)
        layout.addWidget(self.choose)

    def show_side(self, side: Any) -> None:
        self.value.setText(_value(side.value))
        self.facts.setText(
            self.tr("Laptop: {laptop}\nOfficer: {officer}\nChanged at: {at}").format(
                laptop=side.device_name or side.device_id,
                officer=side.officer or "—",
                at=str(side.at)[:19].replace("T", " "),
            )
        )


class ReviewPage(HqPage):
    def __init__(self, *, session: HqSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(session=session, runner=runner, name="hq_review", parent=parent)
        self.items: list[Any] = []
        self.names: dict[str, str] = {}
        self.table = table(
            "conflicts_table",
            [
                self.tr("Record"),
                self.tr("Field"),
                self.tr("Value A"),
                self.tr("Value B"),
                self.tr("Found at"),
            ],
        )
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.heading = named(QLabel(), "conflict_heading")
        self.heading.setWordWrap(True)
        self.side_a = _Side(self.tr("Value A"), "side_a")
        self.side_b = _Side(self.tr("Value B"), "side_b")
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.side_a.choose)
        self.choice.addButton(self.side_b.choose)
        self.reason = named(QLineEdit(), "resolve_reason")
        self.reason.setPlaceholderText(
            self.tr("Why this value? (at least 5 characters; kept with the decision)")
        )
        self.reason.setAccessibleName(self.tr("Reason"))
        self.resolve_button = named(QPushButton(self.tr("&Resolve")), "resolve_button")
        self.resolve_button.clicked.connect(self.resolve)
        for signal in (self.reason.textChanged, self.choice.buttonClicked):
            signal.connect(self._update_button)
        detail = QWidget()
        grid = QGridLayout(detail)
        grid.addWidget(self.heading, 0, 0, 1, 2)
        grid.addWidget(self.side_a, 1, 0)
        grid.addWidget(self.side_b, 1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.resolve_button)
        grid.addLayout(bottom, 2, 0, 1, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setSizes([240, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self._show(None)

    def refresh(self) -> None:
        self.loaded = True
        self.runner.run_db(functools.partial(_load, self.session), self._on_loaded, self.failed)

    def _record(self, item: Any) -> str:
        return self.names.get(item.entity_id, f"{item.entity} {item.entity_id[-8:]}")

    def _on_loaded(self, loaded: tuple[list[Any], dict[str, str]]) -> None:
        self.items, self.names = loaded
        fill(
            self.table,
            [
                (
                    self._record(c),
                    c.field,
                    _value(c.a.value),
                    _value(c.b.value),
                    str(c.detected_at)[:19].replace("T", " "),
                )
                for c in self.items
            ],
            [c.id for c in self.items],
        )
        if not self.items:
            self.heading.setText(self.tr("Nothing waits for review."))
        elif self.table.rowCount():
            self.table.selectRow(0)
        self._on_selected()

    def _current(self) -> Any:
        key = selected_key(self.table)
        return next((c for c in self.items if c.id == key), None)

    @Slot()
    def _on_selected(self) -> None:
        self._show(self._current())

    def _show(self, item: Any) -> None:
        self.choice.setExclusive(False)
        for side in (self.side_a, self.side_b):
            side.choose.setChecked(False)
            side.setVisible(item is not None)
        self.choice.setExclusive(True)
        self.reason.setVisible(item is not None)
        self.resolve_button.setVisible(item is not None)
        if item is not None:
            self.heading.setText(
                self.tr(
                    "{record}: the field “{field}” was changed on two laptops that could not see "
                    "each other's "
                    "change. Keep one value."
                ).format(record=self._record(item), field=item.field)
            )
            self.side_a.show_side(item.a)
            self.side_b.show_side(item.b)
        self._update_button()

    @Slot()
    def _update_button(self) -> None:
        ready = self._current() is not None and self.choice.checkedButton() is not None
        self.resolve_button.setEnabled(ready and len(self.reason.text().strip()) >= MIN_REASON)

    @Slot()
    def resolve(self) -> None:
        item = self._current()
        if item is None or not self.resolve_button.isEnabled():
            return
        chosen = "a" if self.side_a.choose.isChecked() else "b"
        reason = self.reason.text().strip()
        self.resolve_button.setEnabled(False)
        self.runner.run_db(
            functools.partial(_resolve, self.session, item.id, chosen, reason),
            functools.partial(self._on_resolved, item, chosen),
            self._on_resolve_failed,
        )

    def _on_resolved(self, item: Any, chosen: str, _result: object) -> None:
        value = item.a.value if chosen == "a" else item.b.value
        self.reason.clear()
        self.say(
            self.tr("Resolved: {record} keeps “{value}” for {field}.").format(
                record=self._record(item), value=_value(value), field=item.field
            )
        )
        self.refresh()

    def _on_resolve_failed(self, error: Exception) -> None:
        self._update_button()
        self.failed(error)

"""Follow-up: persons handed over, their case status now and the days since the last update, the 30/90-day
reminders, and a form to record a new status (a signed HQ decision) for the selected person."""

from __future__ import annotations

import functools
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.hq import followup
from fieldapp.hq.followup import FollowUp, StatusEntry
from ui.hq.common import fill, selected_key, table
from ui.hq.page import HqPage
from ui.hq.session import HqSession
from ui.naming import named
from ui.tasks import TaskRunner
from ui.widgets.country_field import country_label

SHOWN_AT_MOST = 1000  # rows in the table; the longest without an update come first (the CLI lists all)


def _load(store: object, due: int | None) -> list[FollowUp]:
    return followup.followups(store.conn, due=due)  # type: ignore[attr-defined]


class FollowUpPage(HqPage):
    def __init__(self, *, session: HqSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(session=session, runner=runner, name="hq_followup", parent=parent)
        self.status_names = {
            "in_shelter": self.tr("In shelter"),
            "repatriated": self.tr("Repatriated"),
            "witness": self.tr("Witness"),
            "prosecution": self.tr("Prosecution"),
            "compensation_claimed": self.tr("Compensation claimed"),
            "compensation_received": self.tr("Compensation received"),
            "re_trafficked": self.tr("Re-trafficked"),
            "closed": self.tr("Closed"),
            followup.HANDED_OVER: self.tr("Handed over, no status yet"),
        }
        self.due = named(QComboBox(), "followup_due")
        for label, days in (
            (self.tr("Every person followed"), None),
            (self.tr("Due: no update for 30 days or more"), 30),
            (self.tr("Due: no update for 90 days or more"), 90),
        ):
            self.due.addItem(label, days)
        self.due.currentIndexChanged.connect(self.refresh)
        show = QLabel(self.tr("Sho&w:"))
        show.setBuddy(self.due)
        self.count = named(QLabel(), "followup_count")
        self.table = table(
            "followup_table",
            [
                self.tr("Temporary id"),
                self.tr("Name"),
                self.tr("Nationality"),
                self.tr("Case status now"),
                self.tr("Since"),
                self.tr("Days since update"),
            ],
        )
        self.table.setAccessibleName(self.tr("Persons followed"))
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.items: list[FollowUp] = []

        self.person = named(QLabel(self.tr("Select a person in the list.")), "followup_person")
        self.status_choice = named(QComboBox(), "followup_status")
        for status in followup.STATUSES:
            self.status_choice.addItem(self.status_names[status], status)
        self.status_choice.currentIndexChanged.connect(self._on_status)
        self.effective = named(QLineEdit(date.today().isoformat()), "followup_date")
        self.effective.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.route = named(QComboBox(), "followup_route")
        self.route_names = {"air": self.tr("By air"), "land": self.tr("By land"), "sea": self.tr("By sea")}
        for route, label in self.route_names.items():
            self.route.addItem(label, route)
        self.via = named(QLineEdit(), "followup_via")
        self.via.setPlaceholderText(self.tr("Border checkpoint or airport (optional)"))
        self.new_case = named(QLineEdit(), "followup_new_case")
        self.new_case.setPlaceholderText(self.tr("The new case's person id at HQ (optional)"))
        self.note = named(QLineEdit(), "followup_note")
        self.note.setPlaceholderText(self.tr("Optional; kept at HQ, never exported"))
        self.record_button = named(QPushButton(self.tr("&Record status")), "followup_record")
        self.record_button.setEnabled(False)
        self.record_button.clicked.connect(self.record)
        form = QFormLayout()
        form.addRow(self.tr("Person:"), self.person)
        form.addRow(self.tr("&Status:"), self.status_choice)
        form.addRow(self.tr("&Date it took effect:"), self.effective)
        form.addRow(self.tr("Rou&te home:"), self.route)
        form.addRow(self.tr("&Crossing point:"), self.via)
        form.addRow(self.tr("&New case:"), self.new_case)
        form.addRow(self.tr("N&ote:"), self.note)
        form.addRow("", self.record_button)
        self.history = named(QLabel(), "followup_history")
        self.history.setWordWrap(True)
        self.history.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        top = QHBoxLayout()
        top.addWidget(show)
        top.addWidget(self.due)
        top.addStretch(1)
        top.addWidget(self.count)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.history, 1)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        self._on_status()

    def refresh(self) -> None:
        self.loaded = True
        self.runner.run_db(
            functools.partial(_load, self.session.store, self.due.currentData()), self._on_loaded, self.failed
        )

    def _on_loaded(self, items: list[FollowUp]) -> None:
        chosen = selected_key(self.table)
        self.items = items[:SHOWN_AT_MOST]
        rows = [
            (
                i.temp_id,
                i.name,
                country_label(i.nationality) if i.nationality else "—",
                self.status_names.get(i.status, i.status),
                i.effective,
                i.days_since,
            )
            for i in self.items
        ]
        fill(self.table, rows, [i.person_id for i in self.items])
        if len(items) > len(self.items):
            self.count.setText(
                self.tr(
                    "%n person(s); the {shown} longest without an update are listed", "", len(items)
                ).format(shown=len(self.items))
            )
        else:
            self.count.setText(self.tr("%n person(s)", "", len(items)))
        for row, item in enumerate(self.items):
            if item.person_id == chosen:
                self.table.selectRow(row)

    @Slot()
    def _on_status(self) -> None:
        status = self.status_choice.currentData()
        for widget, wanted in (
            (self.route, "repatriated"),
            (self.via, "repatriated"),
            (self.new_case, "re_trafficked"),
        ):
            widget.setEnabled(status == wanted)

    @Slot()
    def _on_selected(self) -> None:
        person_id = selected_key(self.table)
        self.record_button.setEnabled(isinstance(person_id, str))
        if not isinstance(person_id, str):
            self.person.setText(self.tr("Select a person in the list."))
            self.history.clear()
            return
        item = next(i for i in self.items if i.person_id == person_id)
        self.person.setText(f"{item.temp_id} · {item.name}")
        self.runner.run_db(
            functools.partial(followup.history, self.session.store.conn, person_id),
            self._on_history,
            self.failed,
        )

    def _on_history(self, entries: list[StatusEntry]) -> None:
        if not entries:
            self.history.setText(self.tr("No status recorded yet."))
            return
        lines = []
        for e in entries:
            lines.append(
                self.tr("{date}: {status} (by {analyst})").format(
                    date=e.effective, status=self.status_names.get(e.status, e.status), analyst=e.analyst
                )
            )
            details = [
                self.route_names.get(e.fields.get("route", ""), ""),
                e.fields.get("via", ""),
                self.tr("new case {person_id}").format(person_id=e.fields["new_person_id"])
                if e.fields.get("new_person_id")
                else "",
                e.note,
            ]
            if any(details):
                lines.append("    " + "; ".join(d for d in details if d))
        self.history.setText(self.tr("History:") + "\n" + "\n".join(lines))

    @Slot()
    def record(self) -> None:
        person_id = selected_key(self.table)
        if not isinstance(person_id, str):
            return
        status = str(self.status_choice.currentData())
        repatriated = status == "repatriated"
        work = functools.partial(
            followup.set_status,
            self.session.store,
            self.session.identity,
            person_id,
            status,
            effective=self.effective.text().strip() or None,
            note=self.note.text(),
            route=str(self.route.currentData()) if repatriated else None,
            via=self.via.text() if repatriated else None,
            new_person_id=self.new_case.text() if status == "re_trafficked" else None,
        )
        self.record_button.setEnabled(False)
        self.runner.run_db(work, self._on_recorded, self._on_refused)

    def _on_recorded(self, entry: StatusEntry) -> None:
        self.say(
            self.tr("Recorded: {status} from {date} (HQ decision {seq}).").format(
                status=self.status_names.get(entry.status, entry.status), date=entry.effective, seq=entry.seq
            )
        )
        self.note.clear()
        self.new_case.clear()
        self.via.clear()
        self.record_button.setEnabled(True)
        self.refresh()
        self._on_selected()

    def _on_refused(self, error: Exception) -> None:
        self.record_button.setEnabled(True)
        self.failed(error)

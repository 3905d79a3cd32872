"""Referrals: every handover handed over and what became of it; those still unacknowledged after N days;
the signed copy that came back, recorded by its verification code; a typed receiving body mapped to an entry
of HQ's directory; a referral closed. Every change is a signed HQ decision (``fieldapp.hq.referrals``)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.hq import referrals as core
from fieldapp.hq.directory import entries
from fieldapp.reference.receiving_bodies import ReceivingBody
from ui.hq.common import ReasonDialog, fill, paint_row, selected_key, table
from ui.hq.page import HqPage
from ui.hq.session import HqSession
from ui.naming import named
from ui.screens.referral import status_label, step_text
from ui.tasks import TaskRunner
from ui.widgets.body_picker import BodyPicker
from ui.widgets.country_field import app_language

WAITING = QColor("#8a4b00")


@dataclass(frozen=True)
class Listing:
    referrals: list[core.Referral]
    bodies: list[ReceivingBody]
    now: datetime


def _listing(store: Any, unacknowledged: bool, days: int) -> Listing:
    conn = store.conn
    now = datetime.now(UTC)
    return Listing(
        core.referrals(conn, unacknowledged=unacknowledged, days=days, now=now), entries(conn), now
    )


class ReferralsPage(HqPage):
    def __init__(self, *, session: HqSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(session=session, runner=runner, name="hq_referrals", parent=parent)
        self.rows: list[core.Referral] = []
        self.bodies: list[ReceivingBody] = []
        self.dialog: ReasonDialog | None = None  # the open "why" dialog, if any (tests fill it)
        self.picker: BodyPicker | None = None  # the open directory picker, if any
        self.unacknowledged = named(
            QCheckBox(self.tr("Only &unacknowledged after")), "referrals_unacknowledged"
        )
        self.days = named(QSpinBox(), "referrals_days")
        self.days.setRange(0, 365)
        self.days.setValue(core.DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.unacknowledged.toggled.connect(self.refresh)
        self.days.valueChanged.connect(self.refresh)
        self.count = named(QLabel(), "referrals_count")
        self.table = table(
            "referrals_table",
            [
                self.tr("Reference"),
                self.tr("Person"),
                self.tr("Receiving body"),
                self.tr("Status"),
                self.tr("Sent"),
                self.tr("Days"),
            ],
        )
        self.table.setAccessibleName(self.tr("Referrals"))
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.history = named(QLabel(), "referrals_history")
        self.history.setWordWrap(True)
        self.code = named(QLineEdit(), "referrals_code")
        self.code.setPlaceholderText(
            self.tr("Verification code on the returned signed copy (typed or scanned)")
        )
        self.received_button = named(QPushButton(self.tr("&Received")), "referrals_received")
        self.received_button.clicked.connect(self.record_received)
        self.refused_button = named(QPushButton(self.tr("Re&fused…")), "referrals_refused")
        self.refused_button.clicked.connect(self.ask_refused)
        self.close_button = named(QPushButton(self.tr("C&lose referral…")), "referrals_close")
        self.close_button.clicked.connect(self.ask_close)
        self.map_button = named(QPushButton(self.tr("&Map to a directory entry…")), "referrals_map")
        self.map_button.clicked.connect(self.pick_body)
        filters = QHBoxLayout()
        filters.addWidget(self.unacknowledged)
        filters.addWidget(self.days)
        filters.addStretch(1)
        filters.addWidget(self.count)
        returned = QHBoxLayout()
        code_label = QLabel(self.tr("Signed copy &code"))
        code_label.setBuddy(self.code)
        returned.addWidget(code_label)
        returned.addWidget(self.code, 1)
        returned.addWidget(self.received_button)
        returned.addWidget(self.refused_button)
        actions = QHBoxLayout()
        actions.addWidget(self.map_button)
        actions.addWidget(self.close_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.history)
        layout.addLayout(actions)
        layout.addLayout(returned)
        layout.addWidget(self.status)
        self._on_selected()

    def refresh(self) -> None:
        self.loaded = True
        work = functools.partial(
            _listing, self.session.store, self.unacknowledged.isChecked(), self.days.value()
        )
        self.runner.run_db(work, self._on_loaded, self.failed)

    def _on_loaded(self, listing: Listing) -> None:
        self.rows, self.bodies = listing.referrals, listing.bodies
        fill(
            self.table,
            [
                (
                    r.reference_no,
                    r.temp_id,
                    self._body_text(r),
                    status_label(r.status),
                    r.sent_at[:10],
                    r.days_waiting(listing.now),
                )
                for r in self.rows
            ],
            [r.handover_id for r in self.rows],
        )
        for index, found in enumerate(self.rows):
            if not found.acknowledged:
                paint_row(self.table, index, WAITING)
        self.count.setText(self.tr("%n referral(s)", "", len(self.rows)))
        self._on_selected()

    def _body_text(self, found: core.Referral) -> str:
        body = next((b for b in self.bodies if b.id == found.body_id), None)
        if body is not None:
            name = body.name_km if app_language() == "km" and body.name_km else body.name_en
            return f"{name} ({body.id})"
        if found.body_id:  # an entry HQ's directory no longer lists
            return found.body_id
        return self.tr("{name} (typed: not in the directory)").format(name=found.receiving_name or "–")

    def selected(self) -> core.Referral | None:
        key = selected_key(self.table)
        return next((r for r in self.rows if r.handover_id == key), None)

    @Slot()
    def _on_selected(self) -> None:
        found = self.selected()
        self.history.setText("\n".join(step_text(s) for s in found.steps) if found else "")
        self.close_button.setEnabled(found is not None and found.status in ("received", "refused"))
        self.map_button.setEnabled(found is not None and (found.unmapped or found.mapped_by_hq))

    def _decide(self, work: Callable[[], core.Referral], said: str) -> None:
        def done(found: core.Referral) -> None:
            self.say(said.format(reference=found.reference_no, status=status_label(found.status)))
            self.refresh()

        self.runner.run_db(work, done, self.failed)

    @Slot()
    def record_received(self) -> None:
        review, code = self.session.review(), self.code.text()
        self._decide(lambda: core.acknowledge_by_code(review, code), self.tr("{reference} is now {status}."))
        self.code.clear()

    @Slot()
    def ask_refused(self) -> None:
        code = self.code.text()
        self.dialog = ReasonDialog(
            self.tr("Refused"),
            self.tr("Why did the receiving body refuse the person (as the copy says)?"),
            self,
        )
        review = self.session.review()
        self.dialog.decided.connect(
            lambda reason: self._decide(
                lambda: core.acknowledge_by_code(review, code, status="refused", reason=reason),
                self.tr("{reference} is now {status}."),
            )
        )
        self.dialog.open()

    @Slot()
    def ask_close(self) -> None:
        found = self.selected()
        if found is None:
            return
        self.dialog = ReasonDialog(self.tr("Close referral"), self.tr("Why is this referral closed?"), self)
        review = self.session.review()
        self.dialog.decided.connect(
            lambda reason: self._decide(
                lambda: core.record_status(review, found.handover_id, "closed", reason),
                self.tr("{reference} is now {status}."),
            )
        )
        self.dialog.open()

    @Slot()
    def pick_body(self) -> None:
        found = self.selected()
        if found is None:
            return
        self.picker = BodyPicker(self.bodies, self)
        self.picker.search.setText(found.receiving_name.split(" ")[0] if found.receiving_name else "")
        picker = self.picker
        picker.accepted.connect(lambda: self._ask_map(found, picker.chosen))
        picker.open()

    def _ask_map(self, found: core.Referral, body: ReceivingBody | None) -> None:
        if body is None:
            return
        self.dialog = ReasonDialog(
            self.tr("Map to a directory entry"),
            self.tr("Why is “{typed}” the directory's “{name}”?").format(
                typed=found.receiving_name, name=body.name_en
            ),
            self,
        )
        review = self.session.review()
        self.dialog.decided.connect(
            lambda reason: self._decide(
                lambda: core.map_body(review, found.handover_id, body.id, reason),
                self.tr("{reference} now names an entry of the directory."),
            )
        )
        self.dialog.open()

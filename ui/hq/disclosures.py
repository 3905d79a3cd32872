"""Disclosures: who saw, printed, exported or copied whom, at HQ and on the laptops (fieldapp.hq.disclosures).

Filters: a person (id or temporary id), an account (an analyst at HQ, an officer on a laptop), a kind and a
period. The core does the querying on the database worker; this screen only shows the rows, and can save
the list as CSV.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.hq import disclosures
from fieldapp.hq.disclosures import AuditFilter, Disclosure
from ui.hq.common import fill, table
from ui.hq.page import HqPage
from ui.hq.session import HqSession
from ui.naming import named
from ui.tasks import TaskRunner

PERIOD_DAYS = (None, 1, 7, 30, 365)  # the period choices: any time, or the last N days


def _load(store: Any, where: AuditFilter) -> tuple[list[Disclosure], list[str]]:
    return disclosures.audit(store, where), disclosures.accounts(store)


class DisclosuresPage(HqPage):
    def __init__(self, *, session: HqSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(session=session, runner=runner, name="hq_disclosures", parent=parent)
        self.rows: list[Disclosure] = []
        self.person = named(QLineEdit(), "disclosures_person")
        self.person.setPlaceholderText(self.tr("Person id or temporary id"))
        self.person.setClearButtonEnabled(True)
        self.account = named(QComboBox(), "disclosures_account")
        self.account.addItem(self.tr("Any account"), None)
        self.kind = named(QComboBox(), "disclosures_kind")
        kinds = {
            "view": self.tr("Viewed"),
            "export": self.tr("Exported"),
            "print": self.tr("Printed"),
            "copy": self.tr("Unencrypted copy"),
            "issue": self.tr("Form issued"),
        }
        self.kind_names = kinds
        self.what_names = {
            "person_record": self.tr("Person's record"),
            "handover": self.tr("Handover form"),
            "handover_draft": self.tr("Draft handover form"),
            "summary": self.tr("Person's copy"),
            "manifest": self.tr("Manifest"),
            "manifest_by_body": self.tr("Manifest by receiving body"),
            "forms": self.tr("All handover forms"),
            "wristbands": self.tr("Wristbands"),
            "reconciliation": self.tr("Nobody lost"),
            "notification": self.tr("Embassy notification list"),
            "ctdc": self.tr("CTDC export"),
            "htcds": self.tr("HTCDS export"),
            "partner_package": self.tr("Partner package"),
            "partner_package_unencrypted": self.tr("Partner package, not encrypted"),
            "dashboard_png": self.tr("Dashboard (PNG)"),
            "dashboard_pdf": self.tr("Dashboard (PDF)"),
        }
        self.kind.addItem(self.tr("Any kind"), None)
        for key, label in kinds.items():
            self.kind.addItem(label, key)
        self.period = named(QComboBox(), "disclosures_period")
        for days, label in zip(
            PERIOD_DAYS,
            (
                self.tr("Any time"),
                self.tr("Last 24 hours"),
                self.tr("Last 7 days"),
                self.tr("Last 30 days"),
                self.tr("Last 12 months"),
            ),
            strict=True,
        ):
            self.period.addItem(label, days)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.apply_filter)
        self.person.textChanged.connect(lambda _text: self._timer.start())
        for combo in (self.account, self.kind, self.period):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.count = named(QLabel(), "disclosures_count")
        self.csv_button = named(QPushButton(self.tr("Save as C&SV…")), "disclosures_csv")
        self.csv_button.clicked.connect(self.choose_csv)
        self.table = table(
            "disclosures_table",
            [
                self.tr("When (UTC)"),
                self.tr("Where"),
                self.tr("Kind"),
                self.tr("What"),
                self.tr("Persons"),
                self.tr("Who"),
                self.tr("Purpose"),
            ],
        )
        self.table.setAccessibleName(self.tr("Disclosures"))
        form = QFormLayout()
        for text, widget in (
            (self.tr("P&erson:"), self.person),
            (self.tr("Acco&unt:"), self.account),
            (self.tr("&Kind:"), self.kind),
            (self.tr("Peri&od:"), self.period),
        ):
            buddy = QLabel(text)
            buddy.setBuddy(widget)
            form.addRow(buddy, widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.status)
        self.setTabOrder(self.person, self.account)
        self.setTabOrder(self.account, self.kind)
        self.setTabOrder(self.kind, self.period)
        self.setTabOrder(self.period, self.table)
        self.setTabOrder(self.table, self.csv_button)

    def current_filter(self) -> AuditFilter:
        days = self.period.currentData()
        since = None
        if days:
            since = (datetime.now(UTC) - timedelta(days=int(days))).isoformat(timespec="seconds")
            since = since.replace("+00:00", "Z")
        return AuditFilter(
            person=self.person.text().strip() or None,
            account=self.account.currentData(),
            kind=self.kind.currentData(),
            since=since,
        )

    def refresh(self) -> None:
        self.loaded = True
        self.apply_filter()

    @Slot()
    def apply_filter(self) -> None:
        self._timer.stop()
        self.runner.run_db(
            functools.partial(_load, self.session.store, self.current_filter()), self._on_loaded, self.failed
        )

    def _on_loaded(self, loaded: tuple[list[Disclosure], list[str]]) -> None:
        rows, accounts = loaded
        self.rows = rows
        current = self.account.currentData()
        self.account.blockSignals(True)
        while self.account.count() > 1:
            self.account.removeItem(1)
        for name in accounts:
            self.account.addItem(name, name)
        self.account.setCurrentIndex(max(0, self.account.findData(current)))
        self.account.blockSignals(False)
        fill(
            self.table,
            [
                (
                    r.created_at.replace("T", " ")[:19],
                    self.tr("HQ") if r.source == disclosures.HQ_SOURCE else r.source,
                    self.kind_names.get(r.kind, r.kind),
                    self._what_text(r.what),
                    self._persons_text(r.temp_ids),
                    r.actor,
                    r.purpose,
                )
                for r in rows
            ],
            [r.id for r in rows],
        )
        self.count.setText(self.tr("%n disclosure(s)", "", len(rows)))

    def _what_text(self, what: str) -> str:
        """The document or export in words; a dashboard's entry keeps the filter it covered after ': '."""
        kind, _, detail = what.partition(": ")
        name = self.what_names.get(kind, kind)
        return f"{name}: {detail}" if detail else name

    def _persons_text(self, persons: tuple[str, ...]) -> str:
        if len(persons) <= 3:
            return ", ".join(persons)
        return self.tr("{first} and {more} more").format(first=", ".join(persons[:3]), more=len(persons) - 3)

    @Slot()
    def choose_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the disclosures"), "disclosures.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.save_csv(Path(path))

    def save_csv(self, path: Path) -> None:
        """The rows shown, as CSV (written on the worker: the core writes it)."""
        rows = list(self.rows)
        self.runner.run_work(
            functools.partial(disclosures.write_csv, rows, path),
            lambda count: self.say(
                self.tr("{count} disclosures saved to {path}").format(count=count, path=path)
            ),
            self.failed,
        )

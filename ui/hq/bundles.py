"""Bundles: what each laptop sent, the seq gaps per laptop, alarms in red, "Import bundles…", and
"Check the store" (every event's signatures, HQ's decisions, the projections: fieldapp.hq.check)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from fieldapp.hq import views
from fieldapp.hq.check import HqCheckReport, run_hq_check
from fieldapp.hq.errors import DevicePending
from ui.errors import said_text, user_message
from ui.hq.common import ALARM_RED, fill, paint_row, size_text, table
from ui.hq.page import HqPage
from ui.hq.session import HqSession
from ui.naming import named
from ui.progress import Progress, ShouldCancel, run_with_progress
from ui.tasks import TaskRunner


@dataclass(frozen=True)
class _Loaded:
    bundles: list[views.BundleRow]
    seqs: list[views.DeviceSeqs]
    alarms: list[dict[str, Any]]
    names: dict[str, str]


def _load(store: Any) -> _Loaded:
    names = {d.device_id: d.name for d in store.devices()}
    return _Loaded(views.bundles(store), views.device_seqs(store), store.alarms(), names)


def _import(
    store: Any, identity: Any, paths: list[Path], progress: Progress, should_cancel: ShouldCancel
) -> Any:
    return views.import_files(store, identity, paths, progress=progress, should_cancel=should_cancel)


class BundlesPage(HqPage):
    def __init__(self, *, session: HqSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(session=session, runner=runner, name="hq_bundles", parent=parent)
        self.import_button = named(QPushButton(self.tr("&Import bundles…")), "import_bundles")
        self.import_button.clicked.connect(self.choose_files)
        self.check_button = named(QPushButton(self.tr("&Check the store")), "check_store")
        self.check_button.setToolTip(
            self.tr(
                "Check every event's hash and signatures, HQ's signed decisions, and that the lists equal the logs"
            )
        )
        self.check_button.clicked.connect(self.check_store)
        self.bundles = table(
            "bundles_table",
            [
                self.tr("Laptop"),
                self.tr("Events"),
                self.tr("New events"),
                self.tr("Imported at"),
                self.tr("Size"),
            ],
        )
        self.seqs = table(
            "seqs_table", [self.tr("Laptop"), self.tr("Events held"), self.tr("Missing (gaps)")]
        )
        self.alarms = table(
            "alarms_table", [self.tr("When"), self.tr("Kind"), self.tr("Laptop"), self.tr("What")]
        )
        self.alarm_count = named(QLabel(), "alarm_count")
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(self.check_button)
        top.addWidget(self.status, 1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("Events held per laptop")))
        lower_layout.addWidget(self.seqs)
        lower_layout.addWidget(self.alarm_count)
        lower_layout.addWidget(self.alarms)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.bundles)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        self.loaded = True
        self.runner.run_db(functools.partial(_load, self.session.store), self._on_loaded, self.failed)

    def _on_loaded(self, loaded: _Loaded) -> None:
        fill(
            self.bundles,
            [
                (
                    b.device_name or b.device_id,
                    f"{b.seq_from}–{b.seq_to}",
                    b.new_events,
                    b.imported_at[:19].replace("T", " "),
                    size_text(b.size),
                )
                for b in loaded.bundles
            ],
            [b.bundle_hash for b in loaded.bundles],
        )
        fill(
            self.seqs,
            [
                (
                    s.device_name or s.device_id,
                    ", ".join(f"{a}–{b}" for a, b in s.held),
                    ", ".join(f"{a}–{b}" for a, b in s.missing) or self.tr("none"),
                )
                for s in loaded.seqs
            ],
        )
        for row, seqs in enumerate(loaded.seqs):
            if seqs.missing:
                paint_row(self.seqs, row, ALARM_RED)
        fill(
            self.alarms,
            [
                (
                    a["at"][:19].replace("T", " "),
                    self._alarm_kind(a["kind"]),
                    loaded.names.get(a["device_id"] or "", a["device_id"] or ""),
                    said_text(a["detail"]),  # in the app's language when its message was kept
                )
                for a in reversed(loaded.alarms)
            ],
        )
        for row in range(self.alarms.rowCount()):
            paint_row(self.alarms, row, ALARM_RED)
        self.alarm_count.setText(self.tr("Alarms: %n", "", len(loaded.alarms)))
        if loaded.alarms:
            self.alarm_count.setStyleSheet(f"color: {ALARM_RED.name()}; font-weight: bold")

    @Slot()
    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import bundles"), "", self.tr("Bundles (*.bundle *.bundle.*);;All files (*)")
        )
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> None:
        """Import on the worker with a progress dialog; receipts are written beside each bundle."""
        self.import_button.setEnabled(False)
        self.say(self.tr("Importing…"))
        run_with_progress(
            self,
            self.runner,
            self.tr("Importing bundles"),
            functools.partial(_import, self.session.store, self.session.identity, paths),
            self._on_imported,
            self._on_import_failed,
        )

    def _on_imported(self, outcomes: list[views.ImportOutcome]) -> None:
        self.import_button.setEnabled(True)
        self.say("\n".join(self._outcome_text(o) for o in outcomes) or self.tr("No bundle was imported."))
        self.refresh()

    def _on_import_failed(self, error: Exception) -> None:
        self.import_button.setEnabled(True)
        self.failed(error)
        self.refresh()

    def check_store(self) -> None:
        """The audit on the worker, with a progress dialog (it reads every event: seconds per 10,000)."""
        self.check_button.setEnabled(False)
        self.say(self.tr("Checking the store…"))
        run_with_progress(
            self,
            self.runner,
            self.tr("Checking the store"),
            functools.partial(run_hq_check, self.session.store, self.session.identity),
            self._on_checked,
            self._on_check_failed,
        )

    def _on_checked(self, report: HqCheckReport) -> None:
        self.check_button.setEnabled(True)
        counts = self.tr("{events} events and {decisions} HQ decisions checked").format(
            events=report.events, decisions=report.decisions
        )
        if report.cancelled:
            self.say(self.tr("Check cancelled."))
        elif report.ok:
            self.say(
                self.tr(
                    "{counts}: no problems. Every signature checks out and the lists equal the logs."
                ).format(counts=counts)
            )
        else:
            self.say(
                self.tr("{counts}: {n} problem(s), the store may have been altered: {problems}").format(
                    counts=counts,
                    n=len(report.problems),
                    problems="; ".join(said_text(p) for p in report.problems[:5]),
                )
            )

    def _on_check_failed(self, error: Exception) -> None:
        self.check_button.setEnabled(True)
        self.failed(error)

    def _alarm_kind(self, kind: str) -> str:
        return {
            "gap": self.tr("missing events"),
            "import": self.tr("bundle refused"),
            "revoked_officer": self.tr("revoked officer"),
        }.get(kind, kind)

    def _outcome_text(self, outcome: views.ImportOutcome) -> str:
        result = outcome.result
        if not outcome.imported or result is None:
            error = outcome.error
            if isinstance(error, DevicePending):  # the Devices tab approves it: no command to run here
                why = self.tr(
                    "Laptop {laptop} is waiting for approval. Compare its fingerprint {fingerprint} with the one "
                    "the laptop shows in its Sync dialog, approve it in the Devices tab, then import this bundle again."
                ).format(laptop=error.device_name, fingerprint=error.fingerprint)
            else:
                why = user_message(error) if error is not None else outcome.message
            return self.tr("{name}: NOT imported. {why}").format(name=outcome.name, why=why)
        text = self.tr(
            "{name}: imported from {laptop}: events {first}–{last}, {new} new, {held} already held. "
            "Receipt written: {receipt}"
        ).format(
            name=outcome.name,
            laptop=result.device_name,
            first=result.seq_from,
            last=result.seq_to,
            new=result.new_events,
            held=result.duplicate_events,
            receipt=str(outcome.receipt),
        )
        for gap in result.gaps:
            text += "\n" + self.tr("Gap: {gap}").format(gap=said_text(gap))
        for alarm in result.alarms:
            text += "\n" + self.tr("Alarm: {alarm}").format(alarm=said_text(alarm))
        if result.conflicts:
            text += "\n" + self.tr(
                "%n change(s) made on two laptops at once wait in the review queue.", "", result.conflicts
            )
        return text

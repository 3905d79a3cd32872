"""Devices: every laptop HQ has seen, its key fingerprint and officers; approve or revoke after comparing
the fingerprint with the one the laptop shows; revoke one officer of a laptop (a lost key, someone who left)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from fieldapp.hq import officers, views
from fieldapp.hq.officers import OfficerRow
from fieldapp.hq.store import Device
from ui.hq.common import ALARM_RED, ReasonDialog, fill, paint_row, selected_key, table
from ui.hq.page import HqPage
from ui.hq.session import HqSession
from ui.models.persons import role_label
from ui.naming import named
from ui.tasks import TaskRunner


class DevicesPage(HqPage):
    def __init__(self, *, session: HqSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(session=session, runner=runner, name="hq_devices", parent=parent)
        self.rows: list[views.DeviceRow] = []
        self.confirm: QMessageBox | None = None  # the open confirmation, if any (tests press its buttons)
        self.officer_rows: list[OfficerRow] = []  # the selected laptop's officers, as shown
        self._officers_of: str | None = None  # whose officers the table shows
        self.officer_dialog: ReasonDialog | None = None  # the open "why revoke this officer" dialog, if any
        self.device_dialog: ReasonDialog | None = None  # the open "why revoke this laptop" dialog, if any
        self.table = table(
            "devices_table",
            [
                self.tr("Laptop"),
                self.tr("Status"),
                self.tr("Key fingerprint"),
                self.tr("First seen"),
                self.tr("Bundles"),
                self.tr("Officers seen"),
            ],
        )
        self.approve_button = named(QPushButton(self.tr("&Approve…")), "approve_device")
        self.revoke_button = named(QPushButton(self.tr("&Revoke…")), "revoke_device")
        self.approve_button.clicked.connect(self.ask_approve)
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.table.itemSelectionChanged.connect(self._on_device_changed)
        self.officers_table = table(
            "officers_table",
            [self.tr("Officer"), self.tr("Role"), self.tr("On the laptop"), self.tr("HQ")],
        )
        self.revoke_officer_button = named(QPushButton(self.tr("Revoke &officer…")), "revoke_officer")
        self.revoke_officer_button.clicked.connect(self.ask_revoke_officer)
        self.officers_table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.status, 1)
        officer_bar = QHBoxLayout()
        officer_bar.addWidget(QLabel(self.tr("Officers of this laptop")), 1)
        officer_bar.addWidget(self.revoke_officer_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 2)
        layout.addLayout(officer_bar)
        layout.addWidget(self.officers_table, 1)
        self._update_buttons()

    def refresh(self) -> None:
        self.loaded = True
        self.runner.run_db(functools.partial(views.devices, self.session.store), self._on_loaded, self.failed)

    def _status_text(self, status: str) -> str:
        return {
            "pending": self.tr("waiting for approval"),
            "approved": self.tr("approved"),
            "revoked": self.tr("revoked"),
        }.get(status, status)

    def _on_loaded(self, rows: list[views.DeviceRow]) -> None:
        selected = selected_key(self.table)
        self.rows = rows
        self.table.blockSignals(True)  # one officers reload below, not one per clear and reselect
        fill(
            self.table,
            [
                (
                    r.device.name,
                    self._status_text(r.device.status),
                    r.device.fingerprint,
                    r.device.first_seen[:10],
                    r.bundles,
                    ", ".join(name for name, _ in r.officers),
                )
                for r in rows
            ],
            [r.device.device_id for r in rows],
        )
        for index, row in enumerate(rows):
            status = self.table.item(index, 1)
            if row.decided_by is not None and status is not None:  # who decided, and why (signed at HQ)
                status.setToolTip(
                    self.tr("{status} by {analyst}: {reason}").format(
                        status=self._status_text(row.device.status),
                        analyst=row.decided_by,
                        reason=row.decision_reason,
                    )
                )
            if row.device.status != "approved":
                paint_row(self.table, index, ALARM_RED)
            if row.device.device_id == selected:
                self.table.selectRow(index)
        self.table.blockSignals(False)
        self._on_device_changed()

    def select(self, device_id: str) -> None:
        for index, row in enumerate(self.rows):
            if row.device.device_id == device_id:
                self.table.selectRow(index)

    def _selected(self) -> Device | None:
        key = selected_key(self.table)
        return next((r.device for r in self.rows if r.device.device_id == key), None)

    def _selected_officer(self) -> OfficerRow | None:
        key = selected_key(self.officers_table)
        return next((o for o in self.officer_rows if o.officer_id == key), None)

    @Slot()
    def _update_buttons(self) -> None:
        device = self._selected()
        self.approve_button.setEnabled(device is not None and device.status == "pending")
        self.revoke_button.setEnabled(device is not None and device.status != "revoked")
        officer = self._selected_officer()
        self.revoke_officer_button.setEnabled(officer is not None and officer.revoked_at is None)

    @Slot()
    def _on_device_changed(self) -> None:
        """Show the selected laptop's officers (read on the worker; an empty table while none is selected)."""
        device = self._selected()
        if device is None or device.device_id != self._officers_of:
            self._show_officers(None, [])  # never another laptop's officers under this one, even briefly
        if device is None:
            return
        self.runner.run_db(
            functools.partial(officers.officers, self.session.store, device.device_id),
            functools.partial(self._show_officers, device.device_id),
            self.failed,
        )

    def _show_officers(self, device_id: str | None, rows: list[OfficerRow]) -> None:
        device = self._selected()
        if device_id is not None and (device is None or device.device_id != device_id):
            return  # the analyst picked another laptop meanwhile; its own reload is on the way
        selected = selected_key(self.officers_table)
        self.officer_rows = rows
        self._officers_of = device_id
        self.officers_table.blockSignals(True)
        fill(
            self.officers_table,
            [
                (
                    o.name,
                    role_label(o.role),
                    self.tr("active") if o.active else self.tr("disabled"),
                    ""
                    if o.revoked_at is None
                    else self.tr("revoked on {date}: {reason}").format(
                        date=o.revoked_at[:10], reason=o.revoke_reason or ""
                    ),
                )
                for o in rows
            ],
            [o.officer_id for o in rows],
        )
        for index, officer in enumerate(rows):
            if officer.revoked_at is not None:
                paint_row(self.officers_table, index, ALARM_RED)
            if officer.officer_id == selected:
                self.officers_table.selectRow(index)
        self.officers_table.blockSignals(False)
        self._update_buttons()

    def select_officer(self, officer_id: str) -> None:
        for index, officer in enumerate(self.officer_rows):
            if officer.officer_id == officer_id:
                self.officers_table.selectRow(index)

    def ask_approve(self) -> None:
        """Confirm with the fingerprint in view; approving records that it was compared."""
        device = self._selected()
        if device is None:
            return
        box = named(QMessageBox(self), "confirm_device")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Approve this laptop?"))
        box.setText(
            self.tr(
                "Approve {laptop}? Its bundles will be imported from now on.\n\n"
                "Compare this fingerprint with the "
                "one the laptop shows (ask its officer to read it out):\n\n{fingerprint}"
            ).format(laptop=device.name, fingerprint=device.fingerprint)
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(functools.partial(self._on_confirm, box, device.device_id))
        self.confirm = box
        box.open()

    def _on_confirm(self, box: QMessageBox, device_id: str, button: Any) -> None:
        self.confirm = None
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            self.decide(device_id, "approved")

    def ask_revoke(self) -> None:
        """Ask why, with the fingerprint in view; the revocation runs once a real reason is given."""
        device = self._selected()
        if device is None:
            return
        question = self.tr(
            "Revoke {laptop}? Its bundles will be refused from now on, and it cannot be approved again "
            "(the laptop must be enrolled again with a new vault).\n\nFingerprint:\n\n{fingerprint}\n\nWhy?"
        ).format(laptop=device.name, fingerprint=device.fingerprint)
        decided = functools.partial(self.decide, device.device_id, "revoked")
        self.device_dialog = self._ask_why(self.tr("Revoke this laptop?"), question, decided)

    def _ask_why(self, title: str, question: str, decided: Callable[[str], None]) -> ReasonDialog:
        """The reason dialog, open; ``decided(reason)`` runs once a real reason is given."""
        dialog = ReasonDialog(title, question, self)
        dialog.decided.connect(decided)
        dialog.rejected.connect(self._forget_dialogs)
        dialog.open()
        return dialog

    @Slot()
    def _forget_dialogs(self) -> None:
        self.device_dialog = self.officer_dialog = None

    def decide(self, device_id: str, status: str, reason: str = "") -> None:
        """A signed HQ decision with the analyst's name (approving: "fingerprint compared")."""
        self.device_dialog = None
        self.runner.run_db(
            functools.partial(views.decide_device, self.session.review(), device_id, status, reason),
            self._on_decided,
            self.failed,
        )

    def _on_decided(self, device: Any) -> None:
        self.say(
            self.tr("{laptop} is now {status}.").format(
                laptop=device.name, status=self._status_text(device.status)
            )
        )
        self.refresh()

    def ask_revoke_officer(self) -> None:
        """Ask why, saying what revoking does; the revocation runs once a real reason is given."""
        device, officer = self._selected(), self._selected_officer()
        if device is None or officer is None or officer.revoked_at is not None:
            return
        question = self.tr(
            "Revoke {officer} of {laptop} at HQ? This cannot be undone.\n\n"
            "Their work that arrives from now on is imported with an alarm. "
            "Ask the laptop's admin to disable them there too.\n\nWhy?"
        ).format(officer=officer.name, laptop=device.name)
        decided = functools.partial(self.revoke_officer, officer.device_id, officer.officer_id)
        self.officer_dialog = self._ask_why(self.tr("Revoke this officer?"), question, decided)

    def revoke_officer(self, device_id: str, officer_id: str, reason: str) -> None:
        self.officer_dialog = None
        self.runner.run_db(
            functools.partial(officers.revoke, self.session.review(), device_id, officer_id, reason),
            self._on_officer_revoked,
            self.failed,
        )

    def _on_officer_revoked(self, officer: OfficerRow) -> None:
        self.say(
            self.tr("{officer} is now revoked at HQ; their later work will raise an alarm.").format(
                officer=officer.name
            )
        )
        self.refresh()

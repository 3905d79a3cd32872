"""Devices: every laptop HQ has seen, its key fingerprint and officers; approve or revoke after comparing
the fingerprint with the one the laptop shows."""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from fieldapp.hq import views
from fieldapp.hq.store import Device
from ui.hq.common import ALARM_RED, fill, paint_row, selected_key, table
from ui.hq.page import HqPage
from ui.hq.session import HqSession
from ui.naming import named
from ui.tasks import TaskRunner


class DevicesPage(HqPage):
    def __init__(self, *, session: HqSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(session=session, runner=runner, name="hq_devices", parent=parent)
        self.rows: list[views.DeviceRow] = []
        self.confirm: QMessageBox | None = None  # the open confirmation, if any (tests press its buttons)
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
        self.approve_button.clicked.connect(functools.partial(self.ask, "approved"))
        self.revoke_button.clicked.connect(functools.partial(self.ask, "revoked"))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.revoke_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
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
            if row.device.status != "approved":
                paint_row(self.table, index, ALARM_RED)
            if row.device.device_id == selected:
                self.table.selectRow(index)
        self._update_buttons()

    def select(self, device_id: str) -> None:
        for index, row in enumerate(self.rows):
            if row.device.device_id == device_id:
                self.table.selectRow(index)

    def _selected(self) -> Device | None:
        key = selected_key(self.table)
        return next((r.device for r in self.rows if r.device.device_id == key), None)

    @Slot()
    def _update_buttons(self) -> None:
        device = self._selected()
        self.approve_button.setEnabled(device is not None and device.status == "pending")
        self.revoke_button.setEnabled(device is not None and device.status != "revoked")

    def ask(self, status: str) -> None:
        """Confirm with the fingerprint in view; the decision runs when the analyst says yes."""
        device = self._selected()
        if device is None:
            return
        if status == "approved":
            title = self.tr("Approve this laptop?")
            text = self.tr(
                "Approve {laptop}? Its bundles will be imported from now on.\n\n"
                "Compare this fingerprint with the "
                "one the laptop shows (ask its officer to read it out):\n\n{fingerprint}"
            ).format(laptop=device.name, fingerprint=device.fingerprint)
        else:
            title = self.tr("Revoke this laptop?")
            text = self.tr(
                "Revoke {laptop}? Its bundles will be refused from now on, and it cannot be approved again "
                "(the laptop must be enrolled again with a new vault).\n\nFingerprint:\n\n{fingerprint}"
            ).format(laptop=device.name, fingerprint=device.fingerprint)
        box = named(QMessageBox(self), "confirm_device")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(functools.partial(self._on_confirm, box, device.device_id, status))
        self.confirm = box
        box.open()

    def _on_confirm(self, box: QMessageBox, device_id: str, status: str, button: Any) -> None:
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:
            self.decide(device_id, status)
        else:
            self.confirm = None

    def decide(self, device_id: str, status: str) -> None:
        self.confirm = None
        self.runner.run_db(
            functools.partial(views.decide_device, self.session.store, device_id, status),
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

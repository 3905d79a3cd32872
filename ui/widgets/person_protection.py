"""The "do not notify" flag on the person page: their embassy is never told (fear of return, asylum,
statelessness), whatever they consented to. Any officer sets it, a team lead lifts it; both with a reason."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from fieldapp.records.consular import protections, set_protection
from fieldapp.records.service import Records
from ui.errors import show_error
from ui.naming import named
from ui.tasks import TaskRunner


class ProtectionPanel(QWidget):
    def __init__(self, *, records: Records, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records, self._runner = records, runner
        self.person_id = ""
        self.reason: str | None = None
        self.status = named(QLabel(), "person_protection_status")
        self.status.setWordWrap(True)
        self.button = named(QPushButton(), "person_protection")
        self.button.clicked.connect(self.ask)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.button)
        self._show(None)

    def show_person(self, person_id: str) -> None:
        self.person_id = person_id
        conn = self._records.conn
        self._runner.run_db(
            lambda: protections(conn).get(person_id), self._show, lambda e: show_error(self, e)
        )

    def _show(self, reason: str | None) -> None:
        self.reason = reason
        if reason is None:
            self.status.setText(self.tr("The embassy may be told if the person consents."))
            self.button.setText(self.tr("Do not noti&fy the embassy…"))
        else:
            self.status.setText(self.tr("Do not notify the embassy: {reason}").format(reason=reason))
            self.status.setStyleSheet("color: #a40000; font-weight: bold;")
            self.button.setText(self.tr("Lift “do not notify”…"))
        if reason is None:
            self.status.setStyleSheet("")

    def ask(self) -> None:
        on = self.reason is None
        dialog = named(QInputDialog(self), "protection_reason")
        dialog.setWindowTitle(self.tr("Do not notify the embassy") if on else self.tr("Lift “do not notify”"))
        dialog.setLabelText(
            self.tr("Why must their embassy never be told? (fear of return, asylum, stateless…)")
            if on
            else self.tr("Why may their embassy be told now? (a team lead)")
        )
        dialog.textValueSelected.connect(lambda text: self._set(on, text))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _set(self, on: bool, reason: str) -> None:
        records, person_id = self._records, self.person_id
        self._runner.run_db(
            lambda: set_protection(records, person_id, on, reason),
            lambda _: self.show_person(person_id),
            lambda e: show_error(self, e),
        )

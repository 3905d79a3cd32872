"""HQ's accounts, for an admin: who may sign in, in which role; add one, disable one.

Every change asks the admin's own passphrase again and runs on the database worker (disabling re-keys the
SQLCipher store through the session's connection); the core checks the role (fieldapp.hq.account_admin).
"""

from __future__ import annotations

import functools

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldAppError
from fieldapp.hq import account_admin
from fieldapp.hq.accounts import ROLES, Account
from fieldapp.hq.identity import HqIdentity, unlock_hq
from ui.errors import show_error, user_message
from ui.hq.session import HqSession
from ui.naming import named
from ui.tasks import TaskRunner


def _words(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


class AccountsDialog(QDialog):
    def __init__(self, *, session: HqSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hq_accounts_dialog")
        self.setWindowTitle(self.tr("HQ accounts"))
        self.session = session
        self._runner = runner
        self._roster: tuple[Account, ...] = ()
        self.table = named(QTableWidget(0, 4), "hq_accounts_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Status"), self.tr("Sees only")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.name = named(QLineEdit(), "hq_account_name")
        self.role = named(QComboBox(), "hq_account_role")
        for role in ROLES:
            self.role.addItem(self._role_word(role), role)
        self.role.setCurrentIndex(ROLES.index("analyst"))
        self.nationalities = named(QLineEdit(), "hq_account_nationalities")
        self.nationalities.setPlaceholderText(self.tr("a liaison's: VNM, CHN"))
        self.bodies = named(QLineEdit(), "hq_account_bodies")
        self.bodies.setPlaceholderText(self.tr("a liaison's: IOM Phnom Penh"))
        self.new_passphrase = named(QLineEdit(), "hq_account_new_passphrase")
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.own_passphrase = named(QLineEdit(), "hq_account_own_passphrase")
        self.own_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = named(QPushButton(self.tr("&Add the account")), "hq_account_add")
        self.disable_button = named(
            QPushButton(self.tr("&Disable the selected account")), "hq_account_disable"
        )
        self.status = named(QLabel(), "hq_accounts_status")
        self.status.setWordWrap(True)

        form = QFormLayout()
        for text, widget in (
            (self.tr("&Name"), self.name),
            (self.tr("&Role"), self.role),
            (self.tr("Nationali&ties (liaison)"), self.nationalities),
            (self.tr("Receiving &bodies (liaison)"), self.bodies),
            (self.tr("&First passphrase (hand it over in person)"), self.new_passphrase),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        own = QLabel(self.tr("&Your own passphrase (asked for every change)"))
        own.setBuddy(self.own_passphrase)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.add_button)
        layout.addWidget(own)
        layout.addWidget(self.own_passphrase)
        layout.addWidget(self.disable_button)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self.add)
        self.disable_button.clicked.connect(self.disable)
        self.resize(720, 560)
        self.reload()

    def _role_word(self, role: str) -> str:
        words = {"admin": self.tr("admin"), "analyst": self.tr("analyst"), "liaison": self.tr("liaison")}
        return words.get(role, role)

    def reload(self) -> None:
        """The roster as the key file holds it now (a small authenticated read, not the store)."""
        self._roster = self.session.identity.current_accounts()
        self.table.setRowCount(len(self._roster))
        for row, account in enumerate(self._roster):
            status = self.tr("active") if account.active else self.tr("disabled")
            scope = ", ".join((*account.nationalities, *account.receiving_bodies))
            for column, text in enumerate((account.name, self._role_word(account.role), status, scope)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def _own(self) -> str | None:
        passphrase = self.own_passphrase.text()
        if not passphrase:
            self.status.setText(self.tr("Type your own passphrase first: every change asks for it."))
            self.own_passphrase.setFocus()
            return None
        return passphrase

    @Slot()
    def add(self) -> None:
        own = self._own()
        if own is None:
            return
        work = functools.partial(
            account_admin.add_account,
            self.session.identity.folder,
            own,
            self.name.text(),
            str(self.role.currentData()),
            self.new_passphrase.text(),
            account=self.session.analyst,
            nationalities=_words(self.nationalities.text()),
            receiving_bodies=_words(self.bodies.text()),
            store=self.session.store,
        )
        self._run(work, self.tr("Added {name}. Hand over their first passphrase in person."))

    @Slot()
    def disable(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._roster):
            self.status.setText(self.tr("Choose the account to disable in the list first."))
            return
        own = self._own()
        if own is None:
            return
        work = functools.partial(
            account_admin.disable_account,
            self.session.identity.folder,
            own,
            self._roster[row].name,
            account=self.session.analyst,
            store=self.session.store,
        )
        self._run(work, self.tr("Disabled {name}: their passphrase no longer opens HQ."))

    def _run(self, work: functools.partial[Account], done_text: str) -> None:
        own = self.own_passphrase.text()
        folder, me = self.session.identity.folder, self.session.analyst

        def change_then_unlock() -> tuple[Account, HqIdentity]:
            # Unlocked again afterwards: a disabling gave HQ a new key-file key (and store key).
            return work(), unlock_hq(folder, own, me)

        self.own_passphrase.clear()
        self.new_passphrase.clear()
        self.add_button.setEnabled(False)
        self.disable_button.setEnabled(False)
        self.status.setText(self.tr("Working..."))
        self._runner.run_db(change_then_unlock, functools.partial(self._done, done_text), self._failed)

    def _idle(self) -> None:
        self.add_button.setEnabled(True)
        self.disable_button.setEnabled(True)

    def _done(self, done_text: str, result: tuple[Account, HqIdentity]) -> None:
        account, identity = result
        self.session.renew(identity)
        self._idle()
        self.name.clear()
        self.status.setText(done_text.format(name=account.name))
        self.reload()

    def _failed(self, error: Exception) -> None:
        self._idle()
        if isinstance(error, FieldAppError):
            self.status.setText(user_message(error))
        else:
            show_error(self, error)

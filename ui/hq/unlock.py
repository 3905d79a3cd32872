"""HQ unlock: the account's name and its passphrase, in the field unlock screen's look.

Unlocking runs on the database worker (Argon2id takes about a second, and the store's connection belongs
to that worker). The passphrase field is emptied as soon as an attempt starts.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from fieldapp.errors import FieldAppError, WrongPassphrase
from fieldapp.hq.identity import KEY_FILE
from ui.errors import show_error, user_message
from ui.hq.session import HqSession, open_hq
from ui.naming import named
from ui.tasks import TaskRunner
from ui.widgets.unlock_page import centred_page, language_picker


class HqUnlockScreen(QWidget):
    """Emits ``unlocked(HqSession)`` once the HQ passphrase opened HQ's keys and store."""

    unlocked = Signal(object)
    language_changed = Signal(str)

    def __init__(
        self,
        *,
        hq_dir: Path,
        runner: TaskRunner,
        database: str | None = None,
        language: str = "en",
        account: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hq_unlock_screen")
        self.hq_dir = hq_dir
        self.database = database
        self._runner = runner
        self._busy = False

        self.title = named(QLabel(self.tr("Unlock HQ")), "hq_unlock_title")
        title_font = QFont(self.title.font())
        title_font.setPointSize(title_font.pointSize() + 6)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.where = named(QLabel(self._where_text()), "hq_where")
        self.where.setWordWrap(True)
        self.account = named(QLineEdit(account), "hq_account")
        self.account.setAccessibleName(self.tr("Your HQ account"))
        self.account.setPlaceholderText(self.tr("empty: HQ's only account"))
        self.passphrase = named(QLineEdit(), "hq_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Your passphrase"))
        self.unlock_button = named(QPushButton(self.tr("Unlock")), "hq_unlock_button")
        self.unlock_button.setDefault(True)
        self.busy_bar = named(QProgressBar(), "hq_busy")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setVisible(False)
        self.status = named(QLabel(), "hq_unlock_status")
        self.status.setWordWrap(True)
        self.language = language_picker(language, self.language_changed.emit)

        form_widget = QWidget()
        form = QFormLayout(form_widget)
        account_label = QLabel(self.tr("HQ &account"))
        account_label.setBuddy(self.account)
        passphrase_label = QLabel(self.tr("Your &passphrase"))
        passphrase_label.setBuddy(self.passphrase)
        form.addRow(account_label, self.account)
        form.addRow(passphrase_label, self.passphrase)
        form.addRow(self.unlock_button)
        form.addRow(self.busy_bar)
        centred_page(self, self.language, (self.title, self.where, form_widget, self.status))
        self.unlock_button.clicked.connect(self.attempt_unlock)
        self.passphrase.returnPressed.connect(self.attempt_unlock)
        self.account.returnPressed.connect(self.passphrase.setFocus)
        if not (hq_dir / KEY_FILE).exists():
            self.status.setText(
                self.tr(
                    "There is no HQ in {folder}. Create one with `fieldapp hq init`, or try the demo HQ: "
                    "`fieldapp hq demo --hq-dir FOLDER`."
                ).format(folder=str(hq_dir))
            )
        self.passphrase.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        """At start-up (and after a lock) the passphrase takes the keys, not the language list."""
        super().showEvent(event)
        # Tied to self: a screen replaced before the timer fires (unlock, lock, language) is skipped.
        QTimer.singleShot(0, self, self._focus_passphrase)

    @Slot()
    def _focus_passphrase(self) -> None:
        if self.passphrase.isVisible() and self.passphrase.isEnabled():
            self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def _where_text(self) -> str:
        if self.database:
            return self.tr("HQ keys in {folder}; records in the PostgreSQL database.").format(
                folder=str(self.hq_dir)
            )
        return self.tr("HQ folder: {folder}").format(folder=str(self.hq_dir))

    @Slot()
    def attempt_unlock(self) -> None:
        if self._busy:
            return
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        if not passphrase:
            self.status.setText(self.tr("Type your passphrase first."))
            return
        self._set_busy(True)
        self.status.setText(self.tr("Unlocking..."))
        self._runner.run_db(
            functools.partial(open_hq, self.hq_dir, passphrase, self.account.text(), self.database),
            self._on_unlocked,
            self._on_failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_bar.setVisible(busy)
        for widget in (self.unlock_button, self.passphrase, self.account):
            widget.setEnabled(not busy)

    def _on_unlocked(self, session: HqSession) -> None:
        self._set_busy(False)
        self.status.clear()
        self.unlocked.emit(session)

    def _on_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, WrongPassphrase):
            self.status.setText(self.tr("The passphrase is not right for this account. Try again."))
        elif isinstance(error, FieldAppError):
            self.status.setText(user_message(error))
        else:
            show_error(self, error)
        self.passphrase.setFocus()

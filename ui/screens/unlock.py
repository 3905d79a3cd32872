"""Unlock screen: pick an officer, type the passphrase, wait out the back-off after wrong tries.

Unlocking runs on the database worker (Argon2id takes about a second, and the connection it opens
belongs to that worker). The passphrase field is emptied as soon as an attempt starts. An invited
officer's first unlock takes the one-time passphrase their admin gave them, then asks them to choose
their own (the core makes their own signing key then); the one-time passphrase is kept only until then.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from fieldapp.demo.build import DEMO_PASSPHRASE, build_demo
from fieldapp.errors import (
    ChoosePassphrase,
    DataDirError,
    FieldAppError,
    UnlockBackoff,
    VaultNotFound,
    WrongPassphrase,
)
from fieldapp.paths import VAULT_FILE, default_demo_dir
from fieldapp.vault.backoff import remaining_wait
from fieldapp.vault.session import Session, create_vault, slot_officers, unlock
from ui.errors import show_error, user_message
from ui.tasks import TaskRunner
from ui.widgets.unlock_page import centred_page, language_picker

logger = logging.getLogger(__name__)

Clock = Callable[[], float]
TICK_MS = 250


class UnlockScreen(QWidget):
    """Emits ``unlocked(session)`` once an officer's passphrase opened the vault."""

    unlocked = Signal(object)  # Session, owned by the runner's database worker
    language_changed = Signal(str)  # "en" or "km"

    def __init__(
        self,
        *,
        data_dir: Path,
        runner: TaskRunner,
        clock: Clock = time.time,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_screen")
        self._data_dir = data_dir
        self._runner = runner
        self._clock = clock
        self._busy = False
        self._has_vault = False
        self._wait_until = 0.0  # clock() time when the back-off ends

        self.title = QLabel(self.tr("Unlock the vault"))
        title_font = QFont(self.title.font())
        title_font.setPointSize(title_font.pointSize() + 6)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setObjectName("unlock_title")
        self.preferred_officer: str | None = None  # preselected after a lock: who was working
        self.officer = QComboBox()
        self.officer.setObjectName("officer")
        self.officer.setAccessibleName(self.tr("Officer"))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busy")
        self.busy_bar.setRange(0, 0)  # indeterminate
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName(self.tr("Unlocking"))
        self.busy_bar.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("unlock_status")
        self.status.setWordWrap(True)
        self.backoff_label = QLabel()
        self.backoff_label.setObjectName("backoff")
        self.backoff_label.setWordWrap(True)
        self.backoff_label.setVisible(False)
        self.no_vault = QLabel()
        self.no_vault.setObjectName("no_vault")
        self.no_vault.setWordWrap(True)
        self.recheck_button = QPushButton(self.tr("Look again"))
        self.recheck_button.setObjectName("recheck_button")
        self.language = language_picker(language, self.language_changed.emit)
        self.first_run = self._build_first_run()
        self.choose_panel = self._build_choose_panel()
        self._one_time: str | None = (
            None  # an invited officer's one-time passphrase, until they chose their own
        )

        self.form = QWidget()
        form = QFormLayout(self.form)
        officer_label = QLabel(self.tr("&Officer"))
        officer_label.setBuddy(self.officer)
        passphrase_label = QLabel(self.tr("&Passphrase"))
        passphrase_label.setBuddy(self.passphrase)
        form.addRow(officer_label, self.officer)
        form.addRow(passphrase_label, self.passphrase)
        form.addRow(self.unlock_button)
        form.addRow(self.busy_bar)
        centred_page(
            self,
            self.language,
            (
                self.title,
                self.form,
                self.choose_panel,
                self.status,
                self.backoff_label,
                self.no_vault,
                self.recheck_button,
                self.first_run,
            ),
        )
        self.setTabOrder(self.officer, self.passphrase)
        self.setTabOrder(self.passphrase, self.unlock_button)

        self._countdown = QTimer(self)
        self._countdown.setInterval(TICK_MS)
        self._countdown.timeout.connect(self._on_tick)
        self.unlock_button.clicked.connect(self.attempt_unlock)
        self.passphrase.returnPressed.connect(self.attempt_unlock)
        self.recheck_button.clicked.connect(self.refresh)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """At start-up (and after a lock) the passphrase takes the keys, not the language list."""
        super().showEvent(event)
        # Tied to self: a screen replaced before the timer fires (unlock, lock, language) is skipped.
        QTimer.singleShot(0, self, self._focus_first_field)

    @Slot()
    def _focus_first_field(self) -> None:
        field = self.passphrase if self._has_vault else self.new_name
        if field.isVisible() and field.isEnabled():
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- state ----------------------------------------------------------------------------------

    @property
    def in_backoff(self) -> bool:
        return self._countdown.isActive()

    @Slot()
    def refresh(self) -> None:
        """Read who can unlock (the key-slot file is readable without a key) and any back-off."""
        self.officer.clear()
        self._has_vault = False
        try:
            officers = slot_officers(self._data_dir)
        except (VaultNotFound, DataDirError) as exc:
            if isinstance(exc, DataDirError) and self._data_dir.exists():
                self._show_problem(user_message(exc))
            else:
                self._show_no_vault()
            return
        except FieldAppError as exc:
            self._show_problem(user_message(exc))
            return
        self._has_vault = True
        self.first_run.setVisible(False)
        for officer_id, name in officers:
            self.officer.addItem(name, officer_id)
        if self.preferred_officer is not None:  # the officer who was working when the vault locked
            self.officer.setCurrentIndex(max(self.officer.findData(self.preferred_officer), 0))
        self.form.setVisible(True)
        self.no_vault.setVisible(False)
        self.recheck_button.setVisible(False)
        self.status.clear()
        self._start_backoff(remaining_wait(self._data_dir, self._clock))
        self._update_enabled()
        self.passphrase.setFocus()

    def _show_no_vault(self) -> None:
        self.form.setVisible(False)
        self.status.clear()
        self.no_vault.setText(
            self.tr(
                "No vault here yet ({folder}). Create one for this laptop below — you become its first "
                "officer (admin) — or open the demo vault with made-up people to practise."
            ).format(folder=str(self._data_dir))
        )
        self.no_vault.setVisible(True)
        self.recheck_button.setVisible(False)
        self.first_run.setVisible(True)
        self.new_name.setFocus()

    # --- first run ------------------------------------------------------------------------------

    def _build_first_run(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("first_run")
        self.new_name = QLineEdit()
        self.new_name.setObjectName("new_officer_name")
        self.new_passphrase = QLineEdit()
        self.new_passphrase.setObjectName("new_passphrase")
        self.new_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_passphrase.setPlaceholderText(self.tr("At least 10 characters; four or more words are best"))
        self.new_passphrase_again = QLineEdit()
        self.new_passphrase_again.setObjectName("new_passphrase_again")
        self.new_passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.create_button = QPushButton(self.tr("&Create the vault"))
        self.create_button.setObjectName("create_button")
        self.create_button.clicked.connect(self.create_vault)
        self.new_passphrase_again.returnPressed.connect(self.create_vault)
        self.demo_button = QPushButton(self.tr("Open the &demo vault"))
        self.demo_button.setObjectName("demo_button")
        self.demo_button.clicked.connect(self.open_demo)
        form = QFormLayout(panel)
        form.addRow(self.tr("Your &name"), self.new_name)
        form.addRow(self.tr("New pass&phrase"), self.new_passphrase)
        form.addRow(self.tr("Type it a&gain"), self.new_passphrase_again)
        form.addRow(self.create_button)
        form.addRow(self.demo_button)
        panel.setVisible(False)
        return panel

    def _build_choose_panel(self) -> QWidget:
        panel = QWidget()
        panel.setObjectName("choose_panel")
        self.choose_intro = QLabel(
            self.tr(
                "Welcome. That was the one-time passphrase your admin gave you: now choose your own. Nobody "
                "else will know it, and from now on only it unlocks the vault for you."
            )
        )
        self.choose_intro.setWordWrap(True)
        self.own_passphrase = QLineEdit()
        self.own_passphrase.setObjectName("own_passphrase")
        self.own_passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.own_passphrase.setPlaceholderText(self.tr("Four or more unrelated words"))
        self.own_passphrase_again = QLineEdit()
        self.own_passphrase_again.setObjectName("own_passphrase_again")
        self.own_passphrase_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.choose_button = QPushButton(self.tr("Use my own passphrase"))
        self.choose_button.setObjectName("choose_button")
        self.choose_button.clicked.connect(self.choose_own)
        self.own_passphrase_again.returnPressed.connect(self.choose_own)
        form = QFormLayout(panel)
        form.addRow(self.choose_intro)
        form.addRow(self.tr("Your own passphrase"), self.own_passphrase)
        form.addRow(self.tr("Type it again"), self.own_passphrase_again)
        form.addRow(self.choose_button)
        panel.setVisible(False)
        return panel

    @Slot()
    def choose_own(self) -> None:
        """The invited officer's own passphrase: the unlock goes on with it (on the database worker)."""
        officer_id, one_time = self.officer.currentData(), self._one_time
        own, again = self.own_passphrase.text(), self.own_passphrase_again.text()
        if self._busy or not isinstance(officer_id, str) or one_time is None:
            return
        if own != again:
            self.status.setText(self.tr("The two passphrases differ."))
            return
        self.own_passphrase.clear()
        self.own_passphrase_again.clear()
        data_dir, clock = self._data_dir, self._clock
        self._run_busy(
            self.tr("Unlocking..."),
            lambda: unlock(data_dir, officer_id, one_time, new_passphrase=own, clock=clock),
            self._on_unlocked,
        )

    @Slot()
    def create_vault(self) -> None:
        if self._busy:
            return
        name, passphrase = self.new_name.text().strip(), self.new_passphrase.text()
        if passphrase != self.new_passphrase_again.text():
            self.status.setText(self.tr("The two passphrases differ."))
            return
        self.new_passphrase.clear()
        self.new_passphrase_again.clear()
        self._run_busy(
            self.tr("Creating the vault..."),
            lambda: create_vault(self._data_dir, name, passphrase),
            self._on_unlocked,
        )

    @Slot()
    def open_demo(self) -> None:
        if self._busy:
            return
        demo_dir = default_demo_dir()

        def build() -> Path:
            if not (demo_dir / VAULT_FILE).exists():
                build_demo(demo_dir, DEMO_PASSPHRASE)
            return demo_dir

        self._run_busy(self.tr("Preparing the demo vault..."), build, self._on_demo_ready)

    def _on_demo_ready(self, demo_dir: Path) -> None:
        self._end_busy()
        self._data_dir = demo_dir
        self.refresh()
        self.status.setText(
            self.tr("Demo vault: every demo officer's passphrase is “{passphrase}”.").format(
                passphrase=DEMO_PASSPHRASE
            )
        )

    def _run_busy(self, message: str, fn: Callable[[], Any], on_success: Callable[[Any], None]) -> None:
        self._busy = True
        self.busy_bar.setVisible(True)
        self.status.setText(message)
        self._update_enabled()
        self.create_button.setEnabled(False)
        self.demo_button.setEnabled(False)
        self._runner.run_db(fn, on_success, self._on_failed)

    def _show_problem(self, message: str) -> None:
        self.form.setVisible(False)
        self.no_vault.setText(message)
        self.no_vault.setVisible(True)
        self.recheck_button.setVisible(True)

    def _update_enabled(self) -> None:
        ready = self._has_vault and not self._busy and not self.in_backoff
        self.unlock_button.setEnabled(ready)
        self.officer.setEnabled(self._has_vault and not self._busy)
        self.passphrase.setEnabled(self._has_vault and not self._busy)

    # --- unlocking ------------------------------------------------------------------------------

    @Slot()
    def attempt_unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        officer_id = self.officer.currentData()
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        if not isinstance(officer_id, str):
            return
        if not passphrase:
            self.status.setText(self.tr("Type your passphrase first."))
            return
        self._busy = True
        self.busy_bar.setVisible(True)
        self.status.setText(self.tr("Unlocking..."))
        self._update_enabled()
        self._one_time = passphrase  # kept only if it turns out to be an invitation's
        data_dir, clock = self._data_dir, self._clock
        self._runner.run_db(
            lambda: unlock(data_dir, officer_id, passphrase, clock=clock),
            self._on_unlocked,
            self._on_failed,
        )

    def _end_busy(self) -> None:
        self._busy = False
        self.busy_bar.setVisible(False)
        self.create_button.setEnabled(True)
        self.demo_button.setEnabled(True)
        self._update_enabled()

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    def _on_unlocked(self, session: Session) -> None:
        self._end_busy()
        self._forget_one_time()
        self.status.clear()
        self.unlocked.emit(session)

    def _forget_one_time(self) -> None:
        self._one_time = None
        self.choose_panel.setVisible(False)
        self.form.setVisible(self._has_vault)

    def _on_failed(self, error: Exception) -> None:
        self._end_busy()
        if isinstance(
            error, ChoosePassphrase
        ):  # the one-time passphrase was right: the officer chooses theirs
            self.form.setVisible(False)
            self.choose_panel.setVisible(True)
            self.status.clear()
            self.own_passphrase.setFocus()
            return
        if self.choose_panel.isVisible() and isinstance(error, FieldAppError):  # e.g. too easy to guess
            self.status.setText(user_message(error))
            self.own_passphrase.setFocus()
            return
        self._forget_one_time()
        if isinstance(error, UnlockBackoff):
            self._start_backoff(error.wait_seconds)
        elif isinstance(error, WrongPassphrase):
            self.status.setText(self.tr("The passphrase is not right. Check the officer and try again."))
            self._start_backoff(remaining_wait(self._data_dir, self._clock))
        elif isinstance(error, FieldAppError):
            self.status.setText(user_message(error))
        else:
            show_error(self, error)  # a bug: the crash hook shows it
        self.passphrase.setFocus()

    # --- back-off -------------------------------------------------------------------------------

    def _start_backoff(self, wait_seconds: float) -> None:
        if wait_seconds <= 0:
            return
        self._wait_until = self._clock() + wait_seconds
        self._countdown.start()
        self._on_tick()

    @Slot()
    def _on_tick(self) -> None:
        left = self._wait_until - self._clock()
        if left <= 0:
            self._countdown.stop()
            self.backoff_label.clear()
            self.backoff_label.setVisible(False)
        else:
            self.backoff_label.setVisible(True)
            self.backoff_label.setText(
                self.tr("Too many wrong passphrases. Try again in {seconds} s").format(
                    seconds=math.ceil(left)
                )
            )
        self._update_enabled()

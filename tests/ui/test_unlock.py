"""Unlock, wrong passphrase, back-off, lock: the foundation screens driven like an officer would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from fieldapp.vault.backoff import record_failure
from tests.ui.conftest import CHINESE_NAME, KHMER_NAME, OFFICER, PASSPHRASE, FakeClock
from ui.app import AppWindow
from ui.hq.unlock import HqUnlockScreen
from ui.models.persons import LOADING, Column
from ui.screens.unlock import UnlockScreen
from ui.tasks import TaskRunner


@pytest.fixture
def window(qtbot: QtBot, vault_dir: Path, runner: TaskRunner, clock: FakeClock) -> Iterator[AppWindow]:
    app_window = AppWindow(data_dir=vault_dir, runner=runner, clock=clock)
    qtbot.addWidget(app_window)
    app_window.show()
    qtbot.waitExposed(app_window)
    yield app_window
    app_window.lock()
    qtbot.waitUntil(lambda: runner.pending == 0)


def type_and_submit(qtbot: QtBot, window: AppWindow, passphrase: str) -> None:
    screen = window.unlock_screen
    qtbot.keyClicks(screen.passphrase, passphrase)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)


def unlock_ok(qtbot: QtBot, window: AppWindow) -> None:
    type_and_submit(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: window.main_window is not None)
    main = window.main_window
    assert main is not None
    model = main.persons_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 2 and model.index(1, Column.NAME).data() != LOADING)


def test_unlock_shows_officer_counts_and_persons(qtbot: QtBot, window: AppWindow) -> None:
    screen = window.unlock_screen
    assert screen.officer.currentText() == OFFICER
    assert screen.passphrase.echoMode() == screen.passphrase.EchoMode.Password

    unlock_ok(qtbot, window)

    main = window.main_window
    assert main is not None
    assert window.currentWidget() is main
    assert OFFICER in main.signed_in.text()
    qtbot.waitUntil(lambda: "Persons: 2" in main.counts.text())
    assert main.operation_picker.currentText() == "Sihanoukville test raid"
    model = main.persons_page.model
    own_names = {model.index(r, Column.NAME_OWN).data() for r in range(model.rowCount())}
    assert own_names == {KHMER_NAME, CHINESE_NAME}
    assert screen.passphrase.text() == ""
    assert window.session is not None and window.session.is_open


def test_wrong_passphrase_says_so_and_stays(qtbot: QtBot, window: AppWindow, runner: TaskRunner) -> None:
    screen = window.unlock_screen
    type_and_submit(qtbot, window, "not the passphrase")
    assert screen.passphrase.text() == ""  # emptied as soon as the attempt starts
    qtbot.waitUntil(lambda: runner.pending == 0)

    assert "not right" in screen.status.text()
    assert window.currentWidget() is screen
    assert window.main_window is None
    assert screen.unlock_button.isEnabled()  # one wrong try does not back off yet
    assert not screen.in_backoff


def test_three_wrong_passphrases_back_off_with_a_countdown(
    qtbot: QtBot, window: AppWindow, runner: TaskRunner, clock: FakeClock
) -> None:
    screen = window.unlock_screen
    for _ in range(3):
        qtbot.waitUntil(screen.unlock_button.isEnabled)
        type_and_submit(qtbot, window, "wrong passphrase")
        qtbot.waitUntil(lambda: runner.pending == 0)

    assert not screen.unlock_button.isEnabled()
    assert screen.in_backoff
    assert screen.backoff_label.text() == "Too many wrong passphrases. Try again in 2 s"

    clock.advance(2.1)
    qtbot.waitUntil(screen.unlock_button.isEnabled)
    assert not screen.in_backoff
    assert screen.backoff_label.isHidden()

    unlock_ok(qtbot, window)  # the right passphrase works once the wait is over


def test_backoff_from_an_earlier_run_is_shown_at_start(
    qtbot: QtBot, vault_dir: Path, runner: TaskRunner, clock: FakeClock
) -> None:
    for _ in range(4):
        record_failure(vault_dir, clock)
    app_window = AppWindow(data_dir=vault_dir, runner=runner, clock=clock)
    qtbot.addWidget(app_window)
    screen = app_window.unlock_screen

    assert not screen.unlock_button.isEnabled()
    assert screen.backoff_label.text() == "Too many wrong passphrases. Try again in 4 s"
    clock.advance(1.5)
    qtbot.waitUntil(lambda: screen.backoff_label.text().endswith("in 3 s"))


def test_backoff_raised_by_unlock_starts_the_countdown(
    qtbot: QtBot, window: AppWindow, vault_dir: Path, runner: TaskRunner, clock: FakeClock
) -> None:
    screen = window.unlock_screen
    for _ in range(5):  # another process (the CLI, say) failed meanwhile
        record_failure(vault_dir, clock)
    type_and_submit(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: runner.pending == 0)

    assert window.main_window is None
    assert not screen.unlock_button.isEnabled()
    assert screen.backoff_label.text() == "Too many wrong passphrases. Try again in 8 s"


def test_lock_closes_the_session_and_returns_to_unlock(
    qtbot: QtBot, window: AppWindow, runner: TaskRunner
) -> None:
    unlock_ok(qtbot, window)
    main = window.main_window
    assert main is not None
    session, model = window.session, main.persons_page.model
    assert session is not None and model is not None
    QGuiApplication.clipboard().setText("SHV-AB-0001 copied from a record")
    assert main.lock_action.shortcut().toString() == "Ctrl+L"

    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(main.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.currentWidget() is window.unlock_screen)

    assert not session.is_open
    assert window.main_window is None and window.session is None
    assert QGuiApplication.clipboard().text() == ""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(model)
    assert window.unlock_screen.unlock_button.isEnabled()


def test_lock_action_from_the_toolbar(qtbot: QtBot, window: AppWindow) -> None:
    unlock_ok(qtbot, window)
    main = window.main_window
    assert main is not None
    session = window.session
    assert session is not None
    main.lock_action.trigger()
    qtbot.waitUntil(lambda: window.currentWidget() is window.unlock_screen)
    assert not session.is_open

    unlock_ok(qtbot, window)  # and it unlocks again
    assert window.session is not None and window.session is not session


def test_first_run_offers_to_create_a_vault(qtbot: QtBot, tmp_path: Path, runner: TaskRunner) -> None:
    app_window = AppWindow(data_dir=tmp_path / "empty", runner=runner)
    qtbot.addWidget(app_window)
    screen = app_window.unlock_screen
    assert screen.form.isHidden() and not screen.first_run.isHidden()
    assert "No vault here" in screen.no_vault.text()
    assert screen.demo_button.isVisibleTo(screen)

    qtbot.keyClicks(screen.new_name, "Sok Dara")
    screen.new_passphrase.setText("a long new passphrase")
    screen.new_passphrase_again.setText("a different passphrase")
    screen.create_button.click()
    assert "differ" in screen.status.text() and app_window.main_window is None

    screen.new_passphrase.setText("a long new passphrase")
    screen.new_passphrase_again.setText("a long new passphrase")
    qtbot.keyClick(screen.new_passphrase_again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app_window.main_window is not None)
    assert app_window.session is not None and app_window.session.officer.role == "admin"
    main = app_window.main_window
    assert main is not None
    qtbot.waitUntil(lambda: "No operation yet" in main.statusBar().currentMessage())
    assert not main.intake_page.save_button.isEnabled()  # nothing can be registered without an operation


def test_language_switch_before_unlock(qtbot: QtBot, window: AppWindow) -> None:
    old = window.unlock_screen
    index = old.language.findData("km")
    old.language.setCurrentIndex(index)
    old.language.activated.emit(index)
    assert window.language == "km" and window.unlock_screen is not old
    assert window.unlock_screen.language.currentData() == "km"
    window.change_language("en")
    assert window.unlock_screen.title.text() == "Unlock the vault"


@pytest.mark.parametrize("screen_kind", ["field", "hq"])
def test_a_screen_deleted_before_its_focus_timer_fires_raises_nothing(
    qtbot: QtBot, tmp_path: Path, runner: TaskRunner, screen_kind: str
) -> None:
    """The unlock screens focus their field on a zero timer after show; a screen replaced at once (unlock
    done, language switched) must not have that timer reach its deleted widgets."""
    screen = (
        UnlockScreen(data_dir=tmp_path, runner=runner)
        if screen_kind == "field"
        else HqUnlockScreen(hq_dir=tmp_path, runner=runner)
    )
    screen.show()
    shiboken6.delete(screen)
    qtbot.wait(20)  # pytest-qt fails the test on an exception raised in the event loop

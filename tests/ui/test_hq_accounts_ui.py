"""HQ accounts in the desktop app (issue 23): the unlock screen asks account and passphrase, the window says
who is signed in and in which role, and an admin adds and disables accounts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from fieldapp.demo.hq import DEMO_ANALYST, DEMO_HQ_PASSPHRASE
from fieldapp.hq.errors import AccountDisabled
from fieldapp.hq.identity import unlock_hq
from tests.ui.test_hq_ui import WAIT, demo_template, hq, hq_dir  # noqa: F401 - the demo HQ's fixtures
from ui.hq.accounts import AccountsDialog
from ui.hq.window import HqAppWindow, HqMainWindow
from ui.tasks import TaskRunner

KEO, KEO_PASSPHRASE = "Analyst Keo", "keo's first passphrase at hq"


def _settle(qtbot: Any, runner: TaskRunner) -> None:
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)


def test_an_admin_adds_and_disables_an_account(
    qtbot: Any,
    hq: HqMainWindow,  # noqa: F811
    hq_dir: Path,  # noqa: F811
    runner: TaskRunner,
) -> None:
    title = hq.findChild(QLabel, "hq_title")
    assert title is not None and f"{DEMO_ANALYST} (admin)" in title.text()
    assert hq.accounts_button.isVisibleTo(hq)
    assert hq.session is not None
    dialog = AccountsDialog(session=hq.session, runner=runner, parent=hq)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    qtbot.keyClicks(dialog.name, KEO)
    dialog.role.setCurrentIndex(dialog.role.findData("analyst"))
    qtbot.keyClicks(dialog.new_passphrase, KEO_PASSPHRASE)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "own passphrase" in dialog.status.text()  # asked before any change
    qtbot.keyClicks(dialog.own_passphrase, DEMO_HQ_PASSPHRASE)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Added" in dialog.status.text(), timeout=WAIT)
    assert dialog.table.rowCount() == 2 and dialog.own_passphrase.text() == ""
    assert unlock_hq(hq_dir, KEO_PASSPHRASE, KEO).signed_in is not None
    dialog.table.selectRow(next(r for r in range(2) if dialog.table.item(r, 0).text() == KEO))
    qtbot.keyClicks(dialog.own_passphrase, DEMO_HQ_PASSPHRASE)
    qtbot.mouseClick(dialog.disable_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Disabled" in dialog.status.text(), timeout=WAIT)
    _settle(qtbot, runner)
    statuses = {dialog.table.item(r, 0).text(): dialog.table.item(r, 2).text() for r in range(2)}
    assert statuses == {DEMO_ANALYST: "active", KEO: "disabled"}
    with pytest.raises(AccountDisabled):
        unlock_hq(hq_dir, KEO_PASSPHRASE, KEO)
    # The admin's own window goes on working on the re-keyed store.
    assert hq.session.store.person_ids()


def test_the_unlock_screen_asks_account_and_passphrase(qtbot: Any, hq_dir: Path, runner: TaskRunner) -> None:  # noqa: F811
    from fieldapp.hq.account_admin import add_account

    add_account(hq_dir, DEMO_HQ_PASSPHRASE, KEO, "analyst", KEO_PASSPHRASE)
    window = HqAppWindow(hq_dir=hq_dir, runner=runner)
    qtbot.addWidget(window)
    window.show()
    screen = window.unlock_screen
    assert screen.account.text() == ""  # no operating-system user name put in
    qtbot.keyClicks(screen.passphrase, KEO_PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Say which HQ account" in screen.status.text(), timeout=WAIT)  # two accounts now
    qtbot.keyClicks(screen.account, KEO)
    qtbot.keyClicks(screen.passphrase, KEO_PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.main_window is not None, timeout=WAIT)
    main = window.main_window
    assert main is not None and main.session is not None
    assert (main.session.analyst, main.session.role) == (KEO, "analyst")
    assert not main.accounts_button.isVisibleTo(main)  # an analyst manages no accounts
    _settle(qtbot, runner)
    window.lock()
    qtbot.waitUntil(lambda: window.main_window is None, timeout=WAIT)


def test_a_liaison_sees_the_persons_screen_only(qtbot: Any, hq_dir: Path, runner: TaskRunner) -> None:  # noqa: F811
    from fieldapp.hq.account_admin import add_account

    add_account(hq_dir, DEMO_HQ_PASSPHRASE, "Liaison Lan", "liaison", KEO_PASSPHRASE, nationalities=("VNM",))
    window = HqAppWindow(hq_dir=hq_dir, runner=runner)
    qtbot.addWidget(window)
    window.show()
    screen = window.unlock_screen
    qtbot.keyClicks(screen.account, "Liaison Lan")
    qtbot.keyClicks(screen.passphrase, KEO_PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.main_window is not None, timeout=WAIT)
    main = window.main_window
    assert main is not None and main.session is not None
    _settle(qtbot, runner)
    visible = [i for i in range(main.tabs.count()) if main.tabs.isTabVisible(i)]
    assert visible == [main.pages.index(main.persons)] and main.tabs.currentWidget() is main.persons
    main.show_page(0)  # Ctrl+1: the bundles screen is not the liaison's
    assert main.tabs.currentWidget() is main.persons
    persons = main.session.store.person_ids()
    assert persons and {r.nationality for r in main.session.store.persons_by_ids(persons)} == {"VNM"}
    window.lock()
    qtbot.waitUntil(lambda: window.main_window is None, timeout=WAIT)

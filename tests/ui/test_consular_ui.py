"""The consular desk in the app (issue 22 item 5): the "do not notify" flag on the person page, and the
embassy list from the Operation menu, recorded as notified by a team lead."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from fieldapp.records.consular import notified_at, protections
from fieldapp.records.screenings import Screenings
from tests.ui.conftest import on_worker
from ui.screens.notification import NotificationDialog
from ui.tasks import TaskRunner
from ui.widgets.person_protection import ProtectionPanel


def test_the_flag_is_set_with_a_reason_and_shown(qtbot: QtBot, unlocked: Any, runner: TaskRunner) -> None:
    records = unlocked.main_window.records
    wang = next(p for p in on_worker(qtbot, runner, records.persons) if p.nationality == "CHN")
    panel = ProtectionPanel(records=records, runner=runner)
    qtbot.addWidget(panel)
    panel.show_person(wang.id)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    assert "may be told if the person consents" in panel.status.text()
    panel.ask()
    dialog = panel.findChild(QInputDialog, "protection_reason")
    assert isinstance(dialog, QInputDialog)
    dialog.setTextValue("asylum seeker: fears his government")
    dialog.accept()
    qtbot.waitUntil(lambda: panel.reason is not None, timeout=10_000)
    assert "asylum seeker" in panel.status.text() and "Lift" in panel.button.text()
    assert wang.id in on_worker(qtbot, runner, lambda: protections(records.conn))


def test_the_embassy_list_is_printed_and_recorded(qtbot: QtBot, unlocked: Any, runner: TaskRunner) -> None:
    main = unlocked.main_window
    records = main.records
    wang = next(p for p in on_worker(qtbot, runner, records.persons) if p.nationality == "CHN")
    screenings = Screenings(records)
    on_worker(qtbot, runner, lambda: screenings.begin(wang.id, sections={"consent": {"share_embassy": True}}))
    offered: list[Any] = []
    main.output.offer = offered.append  # the print / preview / save question, answered by the test
    main.notification_action.trigger()
    dialog = main.findChild(NotificationDialog, "notification_dialog")
    assert isinstance(dialog, NotificationDialog) and dialog.record.isEnabled()  # Sok Dara is an admin
    dialog.nationality.setCurrentIndex(dialog.nationality.findData("CHN"))
    dialog.record.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: bool(offered), timeout=20_000)
    assert offered[0].pdf.startswith(b"%PDF") and "Notification to" in offered[0].title
    assert wang.id in on_worker(qtbot, runner, lambda: notified_at(records.conn))

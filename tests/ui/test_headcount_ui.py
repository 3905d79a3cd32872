"""The headcount board, station scans and wristband printing in the app (issue 22 items 1-3), keyboard only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.records.wristbands import band_code
from ui.screens.headcount import HeadcountDialog
from ui.screens.wristbands import WristbandsDialog
from ui.tasks import TaskRunner

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _dialog(window: Any, qtbot: QtBot) -> HeadcountDialog:
    main = window.main_window
    qtbot.keyClick(main, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: main.findChild(HeadcountDialog, "headcount_dialog") is not None)
    dialog = main.findChild(HeadcountDialog, "headcount_dialog")
    assert isinstance(dialog, HeadcountDialog)
    qtbot.waitUntil(lambda: dialog.board is not None, timeout=10_000)
    return dialog


def test_scanning_bands_at_a_vehicle_moves_people_on_the_board(
    qtbot: QtBot, unlocked: Any, runner: TaskRunner
) -> None:
    dialog = _dialog(unlocked, qtbot)
    board = dialog.board
    assert board is not None and board.registered == 2 and len(board.unaccounted) == 2
    assert dialog.table.rowCount() == 2 and "UNACCOUNTED" in dialog.table.item(0, 2).text()
    first = dialog.table.item(0, 0).text()
    qtbot.keyClicks(dialog.scan, band_code(first))  # no station yet: said beside the box
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "No station is set" in dialog.scan_result.text(), timeout=10_000)
    dialog.station_box.setCurrentIndex(dialog.station_box.findData("vehicle"))
    dialog.vehicle.setValue(4)
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Station set" in dialog.scan_result.text(), timeout=10_000)
    qtbot.keyClicks(dialog.scan, band_code(first))  # as a USB scanner types it
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.board is not None and len(dialog.board.unaccounted) == 1, timeout=10_000)
    assert dialog.board.in_vehicle == {4: 1}
    assert f"{first} checked in" in dialog.scan_result.text()
    qtbot.keyClicks(dialog.scan, first + "-0" if band_code(first)[-1] != "0" else first + "-1")
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "does not check out" in dialog.scan_result.text(), timeout=10_000)
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.resize(900, 560)
    dialog.grab().save(str(ARTIFACTS / "headcount-board.png"))
    dialog.close()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)


def test_wristbands_dialog_reserves_ahead(qtbot: QtBot, unlocked: Any) -> None:
    dialog = WristbandsDialog()
    qtbot.addWidget(dialog)
    assert dialog.reserve == 0 and dialog.stock == "a4" and not dialog.count.isEnabled()
    dialog.ahead.setChecked(True)
    dialog.count.setValue(48)
    dialog.stock_box.setCurrentIndex(dialog.stock_box.findData("wristband-25"))
    assert (dialog.reserve, dialog.stock) == (48, "wristband-25") and dialog.count.isEnabled()


def test_linking_a_child_to_an_adult_shows_the_safeguarding_prompt(
    qtbot: QtBot, unlocked: Any, runner: TaskRunner
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.conftest import on_worker
    from ui.widgets.person_links import LinkDialog, LinksPanel

    records = unlocked.main_window.records
    sok, wang = on_worker(qtbot, runner, lambda: sorted(records.persons(), key=lambda p: p.name))
    on_worker(qtbot, runner, lambda: records.update_person(sok.id, age=15))
    on_worker(qtbot, runner, lambda: records.update_person(wang.id, age=40))
    panel = LinksPanel(records=records, runner=runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_person(sok.id)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    assert not panel.links and not panel.unlink_button.isEnabled()
    panel.ask_link()
    dialog = panel.findChild(LinkDialog, "link_dialog")
    assert isinstance(dialog, LinkDialog)
    qtbot.keyClicks(dialog.other, band_code(wang.temp_id))
    dialog.relation.setCurrentIndex(dialog.relation.findText(dialog.tr("This person is the child of…")))
    dialog.accept()
    qtbot.waitUntil(lambda: panel.findChild(QMessageBox, "link_safeguarding") is not None, timeout=10_000)
    box = panel.findChild(QMessageBox, "link_safeguarding")
    assert "may be under 18 and is linked to an adult" in box.text()
    qtbot.waitUntil(lambda: len(panel.links) == 1, timeout=10_000)
    assert panel.list.item(0).text() == f"child of {wang.temp_id}" and panel.warning.isVisible()
    box.close()

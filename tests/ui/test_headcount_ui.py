"""The headcount board, station scans and wristband printing in the app (issue 22 items 1-3), keyboard only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
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


def _frame(code: str, seed: int) -> QImage:
    """A camera-like frame of a band (turned, blurred, dim, noisy), as the preview's video sink gives it."""
    import io
    import random

    from tests.core.test_stations import _camera_frame

    out = io.BytesIO()
    _camera_frame(code, random.Random(seed), angle=17, blur=1.0, light=0.7).save(out, format="PNG")
    image = QImage.fromData(out.getvalue())
    assert not image.isNull()
    return image


def test_the_camera_scans_bands_through_the_same_check_in_once_each(
    qtbot: QtBot, unlocked: Any, runner: TaskRunner
) -> None:
    """Issue 22 item 2: frames the camera would hand over are decoded off the GUI thread and each band read
    is a check-in through ``check_in``, as a typed scan; a band held in view is not checked in twice. This
    machine has no camera: the button says so, and the frames are fed to the same handler."""
    from tests.ui.conftest import on_worker
    from ui.widgets.band_camera import BandCameraDialog

    dialog = _dialog(unlocked, qtbot)
    records = dialog._records
    assert not dialog.camera_button.isEnabled() and "No camera" in dialog.camera_button.text()
    dialog.station_box.setCurrentIndex(dialog.station_box.findData("medical"))
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Station set" in dialog.scan_result.text(), timeout=10_000)
    first, second = sorted(dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount()))

    def check_ins() -> list[str]:
        rows = records.conn.execute(
            "SELECT entity_id FROM events WHERE op = 'check_in' ORDER BY device_seq"
        ).fetchall()
        return [records.person(str(row[0])).temp_id for row in rows]

    dialog.open_camera_scan()
    camera = dialog.camera_scan
    assert isinstance(camera, BandCameraDialog)
    assert "No camera found" in camera.status.text()  # its plain "no camera" state
    camera.handle_frame(_frame(band_code(first), 1))
    qtbot.waitUntil(lambda: f"{first} checked in" in dialog.scan_result.text(), timeout=10_000)
    assert f"{first} checked in" in camera.status.text()
    for seed in (2, 3):  # the band is still in front of the camera
        camera.handle_frame(_frame(band_code(first), seed))
        qtbot.waitUntil(lambda: not camera.decoding and runner.pending == 0, timeout=10_000)
    wrong = band_code(second)[:-1] + ("A" if band_code(second)[-1] != "A" else "B")
    camera.handle_frame(_frame(wrong, 4))  # a misread band is not a scan
    qtbot.waitUntil(lambda: not camera.decoding and runner.pending == 0, timeout=10_000)
    assert on_worker(qtbot, runner, check_ins) == [first]
    camera.handle_frame(_frame(band_code(second), 5))
    qtbot.waitUntil(lambda: f"{second} checked in" in dialog.scan_result.text(), timeout=10_000)
    qtbot.waitUntil(lambda: dialog.board is not None and not dialog.board.unaccounted, timeout=10_000)
    assert on_worker(qtbot, runner, check_ins) == [first, second]
    camera.accept()
    qtbot.waitUntil(lambda: dialog.camera_scan is None, timeout=10_000)
    dialog.close()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)

"""The Sync screen against a real vault and a real HQ folder (made with the HQ core in tmp_path)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.hq.identity import enrolment_file, rotate_signing_key, unlock_hq
from fieldapp.sync.keys import fingerprint
from fieldapp.vault.session import Session, unlock
from tests.core.test_sync import HQ_PASSPHRASE, Hq, add_persons
from tests.support import add_officer
from tests.ui.conftest import OFFICER, PASSPHRASE, SCREENER, SCREENER_PASSPHRASE, on_worker, type_text
from ui.screens.dialogs import show_about
from ui.screens.sync import Drive, SyncDialog
from ui.screens.trust import EnrolDialog
from ui.tasks import TaskRunner

T = TypeVar("T")
WAIT = 20_000


@pytest.fixture
def hq(vault_dir: Path, tmp_path: Path) -> Iterator[Hq]:
    h = Hq(tmp_path / "hq")
    session = unlock(vault_dir, OFFICER, PASSPHRASE)
    try:
        h.enrol(session)
        h.approve(session)
        add_officer(session, SCREENER, "screener", SCREENER_PASSPHRASE)
    finally:
        session.close()
    yield h
    h.store.close()


@pytest.fixture
def open_session(
    qtbot: QtBot, runner: TaskRunner, vault_dir: Path, hq: Hq
) -> Iterator[Callable[..., Session]]:
    sessions: list[Session] = []

    def open_as(officer: str = OFFICER, passphrase: str = PASSPHRASE) -> Session:
        session = on_worker(qtbot, runner, lambda: unlock(vault_dir, officer, passphrase))
        sessions.append(session)
        return session

    yield open_as
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    for session in sessions:
        on_worker(qtbot, runner, session.close)


def _dialog(qtbot: QtBot, session: Session, runner: TaskRunner, drives: list[Drive], **kw: Any) -> SyncDialog:
    dialog = SyncDialog(session=session, runner=runner, drives=lambda: drives, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.state is not None and runner.pending == 0, timeout=10_000)
    return dialog


def _export(qtbot: QtBot, dialog: SyncDialog, runner: TaskRunner) -> None:
    assert dialog.export_button.isEnabled()
    dialog.export_button.click()
    qtbot.waitUntil(lambda: "Safe to remove" in dialog.result_label.text(), timeout=20_000)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)


def test_export_to_a_stick_then_safe_to_remove(
    qtbot: QtBot, runner: TaskRunner, open_session: Callable[..., Session], tmp_path: Path
) -> None:
    stick = tmp_path / "STICK"
    stick.mkdir()
    dialog = _dialog(qtbot, open_session(), runner, [Drive(stick, "KINGSTON", 2_000_000_000)])
    assert dialog.hq_label.text() == "HQ Phnom Penh"
    assert dialog.state is not None and dialog.state.pending > 0 and dialog.state.estimate > 0
    assert "KINGSTON" in dialog.drive_list.item(0).text() and dialog.warning_label.text() == ""
    _export(qtbot, dialog, runner)
    assert [p.suffix for p in stick.iterdir()] == [".bundle"]
    assert "up to event" in dialog.bundle_label.text()


def test_a_too_small_stick_warns_before_writing(
    qtbot: QtBot, runner: TaskRunner, open_session: Callable[..., Session], tmp_path: Path
) -> None:
    stick = tmp_path / "TINY"
    stick.mkdir()
    dialog = _dialog(qtbot, open_session(), runner, [Drive(stick, "TINY", 1000)])
    assert "too small" in dialog.warning_label.text()
    assert not dialog.export_button.isEnabled()
    dialog.export()
    qtbot.wait(100)
    assert list(stick.iterdir()) == [] and "Safe to remove" not in dialog.result_label.text()


def test_receipt_moves_the_acked_count_and_a_forged_one_is_refused(
    qtbot: QtBot, runner: TaskRunner, open_session: Callable[..., Session], tmp_path: Path, hq: Hq
) -> None:
    stick = tmp_path / "STICK"
    stick.mkdir()
    dialog = _dialog(qtbot, open_session(), runner, [Drive(stick, "STICK", 2_000_000_000)])
    _export(qtbot, dialog, runner)
    result = hq.imports(list(stick.iterdir()))
    receipt = tmp_path / "receipt.json"
    receipt.write_bytes(result.receipt)
    forged = json.loads(result.receipt)
    forged["receipt"]["acked_seq"] = 1
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    dialog.load_receipt(str(tmp_path / "forged.json"))
    qtbot.waitUntil(lambda: "forged" in dialog.result_label.text(), timeout=10_000)
    assert dialog.acked_label.text() == "events up to 0"
    dialog.load_receipt(str(receipt))
    qtbot.waitUntil(lambda: dialog.acked_label.text() == f"events up to {result.acked_seq}", timeout=10_000)
    assert "HQ has received" in dialog.result_label.text() and dialog.pending_label.text() == "0 changes"
    assert dialog.receipt_label.text() != "none yet"


def test_purge_as_team_lead_and_not_as_screener(
    qtbot: QtBot, runner: TaskRunner, open_session: Callable[..., Session], tmp_path: Path, hq: Hq
) -> None:
    stick = tmp_path / "STICK"
    stick.mkdir()
    later = datetime.now(UTC) + timedelta(days=15)
    session = open_session()
    dialog = _dialog(qtbot, session, runner, [Drive(stick, "STICK", 2_000_000_000)], clock=lambda: later)
    _export(qtbot, dialog, runner)
    result = hq.imports(list(stick.iterdir()))
    (tmp_path / "r.json").write_bytes(result.receipt)
    dialog.load_receipt(str(tmp_path / "r.json"))
    qtbot.waitUntil(lambda: "HQ has received" in dialog.result_label.text(), timeout=10_000)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    assert dialog.purge_button.isEnabled()
    dialog.purge_button.click()
    qtbot.waitUntil(lambda: hasattr(dialog, "confirm_box") and dialog.confirm_box.isVisible(), timeout=10_000)
    assert "Remove 2 persons" in dialog.confirm_box.text()
    dialog.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "Purged 2 persons" in dialog.result_label.text(), timeout=20_000)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    assert (
        on_worker(
            qtbot,
            runner,
            lambda: session.conn.execute("SELECT count(*) FROM persons WHERE status = 'purged'").fetchone()[
                0
            ],
        )
        == 2
    )
    assert dialog.state is not None and dialog.state.pending > 0  # the purge events wait for the next bundle

    screener = _dialog(qtbot, open_session(SCREENER, SCREENER_PASSPHRASE), runner, [])
    assert not screener.purge_button.isEnabled()
    assert "No USB stick" in screener.warning_label.text() and not screener.export_button.isEnabled()


def test_send_over_the_network_to_a_real_hq_serve(
    qtbot: QtBot, runner: TaskRunner, open_session: Callable[..., Session], tmp_path: Path
) -> None:
    """The network buttons against `fieldapp hq serve` on 127.0.0.1 (a laptop enrolled with its address)."""
    from tests.core.test_network_sync import World, events_at_hq
    from tests.support import PASSPHRASE as LAPTOP_PASSPHRASE

    world = World(tmp_path / "net")
    try:
        laptop = world.laptop()  # enrolled with the server's address and pin, approved, with 4 persons
        folder = laptop.data_dir
        laptop.close()
        session = on_worker(qtbot, runner, lambda: unlock(folder, "Sok Dara", LAPTOP_PASSPHRASE))
        try:
            dialog = _dialog(qtbot, session, runner, [])
            assert dialog.push_button.isEnabled() and "https://127.0.0.1:" in dialog.network_label.text()
            dialog.push_button.click()
            qtbot.waitUntil(lambda: "HQ has received" in dialog.result_label.text(), timeout=30_000)
            qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
            assert dialog.state is not None and dialog.state.pending == 0
            assert events_at_hq(world, session) == dialog.state.acked_seq > 0
            dialog.pull_button.click()
            qtbot.waitUntil(lambda: "already acknowledged" in dialog.result_label.text(), timeout=10_000)
        finally:
            qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
            on_worker(qtbot, runner, session.close)
    finally:
        world.server.stop()


def test_network_buttons_are_off_without_a_network_address(
    qtbot: QtBot, runner: TaskRunner, open_session: Callable[..., Session]
) -> None:
    dialog = _dialog(qtbot, open_session(), runner, [])  # enrolled from a file without --url
    assert not dialog.push_button.isEnabled() and not dialog.pull_button.isEnabled()
    assert "no network address" in dialog.network_label.text()


# --- issue 20, item 11: enrol from the app, fingerprints, reasons on greyed actions, any folder ----------


def test_the_laptop_key_fingerprint_is_the_one_hq_asks_about(
    qtbot: QtBot, runner: TaskRunner, open_session: Callable[..., Session], hq: Hq
) -> None:
    session = open_session()
    dialog = _dialog(qtbot, session, runner, [])
    device = hq.store.device(session.device_id)
    assert device is not None and dialog.device_fingerprint.text() == device.fingerprint  # HQ's Devices tab
    assert dialog.hq_fingerprint.text() == hq.identity.fingerprint

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    show_about(parent, fingerprint(session.device_public_key))
    assert seen and device.fingerprint in seen[0]


def test_every_greyed_action_says_why(
    qtbot: QtBot, runner: TaskRunner, open_session: Callable[..., Session]
) -> None:
    """A screener with no stick and no network address: each greyed button carries its reason, and the
    reasons are on the screen too (a tooltip alone is not seen on a touchpad)."""
    dialog = _dialog(qtbot, open_session(SCREENER, SCREENER_PASSPHRASE), runner, [])
    greyed = {
        button.objectName(): button.toolTip()
        for button in (
            dialog.export_button,
            dialog.push_button,
            dialog.pull_button,
            dialog.purge_button,
            dialog.enrol_button,
        )
        if not button.isEnabled()
    }
    assert set(greyed) == {"export_button", "push_button", "pull_button", "purge_button", "enrol_file_button"}
    assert "No USB stick" in greyed["export_button"] and "export to a folder" in greyed["export_button"]
    assert "no network address" in greyed["push_button"]
    assert "team lead" in greyed["purge_button"] and "admin" in greyed["enrol_file_button"]
    shown = dialog.reasons_label.text()
    for reason in greyed.values():
        assert reason in shown
    assert dialog.folder_button.isEnabled() and dialog.receipt_button.isEnabled()


def test_an_unenrolled_laptop_enrols_from_the_sync_screen_and_says_why_until_then(
    qtbot: QtBot, runner: TaskRunner, vault_dir: Path, tmp_path: Path
) -> None:
    admin = on_worker(qtbot, runner, lambda: unlock(vault_dir, OFFICER, PASSPHRASE))  # not enrolled
    dialog = _dialog(qtbot, admin, runner, [Drive(tmp_path, "KINGSTON", 2_000_000_000)])
    assert not dialog.export_button.isEnabled() and not dialog.folder_button.isEnabled()
    assert "not enrolled" in dialog.export_button.toolTip() and "not enrolled" in dialog.reasons_label.text()
    assert dialog.enrol_button.isEnabled()
    headquarters = Hq(tmp_path / "hq")
    try:
        _, raw = enrolment_file(headquarters.identity, "laptop-1", issue_no=1)
        path = tmp_path / "enrol.json"
        path.write_bytes(raw)
        dialog.enrol_from(path)  # what "Load enrolment file…" does once the file is chosen
        enrol = dialog.findChild(EnrolDialog)
        assert enrol is not None and headquarters.identity.fingerprint in enrol.fingerprint.text()
        type_text(enrol.typed, headquarters.identity.fingerprint)
        enrol.load_button.click()
        qtbot.waitUntil(lambda: enrol.enrolled == "HQ Phnom Penh", timeout=WAIT)
        enrol.accept()
        qtbot.waitUntil(lambda: dialog.hq_label.text() == "HQ Phnom Penh", timeout=WAIT)
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
        assert dialog.export_button.isEnabled() and dialog.folder_button.isEnabled()
        assert dialog.hq_fingerprint.text() == headquarters.identity.fingerprint
    finally:
        headquarters.store.close()
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
        on_worker(qtbot, runner, admin.close)


def test_export_to_any_folder(
    qtbot: QtBot, runner: TaskRunner, open_session: Callable[..., Session], tmp_path: Path
) -> None:
    share = tmp_path / "share on the office network"
    share.mkdir()
    dialog = _dialog(qtbot, open_session(), runner, [])  # no removable drive at all
    assert not dialog.export_button.isEnabled() and dialog.folder_button.isEnabled()
    dialog.export_to_folder(share)
    qtbot.waitUntil(lambda: "written and read back" in dialog.result_label.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
    bundles = [p for p in share.iterdir() if p.suffix == ".bundle"]
    assert len(bundles) == 1 and str(bundles[0]) in dialog.result_label.text()
    assert "stick" not in dialog.result_label.text()


def test_hqs_change_of_key_is_shown_with_both_fingerprints(
    qtbot: QtBot, runner: TaskRunner, open_session: Callable[..., Session], hq: Hq, tmp_path: Path
) -> None:
    from fieldapp.sync.receipt import apply_receipt
    from tests.core.test_sync import _exported, receipt_file, stick_of

    session = open_session()
    before = hq.identity.fingerprint
    rotate_signing_key(hq.identity.folder, HQ_PASSPHRASE)
    hq.identity = unlock_hq(hq.identity.folder, HQ_PASSPHRASE)

    def sync_once() -> None:
        add_persons(session, 1)
        result = hq.imports(_exported(session, stick_of(tmp_path)))
        apply_receipt(session, receipt_file(tmp_path, result))

    on_worker(qtbot, runner, sync_once)
    dialog = _dialog(qtbot, session, runner, [])
    shown = dialog.hq_fingerprint.text()
    assert hq.identity.fingerprint in shown and before in shown and "changed its key" in shown


def test_sync_dialog_fits_a_small_screen(
    qtbot: QtBot, runner: TaskRunner, open_session: Callable[..., Session]
) -> None:
    """Never taller than the screen and placed on it; the actions stay outside the scrolling part."""
    dialog = _dialog(qtbot, open_session(), runner, [])
    area = dialog.screen().availableGeometry()
    frame = dialog.frameGeometry()
    assert frame.height() <= area.height() and frame.top() >= area.top()
    assert dialog.content_area.isAncestorOf(dialog.hq_label)
    assert not dialog.content_area.isAncestorOf(dialog.purge_button)

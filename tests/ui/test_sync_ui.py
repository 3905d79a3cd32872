"""The Sync screen against a real vault and a real HQ folder (made with the HQ core in tmp_path)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from fieldapp.vault.session import Session, unlock
from tests.core.test_sync import Hq
from tests.support import add_officer
from tests.ui.conftest import OFFICER, PASSPHRASE, SCREENER, SCREENER_PASSPHRASE, on_worker
from ui.screens.sync import Drive, SyncDialog
from ui.tasks import TaskRunner

T = TypeVar("T")


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

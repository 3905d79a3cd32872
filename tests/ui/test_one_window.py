"""One window per vault: a second start on an open vault brings the first window forward and ends; a
start after the first was killed (a power cut, kill -9) takes the vault over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from ui.one_window import OneWindow

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_claim_on_the_same_vault_asks_the_first_forward(qtbot: QtBot, tmp_path: Path) -> None:
    first, second, elsewhere = (
        OneWindow(tmp_path / name, runtime=tmp_path) for name in ("vault", "vault", "other")
    )
    try:
        assert first.claim()
        with qtbot.waitSignal(first.forward_asked, timeout=5000):
            assert not second.claim()
        assert elsewhere.claim()  # another vault has its own window
    finally:
        for guard in (first, elsewhere):
            guard.release()


def _start(folder: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "fieldapp", "--data-dir", str(folder)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_start_ends_and_a_start_after_a_kill_takes_over(tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
    }
    folder = tmp_path / "vault"
    first = _start(folder, env)
    try:
        deadline = time.monotonic() + 60
        while not list(runtime.glob("fieldapp-*.lock")) and time.monotonic() < deadline:
            assert first.poll() is None, first.communicate()
            time.sleep(0.1)
        second = _start(folder, env)
        _, said = second.communicate(timeout=60)
        assert second.returncode == 0 and "already open" in said, said
        assert first.poll() is None  # the first window is still there
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        third = _start(folder, env)  # the dead start's lock is stale: this one opens the vault's window
        try:
            time.sleep(3)
            assert third.poll() is None, third.communicate()
        finally:
            third.terminate()
            third.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()


def test_a_place_where_no_lock_can_be_made_never_stops_the_app(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    assert OneWindow(tmp_path / "vault", runtime=not_a_folder).claim()

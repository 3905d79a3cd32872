"""A private X display (Xvfb, optionally managed by openbox) for the tests that run the app under X.

Xvfb picks a free display number itself and reports it on a pipe (``-displayfd``), so tests running in
parallel workers never race for the same number."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

START_TIMEOUT = 15.0


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _read_display_number(read_end: int, server: subprocess.Popen[bytes]) -> str:
    """Xvfb writes the number followed by a newline once it accepts connections."""
    text = b""
    while not text.endswith(b"\n"):
        ready, _, _ = select.select([read_end], [], [], START_TIMEOUT)
        chunk = os.read(read_end, 16) if ready else b""
        if not chunk:
            _stop(server)
            pytest.fail(f"Xvfb did not start (exit code {server.poll()})")
        text += chunk
    return text.decode().strip()


@contextmanager
def x_display(size: str, logs: Path, *, window_manager: bool) -> Iterator[str]:
    """An Xvfb screen of SIZE ("1366x768"), with openbox managing its windows when asked; yields DISPLAY."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None or (window_manager and shutil.which("openbox") is None):
        pytest.fail(
            "Xvfb and openbox are needed (Debian packages xvfb, openbox): the README's test command, "
            "`bash packaging/dev.sh test`, installs them."
        )
    logs.mkdir(parents=True, exist_ok=True)
    read_end, write_end = os.pipe()
    with (logs / "xvfb.log").open("wb") as log:
        server = subprocess.Popen(
            [xvfb, "-displayfd", str(write_end), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            stdout=log,
            stderr=subprocess.STDOUT,
            pass_fds=(write_end,),
        )
    os.close(write_end)
    try:
        display = f":{_read_display_number(read_end, server)}"
    finally:
        os.close(read_end)
    manager = None
    try:
        if window_manager:
            with (logs / "openbox.log").open("wb") as log:
                manager = subprocess.Popen(
                    ["openbox"], env={**os.environ, "DISPLAY": display}, stdout=log, stderr=subprocess.STDOUT
                )
            time.sleep(0.5)  # openbox must manage the screen before the first window maps
        yield display
    finally:
        if manager is not None:
            _stop(manager)
        _stop(server)


def x_app_env(display: str, home: Path) -> dict[str, str]:
    """The environment for the app on DISPLAY, its settings and caches under HOME, not the developer's."""
    runtime = home / "runtime"
    runtime.mkdir(parents=True, mode=0o700, exist_ok=True)
    return {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "FIELDAPP_INSECURE_FAST_KDF": "1",
        "FIELDAPP_NO_CRASH_DIALOG": "1",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_RUNTIME_DIR": str(runtime),
    }

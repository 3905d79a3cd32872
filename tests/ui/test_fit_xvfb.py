"""Every page and dialog fits a cheap laptop's screen: the real app, maximised, under a real X server with a
window manager (Xvfb + openbox) at 1366×768 and 1280×720, in English and Khmer. tests/ui/fit_app.py opens
each view (pages, interview steps, dialogs, the photo viewer and camera dialogs, the camera-card picker, the
possible-duplicate warning, the finalise summary, the respondent screen) and fails on any button outside the
screen, a form that scrolls sideways, or a label or button whose text is cut off; its screenshots land in
tests/artifacts/ (fit-<size>-<lang>-<view>.png)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.test_screenshots_xvfb import _free_display

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
SCRIPT = Path(__file__).with_name("fit_app.py")


@pytest.fixture(scope="module", params=["1366x768", "1280x720"])
def screen(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """A private X display of that size with openbox managing its windows; killed at the end."""
    xvfb, openbox = shutil.which("Xvfb"), shutil.which("openbox")
    if xvfb is None or openbox is None:
        pytest.fail(
            "Xvfb and openbox are needed (Debian packages xvfb, openbox): `bash packaging/dev.sh test` installs them."
        )
    logs = tmp_path_factory.mktemp("x")
    number = _free_display()
    server = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", f"{request.param}x24", "-nolisten", "tcp"],
        stdout=(logs / "xvfb.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    manager = subprocess.Popen(
        [openbox],
        env={**os.environ, "DISPLAY": f":{number}"},
        stdout=(logs / "openbox.log").open("wb"),
        stderr=subprocess.STDOUT,
    )
    time.sleep(0.5)
    try:
        yield f":{number}", request.param
    finally:
        for process in (manager, server):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()


@pytest.mark.parametrize("language", ["en", "km"])
def test_every_page_and_dialog_fits_the_screen(
    screen: tuple[str, str], language: str, tmp_path: Path
) -> None:
    display, size = screen
    home = tmp_path / "home"
    (home / "runtime").mkdir(parents=True, mode=0o700)
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(ARTIFACTS), size, language],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    report = "\n".join(line for line in done.stdout.splitlines() if line.strip())
    assert done.returncode == 0, f"{report}\n{done.stderr[-3000:]}"
    counted = re.search(r"checked (\d+) views", report)
    assert counted is not None and int(counted.group(1)) >= 34, report

"""Every page and dialog fits a cheap laptop's screen: the real app, maximised, under a real X server with a
window manager (Xvfb + openbox) at 1366×768 and 1280×720, in English and Khmer. tests/ui/fit_app.py opens
each view (pages, interview steps, dialogs, the photo viewer and camera dialogs, the camera-card picker, the
possible-duplicate warning, the finalise summary, the respondent screen) and fails on any button outside the
screen, a form that scrolls sideways, or a label or button whose text is cut off; its screenshots land in
tests/artifacts/ (fit-<size>-<lang>-<view>.png)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.xdisplay import x_app_env, x_display

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
SCRIPT = Path(__file__).with_name("fit_app.py")


@pytest.fixture(scope="module", params=["1366x768", "1280x720"])
def screen(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """A private X display of that size with openbox managing its windows; killed at the end."""
    with x_display(request.param, tmp_path_factory.mktemp("x"), window_manager=True) as display:
        yield display, request.param


@pytest.mark.parametrize("language", ["en", "km"])
def test_every_page_and_dialog_fits_the_screen(
    screen: tuple[str, str], language: str, tmp_path: Path
) -> None:
    display, size = screen
    env = x_app_env(display, tmp_path / "home")
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

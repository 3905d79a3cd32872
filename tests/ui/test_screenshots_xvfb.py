"""The real app under a real X server (Xvfb): screenshots of the main screens in English and Khmer.

The PNGs land in tests/artifacts/ (ignored by git) so a person can look at them:
screens-<en|km>-<unlock|persons|intake|person|interview-consent|interview-indicators>.png, and HQ mode's
screens-<en|km>-hq-<unlock|bundles|review|persons|duplicates|dashboard|devices|disclosures>.png.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
SCRIPT = Path(__file__).with_name("screenshot_app.py")
LANGUAGES = ("en", "km")
SHOTS = ("unlock", "persons", "intake", "person", "interview-consent", "interview-indicators")
HQ_SHOTS = (
    "hq-unlock",
    "hq-bundles",
    "hq-review",
    "hq-persons",
    "hq-duplicates",
    "hq-dashboard",
    "hq-devices",
    "hq-disclosures",
    "hq-followup",
)
MIN_COLOURS = 16  # a blank or single-colour window has a handful at most; text antialiasing gives hundreds
RUN_TIMEOUT = 90


def _free_display() -> int:
    for number in range(93, 400):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number between :93 and :399")


@pytest.fixture
def xvfb(tmp_path: Path) -> Iterator[str]:
    """A private Xvfb display, killed at the end whatever happens."""
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.fail(
            "Xvfb is not installed, so the app cannot be started under X. Run the README's test command, "
            "`bash packaging/dev.sh test`, which installs it (Debian package xvfb)."
        )
    for _attempt in range(5):
        number = _free_display()
        log = (tmp_path / f"xvfb-{number}.log").open("wb")
        process = subprocess.Popen(
            [binary, f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        socket = Path(f"/tmp/.X11-unix/X{number}")
        deadline = time.monotonic() + 10
        while not socket.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if socket.exists() and process.poll() is None:
            try:
                yield f":{number}"
            finally:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
                log.close()
            return
        process.kill()  # lost a race for the display number, or it did not start: try another
        process.wait()
        log.close()
    pytest.fail(f"Xvfb did not start; see {tmp_path}/xvfb-*.log")


def _colours(path: Path) -> int:
    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 24)
    return len(colours or [])


def test_screenshots_of_the_main_screens_in_english_and_khmer(xvfb: str, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    expected = [ARTIFACTS / f"screens-{lang}-{name}.png" for lang in LANGUAGES for name in SHOTS + HQ_SHOTS]
    for path in expected:
        path.unlink(missing_ok=True)
    home = tmp_path / "home"  # QSettings and the compiled .qm go here, not into the developer's folders
    env = {
        **os.environ,
        "DISPLAY": xvfb,
        "QT_QPA_PLATFORM": "xcb",
        "FIELDAPP_INSECURE_FAST_KDF": "1",
        "FIELDAPP_NO_CRASH_DIALOG": "1",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    (home / "runtime").mkdir(parents=True, mode=0o700)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(ARTIFACTS)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    output = f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    assert done.returncode == 0, output
    elapsed = time.monotonic() - started

    missing = [path.name for path in expected if not path.exists()]
    assert not missing, f"not saved: {missing}\n{output}"
    for path in expected:
        with Image.open(path) as image:
            assert image.width >= 800 and image.height >= 500, f"{path.name}: {image.size}"
        assert _colours(path) > MIN_COLOURS, f"{path.name} looks blank ({_colours(path)} colours)"

    for name in SHOTS + HQ_SHOTS:
        with (
            Image.open(ARTIFACTS / f"screens-en-{name}.png") as en,
            Image.open(ARTIFACTS / f"screens-km-{name}.png") as km,
        ):
            if name == "unlock" or en.size == km.size:
                assert (
                    en.size != km.size
                    or ImageChops.difference(en.convert("RGB"), km.convert("RGB")).getbbox()
                ), f"the Khmer {name} screen looks exactly like the English one"
    assert elapsed < RUN_TIMEOUT

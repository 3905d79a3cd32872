"""The real app under a real X server (Xvfb): screenshots of the main screens in English and Khmer.

The PNGs land in tests/artifacts/ (ignored by git) so a person can look at them:
screens-<en|km>-<unlock|persons|intake|person|interview-consent|interview-indicators>.png, and HQ mode's
screens-<en|km>-hq-<unlock|bundles|review|persons|duplicates|dashboard|devices|disclosures>.png.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from tests.ui.xdisplay import x_app_env, x_display

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


@pytest.fixture
def xvfb(tmp_path: Path) -> Iterator[str]:
    with x_display("1280x800", tmp_path / "x", window_manager=False) as display:
        yield display


def _colours(path: Path) -> int:
    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 24)
    return len(colours or [])


def test_screenshots_of_the_main_screens_in_english_and_khmer(xvfb: str, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    expected = [ARTIFACTS / f"screens-{lang}-{name}.png" for lang in LANGUAGES for name in SHOTS + HQ_SHOTS]
    for path in expected:
        path.unlink(missing_ok=True)
    env = x_app_env(xvfb, tmp_path / "home")  # QSettings and the compiled .qm go there
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

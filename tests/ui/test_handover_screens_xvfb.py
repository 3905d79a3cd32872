"""The handover path in the real app under a real X server at a cheap laptop's size (1366 × 768 and
1280 × 720) with a window manager, in English and Khmer: the dialog, the preview (the one that used to crash
the app in the event loop), Print with no printer, handing over, the issued form. The dialog and the
preview lie on the screen with every action button.

The pictures land in tests/artifacts/ (ignored by git): handover-<size>-<en|km>-<dialog|dialog-filled|
preview-draft|no-printer|preview-issued>.png, the issued form handover-<size>-<en|km>.pdf and its person's
copy handover-<size>-<en|km>-form-<1|2>.png.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from tests.ui.xdisplay import x_app_env, x_display

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
SCRIPT = Path(__file__).with_name("handover_screens.py")
SHOTS = ("dialog", "dialog-filled", "preview-draft", "no-printer", "preview-issued")
RUN_TIMEOUT = 240


@pytest.fixture(params=["1366x768", "1280x720"])
def laptop_screen(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """A private X display of a laptop's size with openbox as the window manager."""
    with x_display(request.param, tmp_path / "x", window_manager=True) as display:
        yield display, request.param


def test_the_handover_path_on_a_laptop_screen(laptop_screen: tuple[str, str], tmp_path: Path) -> None:
    display, size = laptop_screen
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    expected = [ARTIFACTS / f"handover-{size}-{lang}-{name}.png" for lang in ("en", "km") for name in SHOTS]
    for path in expected:
        path.unlink(missing_ok=True)
    env = x_app_env(display, tmp_path / "home")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(ARTIFACTS), size],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    output = f"stdout:\n{done.stdout}\nstderr:\n{done.stderr[-4000:]}"
    assert done.returncode == 0, output  # no crash, no error in the app, every action button on the screen
    assert "outside the screen" not in done.stdout, output
    for path in expected:
        with Image.open(path) as image:
            assert "x".join(map(str, image.size)) == size, f"{path.name}: {image.size}"
            colours = image.convert("RGB").getcolors(maxcolors=1 << 24) or []
        assert len(colours) > 64, f"{path.name} looks blank"
    for lang in ("en", "km"):
        assert (ARTIFACTS / f"handover-{size}-{lang}.pdf").read_bytes().startswith(b"%PDF")
        assert (ARTIFACTS / f"handover-{size}-{lang}-form-1.png").exists()

"""The frozen build's smoke test (packaging/smoke.sh), behind a flag: it needs a build, which takes minutes.

bash packaging/build.sh --no-deb
FIELDAPP_FROZEN_SMOKE=1 .venv/bin/pytest -q tests/packaging/test_frozen_smoke.py
FIELDAPP_FROZEN_SMOKE=/opt/fieldapp/fieldapp .venv/bin/pytest ...     (another build, e.g. the installed .deb)
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FLAG = os.environ.get("FIELDAPP_FROZEN_SMOKE", "")
PROGRAM = ROOT / "dist" / "fieldapp" / "fieldapp" if FLAG in ("1", "") else Path(FLAG)

pytestmark = pytest.mark.skipif(not FLAG or FLAG == "0", reason="set FIELDAPP_FROZEN_SMOKE=1 after a build")


def test_the_frozen_build_passes_the_smoke_test() -> None:
    assert PROGRAM.is_file(), f"no build at {PROGRAM}: run packaging/build.sh"
    assert shutil.which("pdffonts"), "the smoke test reads the PDF with poppler-utils"
    env = {k: v for k, v in os.environ.items() if k not in ("FIELDAPP_INSECURE_FAST_KDF", "PYTHONPATH")}
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "smoke.sh"), str(PROGRAM)],
        capture_output=True,
        text=True,
        timeout=400,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1].startswith("smoke: OK"), done.stdout
    steps = (
        "UnlockScreen",
        "smoke: printed 2 pages through the print process",
        "NotoSansKhmer",
        "Creator:",
        "The code matches",
        "acknowledged up to",
    )
    for step in steps:
        assert any(step in line for line in lines), f"{step!r} missing from:\n{done.stdout}"

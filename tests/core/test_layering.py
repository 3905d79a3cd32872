"""The core stays Qt-free (only fieldapp.reports may use QtGui), and `ui` is this project's package."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import fieldapp

ROOT = Path(__file__).resolve().parents[2]


def test_core_modules_import_without_qt() -> None:
    modules = [
        m.name
        for m in pkgutil.walk_packages(fieldapp.__path__, "fieldapp.")
        if not m.name.startswith("fieldapp.reports") and m.name != "fieldapp.__main__"
    ]
    assert "fieldapp.vault.session" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.startswith(('PySide6', 'ui')))\n"
        "assert not leaked, leaked\n"
        # The duplicate search's engine is HQ's, loaded only when a search runs: never on a laptop.
        "engine = sorted(m for m in sys.modules if m.split('.')[0] in ('splink', 'duckdb', 'pyarrow'))\n"
        "assert not engine, engine\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_ui_package_is_this_projects() -> None:
    import ui

    assert Path(ui.__file__).resolve().is_relative_to(ROOT)

"""Where the app's own files are: indicator sets, fonts, icons, translations.

In the repository they live in ``resources/`` at the top; an installed package carries the same folder
as its data package ``fieldapp.bundled`` (pyproject maps one onto the other), found through
``importlib.resources``; the frozen build copies it beside the program as ``resources/``. ``resource_dir``
looks in that order, so a plain ``pip install .`` works without the source tree.
"""

from __future__ import annotations

import importlib.resources
from functools import cache
from pathlib import Path

PACKAGE = "fieldapp.bundled"


@cache
def resource_root() -> Path:
    try:
        installed = importlib.resources.files(PACKAGE)
    except ModuleNotFoundError:
        installed = None
    if installed is not None and isinstance(installed, Path) and (installed / "indicators").is_dir():
        return installed
    return Path(__file__).resolve().parents[1] / "resources"  # a source tree, or the frozen build


def resource_dir(name: str) -> Path:
    """``resources/NAME`` (indicators, fonts, icons, i18n) wherever this copy of the app keeps it."""
    return resource_root() / name

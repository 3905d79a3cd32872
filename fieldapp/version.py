"""The app's one version: ``[project] version`` in pyproject.toml, read back through the installed metadata.

pip writes the metadata on every install (editable too) and the frozen build carries it
(packaging/fieldapp.spec copies fieldapp's dist-info), so the About box, PDFs, bundles and
``fieldapp --version`` all show the same number without a second copy to forget.
"""

from __future__ import annotations

import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

UNKNOWN = "0.0.0+unknown"


def _from_source_tree() -> str | None:
    """The version in the pyproject.toml beside the package, for a checkout that was never installed."""
    if getattr(sys, "frozen", False):
        return None
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text("utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    found = project.get("version") if project.get("name") == "fieldapp" else None
    return found if isinstance(found, str) else None


def app_version() -> str:
    try:
        return version("fieldapp")
    except PackageNotFoundError:
        return _from_source_tree() or UNKNOWN


__version__ = app_version()

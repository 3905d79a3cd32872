"""The design lives in the repository (docs/), and nothing points outside it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUTSIDE = re.compile(r"\.\./shared|DESIGN\.md|domain\.md|security\.md|ecosystem\.md|peers\.md|aesthetics\.md")
# The screening modules and sets are being rewritten with their sources (issue 16); they follow.
PENDING = ("fieldapp/screening/",)


def test_docs_cover_the_design() -> None:
    index = (ROOT / "docs" / "README.md").read_text("utf-8")
    for name in ("layout.md", "keys.md", "records.md", "bundles.md", "screening.md"):
        text = (ROOT / "docs" / name).read_text("utf-8")
        assert name in index and len(text) > 1500, name
    assert "docs/" in (ROOT / "README.md").read_text("utf-8")


def test_nothing_points_outside_the_repository() -> None:
    files = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]
    for top in ("fieldapp", "ui", "packaging"):
        files += sorted(
            p for p in (ROOT / top).rglob("*") if p.suffix in (".py", ".sh", ".md", ".sql", ".spec")
        )
    found = []
    for path in files:
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(PENDING):
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{relative}:{number}: {line.strip()}")
    assert not found, "\n".join(found)

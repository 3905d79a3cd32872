"""HQ mode's entry: `fieldapp hq app --hq-dir DIR [--database URL]` opens the HQ window until it closes."""

from __future__ import annotations

from pathlib import Path

from ui.app import run_window
from ui.hq.window import HqAppWindow


def main(hq_dir: Path, database: str | None = None, argv: list[str] | None = None) -> int:
    """Run the HQ window until it closes; returns the exit code."""
    return run_window(
        lambda runner, language: HqAppWindow(
            hq_dir=hq_dir, runner=runner, database=database, language=language
        ),
        argv,
    )

"""HQ mode's entry: `fieldapp hq app --hq-dir DIR [--database URL]` opens the HQ window until it closes."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from ui.app import APP_NAME
from ui.errors import install_excepthook
from ui.hq.window import HqAppWindow
from ui.i18n import LANGUAGES, load_fonts, set_language
from ui.screens.main_window import clear_clipboard
from ui.tasks import TaskRunner


def main(hq_dir: Path, database: str | None = None, argv: list[str] | None = None) -> int:
    """Run the HQ window until it closes; returns the exit code."""
    args = list(sys.argv if argv is None else argv) or [APP_NAME]
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(args)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    reporter = install_excepthook(args)
    load_fonts()
    language = str(QSettings().value("language", "en"))
    if language not in LANGUAGES or not set_language(app, language):
        language = "en"
        set_language(app, language)
    runner = TaskRunner()
    window = HqAppWindow(hq_dir=hq_dir, runner=runner, database=database, language=language)
    window.show()
    try:
        code = app.exec()
    finally:
        window.lock()  # queues the store's close on the worker if it is still open
        runner.shutdown(wait=True)  # ... and waits for it
        clear_clipboard()
        reporter.uninstall()
    return int(code)

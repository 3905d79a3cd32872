"""``fieldapp --smoke-gui``: open the desktop app, report what appeared, and quit.

packaging/smoke.sh runs it on the frozen build: a Qt plugin, font or translation left out of the build shows
only when a window opens, so this opens the real one (the unlock screen for an existing vault), checks that
the shipped Khmer translation loads and that the camera and print modules import, then exits 0 or 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from ui.i18n import compiled_translation, set_language

EXIT_OK, EXIT_PROBLEMS = 0, 1


def _check(app: QApplication) -> int:
    problems: list[str] = []
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in shown:
        inner = getattr(widget, "currentWidget", lambda: None)()
        print(f"smoke: window shown: {type(widget).__name__} ({type(inner).__name__})")
    if not shown:
        problems.append("no window was shown")
    english = "About fieldapp"
    if set_language(app, "km"):
        khmer = QCoreApplication.translate("AboutDialog", english)
        print(f"smoke: Khmer translation from {compiled_translation('km')}: {english!r} -> {khmer!r}")
        if khmer == english:
            problems.append("the Khmer translation loaded but translates nothing")
    else:
        problems.append("the Khmer translation did not load")
    try:  # the camera and printing screens import these only when opened
        import PySide6.QtMultimedia  # noqa: F401
        import PySide6.QtMultimediaWidgets  # noqa: F401
        import PySide6.QtPrintSupport  # noqa: F401
    except ImportError as exc:
        problems.append(f"a Qt module is missing: {exc}")
    else:
        print("smoke: QtMultimedia, QtMultimediaWidgets and QtPrintSupport import")
    for problem in problems:
        print(f"smoke: PROBLEM: {problem}", file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


def main(data_dir: str | Path | None, seconds: float = 2.0) -> int:
    """Run the app for ``seconds``, then check it and quit with the result as the exit code."""
    from ui.app import main as gui_main

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1] or ["fieldapp"])
    QTimer.singleShot(int(seconds * 1000), lambda: app.exit(_check(app)))
    return gui_main(data_dir=data_dir)

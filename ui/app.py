"""Composition root: builds the QApplication, the crash hook and the task runner, and wires the screens.

The window is a stack: the unlock screen, and while a session is open, the main window. Unlocking
swaps to a new main window; locking deletes it and goes back. Fonts and translations load here later.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSettings, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from fieldapp.paths import default_data_dir
from fieldapp.vault.session import Session
from ui.errors import install_excepthook
from ui.i18n import LANGUAGES, load_fonts, set_language, switch_language
from ui.one_window import OneWindow
from ui.screens.main_window import MainWindow, Place, clear_clipboard
from ui.screens.unlock import UnlockScreen
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

APP_NAME = "fieldapp"


def resolve_data_dir(data_dir: str | Path | None) -> Path:
    """The folder the vault lives in: ``--data-dir`` if given, else the per-user default."""
    return Path(data_dir).expanduser() if data_dir else default_data_dir()


class AppWindow(QStackedWidget):
    """The one top-level window: unlock screen or main window, never both."""

    def __init__(
        self,
        *,
        data_dir: Path,
        runner: TaskRunner,
        clock: Callable[[], float] = time.time,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("app_window")
        self.setWindowTitle(self.tr("fieldapp"))
        self.resize(1100, 720)
        self._runner = runner
        self._clock = clock
        self.language = language
        self.main_window: MainWindow | None = None
        self._place: Place | None = None  # where the officer was at the last lock (memory only)
        self.unlock_screen = self._make_unlock_screen(data_dir)

    def _make_unlock_screen(self, data_dir: Path) -> UnlockScreen:
        screen = UnlockScreen(
            data_dir=data_dir, runner=self._runner, clock=self._clock, language=self.language
        )
        screen.unlocked.connect(self._on_unlocked)
        screen.language_changed.connect(self.change_language)
        self.addWidget(screen)
        self.setCurrentWidget(screen)
        return screen

    @Slot(str)
    def change_language(self, language: str) -> None:
        """Switch before unlocking: the unlock screen is rebuilt in the new language."""
        if not switch_language(self.language, language):
            return
        self.language = language
        old = self.unlock_screen
        self.unlock_screen = self._make_unlock_screen(old.data_dir)
        self.removeWidget(old)
        old.deleteLater()
        self.setWindowTitle(self.tr("fieldapp"))

    @property
    def session(self) -> Session | None:
        return None if self.main_window is None else self.main_window.session

    @Slot(object)
    def _on_unlocked(self, session: Session) -> None:
        self.main_window = MainWindow(session=session, runner=self._runner, language=self.language)
        self.main_window.locked.connect(self._on_locked)
        self.addWidget(self.main_window)
        self.setCurrentWidget(self.main_window)
        self.main_window.table.setFocus()
        place, self._place = self._place, None
        if place is not None and place.officer_id == session.officer.id:  # never another officer's
            self.main_window.resume(place)

    @Slot()
    def _on_locked(self) -> None:
        window, self.main_window = self.main_window, None
        self.setCurrentWidget(self.unlock_screen)
        if window is not None:
            self._place = window.last_place
            self.removeWidget(window)
            window.deleteLater()
        self.unlock_screen.preferred_officer = self._place.officer_id if self._place else None
        self.unlock_screen.refresh()

    def lock(self) -> None:
        """Lock now if a session is open (the main window does the work)."""
        if self.main_window is not None:
            self.main_window.lock()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        super().closeEvent(event)


def main(data_dir: str | Path | None = None, argv: list[str] | None = None) -> int:
    """Run the desktop app until its window closes; returns the exit code."""
    folder = resolve_data_dir(data_dir)
    return run_window(
        lambda runner, language: AppWindow(data_dir=folder, runner=runner, language=language),
        argv,
        one_window_for=folder,
    )


class LockableWindow(Protocol):
    def showMaximized(self) -> None: ...  # noqa: N802 (Qt's name)
    def showNormal(self) -> None: ...  # noqa: N802
    def isMinimized(self) -> bool: ...  # noqa: N802
    def raise_(self) -> None: ...
    def activateWindow(self) -> None: ...  # noqa: N802
    def lock(self) -> None: ...


def _bring_forward(window: LockableWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()


def run_window(
    make: Callable[[TaskRunner, str], LockableWindow],
    argv: list[str] | None = None,
    *,
    one_window_for: Path | None = None,
) -> int:
    """The field app's and HQ mode's shared start and end: the application, fonts, the saved language,
    the one error reporter and the database worker; on quit, lock (closing the database on the
    worker), wait for the worker and clear the clipboard. With ``one_window_for``, a start on a vault
    another start has open brings that window forward and ends (ui/one_window.py)."""
    args = list(sys.argv if argv is None else argv) or [APP_NAME]
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(args)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    guard = OneWindow(one_window_for) if one_window_for is not None else None
    if guard is not None and not guard.claim():
        print(
            f"fieldapp is already open on {one_window_for}: its window was brought forward.", file=sys.stderr
        )
        return 0
    reporter = install_excepthook(args)
    load_fonts()
    language = str(QSettings().value("language", "en"))
    if language not in LANGUAGES or not set_language(app, language):
        language = "en"
        set_language(app, language)
    runner = TaskRunner()
    window = make(runner, language)
    window.showMaximized()  # a field laptop's screen is small: every pixel of it
    if guard is not None:
        guard.forward_asked.connect(lambda: _bring_forward(window))
    try:
        code = app.exec()
    finally:
        window.lock()  # queues the database's close on the worker if it is still open
        runner.shutdown(wait=True)  # ... and waits for it
        clear_clipboard()
        reporter.uninstall()
        if guard is not None:
            guard.release()
    return int(code)

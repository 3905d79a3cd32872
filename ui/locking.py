"""When to lock: after the idle timeout, on the panic shortcut, and when the computer goes to sleep.

Qt has no cross-platform "screen locked" or "suspending" signal. On Linux, logind's PrepareForSleep
(system bus) and the freedesktop ScreenSaver's ActiveChanged (session bus) are listened to; where no
bus is reachable (Windows, CI) only the idle timer and the panic lock apply.
"""

from __future__ import annotations

import ctypes
import ctypes.wintypes
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QAbstractNativeEventFilter, QByteArray, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QWidget

logger = logging.getLogger(__name__)

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


# While an interview is open the app waits this many times longer: an interpreter may talk for minutes
# while nobody touches the keyboard.
INTERVIEW_IDLE_FACTOR = 5
LOCK_KEYS = (QKeySequence("Ctrl+L"), QKeySequence("Ctrl+Shift+L"))


class IdleLock(QObject):
    """Emits ``idle`` when no key, mouse or touch input reached the app for ``minutes`` (times
    ``INTERVIEW_IDLE_FACTOR`` while ``interviewing``)."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.minutes = minutes
        self.interviewing = False
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(1, minutes)
        factor = INTERVIEW_IDLE_FACTOR if self.interviewing else 1
        self.timer.setInterval(self.minutes * factor * 60_000)
        self.timer.start()

    def set_interviewing(self, interviewing: bool) -> None:
        self.interviewing = interviewing
        self.set_minutes(self.minutes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockKeys(QObject):
    """Emits ``pressed`` for the lock keys (Ctrl+L, and Ctrl+Shift+L the panic lock) wherever the focus is,
    a dialog included: a modal dialog blocks the main window's own shortcuts, this filter sees every key."""

    pressed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in LOCK_KEYS):
                if event.type() == QEvent.Type.KeyPress:
                    self.pressed.emit()
                event.accept()
                return True
        return False

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def close_other_windows(keep: QWidget) -> None:
    """Close every dialog and window but ``keep``'s own: they may show a person's data. A modal dialog is
    rejected, so the code that opened it carries on as after Cancel."""
    for widget in QApplication.topLevelWidgets():
        if widget is keep.window() or not widget.isVisible():
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        if widget.isVisible():
            widget.close()
    keep.window().setWindowState(keep.window().windowState() & ~Qt.WindowState.WindowMinimized)


# Windows: the machine is about to suspend. (Session-lock messages would need the window to be
# registered with WTSRegisterSessionNotification first; not done yet.)
WM_POWERBROADCAST, PBT_APMSUSPEND = 0x0218, 0x0004


class _WindowsPowerFilter(QAbstractNativeEventFilter):
    """Sees suspend and session-lock messages on Windows (Qt has no portable signal for them)."""

    def __init__(self, on_sleep: Callable[[], None]) -> None:
        super().__init__()
        self._on_sleep = on_sleep

    def nativeEventFilter(
        self, eventType: QByteArray | bytes | bytearray | memoryview, message: int, /
    ) -> object:
        kind = eventType.data() if isinstance(eventType, QByteArray) else bytes(eventType)
        if kind == b"windows_generic_MSG":
            msg = ctypes.wintypes.MSG.from_address(int(message))
            if msg.message == WM_POWERBROADCAST and msg.wParam == PBT_APMSUSPEND:
                self._on_sleep()
        return False, 0


class SleepWatcher(QObject):
    """Emits ``sleeping`` when the OS is about to suspend or the screen locks (Linux D-Bus; Windows
    power and session messages). Untested on real Windows hardware: the Linux path is what CI runs."""

    sleeping = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening: list[str] = []
        self._windows_filter: _WindowsPowerFilter | None = None
        app = QApplication.instance()
        if sys.platform == "win32" and app is not None:
            self._windows_filter = _WindowsPowerFilter(self.sleeping.emit)
            app.installNativeEventFilter(self._windows_filter)
            self.listening.append("windows")
            return
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # Qt built without D-Bus (Windows): nothing to listen to
            return
        system, session = QDBusConnection.systemBus(), QDBusConnection.sessionBus()
        if system.isConnected() and system.connect(
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager",
            "PrepareForSleep",
            self,
            "on_prepare_for_sleep(bool)",  # type: ignore[call-overload]
        ):
            self.listening.append("logind")
        if session.isConnected() and session.connect(
            "",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver",
            "ActiveChanged",
            self,
            "on_screensaver(bool)",  # type: ignore[call-overload]
        ):
            self.listening.append("screensaver")
        logger.debug("lock on sleep listens to: %s", self.listening or "nothing")

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if going_to_sleep:
            self.sleeping.emit()

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self.sleeping.emit()

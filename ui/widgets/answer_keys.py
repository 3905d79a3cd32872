"""The keys that answer a question, whatever the keyboard layout: 1 or Y yes/present, 2 or N no/absent,
3 or D don't know, 4 or S skipped. Khmer digits count, and on X11 the physical keys of a Latin layout's
Y, N, D, S and 1-4 do too (on a Khmer layout those keys type Khmer letters)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

_KEY_TEXT = {
    "1": 0,
    "y": 0,
    "១": 0,
    "2": 1,
    "n": 1,
    "២": 1,
    "3": 2,
    "d": 2,
    "៣": 2,
    "4": 3,
    "s": 3,
    "៤": 3,
}
_X11_SCAN_CODES = {10: 0, 29: 0, 11: 1, 57: 1, 12: 2, 40: 2, 13: 3, 39: 3}
_ALLOWED = Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier


def answer_key(event: QKeyEvent) -> int | None:
    """Which answer a key press gives (0 yes, 1 no, 2 don't know, 3 skipped), or None for any other key."""
    if event.modifiers() & ~_ALLOWED:
        return None
    found = _KEY_TEXT.get(event.text().lower())
    if found is None and event.text() and QGuiApplication.platformName() == "xcb":
        found = _X11_SCAN_CODES.get(event.nativeScanCode())
    return found

"""Keys that work whatever the keyboard layout.

On a Khmer layout the letter keys type Khmer letters and the number row Khmer digits, so a key chosen
by its letter ("M for male", "Y for yes") would do nothing in the Khmer UI. ``latin_key`` reads the key
that was pressed: its text when that is a Latin letter or digit, Khmer digits as digits, and otherwise
the key's place on the keyboard (X11: its scan code; Windows: its virtual-key code, which names the
letter printed on a Latin keyboard whatever the layout).

``answer_key`` uses it for the answers: 1 or Y yes/present, 2 or N no/absent, 3 or D don't know, 4 or S
skipped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent

KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"
# X11 key codes (evdev + 8) of a PC keyboard's number row and letters.
_X11_KEYS = {10 + n: str((n + 1) % 10) for n in range(10)} | dict(
    zip(
        (24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 38, 39, 40, 41, 42, 43, 44, 45, 46)
        + (52, 53, 54, 55, 56, 57, 58),
        "qwertyuiopasdfghjklzxcvbnm",
        strict=True,
    )
)
_ANSWERS = {"1": 0, "y": 0, "2": 1, "n": 1, "3": 2, "d": 2, "4": 3, "s": 3}
_ALLOWED = Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier


def platform() -> str:
    """The Qt platform plugin ("xcb", "windows", ...): where native key codes mean what we map."""
    return QGuiApplication.platformName()


def latin_key(event: QKeyEvent) -> str:
    """The Latin letter (lower case) or digit of the key pressed, or "" for any other key or a key
    pressed with Ctrl, Alt or Meta."""
    if event.modifiers() & ~_ALLOWED:
        return ""
    text = event.text().lower()
    if len(text) == 1 and text.isascii() and text.isalnum():
        return text
    if len(text) == 1 and text in KHMER_DIGITS:
        return str(KHMER_DIGITS.index(text))
    if not text:
        return ""  # a key that types nothing (arrows, F-keys): never a letter
    where = platform()
    if where == "xcb":
        return _X11_KEYS.get(event.nativeScanCode(), "")
    if where == "windows":
        code = event.nativeVirtualKey()
        if 0x30 <= code <= 0x39 or 0x41 <= code <= 0x5A:
            return chr(code).lower()
    return ""


def answer_key(event: QKeyEvent) -> int | None:
    """Which answer a key press gives (0 yes, 1 no, 2 don't know, 3 skipped), or None for any other key."""
    return _ANSWERS.get(latin_key(event))

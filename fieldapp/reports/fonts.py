"""The bundled Noto fonts: loaded once into Qt, a fallback list, and a check that text is covered.

Rendering needs a QGuiApplication; ``ensure_gui_app`` makes one (offscreen when there is no display),
so the CLI and the tests render PDFs on a machine with no screen.
"""

from __future__ import annotations

import os
import sys
import threading
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLoggingCategory
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QRawFont

from fieldapp.assets import resource_dir
from fieldapp.errors import FieldAppError, message

FONTS_INCOMPLETE = message(
    "report.fonts_incomplete", "The bundled fonts are incomplete (reinstall the app): {fonts}."
)

NEEDS_GUI_APPLICATION = message(
    "report.needs_gui_application",
    "A non-GUI Qt application is running; PDF rendering needs QGuiApplication.",
)

FONT_DIR = resource_dir("fonts")

# Fallback order: Latin first (digits, punctuation), then Khmer, then the other scripts. Nastaliq last:
# punctuation inside Khmer text (the "·" between two Khmer words) goes to the first later family that
# has it, and Nastaliq's lines are nearly twice as tall (Urdu itself is drawn with Naskh before it).
FAMILIES = (
    "Noto Sans",
    "Noto Sans Khmer",
    "Noto Sans Thai",
    "Noto Sans Lao",
    "Noto Sans Myanmar",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Sinhala",
    "Noto Naskh Arabic",
    "Noto Sans Ethiopic",
    "Noto Sans CJK SC",
    "Noto Nastaliq Urdu",
)

_lock = threading.Lock()
_app: QGuiApplication | None = None
_loaded: list[str] = []


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen when there is no display)."""
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        if not isinstance(existing, QGuiApplication):
            raise FieldAppError(NEEDS_GUI_APPLICATION)
        return existing
    if not sys.platform.startswith(("win", "darwin")) and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "fieldapp"])
    return _app


def font_files() -> list[Path]:
    return sorted(p for p in FONT_DIR.iterdir() if p.suffix.lower() in (".ttf", ".otf"))


def load_fonts() -> list[str]:
    """Register every bundled font with Qt (once per process); returns the family names loaded."""
    ensure_gui_app()
    with _lock:
        if _loaded:
            return list(_loaded)
        # Qt logs "OpenType support missing for …" for each font it walks past while finding a face for
        # Khmer: harmless, and alarming on a terminal. It logs it from whichever thread draws, holding
        # the font database's lock, so a message handler written in Python could wait there for Python's
        # lock held by a thread that waits for the font database. The window and the PDF renderer both
        # load the fonts before they draw any text.
        QLoggingCategory.setFilterRules("qt.text.font.db=false")
        families: list[str] = []
        missing: list[str] = []
        for path in font_files():
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                missing.append(path.name)
                continue
            families += QFontDatabase.applicationFontFamilies(font_id)
        absent = [f for f in FAMILIES if f not in families]
        if missing or absent:
            raise FieldAppError(FONTS_INCOMPLETE, fonts=", ".join(missing + absent))
        _loaded.extend(dict.fromkeys(families))
        return list(_loaded)


def font(point_size: float, *, bold: bool = False) -> QFont:
    """A font with the whole fallback list, so any script finds a bundled face."""
    load_fonts()
    f = QFont()
    f.setFamilies(list(FAMILIES))
    f.setPointSizeF(point_size)
    f.setBold(bold)
    f.setStyleStrategy(QFont.StyleStrategy.PreferDefault)
    return f


@lru_cache(maxsize=1)
def _raw_fonts() -> tuple[QRawFont, ...]:
    load_fonts()
    fonts = []
    for path in font_files():
        raw = QRawFont(str(path), 12.0)
        if raw.isValid():
            fonts.append(raw)
    return tuple(fonts)


_IGNORED = frozenset(" \t\n\r\u200b\u200c\u200d\u2060\ufeff")


def uncovered_characters(text: str) -> set[str]:
    """Characters of ``text`` that no bundled font can draw (they would print as boxes)."""
    raws = _raw_fonts()
    return {
        ch
        for ch in set(text)
        if ch not in _IGNORED and not any(raw.supportsCharacter(ord(ch)) for raw in raws)
    }

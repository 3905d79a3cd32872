"""Languages and fonts: the bundled Noto fonts, and the Khmer translation loaded at start.

Translations are Qt .ts files in resources/i18n (fieldapp.assets finds the folder); a .qm is compiled at build time (packaging) or, when
missing or older than its .ts, at start into the user cache folder (translations are not sensitive).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path

import platformdirs
from PySide6.QtCore import QLocale, QSettings, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from fieldapp.assets import resource_root
from fieldapp.errors import FieldAppError
from fieldapp.reports import fonts as reports_fonts

logger = logging.getLogger(__name__)

RESOURCES = resource_root()
LANGUAGES = {"en": "English", "km": "ខ្មែរ"}
# Fallback order: Latin first, then the scripts officers and rescued workers write in.
FONT_FAMILIES = [
    "Noto Sans",
    "Noto Sans Khmer",
    "Noto Sans SC",
    "Noto Sans CJK SC",
    "Noto Sans Thai",
    "Noto Sans Lao",
    "Noto Sans Myanmar",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Sinhala",
    "Noto Naskh Arabic",
    "Noto Sans KR",
    "Noto Sans Ethiopic",
]

_translator: QTranslator | None = None


def load_fonts() -> list[str]:
    """Register every bundled font with Qt, once per process (the PDF renderer uses the same ones);
    returns the families found. A missing font is logged: the window still opens with what there is."""
    try:
        return reports_fonts.load_fonts()
    except FieldAppError as error:
        logger.warning("bundled fonts incomplete: %s", error)
        return []


def app_font(language: str) -> QFont:
    font = QFont()
    families = ["Noto Sans Khmer", *FONT_FAMILIES] if language == "km" else FONT_FAMILIES
    font.setFamilies(families)
    font.setPointSize(11 if language == "km" else 10)  # Khmer stacks subscripts: a little larger reads better
    return font


def compiled_translation(language: str) -> Path | None:
    """The .qm for ``language``: shipped next to the .ts, or compiled now into the cache folder."""
    source = RESOURCES / "i18n" / f"fieldapp_{language}.ts"
    shipped = source.with_suffix(".qm")
    if shipped.exists() and (not source.exists() or shipped.stat().st_mtime >= source.stat().st_mtime):
        return shipped
    if not source.exists():
        return None
    cached = Path(platformdirs.user_cache_dir("fieldapp", appauthor=False)) / shipped.name
    if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    # PySide6 ships lrelease inside its package; the frozen build ships .qm files instead.
    import PySide6

    bundled = Path(PySide6.__file__).parent / "lrelease"
    lrelease = str(bundled) if bundled.exists() else shutil.which("pyside6-lrelease") or "pyside6-lrelease"
    cached.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([lrelease, "-silent", str(source), "-qm", str(cached)], check=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        logger.warning("could not compile %s: %s", source.name, exc)
        return None
    return cached


def switch_language(current: str, language: str) -> bool:
    """Before unlocking, from the unlock screen's picker: install ``language`` and remember it for the
    next start. False (nothing done) if it is already the one in use or there is no application."""
    app = QApplication.instance()
    if not isinstance(app, QApplication) or language == current:
        return False
    set_language(app, language)
    QSettings().setValue("language", language)
    return True


def set_language(app: QApplication, language: str) -> bool:
    """Install ``language`` (``en`` removes the translation). Returns False if it could not be loaded."""
    global _translator
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    app.setFont(app_font(language))
    QLocale.setDefault(QLocale(QLocale.Language.Khmer if language == "km" else QLocale.Language.English))
    if language == "en":
        return True
    path = compiled_translation(language)
    translator = QTranslator(app)
    if path is None or not translator.load(str(path)):
        logger.warning("no translation for %s", language)
        return False
    app.installTranslator(translator)
    _translator = translator
    return True

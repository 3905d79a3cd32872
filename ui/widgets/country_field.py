"""Choosing a country by typing part of its English or Khmer name, or its code.

The text shown for a country is "English — ខ្មែរ (ISO)". What is stored is only what the officer
chose: a shown entry, a code, or a whole English or Khmer name. Anything else is passed on as typed,
and the core refuses it with a plain message; a country chosen earlier is never kept by accident
(typing "China" once stored the previous person's VNM).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QWidget

from fieldapp.reference.countries import Country, countries, country, country_name, is_country
from fieldapp.reference.languages import language_names

_SHOWN = re.compile(r"\(([A-Z]{3})\)\s*$")


def app_language() -> str:
    return "km" if QLocale().language() == QLocale.Language.Khmer else "en"


def display(item: Country) -> str:
    return f"{item.name_en} — {item.name_km} ({item.iso3})"


def display_code(code: str) -> str:
    """How a stored code is shown in a field ("" stays "", an unknown code as it is)."""
    return display(country(code)) if code and is_country(code) else code


def country_label(code: str) -> str:
    """A country's name in the app's language, for lists and read-only views."""
    return country_name(code, app_language()) if code else ""


def language_labels(codes: list[str]) -> str:
    """Languages' names in the app's language ("Chinese, English"), for read-only views."""
    return language_names(codes, app_language())


def country_code(text: str) -> str:
    """The code of the country the text names exactly; otherwise the text itself, for the core to refuse."""
    text = text.strip()
    if not text:
        return ""
    shown = _SHOWN.search(text)
    if shown and is_country(shown.group(1)):
        return shown.group(1)
    if len(text) == 3 and is_country(text):
        return text.upper()
    wanted = text.casefold()
    for item in countries():
        if wanted in (item.name_en.casefold(), item.name_km.casefold()):
            return item.iso3
    return text


def country_completer(parent: QWidget) -> QCompleter:
    """Suggestions for any part of a country's English or Khmer name or its code."""
    completer = QCompleter(QStringListModel([display(c) for c in countries()], parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer

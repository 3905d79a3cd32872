"""Languages: ISO 639 codes (pycountry), named in any CLDR language (Babel).

Records store the code an officer chose (``vi``, ``zh``; ISO 639-1 where it exists, else ISO 639-3,
e.g. ``rhg`` for Rohingya); forms and lists show the name ("Languages: Chinese, English").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry

from fieldapp.errors import ValidationError, message
from fieldapp.reference.countries import _fold, _locale

UNKNOWN_LANGUAGE = message(
    "reference.unknown_language",
    "'{text}' is not a language code this app knows: use ISO 639 codes such as vi, zh, en or km.",
)


@dataclass(frozen=True)
class Language:
    code: str
    name_en: str
    name_km: str


def _cldr_name(code: str, language: str) -> str | None:
    locale = _locale(language)
    return locale.languages.get(code) if locale is not None else None


@cache
def languages() -> tuple[Language, ...]:
    """Every language with an ISO 639-1 code (the ones a picker offers), sorted by English name."""
    found = []
    for item in pycountry.languages:
        code = getattr(item, "alpha_2", None)
        if code:
            english = _cldr_name(code, "en") or item.name
            found.append(Language(code, english, _cldr_name(code, "km") or english))
    return tuple(sorted(found, key=lambda lang: lang.name_en))


@cache
def _lookup(code: str) -> Language | None:
    code = code.strip().lower()
    item = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    if item is None:
        return None
    english = _cldr_name(code, "en") or item.name
    return Language(code, english, _cldr_name(code, "km") or english)


def is_language(code: str) -> bool:
    return len(code.strip()) in (2, 3) and _lookup(code) is not None


def language_name(code: str, language: str = "en") -> str:
    """The name of language ``code`` in ``language`` (en, km, zh ...); the code itself if unknown."""
    found = _lookup(code)
    if found is None:
        return code
    if language == "en":
        return found.name_en
    if language == "km":
        return found.name_km
    return _cldr_name(found.code, language) or found.name_en


def language_names(codes: list[str] | tuple[str, ...], language: str = "en") -> str:
    return ", ".join(language_name(code, language) for code in codes)


def resolve(text: str) -> Language:
    """The language ``text`` names: a code, or a whole English or Khmer name."""
    found = _lookup(text)
    if found is not None:
        return found
    wanted = _fold(text)
    for lang in languages():
        if wanted in (_fold(lang.name_en), _fold(lang.name_km)):
            return lang
    raise ValidationError(UNKNOWN_LANGUAGE, text=text)

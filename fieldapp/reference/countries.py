"""Countries: every ISO 3166-1 code (pycountry), named in any CLDR language (Babel).

Records store the alpha-3 code (``VNM``); forms, lists, exports and HQ show the name in the reader's
language. ``search`` is how a picker finds a country from what an officer types: a code, or part of
its English or Khmer name.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import pycountry
from babel import Locale, UnknownLocaleError

from fieldapp.errors import ValidationError, message

UNKNOWN_COUNTRY = message(
    "reference.unknown_country",
    "'{text}' is not a country this app knows: type part of its English or Khmer name, or its "
    "three-letter code, and pick it from the list.",
)
AMBIGUOUS_COUNTRY = message(
    "reference.ambiguous_country", "'{text}' matches several countries ({names}): pick one from the list."
)


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name_en: str
    name_km: str

    def name(self, language: str = "en") -> str:
        return country_name(self.iso3, language)


@cache
def _locale(language: str) -> Locale | None:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return None


def _cldr_name(iso2: str, language: str) -> str | None:
    locale = _locale(language)
    return locale.territories.get(iso2) if locale is not None else None


@cache
def countries() -> tuple[Country, ...]:
    """Every ISO 3166-1 country, sorted by English name."""
    found = []
    for c in pycountry.countries:
        english = _cldr_name(c.alpha_2, "en") or c.name  # CLDR's short names ("Vietnam", "Laos")
        found.append(Country(c.alpha_3, c.alpha_2, english, _cldr_name(c.alpha_2, "km") or english))
    return tuple(sorted(found, key=lambda c: c.name_en))


@cache
def _by_iso3() -> dict[str, Country]:
    return {c.iso3: c for c in countries()}


def is_country(code: str) -> bool:
    return code.upper() in _by_iso3()


def country(iso3: str) -> Country:
    """The country with this alpha-3 code (any case); KeyError if there is none."""
    return _by_iso3()[iso3.upper()]


def country_name(iso3: str, language: str = "en") -> str:
    """The country's name in ``language`` (en, km, zh, vi, th ...); the code itself if it is unknown."""
    found = _by_iso3().get(iso3.upper())
    if found is None:
        return iso3
    if language == "en":
        return found.name_en
    if language == "km":
        return found.name_km
    return _cldr_name(found.iso2, language) or found.name_en


def _fold(text: str) -> str:
    """Case- and accent-insensitive form for matching ("côte" finds Côte d'Ivoire)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def search(text: str, *, limit: int = 20) -> list[Country]:
    """Countries whose code is ``text`` or whose English or Khmer name contains it; exact matches first."""
    wanted = _fold(text)
    if not wanted:
        return []
    exact, starts, contains = [], [], []
    for c in countries():
        names = (_fold(c.name_en), _fold(c.name_km))
        if wanted in (c.iso3.casefold(), c.iso2.casefold()) or wanted in names:
            exact.append(c)
        elif any(name.startswith(wanted) for name in names):
            starts.append(c)
        elif any(wanted in name for name in names):
            contains.append(c)
    return (exact + starts + contains)[:limit]


def resolve(text: str) -> Country:
    """The one country ``text`` names (a code or a whole or unique partial name); a plain error otherwise."""
    found = search(text, limit=5)
    wanted = _fold(text)
    exact = [
        c
        for c in found
        if wanted in (c.iso3.casefold(), c.iso2.casefold(), _fold(c.name_en), _fold(c.name_km))
    ]
    if len(exact) == 1:
        return exact[0]
    if len(found) == 1:
        return found[0]
    if not found:
        raise ValidationError(UNKNOWN_COUNTRY, text=text)
    raise ValidationError(AMBIGUOUS_COUNTRY, text=text, names=", ".join(c.name_en for c in found))

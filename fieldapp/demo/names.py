"""Realistic but fictional demo data for a demo vault.

All people produced here are invented: names are drawn from pools of common,
non-celebrity names and combined at random, and passport numbers are random
strings in a plausible per-country format. Nothing refers to a real person.

The nationality mix follows published figures: the Jun-Jul 2025
Cambodian crackdown (3,075 detained, 606 female: 1,028 Chinese, 693 Vietnamese,
366 Indonesian, 105 Indian, 101 Bangladeshi, 82 Thai, 81 Pakistani, 57 Korean,
13 Nepalese, ...), the early-2025 Poipet raid (many Thai, Pakistani, Indian),
the Jan 2026 mass releases of Indonesians, and press reports of Sri Lankan,
Kenyan, Ethiopian, Myanmar, Lao, Filipino and Taiwanese victims. Weights are
relative, not percentages.

Name pools hold ``(latin, own_script)`` pairs: the Latin form as printed in a
passport (ASCII, no diacritics) and the form in the person's own script
(for Latin-script nationalities, the same name with its proper diacritics).

The name pools live in ``names.json`` beside this module, written with the scripts as they are (not
escaped); it is read once, on import, and checked into the dataclasses below. Country names, Cambodia's
provinces and the agencies are reference data (``fieldapp.reference``): the demo draws from them.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal, cast, get_args

from fieldapp.reference.cambodia import AGENCIES, PROVINCES, Agency, District, Province
from fieldapp.reference.countries import country

Sex = Literal["male", "female"]

__all__ = [
    "AGENCIES",
    "MINOR_RATE",
    "NATIONALITIES",
    "PASSPORT_MISSING_RATE",
    "PROVINCES_KH",
    "REAL_COMPOUND_NAMES_BLOCKLIST",
    "Agency",
    "DemoPerson",
    "District",
    "FamilyName",
    "GivenName",
    "Nationality",
    "Province",
    "Sex",
    "nationality_by_iso3",
    "sample_compound_name",
    "sample_nationality",
    "sample_person",
]


@dataclass(frozen=True, slots=True)
class GivenName:
    latin: str
    own: str
    sex: Sex


@dataclass(frozen=True, slots=True)
class FamilyName:
    """A family name (or, where there is none, the name used in its place, e.g. the father's name).

    ``sex`` is None when the name is used by both sexes.
    """

    latin: str
    own: str
    sex: Sex | None = None


@dataclass(frozen=True, slots=True)
class Nationality:
    iso3: str
    name_en: str
    name_km: str
    weight: float
    language: str
    script: str
    given_names: tuple[GivenName, ...] = field(repr=False)
    family_names: tuple[FamilyName, ...] = field(repr=False)
    family_first: bool = False
    """Family name written before the given name (Chinese, Vietnamese, Korean, Khmer)."""
    own_separator: str = " "
    """Separator between name parts in the own script ("" for Chinese, Korean, Burmese)."""
    single_name_rate: float = 0.0
    """Share of people with no family name (many Indonesians; all Burmese)."""
    patronymic: tuple[str, str] | None = None
    """(male, female) connector before the father's name, e.g. Malay "bin"/"binti"."""
    female_share: float = 0.2
    other_languages: tuple[tuple[str, float], ...] = ()
    """Further languages a person may speak, with the probability of each."""
    passport_formats: tuple[str, ...] = ("@#######",)
    """Passport number patterns: "#" a digit, "@" a capital letter, anything else literal."""

    def given_pool(self, sex: Sex) -> tuple[GivenName, ...]:
        return tuple(g for g in self.given_names if g.sex == sex)

    def family_pool(self, sex: Sex) -> tuple[FamilyName, ...]:
        return tuple(f for f in self.family_names if f.sex is None or f.sex == sex)


# --- Data ---------------------------------------------------------------------------------------


class _Data:
    """Typed reads from the parsed JSON; a wrong shape raises ValueError naming the place."""

    def __init__(self, value: Any, where: str) -> None:
        self.value = value
        self.where = where

    def __getitem__(self, key: str | int) -> _Data:
        try:
            return _Data(
                self.value[key], f"{self.where}.{key}" if isinstance(key, str) else f"{self.where}[{key}]"
            )
        except (KeyError, IndexError, TypeError):
            raise ValueError(f"names.json: {self.where} has no {key!r}") from None

    def _typed(self, kind: type | tuple[type, ...], what: str) -> Any:
        if not isinstance(self.value, kind) or isinstance(self.value, bool) != (kind is bool):
            raise ValueError(f"names.json: {self.where} should be {what}, not {self.value!r}")
        return self.value

    def text(self) -> str:
        return cast(str, self._typed(str, "text"))

    def number(self) -> float:
        return float(self._typed((int, float), "a number"))

    def flag(self) -> bool:
        return cast(bool, self._typed(bool, "true or false"))

    def items(self) -> list[_Data]:
        return [self[i] for i in range(len(self._typed(list, "a list")))]

    def texts(self) -> tuple[str, ...]:
        return tuple(item.text() for item in self.items())

    def pair(self) -> tuple[str, str]:
        parts = self.items()
        if len(parts) != 2:
            raise ValueError(f"names.json: {self.where} should be two texts, not {self.value!r}")
        return parts[0].text(), parts[1].text()

    def choice(self, allowed: tuple[str, ...]) -> str:
        value = self.text()
        if value not in allowed:
            raise ValueError(f"names.json: {self.where} should be one of {', '.join(allowed)}, not {value!r}")
        return value


def _family_name(item: _Data) -> FamilyName:
    parts = item.items()
    if len(parts) not in (2, 3):
        raise ValueError(f"names.json: {item.where} should be [latin, own] or [latin, own, sex]")
    sex = cast(Sex, parts[2].choice(get_args(Sex))) if len(parts) == 3 else None
    return FamilyName(parts[0].text(), parts[1].text(), sex)


def _nationality(item: _Data) -> Nationality:
    given = item["given_names"]
    patronymic = item["patronymic"]
    iso3 = item["iso3"].text()
    return Nationality(
        iso3=iso3,
        name_en=country(iso3).name_en,
        name_km=country(iso3).name_km,
        weight=item["weight"].number(),
        language=item["language"].text(),
        script=item["script"].text(),
        given_names=tuple(
            GivenName(*pair.pair(), sex=sex) for sex in get_args(Sex) for pair in given[sex].items()
        ),
        family_names=tuple(_family_name(name) for name in item["family_names"].items()),
        family_first=item["family_first"].flag(),
        own_separator=item["own_separator"].text(),
        single_name_rate=item["single_name_rate"].number(),
        patronymic=None if patronymic.value is None else patronymic.pair(),
        female_share=item["female_share"].number(),
        other_languages=tuple(
            (lang.text(), share.number())
            for lang, share in (pair.items() for pair in item["other_languages"].items())
        ),
        passport_formats=item["passport_formats"].texts(),
    )


def _load() -> tuple[Nationality, ...]:
    text = resources.files(__package__ or "fieldapp.demo").joinpath("names.json").read_text(encoding="utf-8")
    data = _Data(json.loads(text), "names.json")
    return tuple(_nationality(item) for item in data["nationalities"].items())


NATIONALITIES: tuple[Nationality, ...] = _load()
# Places and agencies are reference data (fieldapp.reference.cambodia); the demo only draws from them.
PROVINCES_KH = PROVINCES
_BY_ISO3: dict[str, Nationality] = {n.iso3: n for n in NATIONALITIES}


def nationality_by_iso3(iso3: str) -> Nationality:
    """Look up a demo nationality; raises KeyError for unknown codes."""
    return _BY_ISO3[iso3.upper()]


# --- People -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DemoPerson:
    nationality: Nationality
    sex: Sex
    given_latin: str
    given_own: str
    family_latin: str
    """Empty when the person has a single name."""
    family_own: str
    display_latin: str
    """Full name as in a passport, in the nationality's order."""
    display_own: str
    """Full name in the person's own script, in the nationality's order."""
    age: int
    age_uncertain: bool
    passport_number: str | None
    """None when the document was not available (often confiscated by the compound)."""
    languages: tuple[str, ...]
    """Main language first."""


MINOR_RATE = 0.06
PASSPORT_MISSING_RATE = 0.40
_OLDER_RATE = 0.08
_PASSPORT_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ"


def sample_nationality(rng: random.Random) -> Nationality:
    return rng.choices(NATIONALITIES, weights=[n.weight for n in NATIONALITIES], k=1)[0]


def _sample_age(rng: random.Random) -> tuple[int, bool]:
    r = rng.random()
    if r < MINOR_RATE:
        return rng.randint(15, 17), True
    if r < MINOR_RATE + _OLDER_RATE:
        return rng.randint(41, 55), False
    return round(rng.triangular(18, 40, 24)), False


def _passport_number(rng: random.Random, pattern: str) -> str:
    out: list[str] = []
    for ch in pattern:
        if ch == "#":
            out.append(str(rng.randrange(10)))
        elif ch == "@":
            out.append(rng.choice(_PASSPORT_LETTERS))
        else:
            out.append(ch)
    return "".join(out)


def _join(parts: list[str], sep: str) -> str:
    return sep.join(p for p in parts if p)


def sample_person(rng: random.Random) -> DemoPerson:
    """Draw one fictional person; the same rng state always gives the same person."""
    nat = sample_nationality(rng)
    sex: Sex = "female" if rng.random() < nat.female_share else "male"
    given = rng.choice(nat.given_pool(sex))

    family_pool = nat.family_pool(sex)
    single = not family_pool or rng.random() < nat.single_name_rate
    family_latin = family_own = ""
    if not single:
        fam = rng.choice(family_pool)
        family_latin, family_own = fam.latin, fam.own

    if not family_latin:
        display_latin, display_own = given.latin, given.own
    elif nat.family_first:
        display_latin = _join([family_latin, given.latin], " ")
        display_own = _join([family_own, given.own], nat.own_separator)
    else:
        connector = ""
        if nat.patronymic is not None:
            connector = nat.patronymic[0] if sex == "male" else nat.patronymic[1]
        display_latin = _join([given.latin, connector, family_latin], " ")
        display_own = _join([given.own, connector, family_own], nat.own_separator)

    age, minor = _sample_age(rng)
    passport: str | None = None
    if rng.random() >= PASSPORT_MISSING_RATE:
        passport = _passport_number(rng, rng.choice(nat.passport_formats))

    uncertain_p = 0.10 + (0.15 if passport is None else 0.0) + (0.25 if minor else 0.0)
    age_uncertain = rng.random() < uncertain_p

    languages = [nat.language]
    for lang, p in nat.other_languages:
        if rng.random() < p and lang not in languages:
            languages.append(lang)

    return DemoPerson(
        nationality=nat,
        sex=sex,
        given_latin=given.latin,
        given_own=given.own,
        family_latin=family_latin,
        family_own=family_own,
        display_latin=display_latin,
        display_own=display_own,
        age=age,
        age_uncertain=age_uncertain,
        passport_number=passport,
        languages=tuple(languages),
    )


# --- Compounds ----------------------------------------------------------------------------------

_COMPOUND_FIRST = (
    "Silver",
    "Jade",
    "Azure",
    "Lucky Star",
    "Harmony",
    "Orchid",
    "Pearl",
    "Crystal",
    "Sunrise",
    "Lotus",
    "Emerald",
    "Peacock",
    "Red Crane",
    "Blue Horizon",
)
_COMPOUND_SECOND = ("Bay", "Garden", "Heights", "Valley", "Harbour", "Court", "Hill", "Riverside", "Lagoon")
_COMPOUND_KIND = ("Park", "Complex", "Tech Zone", "Residence", "Centre", "Plaza", "Resort", "Tower")

REAL_COMPOUND_NAMES_BLOCKLIST: tuple[str, ...] = (
    "golden fortune",
    "jinbei",
    "jin bei",
    "kaibo",
    "chinatown",
    "huione",
    "prince",
    "long bay",
    "kk park",
    "yatai",
    "shwe kokko",
    "golden triangle",
    "crown",
)
"""Lower-case fragments of real compound/company names that generated names must never contain."""


def sample_compound_name(rng: random.Random) -> str:
    """A fictional compound name such as "Jade Harbour Tech Zone Building C"."""
    while True:
        base = f"{rng.choice(_COMPOUND_FIRST)} {rng.choice(_COMPOUND_SECOND)} {rng.choice(_COMPOUND_KIND)}"
        if rng.random() < 0.6:
            name = f"{base} Building {rng.choice('ABCDEFGH')}"
        else:
            name = f"{base} Block {rng.randint(1, 12)}"
        lowered = name.lower()
        if not any(bad in lowered for bad in REAL_COMPOUND_NAMES_BLOCKLIST):
            return name

"""Cambodia's provinces and districts, the agencies raid teams work with, and embassies that receive persons.

Province codes are ISO 3166-2:KH (the test checks them against pycountry); their Khmer names, the
districts and the agencies are in ``cambodia.json`` (no maintained library carries them).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal, cast, get_args

from fieldapp.reference.countries import country

AgencyKind = Literal[
    "police", "immigration", "social_affairs", "coordination", "international", "ngo", "embassy"
]


@dataclass(frozen=True, slots=True)
class District:
    name_en: str
    name_km: str


@dataclass(frozen=True, slots=True)
class Province:
    iso_3166_2: str
    name_en: str
    name_km: str
    districts: tuple[District, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class Agency:
    code: str
    name_en: str
    name_km: str
    kind: AgencyKind
    country_iso3: str = "KHM"
    fictional: bool = False


def _load() -> dict[str, Any]:
    text = resources.files(__package__ or "fieldapp.reference").joinpath("cambodia.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _embassy(iso3: str) -> Agency:
    found = country(iso3)
    return Agency(
        code=f"EMB-{iso3}",
        name_en=f"Embassy of {found.name_en}, Phnom Penh",
        name_km=f"ស្ថានទូត{found.name_km} ប្រចាំភ្នំពេញ",
        kind="embassy",
        country_iso3=iso3,
    )


def _agency(item: dict[str, Any]) -> Agency:
    kind = item["kind"]
    if kind not in get_args(AgencyKind):
        raise ValueError(f"cambodia.json: agency {item['code']} has an unknown kind {kind!r}")
    return Agency(
        item["code"],
        item["name_en"],
        item["name_km"],
        cast(AgencyKind, kind),
        item["country_iso3"],
        bool(item["fictional"]),
    )


_DATA = _load()
PROVINCES: tuple[Province, ...] = tuple(
    Province(
        p["iso_3166_2"],
        p["name_en"],
        p["name_km"],
        tuple(District(*d) for d in p["districts"]),
        p.get("note", ""),
    )
    for p in _DATA["provinces"]
)
EMBASSY_COUNTRIES: tuple[str, ...] = tuple(_DATA["embassies_in_phnom_penh"])
AGENCIES: tuple[Agency, ...] = tuple(_agency(a) for a in _DATA["agencies"]) + tuple(
    _embassy(iso3) for iso3 in EMBASSY_COUNTRIES
)


def province(name_or_code: str) -> Province | None:
    """The province with this ISO code or English or Khmer name; None if there is none."""
    wanted = name_or_code.strip().casefold()
    for p in PROVINCES:
        if wanted in (p.iso_3166_2.casefold(), p.name_en.casefold(), p.name_km.casefold()):
            return p
    return None

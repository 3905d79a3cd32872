"""The missions that receive notification lists, per nationality: name (from the reference of embassies in
Phnom Penh), languages, how travel documents are issued, contacts, and whether HQ verified them.

The file bundled with the app has no contacts and nothing verified: HQ fills them in from the missions
themselves and ships its copy signed with the enrolment (``fieldapp hq enrol``), which a laptop keeps in its
vault and prefers (``missions(hq_copy)``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.reference.cambodia import EMBASSY_COUNTRIES
from fieldapp.reference.countries import UNKNOWN_COUNTRY, countries, country

HQ_CONSULATES_META = "hq_consulates"  # vault meta key: HQ's signed copy, as shipped with the enrolment


@dataclass(frozen=True)
class Mission:
    nationality: str  # ISO 3166-1 alpha-3 of the persons it serves
    name_en: str
    name_km: str
    resident: bool  # a mission in Phnom Penh (as far as the reference knows)
    languages: tuple[str, ...]
    travel_documents: str
    note: str
    contacts: tuple[str, ...]
    verified: bool


@cache
def bundled_document() -> dict[str, Any]:
    text = resources.files(__package__ or "fieldapp.reference").joinpath("consulates.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _mission(item: dict[str, Any]) -> Mission:
    iso3 = str(item["nationality"])
    serving = str(item.get("covered_by") or iso3)
    place = country(serving)
    resident = serving in EMBASSY_COUNTRIES
    name_en = (
        f"Embassy of {place.name_en}, Phnom Penh"
        if resident
        else f"The mission of {place.name_en} for Cambodia"
    )
    name_km = f"ស្ថានទូត{place.name_km} ប្រចាំភ្នំពេញ" if resident else f"បេសកកម្ម{place.name_km} សម្រាប់កម្ពុជា"
    return Mission(
        iso3,
        str(item.get("name_en") or name_en),
        str(item.get("name_km") or name_km),
        resident,
        tuple(str(v) for v in item.get("languages") or ()),
        str(item.get("travel_documents") or ""),
        str(item.get("note") or ""),
        tuple(str(v) for v in item.get("contacts") or ()),
        bool(item.get("verified")),
    )


def check_document(document: Any) -> None:
    """Raise ValueError unless ``document`` is a missions file: a list of missions, each for a nationality."""
    if not isinstance(document, dict) or not isinstance(document.get("missions"), list):
        raise ValueError("no list of missions")
    for item in document["missions"]:
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("nationality"), str)
            or len(item["nationality"]) != 3
        ):
            raise ValueError("a mission without a three-letter nationality")
        for key in ("languages", "contacts"):
            if not isinstance(item.get(key, []), list):
                raise ValueError(f"{key} of {item['nationality']} is not a list")


def missions(hq_copy: str | None = None) -> dict[str, Mission]:
    """Missions by nationality: HQ's signed copy when the laptop holds one, else the bundled file."""
    document = json.loads(hq_copy) if hq_copy else bundled_document()
    return {m.nationality: m for m in (_mission(item) for item in document.get("missions") or [])}


def mission_for(nationality: str, hq_copy: str | None = None) -> Mission:
    """The mission for a nationality; one not in the file is named, unverified, with no contacts."""
    found = missions(hq_copy).get(nationality)
    if found is not None:
        return found
    if nationality.upper() not in {c.iso3 for c in countries()}:
        raise ValidationError(UNKNOWN_COUNTRY, text=nationality)
    return _mission({"nationality": nationality.upper()})

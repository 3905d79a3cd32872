"""The directory of receiving bodies: the shelters, MoSVY and its provincial offices, NGOs, IOM and embassies a
handover may name, each with its type, province, languages, contact and capacity.

The directory bundled with the app is drawn from the agencies and embassies of ``cambodia.json`` (no contact,
no capacity). HQ keeps its own copy (edited as CSV or JSON, ``fieldapp hq directory import``), numbered by a
revision that only grows, and ships it signed with every enrolment file or alone
(``fieldapp hq directory ship``); a laptop keeps HQ's copy in its vault and prefers it (``bodies(hq_copy)``).
A directory is checked the same way wherever it comes from (``check_directory``).
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal, cast, get_args

from fieldapp.reference.cambodia import AGENCIES, PROVINCES, province
from fieldapp.reference.countries import is_country
from fieldapp.reference.languages import is_language

HQ_DIRECTORY_META = "hq_receiving_bodies"  # vault and HQ store meta key: HQ's copy, as JSON

BodyType = Literal["shelter", "mosvy", "ngo", "iom", "embassy", "other"]
BODY_TYPES: tuple[str, ...] = get_args(BodyType)
# The handover's receiving type (fieldapp.records.handover_fields.RECEIVING_TYPES) for each directory type.
HANDOVER_TYPE = {
    "shelter": "ngo",
    "mosvy": "mosvy",
    "ngo": "ngo",
    "iom": "iom",
    "embassy": "embassy",
    "other": "other",
}
CSV_COLUMNS = ("id", "type", "name_en", "name_km", "province", "languages", "contact", "capacity", "country")
MAX_BODIES = 5000
_AGENCY_TYPE = {"social_affairs": "mosvy", "international": "iom", "ngo": "shelter", "embassy": "embassy"}


@dataclass(frozen=True)
class ReceivingBody:
    id: str
    type: BodyType
    name_en: str
    name_km: str
    province: str  # ISO 3166-2:KH code, or "" (nationwide)
    languages: tuple[str, ...]  # ISO 639 codes its staff speak
    contact: str
    capacity: int | None  # places (a shelter's beds); None: not said
    country: str = ""  # an embassy's state (ISO 3166-1 alpha-3)

    def document(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name_en": self.name_en,
            "name_km": self.name_km,
            "province": self.province,
            "languages": list(self.languages),
            "contact": self.contact,
            "capacity": self.capacity,
            "country": self.country,
        }


def bundled_directory() -> dict[str, Any]:
    """The directory as the app ships it: the receiving agencies and embassies of the reference (revision 0)."""
    found = []
    for agency in AGENCIES:
        kind = _AGENCY_TYPE.get(agency.kind)
        if kind is None or agency.fictional:
            continue  # police, immigration, coordination do not receive persons; a demo NGO is no real one
        found.append(
            {
                "id": agency.code,
                "type": kind,
                "name_en": agency.name_en,
                "name_km": agency.name_km,
                # Ministries, IOM and embassies sit in Phnom Penh; a provincial department is in each province.
                "province": "" if agency.code == "DOSVY" else "KH-12",
                "languages": ["km", "en"] if kind != "embassy" else [],
                "contact": "",
                "capacity": None,
                "country": agency.country_iso3 if kind == "embassy" else "",
            }
        )
    return {"revision": 0, "bodies": found}


def _body(item: Any, seen: set[str]) -> ReceivingBody:
    if not isinstance(item, dict):
        raise ValueError("an entry is not a set of fields")
    ident = str(item.get("id") or "").strip()
    if not ident or len(ident) > 40:
        raise ValueError("an entry has no id (or one longer than 40 characters)")
    if ident in seen:
        raise ValueError(f"the id {ident} is used twice")
    seen.add(ident)
    kind = item.get("type")
    if kind not in BODY_TYPES:
        raise ValueError(f"{ident}: the type {kind!r} is not one of {', '.join(BODY_TYPES)}")
    name_en, name_km = (str(item.get(k) or "").strip() for k in ("name_en", "name_km"))
    if not name_en or not name_km:
        raise ValueError(f"{ident}: a name in English and in Khmer is needed")
    where = str(item.get("province") or "").strip()
    if where:
        found = province(where)
        if found is None:
            raise ValueError(f"{ident}: {where!r} is not a province of Cambodia")
        where = found.iso_3166_2
    languages = item.get("languages") or []
    if not isinstance(languages, list) or not all(isinstance(c, str) and is_language(c) for c in languages):
        raise ValueError(f"{ident}: languages must be a list of ISO 639 codes (km, en, vi …)")
    capacity = item.get("capacity")
    if capacity is not None and (type(capacity) is not int or capacity < 0):
        raise ValueError(f"{ident}: the capacity must be a whole number of places, or empty")
    state = str(item.get("country") or "").strip().upper()
    if kind == "embassy" and not is_country(state):
        raise ValueError(f"{ident}: an embassy needs its country (ISO alpha-3, such as VNM)")
    return ReceivingBody(
        ident,
        cast(BodyType, kind),
        name_en,
        name_km,
        where,
        tuple(languages),
        str(item.get("contact") or "").strip(),
        capacity,
        state if kind == "embassy" else "",
    )


def check_directory(document: Any) -> list[ReceivingBody]:
    """The entries of a directory; ValueError (a plain reason) unless every entry is well formed."""
    if not isinstance(document, dict) or not isinstance(document.get("bodies"), list):
        raise ValueError("it has no list of receiving bodies")
    revision = document.get("revision", 0)
    if type(revision) is not int or revision < 0:
        raise ValueError("its revision is not a whole number")
    if len(document["bodies"]) > MAX_BODIES:
        raise ValueError(f"it lists more than {MAX_BODIES} bodies")
    seen: set[str] = set()
    return [_body(item, seen) for item in document["bodies"]]


def revision_of(document: dict[str, Any]) -> int:
    return int(document.get("revision", 0))


def directory_document(hq_copy: str | None) -> dict[str, Any]:
    """HQ's copy (JSON text from a vault's or HQ store's meta) when there is one, else the bundled directory."""
    if hq_copy:
        data: dict[str, Any] = json.loads(hq_copy)
        return data
    return bundled_directory()


def bodies(hq_copy: str | None = None) -> list[ReceivingBody]:
    return check_directory(directory_document(hq_copy))


def body_by_id(hq_copy: str | None, body_id: str) -> ReceivingBody | None:
    return next((b for b in bodies(hq_copy) if b.id == body_id), None)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def search(
    found: list[ReceivingBody], text: str = "", *, kind: str | None = None, where: str | None = None
) -> list[ReceivingBody]:
    """Entries whose English or Khmer name holds ``text``, of a type and in a province (code or name); a
    nationwide entry (no province) is found in every province."""
    wanted = _fold(text)
    place = province(where) if where else None
    result = []
    for body in found:
        if kind and body.type != kind:
            continue
        if place is not None and body.province not in ("", place.iso_3166_2):
            continue
        if wanted and wanted not in _fold(body.name_en) and wanted not in _fold(body.name_km):
            continue
        result.append(body)
    return sorted(result, key=lambda b: (b.type, b.name_en.casefold()))


def province_name(code: str, language: str = "en") -> str:
    found = next((p for p in PROVINCES if p.iso_3166_2 == code), None)
    if found is None:
        return ""
    return found.name_km if language == "km" else found.name_en


# --- the files HQ edits -------------------------------------------------------------------------


def from_csv(text: str) -> list[dict[str, Any]]:
    """Entries from a CSV with the columns of ``CSV_COLUMNS`` (languages separated by ';')."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = [c for c in CSV_COLUMNS[:4] if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"the CSV has no column {', '.join(missing)}")
    entries = []
    for row in reader:
        capacity = (row.get("capacity") or "").strip()
        if capacity and not capacity.isdigit():
            raise ValueError(f"{row.get('id')}: the capacity {capacity!r} is not a whole number")
        entries.append(
            {
                **{key: (row.get(key) or "").strip() for key in CSV_COLUMNS},
                "languages": [c.strip() for c in (row.get("languages") or "").split(";") if c.strip()],
                "capacity": int(capacity) if capacity else None,
            }
        )
    return entries


def to_csv(document: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for body in check_directory(document):
        row = body.document()
        row["languages"] = ";".join(body.languages)
        row["capacity"] = "" if body.capacity is None else str(body.capacity)
        writer.writerow(row)
    return out.getvalue()

"""The fields of a handover and their checks (the receiving body, the property handed over ...).

Apart from ``fieldapp.records.handovers`` so that the record service can check a handover's fields
without importing the handover service (which imports it).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fieldapp.errors import Term, ValidationError, message
from fieldapp.records.fields import choice, country, integer, items, labelled, optional_flag, text

NOT_A_DATETIME = message("field.not_a_datetime", "{name} must be a date and time written YYYY-MM-DD HH:MM.")

RECEIVING_TYPES = ("mosvy", "immigration", "embassy", "iom", "ngo", "police_atu", "hospital", "other")
RECEIVING_LABELS = {
    "mosvy": ("MoSVY / DoSVY", "ក្រសួង/មន្ទីរសង្គមកិច្ច"),
    "immigration": ("General Department of Immigration", "អគ្គនាយកដ្ឋានអន្តោប្រវេសន៍"),
    "embassy": ("Embassy / Consulate", "ស្ថានទូត / កុងស៊ុល"),
    "iom": ("IOM", "អង្គការ IOM"),
    "ngo": ("NGO / shelter", "អង្គការ / មណ្ឌលស្នាក់នៅ"),
    "police_atu": ("Police anti-trafficking unit", "នគរបាលប្រឆាំងការជួញដូរមនុស្ស"),
    "hospital": ("Hospital", "មន្ទីរពេទ្យ"),
    "other": ("Other", "ផ្សេងៗ"),
}
ITEM_KINDS = ("passport", "id_document", "phone", "cash", "belongings", "other")


def date_time(name: Term | str, value: Any) -> Any:
    if value in (None, ""):
        return ""
    try:
        return datetime.fromisoformat(str(value)).isoformat(timespec="minutes")
    except ValueError:
        raise ValidationError(NOT_A_DATETIME, name=name) from None


ITEM_FIELDS = labelled(
    {"description": text(200), "quantity": integer(1, 1_000_000), "kind": choice(ITEM_KINDS)}
)

HANDOVER_FIELDS = labelled(
    {
        "date_time": date_time,
        "place": text(200),
        "screening_id": text(40),
        "transferring_agency": text(200),
        "transferring_officer": text(200),
        "transferring_position": text(100),
        "transferring_id_no": text(50),
        "transferring_phone": text(50),
        "receiving_type": choice(RECEIVING_TYPES),
        "receiving_country": country,  # for "Embassy / Consulate of ___": a code, printed as a name
        "receiving_name": text(200),
        # Picked from HQ's directory of receiving bodies (its id, and its Khmer name for the form); a name
        # typed instead is kept as written and flagged unmapped, for HQ to map to an entry later.
        "receiving_body_id": text(40),
        "receiving_name_km": text(200),
        "receiving_unmapped": optional_flag,
        "receiving_officer": text(200),
        "receiving_position": text(100),
        "items": items("item", ITEM_FIELDS),
        "consent_referral": optional_flag,
        "consent_sharing": optional_flag,
        # A team lead's written reason to hand over although a consent is missing (printed on the form).
        "consent_override_reason": text(1000),
        "guardian": text(200),  # guardian or social worker of a minor
        "interpreter_name": text(200),
        "interpreter_language": text(50),
        "urgent_needs": text(2000),
        "health_notes": text(2000),
        "safety_notes": text(2000),
        "portrait_sha256": text(64),
    }
)

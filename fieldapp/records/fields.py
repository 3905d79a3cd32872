"""Which fields each record type takes, and their checks (plain messages, nothing silently dropped)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from fieldapp.errors import ValidationError

SEXES = ("female", "male", "other", "unknown")
DOCUMENT_STATUSES = ("held", "confiscated", "lost", "with_immigration", "none", "unknown")


def _text(limit: int) -> Callable[[str, Any], Any]:
    def check(name: str, value: Any) -> Any:
        if not isinstance(value, str):
            raise ValidationError(f"{name} must be text.")
        value = value.strip()
        if len(value) > limit:
            raise ValidationError(f"{name} is too long (at most {limit} characters).")
        return value

    return check


def _text_list(name: str, value: Any) -> Any:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValidationError(f"{name} must be a list of text.")
    return [v.strip() for v in value if v.strip()]


def _choice(options: tuple[str, ...]) -> Callable[[str, Any], Any]:
    def check(name: str, value: Any) -> Any:
        if value not in options:
            raise ValidationError(f"{name} must be one of: {', '.join(options)}.")
        return value

    return check


def _country(name: str, value: Any) -> Any:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{3}", value.strip()):
        raise ValidationError(f"{name} must be a three-letter country code such as VNM or CHN.")
    return value.strip().upper()


def _age(name: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    try:
        age = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{name} must be a whole number of years.") from None
    if not 0 <= age <= 120:
        raise ValidationError(f"{name} must be between 0 and 120.")
    return age


def _date(name: str, value: Any) -> Any:
    if value in (None, ""):
        return ""
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValidationError(f"{name} must be a date written YYYY-MM-DD.") from None


def _flag(name: str, value: Any) -> Any:
    if not isinstance(value, bool):
        raise ValidationError(f"{name} must be yes or no.")
    return value


PERSON_FIELDS: dict[str, Callable[[str, Any], Any]] = {
    "name": _text(200),
    "name_own_script": _text(200),
    "aliases": _text_list,
    "nationality": _country,
    "sex": _choice(SEXES),
    "dob": _date,
    "age": _age,
    "age_uncertain": _flag,
    "languages": _text_list,
    "document_type": _text(50),
    "document_no": _text(50),
    "document_status": _choice(DOCUMENT_STATUSES),
    "phone": _text(50),
    "urgent_needs": _text(2000),
    "notes": _text(5000),
}

OPERATION_FIELDS: dict[str, Callable[[str, Any], Any]] = {
    "name": _text(200),
    "code": _text(12),
    "date": _date,
    "province": _text(100),
    "district": _text(100),
    "place": _text(200),
    "lead_agency": _text(200),
    "team": _text_list,
}


def clean(
    kind: str, spec: Mapping[str, Callable[[str, Any], Any]], fields: Mapping[str, Any]
) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(spec))
    if unknown:
        raise ValidationError(f"Unknown {kind} field(s): {', '.join(unknown)}.")
    return {name: spec[name](name.replace("_", " "), value) for name, value in fields.items()}

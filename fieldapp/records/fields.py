"""Which fields each record type takes, and their checks (plain messages, nothing silently dropped)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from fieldapp.errors import ValidationError

Check = Callable[[str, Any], Any]

SEXES = ("female", "male", "other", "unknown")
DOCUMENT_STATUSES = ("held", "confiscated", "lost", "with_immigration", "none", "unknown")


def text(limit: int) -> Check:
    def check(name: str, value: Any) -> Any:
        if not isinstance(value, str):
            raise ValidationError(f"{name} must be text.")
        value = value.strip()
        if len(value) > limit:
            raise ValidationError(f"{name} is too long (at most {limit} characters).")
        return value

    return check


def text_list(name: str, value: Any) -> Any:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValidationError(f"{name} must be a list of text.")
    return [v.strip() for v in value if v.strip()]


def choice(options: tuple[str, ...]) -> Check:
    def check(name: str, value: Any) -> Any:
        if value not in options:
            raise ValidationError(f"{name} must be one of: {', '.join(options)}.")
        return value

    return check


def country(name: str, value: Any) -> Any:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{3}", value.strip()):
        raise ValidationError(f"{name} must be a three-letter country code such as VNM or CHN.")
    return value.strip().upper()


def age(name: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    try:
        age = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"{name} must be a whole number of years.") from None
    if not 0 <= age <= 120:
        raise ValidationError(f"{name} must be between 0 and 120.")
    return age


def date_field(name: str, value: Any) -> Any:
    if value in (None, ""):
        return ""
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValidationError(f"{name} must be a date written YYYY-MM-DD.") from None


def flag(name: str, value: Any) -> Any:
    if not isinstance(value, bool):
        raise ValidationError(f"{name} must be yes or no.")
    return value


def optional_flag(name: str, value: Any) -> Any:
    """Yes, no, or not asked yet (None)."""
    return None if value is None else flag(name, value)


def integer(low: int, high: int) -> Check:
    def check(name: str, value: Any) -> Any:
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValidationError(f"{name} must be a whole number.")
        try:
            number = int(value)
        except ValueError:
            raise ValidationError(f"{name} must be a whole number.") from None
        if not low <= number <= high:
            raise ValidationError(f"{name} must be between {low} and {high}.")
        return number

    return check


def items(kind: str, spec: Mapping[str, Check]) -> Check:
    """A list of small records (one per compound, one per perpetrator ...), each checked by ``spec``."""

    def check(name: str, value: Any) -> Any:
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise ValidationError(f"{name} must be a list of entries.")
        return [clean(kind, spec, entry) for entry in value]

    return check


PERSON_FIELDS: dict[str, Check] = {
    "name": text(200),
    "name_own_script": text(200),
    "aliases": text_list,
    "nationality": country,
    "sex": choice(SEXES),
    "dob": date_field,
    "age": age,
    "age_uncertain": flag,
    "languages": text_list,
    "document_type": text(50),
    "document_no": text(50),
    "document_status": choice(DOCUMENT_STATUSES),
    "phone": text(50),
    "urgent_needs": text(2000),
    "notes": text(5000),
}

OPERATION_FIELDS: dict[str, Check] = {
    "name": text(200),
    "code": text(12),
    "date": date_field,
    "province": text(100),
    "district": text(100),
    "place": text(200),
    "lead_agency": text(200),
    "team": text_list,
}


def clean(
    kind: str, spec: Mapping[str, Callable[[str, Any], Any]], fields: Mapping[str, Any]
) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(spec))
    if unknown:
        raise ValidationError(f"Unknown {kind} field(s): {', '.join(unknown)}.")
    return {name: spec[name](name.replace("_", " "), value) for name, value in fields.items()}

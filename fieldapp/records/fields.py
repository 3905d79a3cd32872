"""Which fields each record type takes, and their checks (plain messages, nothing silently dropped)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from fieldapp.errors import Term, ValidationError, message, term
from fieldapp.reference.countries import is_country
from fieldapp.reference.languages import is_language

NOT_A_LIST_OF_TEXT = message("field.not_a_list_of_text", "{name} must be a list of text.")
NOT_A_COUNTRY = message(
    "field.not_a_country", "{name}: '{value}' is not a country code; choose the country from the list."
)
NOT_LANGUAGES = message(
    "field.not_languages", "{name}: {codes} is not a language code; use codes such as vi, zh, en or km."
)
AGE_RANGE = message("field.age_range", "{name} must be between 0 and 120.")
NOT_YES_OR_NO = message("field.not_yes_or_no", "{name} must be yes or no.")
UNKNOWN = message("field.unknown", "Unknown field(s): {unknown}.")
NOT_TEXT = message("field.not_text", "{name} must be text.")
TOO_LONG = message("field.too_long", "{name} is too long (at most {limit} characters).")
NOT_A_CHOICE = message("field.not_a_choice", "{name} must be one of: {options}.")
AGE_NOT_A_NUMBER = message("field.age_not_a_number", "{name} must be a whole number of years.")
NOT_A_DATE = message("field.not_a_date", "{name} must be a date written YYYY-MM-DD.")
NOT_A_WHOLE_NUMBER = message("field.not_a_whole_number", "{name} must be a whole number.")
OUT_OF_RANGE = message("field.out_of_range", "{name} must be between {low} and {high}.")
NOT_A_LIST_OF_ENTRIES = message("field.not_a_list_of_entries", "{name} must be a list of entries.")

FIELD_CONTEXT = "fields"  # the translation context of field names in messages

# A field check takes the name to show (a Term, or text already in the officer's language) and the value.
Check = Callable[[Term | str, Any], Any]


def label(name: str) -> Term:
    """A field's name as messages show it ("document no"), translated in the "fields" context."""
    return term(FIELD_CONTEXT, name.replace("_", " "))


def labelled(spec: dict[str, Check]) -> dict[str, Check]:
    """Declare the names of a spec's fields (so the translation file has them); returns the spec."""
    for name in spec:
        label(name)
    return spec


SEXES = ("female", "male", "other", "unknown")
DOCUMENT_STATUSES = ("held", "confiscated", "lost", "with_immigration", "none", "unknown")
# The usual kinds of identity document; ``document_type`` is free text, so another kind is kept as typed.
DOCUMENT_TYPES = ("passport", "national_id", "birth_certificate", "work_permit", "driving_licence")


def text(limit: int) -> Check:
    def check(name: Term | str, value: Any) -> Any:
        if not isinstance(value, str):
            raise ValidationError(NOT_TEXT, name=name)
        value = value.strip()
        if len(value) > limit:
            raise ValidationError(TOO_LONG, name=name, limit=limit)
        return value

    return check


def text_list(name: Term | str, value: Any) -> Any:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValidationError(NOT_A_LIST_OF_TEXT, name=name)
    return [v.strip() for v in value if v.strip()]


def choice(options: tuple[str, ...]) -> Check:
    def check(name: Term | str, value: Any) -> Any:
        if value not in options:
            raise ValidationError(NOT_A_CHOICE, name=name, options=", ".join(options))
        return value

    return check


def country(name: Term | str, value: Any) -> Any:
    """An ISO 3166-1 alpha-3 code of a real country (VNM, CHN); "" for none. Never a name or a guess."""
    if value == "":
        return ""
    if (
        not isinstance(value, str)
        or not re.fullmatch(r"[A-Za-z]{3}", value.strip())
        or not is_country(value.strip())
    ):
        raise ValidationError(NOT_A_COUNTRY, name=name, value=str(value)[:40])
    return value.strip().upper()


def language_list(name: Term | str, value: Any) -> Any:
    """ISO 639 codes (vi, zh, rhg ...), each one the reference data knows."""
    codes = text_list(name, value)
    unknown = [code for code in codes if not is_language(code)]
    if unknown:
        raise ValidationError(NOT_LANGUAGES, name=name, codes=", ".join(unknown))
    return [code.lower() for code in codes]


def age(name: Term | str, value: Any) -> Any:
    if value is None or value == "":
        return None
    try:
        age = int(value)
    except (TypeError, ValueError):
        raise ValidationError(AGE_NOT_A_NUMBER, name=name) from None
    if not 0 <= age <= 120:
        raise ValidationError(AGE_RANGE, name=name)
    return age


def date_field(name: Term | str, value: Any) -> Any:
    if value in (None, ""):
        return ""
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValidationError(NOT_A_DATE, name=name) from None


def flag(name: Term | str, value: Any) -> Any:
    if not isinstance(value, bool):
        raise ValidationError(NOT_YES_OR_NO, name=name)
    return value


def optional_flag(name: Term | str, value: Any) -> Any:
    """Yes, no, or not asked yet (None)."""
    return None if value is None else flag(name, value)


def integer(low: int, high: int) -> Check:
    def check(name: Term | str, value: Any) -> Any:
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise ValidationError(NOT_A_WHOLE_NUMBER, name=name)
        try:
            number = int(value)
        except ValueError:
            raise ValidationError(NOT_A_WHOLE_NUMBER, name=name) from None
        if not low <= number <= high:
            raise ValidationError(OUT_OF_RANGE, name=name, low=low, high=high)
        return number

    return check


def items(kind: str, spec: Mapping[str, Check]) -> Check:
    """A list of small records (one per compound, one per perpetrator ...), each checked by ``spec``."""

    def check(name: Term | str, value: Any) -> Any:
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise ValidationError(NOT_A_LIST_OF_ENTRIES, name=name)
        return [clean(kind, spec, entry) for entry in value]

    return check


PERSON_FIELDS: dict[str, Check] = labelled(
    {
        "name": text(200),
        "name_own_script": text(200),
        "aliases": text_list,
        "nationality": country,
        "sex": choice(SEXES),
        "dob": date_field,
        "age": age,
        "age_uncertain": flag,
        "languages": language_list,
        "document_type": text(50),
        "document_no": text(50),
        "document_status": choice(DOCUMENT_STATUSES),
        "phone": text(50),
        "urgent_needs": text(2000),
        "notes": text(5000),
    }
)

OPERATION_FIELDS: dict[str, Check] = labelled(
    {
        "name": text(200),
        "code": text(12),
        "date": date_field,
        "province": text(100),
        "district": text(100),
        "place": text(200),
        "lead_agency": text(200),
        "team": text_list,
        # What was raided: an online-scam compound (the interview asks the scam-compound questions) or
        # another workplace. Operations recorded before this field was added were scam compounds.
        "setting": choice(("scam_compound", "other")),
    }
)


def clean(kind: str, spec: Mapping[str, Check], fields: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(set(fields) - set(spec))
    if unknown:
        raise ValidationError(UNKNOWN, unknown=", ".join(unknown))
    return {name: spec[name](label(name), value) for name, value in fields.items()}

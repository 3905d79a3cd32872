"""Canonical JSON for hashing and signing.

A restricted RFC 8785 (JCS): ASCII keys sorted, no insignificant whitespace, UTF-8, no floats.
Without floats and with ASCII keys, Python's sorted ``json.dumps`` output is exactly JCS, so HQ
or any other JCS implementation recomputes the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from fieldapp.errors import ValidationError, message

NO_DECIMALS = message(
    "record.no_decimals",
    "{where}: decimal numbers are not allowed in records; store text or integers.",
)
BROKEN_CHARACTER = message(
    "record.broken_character", "text holds a broken character (a lone UTF-16 surrogate)."
)
FIELD_NAME_NOT_ASCII = message(
    "record.field_name_not_ascii", "{where}: field names must be ASCII text, got '{key}'."
)
UNSUPPORTED_VALUE = message("record.unsupported_value", "{where}: unsupported value of type {type}.")


def _check(value: Any, where: str) -> None:
    if isinstance(value, float):
        raise ValidationError(NO_DECIMALS, where=where)
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str) or not key.isascii():
                raise ValidationError(FIELD_NAME_NOT_ASCII, where=where, key=key)
            _check(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _check(item, f"{where}[{index}]")
    elif value is not None and not isinstance(value, str | int | bool):
        raise ValidationError(UNSUPPORTED_VALUE, where=where, type=type(value).__name__)


def canonical_json(value: Any) -> bytes:
    return utf8(canonical_text(value))


def canonical_text(value: Any) -> str:
    """``canonical_json`` before its UTF-8 encoding (which alone can still fail: ``utf8``)."""
    _check(value, "payload")
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate, which JSON's \ud800 escapes can carry
        raise ValidationError(BROKEN_CHARACTER) from exc

"""Reading what comes from outside (files, sticks, the network) with bounds on size, depth and numbers.

Everything the app reads that it did not just write itself goes through here, so a hostile or broken
file gives one plain error instead of exhausting memory or the interpreter's recursion limit.
``BadJson`` is a ValueError: parsers that already turn a ValueError into their own typed error
(BundleInvalid, ReceiptInvalid, EnrolmentError ...) need nothing more.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from fieldapp.errors import CANNOT_READ, ValidationError, message

MAX_DEPTH = 32  # the deepest document the app writes is a screening (about 6 levels)
MAX_INT_DIGITS = 30  # larger than any count, size or sequence number the app uses

NOT_A_FILE = message("file.not_a_file", "{path} is not a file.")
TOO_LARGE = message("file.too_large", "{path} is larger than the {limit} a file of this kind may have.")


class BadJson(ValueError):
    """The text is not JSON within the bounds (too deep, an absurd number, a NaN ...)."""


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; a plain ValidationError otherwise."""
    try:
        with path.open("rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise ValidationError(NOT_A_FILE, path=path)
            data = handle.read(limit + 1)
    except IsADirectoryError:
        raise ValidationError(NOT_A_FILE, path=path) from None
    except OSError as exc:
        raise ValidationError(CANNOT_READ, path=path, reason=exc.strerror or type(exc).__name__) from None
    if len(data) > limit:
        raise ValidationError(TOO_LARGE, path=path, limit=_size(limit))
    return data


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit // 1024} KiB"


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise BadJson(f"a number with {len(text)} digits")
    return int(text)


def _constant(name: str) -> Any:
    raise BadJson(f"{name} is not a number JSON allows")


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise BadJson("a field is given twice")
    return found


def loads(raw: bytes | str, *, max_bytes: int, max_depth: int = MAX_DEPTH, unique_keys: bool = False) -> Any:
    """``json.loads`` with bounds on size, nesting depth and integer length; BadJson beyond them.
    ``unique_keys``: a field given twice is refused (readers disagree on which one counts, and a
    signature covers one of them), for signed documents."""
    if len(raw) > max_bytes:
        raise BadJson(f"larger than {_size(max_bytes)}")
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        hook = _unique if unique_keys else None
        value = json.loads(text, parse_int=_int, parse_constant=_constant, object_pairs_hook=hook)
    except RecursionError:
        raise BadJson("nested too deeply") from None
    except UnicodeDecodeError as exc:
        raise BadJson("not UTF-8 text") from exc
    if _depth(value, max_depth) > max_depth:
        raise BadJson(f"nested deeper than {max_depth} levels")
    return value


def _depth(value: Any, limit: int) -> int:
    """The nesting depth of a parsed document (iteratively; stops counting past ``limit``)."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            todo.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return deepest

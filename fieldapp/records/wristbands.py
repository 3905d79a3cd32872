"""Wristband codes: the temporary id with a check character, and blocks of ids reserved ahead of a raid.

A band carries the temporary id, its check character (ISO 7064 MOD 37,36, as python-stdnum computes it:
any single wrong character and most swaps of two are caught) and a QR code of both; no name, no photo,
no colour, nothing that tells a victim's band from a suspect's. A scanner or an officer types
``SHV-K7-00042-L``; ``read_band`` checks and strips the check character (an id typed without it is
taken as it is).

Reserved blocks are for the paper fallback in a power cut: the laptop prints a block of bands before the
raid, and a person keyed in later keeps the id on their band. The block is kept in the operation record
(``reserved_ids``), so it is signed, synced and replayed like any change, and the counter never hands
those numbers out again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PIL import Image
from stdnum.iso7064 import mod_37_36

from fieldapp.errors import ValidationError, message

MAX_BLOCK = 2000  # bands printed at once: a large raid's night, and a sheet run the printer can finish

WRONG_CHECK = message(
    "wristband.wrong_check",
    "{code} does not check out (the last character should be {expected}): a digit was misread or mistyped. "
    "Type it again or scan it.",
)

# A temporary id ends in a group of five digits; a band's code adds a group of one: its check character.
_BAND = re.compile(r"^(?P<id>[A-Z0-9]+(?:-[A-Z0-9]+)+)-(?P<check>[A-Z0-9*])$")


def _letters(temp_id: str) -> str:
    return temp_id.replace("-", "").upper()


def check_character(temp_id: str) -> str:
    return str(mod_37_36.calc_check_digit(_letters(temp_id)))


def band_code(temp_id: str) -> str:
    """What a band prints and its QR code holds: ``SHV-K7-00042-L``."""
    return f"{temp_id}-{check_character(temp_id)}"


def read_band(text: str) -> str:
    """The temporary id in what a scanner or an officer typed; a wrong check character is refused."""
    typed = text.strip().upper().replace(" ", "")
    match = _BAND.match(typed)
    if match is None:
        return typed
    temp_id, check = match["id"], match["check"]
    expected = check_character(temp_id)
    if check != expected:
        raise ValidationError(WRONG_CHECK, code=typed, expected=expected)
    return temp_id


@dataclass(frozen=True)
class ReservedBlock:
    prefix: str
    first: int
    last: int

    def ids(self) -> list[str]:
        return [f"{self.prefix}{n:05d}" for n in range(self.first, self.last + 1)]


def reserved_blocks(operation_data: dict[str, Any]) -> list[ReservedBlock]:
    return [
        ReservedBlock(b["prefix"], int(b["first"]), int(b["last"]))
        for b in operation_data.get("reserved_ids") or []
    ]


def is_reserved(operation_data: dict[str, Any], temp_id: str) -> bool:
    prefix = temp_id.rstrip("0123456789")
    number = int(temp_id[len(prefix) :] or 0)
    return any(b.prefix == prefix and b.first <= number <= b.last for b in reserved_blocks(operation_data))


def bands_in_image(image: Image.Image) -> list[str]:
    """The temporary ids of the wristbands whose QR code a camera frame shows (rotated, blurred or dim
    frames included, as zxing-cpp reads them); a code that does not check out is left out."""
    import zxingcpp  # loaded when a frame is first read: intake and sync never need it

    found: list[str] = []
    for result in zxingcpp.read_barcodes(
        image.convert("L"), formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode), try_rotate=True
    ):
        try:
            temp_id = read_band(result.text)
        except ValidationError:
            continue
        if _BAND.match(result.text.strip().upper()) and temp_id not in found:
            found.append(temp_id)
    return found

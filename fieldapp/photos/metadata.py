"""What a photo's EXIF says: capture time, camera, serial numbers, orientation and location.

Read defensively: EXIF from phones and cheap cameras is often malformed, and a bad tag must never
stop a photo from being taken in (it is simply left out).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PIL import Image

ORIENTATION = 0x0112
MAKE = 0x010F
MODEL = 0x0110
DATETIME = 0x0132
EXIF_IFD = 0x8769
GPS_IFD = 0x8825
DATETIME_ORIGINAL = 0x9003
OFFSET_TIME_ORIGINAL = 0x9011
BODY_SERIAL = 0xA431
LENS_SERIAL = 0xA435

_EXIF_TIME = re.compile(r"(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"[+-]\d{2}:\d{2}")


@dataclass(frozen=True)
class ExifFacts:
    orientation: int = 1
    captured_at: str | None = None
    camera: str | None = None
    camera_serial: str | None = None
    gps: dict[str, str] | None = None  # decimal degrees as text (records hold no floats)


def _text(value: Any) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    value = value.replace("\x00", "").strip()
    return value[:120] or None


def _captured_at(exif: Image.Exif, exif_ifd: dict[int, Any]) -> str | None:
    raw = _text(exif_ifd.get(DATETIME_ORIGINAL)) or _text(exif.get(DATETIME))
    match = _EXIF_TIME.fullmatch(raw or "")
    if match is None:
        return None
    y, mo, d, h, mi, s = match.groups()
    if y == "0000" or mo == "00":
        return None
    offset = _text(exif_ifd.get(OFFSET_TIME_ORIGINAL)) or ""
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}" + (offset if _OFFSET.fullmatch(offset) else "")


def _camera(exif: Image.Exif) -> str | None:
    make, model = _text(exif.get(MAKE)), _text(exif.get(MODEL))
    if make and model and model.casefold().startswith(make.casefold()):
        return model
    return " ".join(part for part in (make, model) if part) or None


def _degrees(value: Any, ref: Any) -> float | None:
    try:
        d, m, s = (float(part) for part in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    result = d + m / 60 + s / 3600
    if _text(ref) in ("S", "W"):
        result = -result
    return round(result, 7)


def _gps(exif: Image.Exif) -> dict[str, str] | None:
    try:
        ifd = exif.get_ifd(GPS_IFD)
    except Exception:  # malformed IFD pointers: Pillow raises a variety of errors
        return None
    lat, lon = _degrees(ifd.get(2), ifd.get(1)), _degrees(ifd.get(4), ifd.get(3))
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    gps = {"lat": f"{lat:.7f}", "lon": f"{lon:.7f}"}
    try:
        altitude = float(ifd[6])
        below_sea = ifd.get(5) in (1, b"\x01")
        gps["alt"] = f"{-altitude if below_sea else altitude:.1f}"
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        pass
    return gps


def read_exif(exif: Image.Exif) -> ExifFacts:
    try:
        exif_ifd = dict(exif.get_ifd(EXIF_IFD))
    except Exception:
        exif_ifd = {}
    orientation = exif.get(ORIENTATION, 1)
    if not isinstance(orientation, int) or not 1 <= orientation <= 8:
        orientation = 1
    serials = [_text(exif_ifd.get(tag)) for tag in (BODY_SERIAL, LENS_SERIAL)]
    return ExifFacts(
        orientation=orientation,
        captured_at=_captured_at(exif, exif_ifd),
        camera=_camera(exif),
        camera_serial=" / ".join(s for s in serials if s) or None,
        gps=_gps(exif),
    )


def minimal_exif(*, orientation: int, captured_at: str | None, camera: str | None) -> Image.Exif:
    """A fresh EXIF block holding only what may be shared (see policy.py): no GPS, no serials."""
    exif = Image.Exif()
    if orientation != 1:
        exif[ORIENTATION] = orientation
    if camera:
        exif[MODEL] = camera
    if captured_at:
        stamp = captured_at[:19].replace("-", ":", 2).replace("T", " ")
        exif[DATETIME] = stamp
        exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = stamp
    return exif

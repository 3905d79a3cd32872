"""What may leave the vault with a photo (printed forms, exports, bundles meant for people).

``shareable_metadata`` is the one decision: GPS and device serials travel only with a photo
marked as evidence. ``export_copy`` applies it to the bytes: an evidence photo leaves as its
original, unchanged (never re-encoded: its hash must still verify); any other photo leaves as a
copy whose metadata is rebuilt from the shareable fields only. JPEG and PNG are rewritten without
touching the compressed pixels; HEIC, which has no such lossless rewrite here, becomes a JPEG.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Mapping
from typing import Any

from PIL import Image

from fieldapp.errors import message
from fieldapp.photos.errors import PhotoRejected
from fieldapp.photos.ingest import TRANSPOSE, exif_facts, open_header
from fieldapp.photos.metadata import minimal_exif

PNG_DAMAGED = message(
    "photo.png_damaged", "The photo's PNG structure is damaged; no export copy can be made."
)

SHAREABLE = (
    "sha256",
    "kind",
    "consent",
    "evidence",
    "captured_at",
    "camera",
    "width",
    "height",
    "size",
    "format",
)
EVIDENCE_ONLY = ("gps", "camera_serial")


def shareable_metadata(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The metadata of a photo that may be printed or exported, from its recorded fields.

    An allow-list: anything not named here (and any future field) stays in the vault.
    """
    keys = SHAREABLE + (EVIDENCE_ONLY if fields.get("evidence") is True else ())
    return {key: fields[key] for key in keys if fields.get(key) is not None}


def export_copy(original: bytes, *, evidence: bool) -> bytes:
    """The bytes to print or export for a photo: the original for evidence, else a stripped copy."""
    if evidence:
        return original
    image, fmt = open_header(original)
    with image:
        facts = exif_facts(image) if fmt != "png" else None
        if fmt == "heic":
            return _heic_as_jpeg(image, facts.captured_at if facts else None, facts.camera if facts else None)
    if fmt == "png":
        return _strip_png(original)
    assert facts is not None
    allowed = shareable_metadata({"captured_at": facts.captured_at, "camera": facts.camera})
    exif = minimal_exif(
        orientation=facts.orientation, captured_at=allowed.get("captured_at"), camera=allowed.get("camera")
    )
    return _strip_jpeg(original, exif.tobytes())


def _heic_as_jpeg(image: Image.Image, captured_at: str | None, camera: str | None) -> bytes:
    allowed = shareable_metadata({"captured_at": captured_at, "camera": camera})
    exif = minimal_exif(orientation=1, captured_at=allowed.get("captured_at"), camera=allowed.get("camera"))
    out = io.BytesIO()
    image.convert("RGB").save(out, "JPEG", quality=95, exif=exif.tobytes())
    return out.getvalue()


# --- JPEG: copy the coded image, drop every metadata segment and anything after the image -------

_KEEP_APP = (b"JFIF\x00", b"JFXX\x00", b"ICC_PROFILE\x00", b"Adobe")  # APP0, APP2 ICC, APP14 colour
_STANDALONE = {0x01, 0xD8, 0xD9, *range(0xD0, 0xD8)}


def _damaged() -> PhotoRejected:
    return PhotoRejected("The photo's JPEG structure is damaged; no export copy can be made.")


def _segment(data: bytes, pos: int) -> tuple[int, int]:
    """(marker, end) of the marker segment starting at ``pos`` (which holds 0xFF)."""
    while pos + 1 < len(data) and data[pos + 1] == 0xFF:  # fill bytes
        pos += 1
    if pos + 1 >= len(data) or data[pos] != 0xFF:
        raise _damaged()
    marker = data[pos + 1]
    if marker in _STANDALONE:
        return marker, pos + 2
    if pos + 4 > len(data):
        raise _damaged()
    length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
    if length < 2 or pos + 2 + length > len(data):
        raise _damaged()
    return marker, pos + 2 + length


def _scan_end(data: bytes, pos: int) -> int:
    """Position of the first marker after entropy-coded data starting at ``pos``."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            raise _damaged()
        following = data[pos + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            pos += 1 if following == 0xFF else 2
            continue
        return pos


def _strip_jpeg(data: bytes, exif: bytes) -> bytes:
    if data[:2] != b"\xff\xd8":
        raise _damaged()
    kept = [b"\xff\xd8", b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif]
    pos = 2
    while True:
        start = pos
        marker, pos = _segment(data, pos)
        if marker == 0xD9:  # end of the primary image: trailers (previews, MPF images) are dropped
            kept.append(b"\xff\xd9")
            return b"".join(kept)
        body = data[start + 4 : pos]
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:  # APPn and comments: metadata
            if marker in (0xE0, 0xE2, 0xEE) and body.startswith(_KEEP_APP):
                kept.append(data[start:pos])
            continue
        kept.append(data[start:pos])
        if marker == 0xDA:  # start of scan: the coded pixels follow until the next marker
            end = _scan_end(data, pos)
            kept.append(data[pos:end])
            pos = end


# --- PNG: keep the chunks that draw the image, drop text, EXIF, time and unknown chunks ----------

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_KEEP = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"IEND",
    b"tRNS",
    b"cHRM",
    b"gAMA",
    b"iCCP",
    b"sBIT",
    b"sRGB",
    b"pHYs",
    b"bKGD",
    b"cICP",
    b"acTL",
    b"fcTL",
    b"fdAT",
}


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _strip_png(data: bytes) -> bytes:
    kept, pos, orientation = [_PNG_SIGNATURE], 8, 1
    while pos + 8 <= len(data):
        length = struct.unpack(">I", data[pos : pos + 4])[0]
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise PhotoRejected(PNG_DAMAGED)
        if kind == b"eXIf":
            exif = Image.Exif()
            exif.load(b"Exif\x00\x00" + data[pos + 8 : pos + 8 + length])
            value = exif.get(0x0112, 1)
            orientation = value if value in TRANSPOSE else 1
        elif kind in _PNG_KEEP:
            kept.append(data[pos:end])
        pos = end
        if kind == b"IEND":
            break
    if orientation != 1:  # keep only the orientation, so the copy is shown the right way up
        tiff = minimal_exif(orientation=orientation, captured_at=None, camera=None).tobytes()[6:]
        kept.insert(2, _png_chunk(b"eXIf", tiff))
    return b"".join(kept)

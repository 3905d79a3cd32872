"""Taking a photo in: read (size-capped), hash the original bytes first, then decode with orientation
applied into a ~1600 px view and a ~256 px thumbnail, using JPEG draft decoding.

Nothing here touches the vault or the disk (apart from reading the source), so it runs in worker
threads or processes during a batch import. Every way a file can be bad ends in ``PhotoRejected``.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pillow_heif
from PIL import Image

from fieldapp.errors import Term, message, term
from fieldapp.photos.errors import PhotoRejected
from fieldapp.photos.metadata import ExifFacts, read_exif

EMPTY_FILE = message("photo.empty_file", "{source}: the file is empty.")
NOT_A_PHOTO = message(
    "photo.not_a_photo", "{label}: this is not a JPEG, PNG or HEIC photo (whatever its name says)."
)
DAMAGED = message("photo.damaged", "{label}: the {format} file is damaged ({reason}).")
DAMAGED_OR_CUT_SHORT = message(
    "photo.damaged_or_cut_short", "{label}: the {format} file is damaged or cut short ({reason})."
)
FILE_GONE = message("photo.file_gone", "{file}: the file is gone (was the card removed?).")
PERMISSION_DENIED = message("photo.permission_denied", "{file}: this user may not read the file.")
CANNOT_READ = message("photo.cannot_read", "{file}: the file cannot be read ({reason}).")
NOT_A_REGULAR_FILE = message(
    "photo.not_a_regular_file", "{file}: this is a folder or a device, not a photo file."
)
READ_FAILED = message(
    "photo.read_failed", "{file}: reading failed ({reason}); the card or disk may be damaged."
)

pillow_heif.register_heif_opener()

MAX_FILE_BYTES = 60 * 1024 * 1024
# Below Pillow's own MAX_IMAGE_PIXELS (89.5 MP), which stays in force as the second guard.
MAX_PIXELS = 80_000_000
VIEW_EDGE = 1600
THUMB_EDGE = 256
VIEW_QUALITY = 85
THUMB_QUALITY = 80
# Resize dominates the pipeline (more than the draft decode). Pillow's BILINEAR is area-aware when
# shrinking, so for the 1.25× step left after draft it looks like BICUBIC at ~75 % of the time.
VIEW_FILTER = Image.Resampling.BILINEAR
FORMATS = {"jpeg": "JPEG", "png": "PNG", "heic": "HEIF"}
_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
# Pillow's exif_transpose table: EXIF orientation -> the transpose that shows the photo upright.
TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class PhotoMeta:
    """Facts about one photo, as recorded in its event (gps and camera_serial only for evidence)."""

    sha256: str
    format: str
    size: int
    width: int  # upright, full resolution
    height: int
    captured_at: str | None
    camera: str | None
    camera_serial: str | None
    gps: dict[str, str] | None

    def fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "sha256": self.sha256,
            "format": self.format,
            "size": self.size,
            "width": self.width,
            "height": self.height,
            "captured_at": self.captured_at,
            "camera": self.camera,
        }
        if self.gps is not None:
            fields["gps"] = self.gps
        if self.camera_serial is not None:
            fields["camera_serial"] = self.camera_serial
        return fields


@dataclass(frozen=True)
class Ingested:
    meta: PhotoMeta
    original: bytes
    view: bytes  # JPEG, upright, no metadata
    thumb: bytes  # JPEG, upright, no metadata


def _label(source: bytes | bytearray | memoryview | Path | str) -> str:
    return "The photo" if isinstance(source, bytes | bytearray | memoryview) else Path(source).name


def read_source(source: bytes | bytearray | memoryview | Path | str) -> bytes:
    """The original bytes, refusing anything too big before reading it whole."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > MAX_FILE_BYTES:
            raise _too_big(THE_PHOTO, len(data))
    else:
        path = Path(source)
        try:
            # O_NONBLOCK: a FIFO or device named .jpg must not hang the import (no effect on files).
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            raise PhotoRejected(FILE_GONE, file=path.name) from None
        except PermissionError:
            raise PhotoRejected(PERMISSION_DENIED, file=path.name) from None
        except OSError as exc:
            raise PhotoRejected(CANNOT_READ, file=path.name, reason=exc.strerror) from None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
            os.close(fd)
            if not stat.S_ISREG(info.st_mode):
                raise PhotoRejected(NOT_A_REGULAR_FILE, file=path.name)
            raise _too_big(path.name, info.st_size)
        with os.fdopen(fd, "rb") as handle:
            try:
                data = handle.read(MAX_FILE_BYTES + 1)
            except OSError as exc:
                raise PhotoRejected(READ_FAILED, file=path.name, reason=exc.strerror) from None
        if len(data) > MAX_FILE_BYTES:
            raise _too_big(path.name, len(data))
    if not data:
        raise PhotoRejected(EMPTY_FILE, source=_label(source))
    return data


TOO_BIG = message(
    "photo.too_big", "{label}: {size} MB is larger than the {limit} MB a photo may have; it was not read."
)
BOMB = message(
    "photo.bomb",
    "{label} is larger than any camera photo ({limit} megapixels at most): refused as a possible "
    "decompression bomb.",
)
BOMB_CLAIMS = message(
    "photo.bomb_claims",
    "{label} claims {width} × {height} pixels and is larger than any camera photo ({limit} megapixels at "
    "most): refused as a possible decompression bomb.",
)


THE_PHOTO = term("photos", "The photo")


def _too_big(label: str | Term, size: int) -> PhotoRejected:
    return PhotoRejected(
        TOO_BIG, label=label, size=f"{size / 1e6:.0f}", limit=MAX_FILE_BYTES // (1024 * 1024)
    )


def sniff(data: bytes) -> str | None:
    """The format from the first bytes (never from the file name)."""
    if data[:3] == b"\xff\xd8\xff":
        return "jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "heic"
    return None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fit(width: int, height: int, edge: int) -> tuple[int, int]:
    """The size with the long edge at most ``edge``, same aspect (never enlarged)."""
    scale = min(1.0, edge / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def open_header(data: bytes, label: str = "The photo") -> tuple[Image.Image, str]:
    """Open (header only, nothing decoded yet) and check the claimed pixel count."""
    fmt = sniff(data)
    if fmt is None:
        raise PhotoRejected(NOT_A_PHOTO, label=label)
    try:
        image = Image.open(io.BytesIO(data), formats=[FORMATS[fmt]])
    except Image.DecompressionBombError:
        raise _bomb(label) from None
    except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError, struct.error … on bad headers
        raise PhotoRejected(DAMAGED, label=label, format=fmt.upper(), reason=_reason(exc)) from None
    width, height = image.size
    if width < 1 or height < 1 or width * height > MAX_PIXELS:
        image.close()
        raise _bomb(label, width, height)
    return image, fmt


def _bomb(label: str, width: int = 0, height: int = 0) -> PhotoRejected:
    limit = MAX_PIXELS // 1_000_000
    if width:
        return PhotoRejected(BOMB_CLAIMS, label=label, width=f"{width:,}", height=f"{height:,}", limit=limit)
    return PhotoRejected(BOMB, label=label, limit=limit)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text[:120]


def _flatten(image: Image.Image) -> Image.Image:
    if image.mode in ("RGB", "L"):
        return image
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def _load(image: Image.Image, fmt: str, label: str) -> None:
    width, height = image.size
    try:
        image.load()
    except Image.DecompressionBombError:
        raise _bomb(label, width, height) from None
    except Exception as exc:  # truncated data, bad Huffman tables, libheif errors …
        raise PhotoRejected(
            DAMAGED_OR_CUT_SHORT, label=label, format=fmt.upper(), reason=_reason(exc)
        ) from None


def render(image: Image.Image, fmt: str, orientation: int, label: str) -> tuple[bytes, bytes]:
    """View and thumbnail JPEGs (upright, without any metadata) from an opened image."""
    view_size = fit(*image.size, VIEW_EDGE)  # in stored orientation: draft and resize work on that
    if fmt == "jpeg":
        # draft only shrinks while the result still covers the request in both dimensions, so the
        # request must have the photo's own aspect (1600×1200 for 4:3, never 1600×1600).
        image.draft("RGB", view_size)
    _load(image, fmt, label)
    pixels = _flatten(image)
    if pixels.size != view_size:
        pixels = pixels.resize(view_size, VIEW_FILTER)
    if orientation in TRANSPOSE:
        pixels = pixels.transpose(TRANSPOSE[orientation])
    thumb = pixels.resize(fit(*pixels.size, THUMB_EDGE), Image.Resampling.BICUBIC, reducing_gap=2.0)
    return _jpeg(pixels, VIEW_QUALITY), _jpeg(thumb, THUMB_QUALITY)


def preview(data: bytes, label: str = "The photo") -> tuple[bytes, str | None]:
    """A thumbnail (JPEG, upright) and the capture time, decoded at the smallest scale that serves: for a
    picker that shows a card's photos before any is imported."""
    image, fmt = open_header(data, label)
    with image:
        facts = exif_facts(image)
        orientation = 1 if fmt == "heic" else facts.orientation
        if fmt == "jpeg":
            image.draft("RGB", fit(*image.size, THUMB_EDGE * 2))
        _load(image, fmt, label)
        pixels = _flatten(image)
        pixels = pixels.resize(fit(*pixels.size, THUMB_EDGE), Image.Resampling.BICUBIC, reducing_gap=2.0)
        if orientation in TRANSPOSE:
            pixels = pixels.transpose(TRANSPOSE[orientation])
    return _jpeg(pixels, THUMB_QUALITY), facts.captured_at


def exif_facts(image: Image.Image) -> ExifFacts:
    try:
        return read_exif(image.getexif())
    except Exception:  # EXIF is optional; a malformed block is ignored, the photo is not
        return ExifFacts()


def process(data: bytes, digest: str, *, evidence: bool, label: str = "The photo") -> Ingested:
    """Decode and describe bytes already read and hashed (``digest`` = SHA-256 of ``data``)."""
    image, fmt = open_header(data, label)
    with image:
        full_size = image.size  # before draft
        if fmt == "png":
            _load(image, fmt, label)  # PNG may keep its eXIf chunk after the pixels
        facts = exif_facts(image)
        # HEIC: libheif has already turned the photo upright (pillow-heif reports orientation 1).
        orientation = 1 if fmt == "heic" else facts.orientation
        view, thumb = render(image, fmt, orientation, label)
    width, height = full_size
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    meta = PhotoMeta(
        sha256=digest,
        format=fmt,
        size=len(data),
        width=width,
        height=height,
        captured_at=facts.captured_at,
        camera=facts.camera,
        camera_serial=facts.camera_serial if evidence else None,
        gps=facts.gps if evidence else None,
    )
    return Ingested(meta, data, view, thumb)


def ingest(source: bytes | Path, *, evidence: bool) -> Ingested:
    """Read, hash (before any decoding), then decode: the whole capture step for one photo."""
    data = read_source(source)
    digest = sha256(data)
    return process(data, digest, evidence=evidence, label=_label(source))


def evidence_facts(original: bytes) -> ExifFacts:
    """Location and serials read again from a stored original (when a photo becomes evidence)."""
    image, _ = open_header(original)
    with image:
        return exif_facts(image)

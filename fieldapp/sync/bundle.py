"""The bundle container: what is inside the age encryption, and how it is read back.

Plaintext layout (then age-encrypted, streaming, to HQ's X25519 recipient)::

    MAGIC (16 bytes)
    record*  where record = kind (1 byte) | length (u64 big-endian) | body
      M  the signed manifest: canonical JSON {"manifest": {...}, "signature": hex}    (exactly one, first)
      E  one event, canonical JSON with its hash and signatures                        (seq order)
      F  one file's exact bytes (photo original or issued PDF), in the manifest's order
      Z  the end: canonical JSON {"events": n, "files": m}                               (exactly one, last)

Sign, then encrypt: the manifest names every event hash and every file's SHA-256 (and the laptop's
officer roster, so events beyond a gap at HQ can still be checked), and the device key signs it, so after age has authenticated the stream, HQ checks each record against it.
A bundle over ``max_volume_bytes`` is cut into volumes ``NAME.bundle.001``, ``.002``, ... whose
concatenation is the age file; the bundle hash is the SHA-256 of that concatenation.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldapp.errors import ValidationError, message
from fieldapp.records.canonical import canonical_json
from fieldapp.records.events import Event
from fieldapp.sync.errors import BundleInvalid
from fieldapp.sync.keys import MANIFEST_CONTEXT

EVENT_FIELDS = message("bundle.event_fields", "An event in the bundle has missing or unexpected fields.")
EVENT_FIELD_TYPES = message(
    "bundle.event_field_types", "An event in the bundle has fields of the wrong type."
)
VERSION_UNSUPPORTED = message(
    "bundle.version_unsupported", "Bundle manifest version '{version}' is not supported here."
)
FIRST_VOLUME_MISSING = message(
    "bundle.first_volume_missing", "The first volume {name}.001 of this bundle is missing."
)
EVENT_NOT_JSON = message("bundle.event_not_json", "An event in the bundle is not readable JSON.")
MANIFEST_UNREADABLE = message("bundle.manifest_unreadable", "The bundle's manifest is not readable.")
MANIFEST_SIGNATURE = message(
    "bundle.manifest_signature",
    "The bundle's manifest signature is not valid: it was altered or forged.",
)
MANIFEST_NOT_FIRST = message(
    "bundle.manifest_not_first", "The bundle's records are out of order (the manifest must come first, once)."
)
EVENTS_AFTER_FILES = message(
    "bundle.events_after_files", "The bundle's records are out of order (events after files)."
)
CUT_SHORT = message("bundle.cut_short", "The bundle is incomplete (cut short).")
CONTENT_DIFFERS = message("bundle.content_differs", "The bundle does not hold what its manifest lists.")
DATA_AFTER_END = message("bundle.data_after_end", "The bundle has data after its end marker.")
UNREADABLE = message("bundle.unreadable", "The bundle cannot be read: {reason}.")
WRONG_FORMAT = message("bundle.wrong_format", "This is not a fieldapp bundle (wrong inner format).")
EXTRA_EVENTS = message("bundle.extra_events", "The bundle holds more events than its manifest lists.")
UNKNOWN_RECORD = message("bundle.unknown_record", "The bundle holds an unknown or oversized record.")
EXTRA_FILES = message("bundle.extra_files", "The bundle holds more files than its manifest lists.")
END_MARKER_DIFFERS = message(
    "bundle.end_marker_differs", "The bundle's end marker does not match what it holds."
)
END_MARKER_DAMAGED = message("bundle.end_marker_damaged", "The bundle's end marker is damaged.")

MAGIC = b"FIELDAPP-BUNDLE1"
MANIFEST_FORMAT = "fieldapp-bundle-manifest"
MANIFEST_VERSION = 1
SUFFIX = ".bundle"
FILE_KINDS = ("photo", "document")
_HEADER = struct.Struct(">cQ")
LIMITS = {b"M": 256 * 1024 * 1024, b"E": 8 * 1024 * 1024, b"F": 512 * 1024 * 1024, b"Z": 4096}
_HEX64 = re.compile(r"[0-9a-f]{64}")
_VOLUME = re.compile(r"(.+\.bundle)\.(\d{3})")
_EVENT_KEYS = frozenset(
    (
        "event_id",
        "device_id",
        "device_seq",
        "entity",
        "entity_id",
        "op",
        "payload",
        "officer_id",
        "created_at",
        "parent",
        "prev_hash",
        "hash",
        "device_sig",
        "officer_sig",
    )
)


def record(kind: bytes, body: bytes) -> bytes:
    return _HEADER.pack(kind, len(body)) + body


def record_header(kind: bytes, length: int) -> bytes:
    return _HEADER.pack(kind, length)


def encode_event(event: Event) -> bytes:
    """Canonical JSON of a stored event (its payload passed ``canonical_json`` when it was hashed)."""
    fields = {name: getattr(event, name) for name in _EVENT_KEYS}
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def decode_event(raw: bytes) -> Event:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BundleInvalid(EVENT_NOT_JSON) from exc
    if not isinstance(data, dict) or set(data) != _EVENT_KEYS:
        raise BundleInvalid(EVENT_FIELDS)
    text = ("event_id", "device_id", "entity", "entity_id", "op", "officer_id", "created_at", "prev_hash")
    ok = all(isinstance(data[k], str) for k in (*text, "hash", "device_sig"))
    ok = ok and type(data["device_seq"]) is int and isinstance(data["payload"], dict)
    ok = ok and all(data[k] is None or isinstance(data[k], str) for k in ("parent", "officer_sig"))
    if not ok:
        raise BundleInvalid(EVENT_FIELD_TYPES)
    return Event(**data)


# --- the manifest ------------------------------------------------------------------------------


def manifest_digest(body: dict[str, Any]) -> bytes:
    return hashlib.sha256(canonical_json(body)).digest()


def sign_manifest(body: dict[str, Any], signer: Callable[[bytes], bytes]) -> bytes:
    signature = signer(manifest_digest(body)).hex()
    return canonical_json({"manifest": body, "signature": signature})


def _check_manifest(body: Any) -> dict[str, Any]:
    def bad(what: str) -> BundleInvalid:
        return BundleInvalid(f"The bundle's manifest is malformed ({what}).")

    if not isinstance(body, dict) or body.get("format") != MANIFEST_FORMAT:
        raise bad("not a fieldapp manifest")
    if body.get("version") != MANIFEST_VERSION:
        raise BundleInvalid(VERSION_UNSUPPORTED, version=body.get("version"))
    for key in ("bundle_id", "hq_id", "device_id", "device_name", "created_at"):
        if not isinstance(body.get(key), str) or not body[key]:
            raise bad(key)
    if not isinstance(body.get("device_public_key"), str) or not _HEX64.fullmatch(body["device_public_key"]):
        raise bad("device key")
    for key in ("prev_bundle_hash", "enrolment_id", "app_version"):  # app_version: absent before 0.1.0
        if body.get(key) is not None and not isinstance(body[key], str):
            raise bad(key)
    seq_from, seq_to, events = body.get("seq_from"), body.get("seq_to"), body.get("events")
    if type(seq_from) is not int or type(seq_to) is not int or not 1 <= seq_from <= seq_to:
        raise bad("seq range")
    if not isinstance(events, list) or len(events) != seq_to - seq_from + 1:
        raise bad("event list does not match the seq range")
    if not all(isinstance(h, str) and _HEX64.fullmatch(h) for h in events):
        raise bad("event hash")
    officers = body.get("officers")
    if not isinstance(officers, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and _HEX64.fullmatch(v) for k, v in officers.items()
    ):
        raise bad("officer roster")
    files = body.get("files")
    if not isinstance(files, list):
        raise bad("files")
    for item in files:
        if not (
            isinstance(item, dict)
            and set(item) == {"kind", "id", "sha256"}
            and item["kind"] in FILE_KINDS
            and isinstance(item["id"], str)
            and isinstance(item["sha256"], str)
            and _HEX64.fullmatch(item["sha256"])
        ):
            raise bad("file entry")
    return body


def verify_manifest(raw: bytes) -> dict[str, Any]:
    """The manifest body, once its structure and its device signature (self-contained key) check out.

    Whether that key belongs to an approved device is HQ's question, asked by the importer.
    """
    try:
        outer = json.loads(raw.decode("utf-8"))
        body, signature = outer["manifest"], bytes.fromhex(outer["signature"])
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise BundleInvalid(MANIFEST_UNREADABLE) from exc
    body = _check_manifest(body)
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(body["device_public_key"]))
        key.verify(signature, MANIFEST_CONTEXT + manifest_digest(body))
    except (InvalidSignature, ValueError, ValidationError) as exc:
        raise BundleInvalid(MANIFEST_SIGNATURE) from exc
    return body


# --- streaming plaintext out -------------------------------------------------------------------


class IterReader(io.RawIOBase):
    """A read-only raw stream over an iterator of byte strings (what pyrage.encrypt_io pulls from).

    pyrage reads 8 KiB at a time; wrap this in ``io.BufferedReader`` with a large buffer so those
    reads are served in C and this fills the buffer from many parts in one call. A part may be a
    view that the iterator overwrites when advanced: it is copied out before the next is asked for.
    """

    def __init__(self, parts: Iterable[bytes | memoryview]) -> None:
        super().__init__()
        self._parts: Iterator[bytes | memoryview] = iter(parts)
        self._pending = memoryview(b"")
        self.failure: BaseException | None = None  # pyrage turns exceptions into strings: keep the real one

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        filled = 0
        try:
            while filled < len(view):
                if not self._pending:
                    self._pending = memoryview(next(self._parts)).cast("B")
                    continue
                take = min(len(view) - filled, len(self._pending))
                view[filled : filled + take] = self._pending[:take]
                self._pending = self._pending[take:]
                filled += take
        except StopIteration:
            pass
        except BaseException as exc:
            self.failure = exc
            raise
        return filled


# --- streaming plaintext in --------------------------------------------------------------------


class BundleParser:
    """A push parser (pyrage.decrypt_io writes into it): checks framing and order as bytes arrive.

    ``on_manifest`` gets the verified manifest body as soon as it is complete (so a bundle for another
    HQ or an unknown device is stopped before the rest is decrypted); ``on_event`` and ``on_file``
    get each record. Nothing here is final until ``finish`` says the stream ended properly.
    """

    def __init__(
        self,
        on_manifest: Callable[[dict[str, Any]], None],
        on_event: Callable[[Event], None],
        on_file: Callable[[int, bytes], None],
    ) -> None:
        self._on_manifest, self._on_event, self._on_file = on_manifest, on_event, on_file
        self._head = bytearray()
        self._magic_seen = False
        self._kind: bytes | None = None
        self._remaining = 0
        self._parts: list[bytes] = []
        self.manifest: dict[str, Any] | None = None
        self.events = 0
        self.files = 0
        self.ended = False

    def write(self, data: Any) -> int:
        view = memoryview(data).cast("B")
        total = len(view)
        while view:
            if self._kind is not None:
                take = min(self._remaining, len(view))
                self._parts.append(bytes(view[:take]))
                self._remaining -= take
                view = view[take:]
                if self._remaining == 0:
                    self._finish_record()
                continue
            if self.ended:
                raise BundleInvalid(DATA_AFTER_END)
            want = (len(MAGIC) if not self._magic_seen else _HEADER.size) - len(self._head)
            self._head += view[:want]
            view = view[want:]
            if not self._magic_seen and len(self._head) == len(MAGIC):
                if bytes(self._head) != MAGIC:
                    raise BundleInvalid(WRONG_FORMAT)
                self._magic_seen, self._head = True, bytearray()
            elif self._magic_seen and len(self._head) == _HEADER.size:
                kind, length = _HEADER.unpack(bytes(self._head))
                self._head = bytearray()
                if kind not in LIMITS or length > LIMITS[kind]:
                    raise BundleInvalid(UNKNOWN_RECORD)
                self._check_order(kind)
                self._kind, self._remaining, self._parts = kind, length, []
                if length == 0:
                    self._finish_record()
        return total

    def flush(self) -> None:
        return None

    def _check_order(self, kind: bytes) -> None:
        if (kind == b"M") != (self.manifest is None):
            raise BundleInvalid(MANIFEST_NOT_FIRST)
        if kind == b"E" and self.files:
            raise BundleInvalid(EVENTS_AFTER_FILES)

    def _finish_record(self) -> None:
        kind, body = self._kind, b"".join(self._parts)
        self._kind, self._parts = None, []
        assert kind is not None
        if kind == b"M":
            self.manifest = verify_manifest(body)
            self._on_manifest(self.manifest)
        elif kind == b"E":
            assert self.manifest is not None
            if self.events >= len(self.manifest["events"]):  # before on_event indexes the manifest's list
                raise BundleInvalid(EXTRA_EVENTS)
            self._on_event(decode_event(body))
            self.events += 1
        elif kind == b"F":
            assert self.manifest is not None
            if self.files >= len(self.manifest["files"]):
                raise BundleInvalid(EXTRA_FILES)
            self._on_file(self.files, body)
            self.files += 1
        else:
            try:
                end = json.loads(body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                raise BundleInvalid(END_MARKER_DAMAGED) from exc
            if end != {"events": self.events, "files": self.files}:
                raise BundleInvalid(END_MARKER_DIFFERS)
            self.ended = True

    def finish(self) -> dict[str, Any]:
        if self.manifest is None or not self.ended or self._kind is not None or self._head:
            raise BundleInvalid(CUT_SHORT)
        if self.events != len(self.manifest["events"]) or self.files != len(self.manifest["files"]):
            raise BundleInvalid(CONTENT_DIFFERS)
        return self.manifest


# --- volumes -----------------------------------------------------------------------------------


def volume_paths(path: Path) -> list[Path]:
    """All volumes of the bundle that ``path`` is (or is one volume of), in order."""
    match = _VOLUME.fullmatch(path.name)
    if match is None:
        return [path]
    base = path.with_name(match.group(1))
    found = []
    index = 1
    while (candidate := base.with_name(f"{base.name}.{index:03d}")).exists():
        found.append(candidate)
        index += 1
    if not found:
        raise BundleInvalid(FIRST_VOLUME_MISSING, name=base.name)
    return found


def group_bundles(paths: Iterable[Path]) -> list[list[Path]]:
    """Distinct bundles among the given paths (several volumes of one bundle count once)."""
    seen: set[Path] = set()
    groups = []
    for path in paths:
        volumes = volume_paths(path)
        if volumes[0] not in seen:
            seen.add(volumes[0])
            groups.append(volumes)
    return groups


class VolumeReader:
    """Reads the volumes as one stream, hashing the ciphertext as it goes (the bundle hash)."""

    def __init__(self, paths: list[Path]) -> None:
        self._paths = list(paths)
        self._handle: io.BufferedReader | None = None
        self.sha256 = hashlib.sha256()
        self.size = 0

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        try:
            while True:
                if self._handle is None:
                    if not self._paths:
                        return 0
                    self._handle = open(self._paths.pop(0), "rb")  # noqa: SIM115 - closed below
                count = int(self._handle.readinto(view))
                if count:
                    self.sha256.update(view[:count])
                    self.size += count
                    return count
                self._handle.close()
                self._handle = None
        except OSError as exc:
            raise BundleInvalid(UNREADABLE, reason=exc.strerror or exc) from exc

    def read(self, size: int = -1) -> bytes:
        buffer = bytearray(size if size > 0 else 1 << 16)
        return bytes(buffer[: self.readinto(buffer)])

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def drain(self) -> str:
        """Read what is left (to finish the hash) and return the bundle hash."""
        buffer = bytearray(1 << 20)
        while self.readinto(buffer):
            pass
        return self.sha256.hexdigest()

"""The verification payload every printed page carries, and checking it against the data.

QR payload (docs/records.md)::

    HV2:<record id>:<version>:<base64url SHA-256 of the canonical record version>:<base64url device signature>

The device signs ``b"fieldapp-handover-v2\\0"`` and the SHA-256 of the record id, version and content hash
together (``code_digest``), domain-separated from the event signatures. Forms printed before 0.2 carry
``HV1``, whose signature covers the content hash alone; they still verify. A genuine code copied onto a
forged form still "matches", so every verdict shows what the record holds for the checker to compare
with the paper: names in both scripts, temporary id, photo, receiving body, officers, date and reference.
A short code for typing from paper carries no signature: ``HV1-`` then 20 Crockford base32 characters
in groups of four: the record id's last 40 bits, the version (10 bits) and the hash's first 50 bits.

The lookups (record id → its issued versions) are parameters, so the field vault and HQ share this code.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import segno
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldapp.errors import Said, Term, message, term
from fieldapp.records.canonical import canonical_json
from fieldapp.records.events import DOCUMENT_CONTEXT, DOCUMENT_CONTEXT_V1
from fieldapp.records.handovers import IssuedVersion
from fieldapp.reports.labels import receiving_label

PREFIX = "HV1"  # the short code typed from paper, and QR codes printed before 0.2
PREFIX_SIGNED = "HV2"  # QR codes whose signature binds record id, version and hash
_B32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
_B32_READ = str.maketrans("ILO", "110")
QR_MASK = 2


class Signer(Protocol):
    """Signs a 32-byte document digest with the device key, over DOCUMENT_CONTEXT + digest."""

    def sign_document(self, digest: bytes) -> bytes: ...


class KeySigner:
    """A Signer over a raw Ed25519 key (tests, and HQ tools); the vault's Session provides its own."""

    def __init__(self, key: Ed25519PrivateKey) -> None:
        self._key = key

    def sign_document(self, digest: bytes) -> bytes:
        if len(digest) != 32:
            raise ValueError("a document digest is 32 bytes (SHA-256)")
        return self._key.sign(DOCUMENT_CONTEXT + digest)


def record_hash(data: dict[str, Any]) -> bytes:
    return hashlib.sha256(canonical_json(data)).digest()


def code_digest(record_id: str, version: int, content_hash: bytes) -> bytes:
    """What an HV2 code's signature covers: the record, its version and its content, together."""
    bound = {"record_id": record_id, "version": version, "content_hash": content_hash.hex()}
    return hashlib.sha256(canonical_json(bound)).digest()


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class Payload:
    record_id: str
    version: int
    content_hash: bytes  # 32 bytes
    signature: bytes | None  # None for a typed short code
    hash_bits: int = 256  # how many leading bits of the hash the code carries
    prefix: str = PREFIX_SIGNED

    def text(self) -> str:
        if self.signature is None:
            raise ValueError("a payload without signature has no QR form")
        return (
            f"{self.prefix}:{self.record_id}:{self.version}:{_b64(self.content_hash)}:{_b64(self.signature)}"
        )

    def short_code(self) -> str:
        tail = int(self.record_id.replace("-", "")[-10:], 16)
        bits = (tail << 60) | ((self.version & 0x3FF) << 50) | (int.from_bytes(self.content_hash[:8]) >> 14)
        chars = "".join(_B32[(bits >> (5 * i)) & 31] for i in reversed(range(20)))
        return PREFIX + "-" + "-".join(chars[i : i + 4] for i in range(0, 20, 4))

    @property
    def hash_hex(self) -> str:
        return self.content_hash.hex()


def make_payload(record_id: str, version: int, data: dict[str, Any], signer: Signer) -> Payload:
    digest = record_hash(data)
    return Payload(record_id, version, digest, signer.sign_document(code_digest(record_id, version, digest)))


class ParseError(ValueError):
    """Not a code of ours; ``said`` is the reason as a declared message."""

    def __init__(self, said: Said) -> None:
        super().__init__(str(said))
        self.said = said


NOT_A_CODE = message("verify.not_a_code", "This is not a fieldapp verification code.")
DAMAGED_DECODE = message("verify.damaged_decode", "The verification code is damaged (it does not decode).")
DAMAGED_LENGTHS = message("verify.damaged_lengths", "The verification code is damaged (wrong field lengths).")
TYPED_SHAPE = message(
    "verify.typed_shape", "A typed code looks like HV1-XXXX-XXXX-XXXX-XXXX-XXXX (20 letters and digits)."
)
TYPED_CHARACTER = message("verify.typed_character", "{character} cannot appear in a typed code.")
UNKNOWN_RECORD = message(
    "verify.unknown_record", "No record {record} is known here (not synced yet, or not ours)."
)
NO_SUCH_VERSION = message(
    "verify.no_such_version",
    "Record {record} has no issued version {version} (its versions go up to {latest}).",
)
FORGED = message("verify.forged", "FORGED: this is not version {version} of record {record}: {what}.")
CONTENT_DIFFERS = term("verify", "its content does not match")
SIGNATURE_INVALID = term("verify", "its device signature is not valid")
AMENDED_SINCE = message(
    "verify.amended_since",
    "Amended since: this is version {version}; the record has been amended to version {latest}. Use the "
    "current form.",
)
MATCHES = message("verify.matches", "The code matches version {version} of record {record}, the current one.")
UNKNOWN_CODE = message(
    "verify.unknown_code", "No record with this code is known here (not synced yet, or not ours)."
)
COMPARE = message(
    "verify.compare", "Compare the paper with what the record holds; any difference means a forged form:"
)
FACT = message("verify.fact", "- {label}: {value}")
FACT_LABELS = {
    name: term("verify", name)
    for name in (
        "Name",
        "Name in own script",
        "Temporary id",
        "Photo",
        "Receiving body",
        "Handed over by",
        "Received by",
        "Date",
        "Reference number",
    )
}
PORTRAIT = term("verify", "a portrait is on the form: compare the face")
NO_PORTRAIT = term("verify", "no portrait")


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def parse(text: str) -> Payload:
    """A QR payload; raises ParseError when it is not one of ours."""
    parts = text.strip().split(":")
    if len(parts) != 5 or parts[0] not in (PREFIX, PREFIX_SIGNED):
        raise ParseError(Said(NOT_A_CODE))
    prefix, record_id, version, digest, signature = parts
    try:
        payload = Payload(record_id.lower(), int(version), _unb64(digest), _unb64(signature), prefix=prefix)
    except (ValueError, binascii.Error):
        raise ParseError(Said(DAMAGED_DECODE)) from None
    if not _UUID.fullmatch(payload.record_id) or len(payload.content_hash) != 32 or payload.version < 1:
        raise ParseError(Said(DAMAGED_LENGTHS))
    return payload


@dataclass(frozen=True)
class ShortCode:
    id_tail: str  # 10 hex digits
    version: int
    hash_prefix: int  # the hash's first 50 bits


def parse_short(text: str) -> ShortCode:
    cleaned = re.sub(r"[\s-]", "", text.strip().upper())
    if not cleaned.startswith(PREFIX) or len(cleaned) != len(PREFIX) + 20:
        raise ParseError(Said(TYPED_SHAPE))
    bits = 0
    for ch in cleaned[len(PREFIX) :].translate(_B32_READ):
        if ch not in _B32:
            raise ParseError(Said(TYPED_CHARACTER, character=repr(ch)))
        bits = (bits << 5) | _B32.index(ch)
    return ShortCode(f"{bits >> 60:010x}", (bits >> 50) & 0x3FF, bits & (2**50 - 1))


def qr_svg_matrix(text: str) -> list[list[bool]]:
    """The QR modules (True = dark), error correction M, quiet zone not included.

    The mask is fixed: choosing it by penalty score tries all eight and took 70 % of a form's render
    time. The payload is hashes and a signature (random-looking bytes), for which mask 2 scored on
    average 3.6 % (at most 14 %) above the best mask in a sample of 30; every reader reads every mask."""
    qr = segno.make_qr(text, error="m", boost_error=False, mask=QR_MASK)
    return [[bool(v) for v in row] for row in qr.matrix]


class Verdict(enum.Enum):
    MATCHES = "matches"
    AMENDED = "amended since"
    UNKNOWN = "unknown"
    FORGED = "forged"


@dataclass(frozen=True)
class Verification:
    verdict: Verdict
    message: Said
    record_id: str = ""
    version: int = 0
    latest_version: int = 0
    facts: tuple[tuple[Term, str | Term], ...] = ()  # what the record holds, to compare with the paper

    def lines(self) -> list[Said]:
        """The verdict, then what to compare: declared messages, so the app shows them translated."""
        if not self.facts:
            return [self.message]
        return [
            self.message,
            Said(COMPARE),
            *(Said(FACT, label=label, value=value) for label, value in self.facts),
        ]


def compare_facts(data: dict[str, Any] | None) -> tuple[tuple[Term, str | Term], ...]:
    """The facts of a handover version a checker compares with the printed form."""
    if not data:
        return ()
    found = data.get("person")
    person: dict[str, Any] = found if isinstance(found, dict) else {}
    kind = str(data.get("receiving_type") or "")
    body = receiving_label(kind, str(data.get("receiving_country") or ""))[0] if kind else ""
    if data.get("receiving_name"):
        body = f"{body}: {data['receiving_name']}" if body else str(data["receiving_name"])
    photo = PORTRAIT if data.get("portrait_sha256") else NO_PORTRAIT
    facts: tuple[tuple[str, str | Term], ...] = (
        ("Name", str(person.get("name") or "")),
        ("Name in own script", str(person.get("name_own_script") or "")),
        ("Temporary id", str(person.get("temp_id") or "")),
        ("Photo", photo),
        ("Receiving body", body),
        (
            "Handed over by",
            ", ".join(str(data[k]) for k in ("transferring_officer", "transferring_agency") if data.get(k)),
        ),
        ("Received by", str(data.get("receiving_officer") or "")),
        ("Date", str(data.get("date_time") or "")),
        ("Reference number", str(data.get("reference_no") or "")),
    )
    return tuple((FACT_LABELS[label], value or "—") for label, value in facts)


Versions = Callable[[str], Sequence[IssuedVersion] | None]


def _check_signature(version: IssuedVersion, payload: Payload) -> bool:
    """The laptop's signature, under any of its device keys (a re-key rotates it)."""
    if payload.prefix == PREFIX_SIGNED:
        message = DOCUMENT_CONTEXT + code_digest(payload.record_id, payload.version, payload.content_hash)
    else:  # printed before 0.2
        message = DOCUMENT_CONTEXT_V1 + payload.content_hash
    for key_hex in (version.device_public_key, *version.other_keys):
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex)).verify(
                payload.signature or b"", message
            )
        except (InvalidSignature, ValueError):
            continue
        return True
    return False


def _judge(
    record_id: str,
    version: int,
    issued: Sequence[IssuedVersion] | None,
    same_hash: Callable[[IssuedVersion], bool],
    signed: Callable[[IssuedVersion], bool],
) -> Verification:
    if not issued:
        return Verification(
            Verdict.UNKNOWN,
            Said(UNKNOWN_RECORD, record=record_id),
            record_id,
            version,
        )
    latest = max(v.version for v in issued)
    match = next((v for v in issued if v.version == version), None)
    if match is None:
        return Verification(
            Verdict.UNKNOWN,
            Said(NO_SUCH_VERSION, record=record_id, version=version, latest=latest),
            record_id,
            version,
            latest,
        )
    if not same_hash(match) or not signed(match):
        what = CONTENT_DIFFERS if not same_hash(match) else SIGNATURE_INVALID
        return Verification(
            Verdict.FORGED,
            Said(FORGED, version=version, record=record_id, what=what),
            record_id,
            version,
            latest,
        )
    facts = compare_facts(match.data)
    if latest > version:
        return Verification(
            Verdict.AMENDED,
            Said(AMENDED_SINCE, version=version, latest=latest),
            record_id,
            version,
            latest,
            facts,
        )
    return Verification(
        Verdict.MATCHES,
        Said(MATCHES, version=version, record=record_id),
        record_id,
        version,
        latest,
        facts,
    )


def verify_payload(payload: Payload, versions: Versions) -> Verification:
    """Check a scanned QR payload: the device signature and the hash of the version it names."""
    return _judge(
        payload.record_id,
        payload.version,
        versions(payload.record_id),
        lambda v: v.content_hash == payload.hash_hex,
        lambda v: _check_signature(v, payload),
    )


def verify_short(
    code: ShortCode, find_ids: Callable[[str], Sequence[str]], versions: Versions
) -> Verification:
    """Check a code typed from paper: the record, the version and the first 50 bits of its hash."""
    ids = list(find_ids(code.id_tail))
    if not ids:
        return Verification(Verdict.UNKNOWN, Said(UNKNOWN_CODE))
    results = [
        _judge(
            record_id,
            code.version,
            versions(record_id),
            lambda v: int(v.content_hash[:16], 16) >> 14 == code.hash_prefix,
            lambda v: True,  # a typed code carries no signature: the hash prefix is the check
        )
        for record_id in ids
    ]
    order = [Verdict.MATCHES, Verdict.AMENDED, Verdict.FORGED, Verdict.UNKNOWN]
    return min(results, key=lambda r: order.index(r.verdict))

"""The verification payload every printed page carries, and checking it against the data.

QR payload (docs/records.md)::

    HV1:<record id>:<version>:<base64url SHA-256 of the canonical record version>:<base64url device signature>

The device signs ``b"fieldapp-handover-v1\\0" + hash`` (domain-separated from the event signatures).
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

from fieldapp.records.canonical import canonical_json
from fieldapp.records.events import DOCUMENT_CONTEXT
from fieldapp.records.handovers import IssuedVersion

PREFIX = "HV1"
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

    def text(self) -> str:
        if self.signature is None:
            raise ValueError("a payload without signature has no QR form")
        return f"{PREFIX}:{self.record_id}:{self.version}:{_b64(self.content_hash)}:{_b64(self.signature)}"

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
    return Payload(record_id, version, digest, signer.sign_document(digest))


class ParseError(ValueError):
    pass


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def parse(text: str) -> Payload:
    """A QR payload; raises ParseError when it is not one of ours."""
    parts = text.strip().split(":")
    if len(parts) != 5 or parts[0] != PREFIX:
        raise ParseError("This is not a fieldapp verification code.")
    _, record_id, version, digest, signature = parts
    try:
        payload = Payload(record_id.lower(), int(version), _unb64(digest), _unb64(signature))
    except (ValueError, binascii.Error):
        raise ParseError("The verification code is damaged (it does not decode).") from None
    if not _UUID.fullmatch(payload.record_id) or len(payload.content_hash) != 32 or payload.version < 1:
        raise ParseError("The verification code is damaged (wrong field lengths).")
    return payload


@dataclass(frozen=True)
class ShortCode:
    id_tail: str  # 10 hex digits
    version: int
    hash_prefix: int  # the hash's first 50 bits


def parse_short(text: str) -> ShortCode:
    cleaned = re.sub(r"[\s-]", "", text.strip().upper())
    if not cleaned.startswith(PREFIX) or len(cleaned) != len(PREFIX) + 20:
        raise ParseError("A typed code looks like HV1-XXXX-XXXX-XXXX-XXXX-XXXX (20 letters and digits).")
    bits = 0
    for ch in cleaned[len(PREFIX) :].translate(_B32_READ):
        if ch not in _B32:
            raise ParseError(f"{ch!r} cannot appear in a typed code.")
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
    message: str
    record_id: str = ""
    version: int = 0
    latest_version: int = 0


Versions = Callable[[str], Sequence[IssuedVersion] | None]


def _check_signature(version: IssuedVersion, payload: Payload) -> bool:
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(version.device_public_key))
        key.verify(payload.signature or b"", DOCUMENT_CONTEXT + payload.content_hash)
    except (InvalidSignature, ValueError):
        return False
    return True


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
            f"No record {record_id} is known here (not synced yet, or not ours).",
            record_id,
            version,
        )
    latest = max(v.version for v in issued)
    match = next((v for v in issued if v.version == version), None)
    if match is None:
        return Verification(
            Verdict.UNKNOWN,
            f"Record {record_id} has no issued version {version} (its versions go up to {latest}).",
            record_id,
            version,
            latest,
        )
    if not same_hash(match) or not signed(match):
        what = "its content does not match" if not same_hash(match) else "its device signature is not valid"
        return Verification(
            Verdict.FORGED,
            f"FORGED: this is not version {version} of record {record_id}: {what}.",
            record_id,
            version,
            latest,
        )
    if latest > version:
        return Verification(
            Verdict.AMENDED,
            f"Amended since: this is version {version}; the record has been "
            f"amended to version {latest}. Use the current form.",
            record_id,
            version,
            latest,
        )
    return Verification(
        Verdict.MATCHES,
        f"Matches: version {version} of record {record_id}, the current one.",
        record_id,
        version,
        latest,
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
        return Verification(
            Verdict.UNKNOWN, "No record with this code is known here (not synced yet, or not ours)."
        )
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

"""HQ's signing key as a laptop knows it: pinned at enrolment, changed only by statements signed by it.

HQ rotates its signing key (`fieldapp hq signing-key rotate`) with a statement signed by the old key naming
the new one. HQ keeps every statement it made, oldest first, and sends the whole chain with what it signs
afterwards (enrolment files, indicator-set files, receipts), so a laptop that pinned any earlier key
walks the chain from its pinned key to the key that signed the object. A key reached any other way is
refused. Taking a new key is never silent: the laptop keeps what changed (``HQ_KEY_CHANGED_META``), which
the Sync screen and the command line show with both fingerprints.

Receipts are signed by a receipt key of HQ's (so the network-facing `hq serve` need not hold the signing
key), certified for that purpose alone by the signing key (``receipt_key_message``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

ROTATION_CONTEXT = b"fieldapp-hq-key-rotation-v1\0"
RECEIPT_KEY_CONTEXT = b"fieldapp-hq-receipt-key-v1\0"
HQ_KEY_META = "hq_verify_key"
HQ_KEY_CHANGED_META = "hq_key_changed"
MAX_ROTATIONS = 1000  # a chain longer than this is not HQ's (a rotation a week for twenty years)


def rotation_message(hq_id: str, old_key: str, new_key: str) -> bytes:
    """What HQ's old signing key signs to name its successor."""
    return ROTATION_CONTEXT + hashlib.sha256(f"{hq_id}\n{old_key}\n{new_key}".encode()).digest()


def receipt_key_message(hq_id: str, receipt_key: str) -> bytes:
    """What HQ's signing key signs to let ``receipt_key`` sign receipts (and nothing else)."""
    return RECEIPT_KEY_CONTEXT + hashlib.sha256(f"{hq_id}\n{receipt_key}".encode()).digest()


def verified(public_hex: str, signature_hex: str, message: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(
            bytes.fromhex(signature_hex), message
        )
    except (InvalidSignature, ValueError, TypeError):
        return False
    return True


def rotations_in(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The rotation statements an object carries: ``key_rotations`` (a chain), or one ``key_rotation``."""
    chain = data.get("key_rotations")
    if isinstance(chain, list):
        return [item for item in chain[:MAX_ROTATIONS] if isinstance(item, dict)]
    single = data.get("key_rotation")
    return [single] if isinstance(single, dict) else []


def reaches(hq_id: str, pinned: str, target: str, rotations: list[dict[str, Any]]) -> bool:
    """Whether a chain of statements, each signed by the key before it, leads from ``pinned`` to ``target``."""
    key = pinned
    for statement in rotations:
        if key == target:
            break
        if statement.get("old_key") != key:
            continue  # a statement from before the pinned key: the laptop had already passed it
        new = statement.get("new_key")
        if not isinstance(new, str) or not verified(
            key, str(statement.get("signature")), rotation_message(hq_id, key, new)
        ):
            return False
        key = new
    return key == target


@dataclass(frozen=True)
class KeyChange:
    """HQ's signing key changed on this laptop: when, from which key to which, through what."""

    old_fingerprint: str
    new_fingerprint: str
    at: str
    via: str  # "enrolment file", "indicator sets", "receipt"


def change_record(old_key: str, new_key: str, via: str, at: str) -> str:
    from fieldapp.sync.keys import fingerprint

    return json.dumps(
        {
            "old_key": old_key,
            "new_key": new_key,
            "old_fingerprint": fingerprint(old_key),
            "new_fingerprint": fingerprint(new_key),
            "via": via,
            "at": at,
        }
    )


def last_change(stored: str | None) -> KeyChange | None:
    """The last change of HQ's key this laptop took (from meta), or None."""
    if not stored:
        return None
    try:
        data = json.loads(stored)
        return KeyChange(
            str(data["old_fingerprint"]), str(data["new_fingerprint"]), str(data["at"]), str(data["via"])
        )
    except (ValueError, KeyError, TypeError):
        return None

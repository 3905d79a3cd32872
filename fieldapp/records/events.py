"""One event of the append-only log: how it is hashed, signed and verified.

The hash covers every field but the signatures. The device signs every event (which laptop made
it); the officer signs the events that attest something (finalise, amend, withdraw, hand over).
Each signature is over a domain-separated message so it cannot be replayed for another purpose.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldapp.records.canonical import canonical_json

GENESIS_HASH = "0" * 64
DEVICE_CONTEXT = b"fieldapp-event-v1\0"
OFFICER_CONTEXT = b"fieldapp-attest-v1\0"
DOCUMENT_CONTEXT = b"fieldapp-handover-v1\0"  # printed forms' verification codes
MANIFEST_CONTEXT = b"fieldapp-bundle-manifest-v1\0"  # sync bundle manifests

# Operations an officer attests with their own signature.
ATTESTED_OPS = frozenset({"finalise", "amend", "withdraw", "hand_over", "purge"})


@dataclass(frozen=True)
class Event:
    event_id: str
    device_id: str
    device_seq: int
    entity: str
    entity_id: str
    op: str
    payload: dict[str, Any]
    officer_id: str
    created_at: str
    parent: str | None
    prev_hash: str
    hash: str = ""
    device_sig: str = ""
    officer_sig: str | None = None

    def signed_fields(self) -> dict[str, Any]:
        return {
            "v": 1,
            "event_id": self.event_id,
            "device_id": self.device_id,
            "device_seq": self.device_seq,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "op": self.op,
            "payload": self.payload,
            "officer_id": self.officer_id,
            "created_at": self.created_at,
            "parent": self.parent,
            "prev_hash": self.prev_hash,
        }

    def compute_hash(self) -> str:
        return hashlib.sha256(canonical_json(self.signed_fields())).hexdigest()

    def to_row(self) -> tuple[Any, ...]:
        return (
            self.event_id,
            self.device_id,
            self.device_seq,
            self.entity,
            self.entity_id,
            self.op,
            # Already checked by canonical_json when the hash was computed: the same bytes, unchecked.
            json.dumps(self.payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False),
            self.officer_id,
            self.created_at,
            self.parent,
            self.prev_hash,
            self.hash,
            self.device_sig,
            self.officer_sig,
        )

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> Event:
        (event_id, device_id, seq, entity, entity_id, op, payload, officer_id, created_at, parent, prev_hash,
         digest, device_sig, officer_sig) = row  # fmt: skip
        return cls(
            event_id, device_id, int(seq), entity, entity_id, op, json.loads(payload), officer_id, created_at,
            parent, prev_hash, digest, device_sig, officer_sig,
        )  # fmt: skip


EVENT_COLUMNS = (
    "event_id, device_id, device_seq, entity, entity_id, op, payload, officer_id, created_at, parent, "
    "prev_hash, hash, device_sig, officer_sig"
)


def sign(event: Event, device_key: Ed25519PrivateKey, officer_key: Ed25519PrivateKey | None) -> Event:
    digest = event.compute_hash()
    raw = bytes.fromhex(digest)
    officer_sig = None
    if event.op in ATTESTED_OPS:
        if officer_key is None:
            raise ValueError(f"{event.op} needs the officer's signature")
        officer_sig = officer_key.sign(OFFICER_CONTEXT + raw).hex()
    device_sig = device_key.sign(DEVICE_CONTEXT + raw).hex()
    return Event(**{**event.__dict__, "hash": digest, "device_sig": device_sig, "officer_sig": officer_sig})


def verify(
    event: Event, device_public: Ed25519PublicKey, officer_public: Ed25519PublicKey | None
) -> list[str]:
    """Problems with one event on its own (hash and signatures); empty when it is sound."""
    problems = []
    digest = event.compute_hash()
    if digest != event.hash:
        return [f"event {event.device_seq} ({event.entity}.{event.op}): content does not match its hash"]
    try:
        device_public.verify(bytes.fromhex(event.device_sig), DEVICE_CONTEXT + bytes.fromhex(digest))
    except (InvalidSignature, ValueError):
        problems.append(f"event {event.device_seq}: device signature is not valid")
    if event.op in ATTESTED_OPS:
        if officer_public is None or event.officer_sig is None:
            problems.append(f"event {event.device_seq}: officer signature missing")
        else:
            try:
                officer_public.verify(
                    bytes.fromhex(event.officer_sig), OFFICER_CONTEXT + bytes.fromhex(digest)
                )
            except (InvalidSignature, ValueError):
                problems.append(f"event {event.device_seq}: officer signature is not valid")
    return problems

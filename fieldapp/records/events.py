"""One event of the append-only log: how it is hashed, signed and verified.

The hash covers every field but the signatures. The device signs every event (which laptop made
it); the officer signs the events that attest something (finalise, amend, withdraw, hand over).
Each signature is over a domain-separated message so it cannot be replayed for another purpose.

Redaction (schema 5): once a record is purged and HQ has acknowledged its events, the payloads of
those events are replaced by ``redacted_payload``: the SHA-256 of the original canonical payload and
only the fields the purged projection keeps. The hash and signatures stay as made: they cover the
original, which HQ holds, so a redacted event's content can no longer be re-derived here. Only
``verify_chain`` (which also checks the record was purged and HQ had acknowledged the event) accepts
one (``allow_redacted``); HQ's import never does, so a redacted event can never be passed off as
original content.
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

# What a purged record's redacted events keep in "fields": exactly what the purged projection keeps
# (projections._apply_record), ids, pins, results and hashes, never a personal field.
REDACTABLE_ENTITIES = frozenset({"person", "screening", "photo", "handover"})
KEPT_AFTER_PURGE: dict[str, tuple[str, ...]] = {
    "person": ("operation_id", "temp_id"),
    "screening": ("person_id", "pins", "result"),
    "photo": ("person_id", "sha256"),
    "handover": ("person_id", "sha256"),
}
# Top-level payload keys a redacted payload may carry besides "fields" (amend: the fold records the
# reason in record_versions; the version number).
_KEPT_TOP = {"amend": ("reason", "version")}
_REDACTED_KEYS = frozenset({"redacted", "payload_sha256", "fields", "reason", "version"})

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


def is_redacted(payload: dict[str, Any]) -> bool:
    return payload.get("redacted") is True


def redacted_payload(entity: str, op: str, payload: dict[str, Any]) -> dict[str, Any]:
    """The redacted form of one of a purged record's event payloads (see the module docstring)."""
    if entity not in REDACTABLE_ENTITIES or op == "purge" or is_redacted(payload):
        raise ValueError(f"a {entity}.{op} event is not redacted")
    redacted: dict[str, Any] = {
        "redacted": True,
        "payload_sha256": hashlib.sha256(canonical_json(payload)).hexdigest(),
    }
    if isinstance(payload.get("fields"), dict):
        keep = KEPT_AFTER_PURGE[entity]
        redacted["fields"] = {key: value for key, value in payload["fields"].items() if key in keep}
    for key in _KEPT_TOP.get(op, ()):
        if key in payload:
            redacted[key] = payload[key]
    return redacted


def redaction_problems(event: Event) -> list[str]:
    """Why a redacted payload is not one ``redacted_payload`` could have made (empty if it could)."""
    p = event.payload
    where = f"event {event.device_seq} ({event.entity}.{event.op})"
    if event.entity not in REDACTABLE_ENTITIES or event.op == "purge":
        return [f"{where}: this kind of event is never redacted"]
    problems = []
    if set(p) - _REDACTED_KEYS - {"fields"} or any(
        key in p for key in ("reason", "version") if key not in _KEPT_TOP.get(event.op, ())
    ):
        problems.append(f"{where}: redacted payload holds keys a redaction never keeps")
    digest = p.get("payload_sha256")
    if not (isinstance(digest, str) and len(digest) == 64):
        problems.append(f"{where}: redacted payload has no hash of the original")
    fields = p.get("fields", {})
    if not isinstance(fields, dict) or set(fields) - set(KEPT_AFTER_PURGE[event.entity]):
        problems.append(f"{where}: redacted payload keeps fields other than ids, pins, results and hashes")
    return problems


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
    event: Event,
    device_public: Ed25519PublicKey,
    officer_public: Ed25519PublicKey | None,
    *,
    allow_redacted: bool = False,
) -> list[str]:
    """Problems with one event on its own (hash and signatures); empty when it is sound.

    With ``allow_redacted`` a redacted event's signatures are checked over its stored hash, which
    cannot be recomputed (it covers the original payload); the caller must have checked that the
    redaction was allowed (``log.verify_chain``). Without it a redacted event fails like any edit.
    """
    problems = []
    if allow_redacted and is_redacted(event.payload):
        problems += redaction_problems(event)
        digest = event.hash
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            return [*problems, f"event {event.device_seq}: stored hash is malformed"]
    else:
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

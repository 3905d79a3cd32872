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

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nacl.bindings import crypto_sign_open
from nacl.exceptions import CryptoError

from fieldapp.errors import Said, message
from fieldapp.records.canonical import canonical_json, canonical_text, utf8

EVENT_REFERENCE = message("event.reference", "event {seq} ({action})")
# What a check of one event can find, said in the officer's language in the app (``{where}``: the event).
NEVER_REDACTED = message("event.never_redacted", "{where}: this kind of event is never redacted")
REDACTED_KEYS = message("event.redacted_keys", "{where}: redacted payload holds keys a redaction never keeps")
REDACTED_NO_HASH = message("event.redacted_no_hash", "{where}: redacted payload has no hash of the original")
REDACTED_FIELDS = message(
    "event.redacted_fields", "{where}: redacted payload keeps fields other than ids, pins, results and hashes"
)
HASH_MALFORMED = message("event.hash_malformed", "event {seq}: stored hash is malformed")
CONTENT_MISMATCH = message("event.content_mismatch", "{where}: content does not match its hash")
DEVICE_SIGNATURE_INVALID = message(
    "event.device_signature_invalid", "event {seq}: device signature is not valid"
)
OFFICER_SIGNATURE_MISSING = message(
    "event.officer_signature_missing", "event {seq}: officer signature missing"
)
OFFICER_SIGNATURE_INVALID = message(
    "event.officer_signature_invalid", "event {seq}: officer signature is not valid"
)

GENESIS_HASH = "0" * 64
DEVICE_CONTEXT = b"fieldapp-event-v1\0"
OFFICER_CONTEXT = b"fieldapp-attest-v1\0"
DOCUMENT_CONTEXT_V1 = (
    b"fieldapp-handover-v1\0"  # forms printed before 0.2: the signature covers the hash alone
)
DOCUMENT_CONTEXT = (
    b"fieldapp-handover-v2\0"  # printed forms' verification codes: id, version and hash together
)
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
# A JSON string literal exactly as json.dumps(..., ensure_ascii=False) writes one.
_json_string = json.encoder.encode_basestring

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

    @property
    def reference(self) -> Said:
        """How a problem names the event: its number in its laptop's log and what it does (a code, as the
        log writes it); a ``Said``, so the words around the number follow the app's language."""
        return Said(EVENT_REFERENCE, seq=self.device_seq, action=f"{self.entity}.{self.op}")

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
        return self.hash_and_payload()[0]

    def hash_and_payload(self) -> tuple[str, str]:
        """The hash, and the payload's canonical JSON it covers, from one serialisation of the payload
        (HQ's import stores that text: ``to_row(payload_text)``).

        The bytes hashed are ``canonical_json(self.signed_fields())``, written out field by field
        around the payload's text (tests/core/test_event_log.py checks they are the same)."""
        payload = canonical_text(self.payload)
        s = _json_string
        signed = (
            f'{{"created_at":{s(self.created_at)},"device_id":{s(self.device_id)},'
            f'"device_seq":{int(self.device_seq)},"entity":{s(self.entity)},"entity_id":{s(self.entity_id)},'
            f'"event_id":{s(self.event_id)},"officer_id":{s(self.officer_id)},"op":{s(self.op)},'
            f'"parent":{"null" if self.parent is None else s(self.parent)},"payload":{payload},'
            f'"prev_hash":{s(self.prev_hash)},"v":1}}'
        )
        return hashlib.sha256(utf8(signed)).hexdigest(), payload

    def to_row(self, payload_text: str | None = None) -> tuple[Any, ...]:
        """The events table's row; ``payload_text`` is the payload's canonical JSON when known."""
        if payload_text is None:  # checked by canonical_json when the hash was computed: unchecked here
            payload_text = json.dumps(self.payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return (
            self.event_id,
            self.device_id,
            self.device_seq,
            self.entity,
            self.entity_id,
            self.op,
            payload_text,
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
        (
            event_id,
            device_id,
            seq,
            entity,
            entity_id,
            op,
            payload,
            officer_id,
            created_at,
            parent,
            prev_hash,
            digest,
            device_sig,
            officer_sig,
        ) = row
        return cls(
            event_id,
            device_id,
            int(seq),
            entity,
            entity_id,
            op,
            json.loads(payload),
            officer_id,
            created_at,
            parent,
            prev_hash,
            digest,
            device_sig,
            officer_sig,
        )


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
    where = event.reference
    if event.entity not in REDACTABLE_ENTITIES or event.op == "purge":
        return [Said(NEVER_REDACTED, where=where)]
    problems: list[str] = []
    if set(p) - _REDACTED_KEYS - {"fields"} or any(
        key in p for key in ("reason", "version") if key not in _KEPT_TOP.get(event.op, ())
    ):
        problems.append(Said(REDACTED_KEYS, where=where))
    digest = p.get("payload_sha256")
    if not (isinstance(digest, str) and len(digest) == 64):
        problems.append(Said(REDACTED_NO_HASH, where=where))
    fields = p.get("fields", {})
    if not isinstance(fields, dict) or set(fields) - set(KEPT_AFTER_PURGE[event.entity]):
        problems.append(Said(REDACTED_FIELDS, where=where))
    return problems


def sign(
    event: Event,
    device_key: Ed25519PrivateKey,
    officer_key: Ed25519PrivateKey | None,
    *,
    every_op: bool = False,
) -> Event:
    """Hash and sign an event: the device always; the officer on what they attest, or on every event from
    log format 2 on (``every_op``: records.authority)."""
    digest = event.compute_hash()
    raw = bytes.fromhex(digest)
    officer_sig = None
    if every_op and officer_key is not None:
        officer_sig = officer_key.sign(OFFICER_CONTEXT + raw).hex()
    elif event.op in ATTESTED_OPS:
        if officer_key is None:
            raise ValueError(f"{event.op} needs the officer's signature")
        officer_sig = officer_key.sign(OFFICER_CONTEXT + raw).hex()
    device_sig = device_key.sign(DEVICE_CONTEXT + raw).hex()
    return Event(**{**event.__dict__, "hash": digest, "device_sig": device_sig, "officer_sig": officer_sig})


def verify(
    event: Event,
    device_public: bytes,
    officer_public: bytes | None,
    *,
    allow_redacted: bool = False,
    officer_required: bool | None = None,
) -> list[str]:
    """Problems with one event on its own (hash and signatures); empty when it is sound. Keys are raw
    Ed25519 public keys. ``officer_required``: whether the officer must have signed (default: the
    attested operations, as before log format 2).

    With ``allow_redacted`` a redacted event's signatures are checked over its stored hash, which
    cannot be recomputed (it covers the original payload); the caller must have checked that the
    redaction was allowed (``log.verify_chain``). Without it a redacted event fails like any edit.
    """
    problems = []
    if allow_redacted and is_redacted(event.payload):
        problems += redaction_problems(event)
        digest = event.hash
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
            return [*problems, Said(HASH_MALFORMED, seq=event.device_seq)]
    else:
        digest = event.compute_hash()
        if digest != event.hash:
            return [content_mismatch(event)]
    return problems + signature_problems(
        event.device_seq,
        digest,
        device_public,
        event.device_sig,
        event.op in ATTESTED_OPS if officer_required is None else officer_required,
        officer_public,
        event.officer_sig,
    )


def content_mismatch(event: Event) -> Said:
    return Said(CONTENT_MISMATCH, where=event.reference)


def signature_problems(
    seq: int,
    digest: str,
    device_public: bytes,
    device_sig: str,
    attested: bool,
    officer_public: bytes | None,
    officer_sig: str | None,
) -> list[str]:
    """Problems with an event's signatures over its (checked) hash: plain data in, so HQ's import
    can check them in worker processes."""
    problems: list[str] = []
    raw = bytes.fromhex(digest)
    if not ed25519_valid(device_public, device_sig, DEVICE_CONTEXT + raw):
        problems.append(Said(DEVICE_SIGNATURE_INVALID, seq=seq))
    if attested:
        if officer_public is None or officer_sig is None:
            problems.append(Said(OFFICER_SIGNATURE_MISSING, seq=seq))
        elif not ed25519_valid(officer_public, officer_sig, OFFICER_CONTEXT + raw):
            problems.append(Said(OFFICER_SIGNATURE_INVALID, seq=seq))
    return problems


def ed25519_valid(public: bytes, signature_hex: str, message: bytes) -> bool:
    """Checks an Ed25519 signature with libsodium (PyNaCl): about twice as fast as OpenSSL's check
    here, and HQ checks one or two per event it imports (100,000 events: 5 s of CPU instead of 10)."""
    try:
        signature = bytes.fromhex(signature_hex)
        if len(signature) != 64:
            return False
        crypto_sign_open(signature + message, public)
    except (CryptoError, ValueError, TypeError):  # a bad signature, or a malformed key or signature
        return False
    return True

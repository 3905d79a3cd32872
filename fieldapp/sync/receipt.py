"""Receipts: HQ's signed word that it holds a device's events up to a seq; and purge after retention.

A receipt is JSON ``{"receipt": body, "signature": hex}``; HQ's Ed25519 key signs a context and the
SHA-256 of the canonical body. ``fieldapp sync receipt FILE`` checks it against the HQ key the
laptop was enrolled with, and that it is for this laptop, then moves ``hq_acked_seq`` forward
(never back). The receipt itself is kept in meta (``hq_last_receipt``).

Version 2 adds ``revoked_officers``: this laptop's officers HQ has revoked (a signed decision at HQ).
The laptop keeps the union in meta (``hq_revoked_officers``; revoking is one-way) and refuses those
officers' unlock (``vault.session.unlock``).

Version 3 adds ``acked_hash``: the hash of the event at ``acked_seq`` in HQ's copy of the chain. A seq
alone does not say *whose* events HQ holds: a copy of the vault (a clone, a restored backup) whose
bundle reached HQ first would make the real laptop stop sending and later purge events HQ never got.
The laptop advances, and so purges, only when its own event at that seq has that hash; a receipt
without it (an HQ older than 0.2) is refused.

Receipts are signed by HQ's receipt key, not its signing key, so that the network-facing `hq serve` need
not hold the signing key: the envelope names the receipt key and carries its certificate (signed by HQ's
signing key, for receipts only) and ``hq_key``, the signing key that certified it. When that is not the
key this laptop pinned, the envelope's ``key_rotations`` must lead to it from the pinned key (each
statement signed by the key before it); the laptop then pins the new key and says so
(``fieldapp.vault.hq_key``). A receipt with no receipt key (before 0.2) is signed by the pinned key itself.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldapp import bounded
from fieldapp.errors import CANNOT_READ, ValidationError
from fieldapp.errors import message as error_message
from fieldapp.records.canonical import canonical_json
from fieldapp.sync.errors import NotEnrolled, ReceiptInvalid
from fieldapp.vault import hq_key
from fieldapp.vault.session import (
    HQ_REVOKED_META,
    PREVIOUS_DEVICE_KEY_META,
    ROTATED_AT_META,
    Session,
    revoked_by_hq,
)

TOO_LARGE = error_message("receipt.too_large", "This file is too large to be a receipt.")
NOT_ENROLLED = error_message(
    "receipt.not_enrolled", "This laptop is not enrolled with HQ, so it cannot check HQ's receipts."
)
OTHER_HQ = error_message("receipt.other_hq", "This receipt is from another HQ. Nothing changed.")
OTHER_LAPTOP = error_message("receipt.other_laptop", "This receipt is for another laptop. Nothing changed.")
UNKNOWN_EVENTS = error_message(
    "receipt.unknown_events",
    "This receipt acknowledges events this laptop never made. Nothing changed.",
)
NO_CHAIN_HEAD = error_message(
    "receipt.no_chain_head",
    "This receipt does not say which events HQ holds (it is from an older HQ program): nothing changed. Ask HQ "
    "to update fieldapp and send a new receipt.",
)
NOT_OUR_EVENTS = error_message(
    "receipt.not_our_events",
    "HQ acknowledges event {seq}, but not this laptop's own: another copy of this vault (a clone or a restored "
    "backup) has sent HQ events in its name. Nothing changed and nothing will be purged; tell HQ at once.",
)
NOT_A_RECEIPT = error_message("receipt.not_a_receipt", "This is not a fieldapp receipt (or it is damaged).")
NOT_PINNED_KEY = error_message(
    "receipt.not_pinned_key",
    "This receipt is signed by another key than the HQ key this laptop trusts (and no change of key signed "
    "by that one). Nothing changed: it may be forged. Ask HQ.",
)
BAD_SIGNATURE = error_message(
    "receipt.bad_signature",
    "The receipt's signature is not HQ's: it was forged or altered. Nothing changed.",
)

__all__ = ["PURGE_REASON", "PurgeResult", "Receipt", "apply_receipt", "encode", "parse", "purge_acknowledged"]

FORMAT = "fieldapp-receipt"
VERSION = 1
VERSION_REVOKED = 2  # with revoked_officers
VERSION_HASHED = 3  # with acked_hash (and revoked_officers, maybe empty)
CONTEXT = b"fieldapp-receipt-v1\0"
MAX_RECEIPT_BYTES = 64 * 1024
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Receipt:
    hq_id: str
    device_id: str
    acked_seq: int
    bundle_hash: str
    issued_at: str
    revoked_officers: tuple[str, ...] = ()  # officer ids, sorted
    acked_hash: str = ""  # the hash of HQ's event at acked_seq ("" only in receipts before version 3)

    def body(self) -> dict[str, Any]:
        fields = {k: v for k, v in self.__dict__.items() if k not in ("revoked_officers", "acked_hash")}
        if self.acked_hash:
            return {
                "format": FORMAT,
                "version": VERSION_HASHED,
                **fields,
                "acked_hash": self.acked_hash,
                "revoked_officers": list(self.revoked_officers),
            }
        if not self.revoked_officers:
            return {"format": FORMAT, "version": VERSION, **fields}
        return {
            "format": FORMAT,
            "version": VERSION_REVOKED,
            **fields,
            "revoked_officers": list(self.revoked_officers),
        }


def message(body: dict[str, Any]) -> bytes:
    return CONTEXT + hashlib.sha256(canonical_json(body)).digest()


def encode(receipt: Receipt, sign: Callable[[bytes], bytes], signer: dict[str, Any] | None = None) -> bytes:
    """The signed receipt; ``signer``: the receipt key, its certificate, ``hq_key`` and ``key_rotations``."""
    body = receipt.body()
    envelope = {"receipt": body, "signature": sign(message(body)).hex(), **(signer or {})}
    return json.dumps(envelope, indent=1).encode("utf-8")


def parse(raw: bytes, verify_key_hex: str) -> Receipt:
    """A receipt whose HQ signature checks out under ``verify_key_hex``; ReceiptInvalid otherwise."""
    return parse_signed(raw, verify_key_hex)[0]


def _signing_key(outer: dict[str, Any], hq_id: str, pinned: str) -> tuple[str, str]:
    """(the key that signed the receipt, HQ's signing key that vouches for it), or ReceiptInvalid."""
    vouching = outer.get("hq_key", pinned)
    if not isinstance(vouching, str) or (
        vouching != pinned and not hq_key.reaches(hq_id, pinned, vouching, hq_key.rotations_in(outer))
    ):
        raise ReceiptInvalid(NOT_PINNED_KEY)
    receipt_key = outer.get("receipt_key")
    if receipt_key is None:
        return vouching, vouching
    if not isinstance(receipt_key, str) or not hq_key.verified(
        vouching, str(outer.get("certificate")), hq_key.receipt_key_message(hq_id, receipt_key)
    ):
        raise ReceiptInvalid(BAD_SIGNATURE)
    return receipt_key, vouching


def parse_signed(raw: bytes, verify_key_hex: str) -> tuple[Receipt, str]:
    """A receipt checked from the pinned key ``verify_key_hex``, and HQ's signing key that vouches for it
    (the pinned key, or its successor reached through signed rotation statements)."""
    if len(raw) > MAX_RECEIPT_BYTES:
        raise ReceiptInvalid(TOO_LARGE)
    try:
        outer = bounded.loads(raw, max_bytes=MAX_RECEIPT_BYTES, unique_keys=True)
        body, signature = outer["receipt"], bytes.fromhex(outer["signature"])
        if body["format"] != FORMAT or body["version"] not in (VERSION, VERSION_REVOKED, VERSION_HASHED):
            raise ValueError("not a receipt")
        revoked = body.get("revoked_officers", []) if body["version"] != VERSION else []
        if not isinstance(revoked, list) or not all(isinstance(o, str) and o for o in revoked):
            raise ValueError("bad revoked officers")
        acked_hash = body.get("acked_hash", "") if body["version"] == VERSION_HASHED else ""
        if body["version"] == VERSION_HASHED and not (
            isinstance(acked_hash, str) and _HEX64.fullmatch(acked_hash)
        ):
            raise ValueError("bad acknowledged hash")
        receipt = Receipt(
            str(body["hq_id"]),
            str(body["device_id"]),
            body["acked_seq"],
            str(body["bundle_hash"]),
            str(body["issued_at"]),
            tuple(revoked),
            str(acked_hash),
        )
        if set(body) != set(receipt.body()) or type(receipt.acked_seq) is not int or receipt.acked_seq < 0:
            raise ValueError("unexpected fields")
        if not _HEX64.fullmatch(receipt.bundle_hash):
            raise ValueError("bad bundle hash")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ReceiptInvalid(NOT_A_RECEIPT) from exc
    signed_by, vouching = _signing_key(outer, receipt.hq_id, verify_key_hex)
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(signed_by))
        key.verify(signature, message(body))
    except (InvalidSignature, ValueError, ValidationError) as exc:
        raise ReceiptInvalid(BAD_SIGNATURE) from exc
    return receipt, vouching


def apply_receipt(session: Session, path: Path) -> tuple[int, int]:
    """Check and apply a receipt; returns (acked seq before, after)."""
    verify_key, hq_id = session.meta("hq_verify_key"), session.meta("hq_id")
    if not verify_key or not hq_id:
        raise NotEnrolled(NOT_ENROLLED)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReceiptInvalid(CANNOT_READ, path=path, reason=exc.strerror) from exc
    receipt, vouching = parse_signed(raw, verify_key)
    if receipt.hq_id != hq_id:
        raise ReceiptInvalid(OTHER_HQ)
    if receipt.device_id != session.device_id:
        raise ReceiptInvalid(OTHER_LAPTOP)
    last = session.conn.execute(
        "SELECT coalesce(max(device_seq), 0) FROM events WHERE device_id = ?", (session.device_id,)
    ).fetchone()[0]
    if receipt.acked_seq > int(last):
        raise ReceiptInvalid(UNKNOWN_EVENTS)
    if receipt.acked_seq and not receipt.acked_hash:
        raise ReceiptInvalid(NO_CHAIN_HEAD)
    if receipt.acked_seq:
        own = session.conn.execute(
            "SELECT hash FROM events WHERE device_id = ? AND device_seq = ?",
            (session.device_id, receipt.acked_seq),
        ).fetchone()
        if own is None or own[0] != receipt.acked_hash:
            raise ReceiptInvalid(NOT_OUR_EVENTS, seq=receipt.acked_seq)
    before = int(session.meta("hq_acked_seq") or 0)
    after = max(before, receipt.acked_seq)
    revoked = sorted(revoked_by_hq(session) | set(receipt.revoked_officers))  # one-way: never shrinks
    with session.log.transaction():
        if vouching != verify_key:  # HQ rotated its key, said by the key this laptop trusted: pin it, openly
            session.set_meta(hq_key.HQ_KEY_META, vouching)
            session.set_meta(
                hq_key.HQ_KEY_CHANGED_META,
                hq_key.change_record(verify_key, vouching, "receipt", receipt.issued_at),
            )
        session.set_meta("hq_acked_seq", str(after))
        if after > before:
            session.set_meta("hq_last_receipt", raw.decode("utf-8"))
        if revoked:
            session.set_meta(HQ_REVOKED_META, json.dumps(revoked))
        rotated = session.meta(ROTATED_AT_META)
        if rotated is not None and after >= int(rotated):  # HQ took the new device key: requests use it now
            session.conn.execute(
                "DELETE FROM meta WHERE key IN (?, ?)", (PREVIOUS_DEVICE_KEY_META, ROTATED_AT_META)
            )
    return before, after


# --- purge after retention ----------------------------------------------------------------------
# Lives in purge.py (persons, screenings, handovers, photos and issued PDFs); kept importable here.

from fieldapp.sync.purge import PURGE_REASON, PurgeResult, purge_acknowledged  # noqa: E402

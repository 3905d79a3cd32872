"""HQ's decision log: an analyst's link, unlink, dismiss and conflict resolution, and approving or
revoking a laptop or revoking an officer; signed and chained.

Each decision is one row of ``hq_decisions`` (append-only, triggers on both backends): a uuid7 id, a
gapless seq, the previous decision's hash, its own hash (SHA-256 of the canonical JSON of everything
but the signature, HQ's id included) and HQ's Ed25519 signature over that hash. ``fold`` is the only
code that writes the tables derived from it (``hq_links``, ``hq_dismissed_pairs``, the resolution
columns of ``hq_conflicts`` and the resolved value in the record's row, a laptop's status and the revoked
officers); ``rebuild`` empties them and folds the whole log again, so "rebuilt == live" checks the log
and this fold. Laptops approved or revoked and officers revoked before schema 4 (no ``decision_id``)
were not logged; they keep what they were.

A resolution is applied on top of the record's projection row. After the event projections are
rebuilt (``projections.rebuild``), call ``rebuild`` too, or the resolved values fall back to what the
events alone say. (A change to the same field that arrives after the resolution shows live, but a
rebuild puts the resolved value back: HQ does not record when each event was imported. Such a change
is concurrent with one side at least, so it comes back to the queue as a new conflict.)

Two analysts deciding at the same instant on PostgreSQL: both take the same seq, the UNIQUE
constraint refuses the second transaction, which can simply be tried again; the chain never forks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldapp.errors import message
from fieldapp.hq.errors import DecisionLogBroken, ReviewError
from fieldapp.hq.identity import HqIdentity, now
from fieldapp.records import projections
from fieldapp.records.canonical import canonical_json
from fieldapp.records.ids import uuid7
from fieldapp.records.service import MIN_REASON

NEEDS_REASON = message(
    "hq.decision_needs_reason",
    "Every decision needs a reason (a few words at least), so others can follow it.",
)
NEEDS_ANALYST = message("hq.decision_needs_analyst", "Say who decides (the analyst's name).")
LOG_GAP = message("hq.decision_log_gap", "HQ's decision log has a gap before decision {seq}.")
LOG_NOT_CHAINED = message(
    "hq.decision_not_chained",
    "HQ decision {seq} ({kind} by {analyst}) does not follow the decision before it.",
)
LOG_ALTERED = message(
    "hq.decision_altered", "HQ decision {seq} ({kind} by {analyst}) was altered after it was made."
)
LOG_UNSIGNED = message(
    "hq.decision_unsigned", "HQ decision {seq} ({kind} by {analyst}) does not carry HQ's signature."
)

if TYPE_CHECKING:
    from fieldapp.hq.store import HqStore
    from fieldapp.vault.db import Connection

GENESIS = "0" * 64
CONTEXT = b"fieldapp-hq-decision-v1\n"  # domain separation: this key also signs receipts and enrolments
REVIEW_KINDS = ("link", "unlink", "dismiss", "resolve_conflict")  # decisions on records
DEVICE_KINDS = ("approve_device", "revoke_device", "revoke_officer")  # on laptops and their officers
KINDS = REVIEW_KINDS + DEVICE_KINDS
COLUMNS = "id, seq, prev_hash, hash, kind, payload, analyst, reason, created_at, signature"
DERIVED_TABLES = ("hq_links", "hq_dismissed_pairs")


@dataclass(frozen=True)
class Decision:
    id: str
    seq: int
    prev_hash: str
    hash: str
    kind: str
    payload: dict[str, Any]
    analyst: str
    reason: str
    created_at: str
    signature: str

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> Decision:
        values = list(row)
        values[1] = int(values[1])
        values[5] = json.loads(values[5])
        return cls(*values)


def check_reason(reason: str) -> str:
    reason = reason.strip()
    if len(reason) < MIN_REASON:
        raise ReviewError(NEEDS_REASON)
    return reason


def _hash(hq_id: str, d: dict[str, Any]) -> str:
    body = {
        key: d[key]
        for key in ("id", "seq", "prev_hash", "kind", "payload", "analyst", "reason", "created_at")
    }
    return hashlib.sha256(canonical_json({**body, "hq_id": hq_id})).hexdigest()


def append(
    store: HqStore, identity: HqIdentity, kind: str, payload: dict[str, Any], analyst: str, reason: str
) -> Decision:
    """Sign, chain, store and fold one decision (call inside ``store.transaction()``)."""
    if kind not in KINDS:
        raise ValueError(f"unknown decision kind {kind}")
    analyst = analyst.strip()
    if not analyst:
        raise ReviewError(NEEDS_ANALYST)
    last = store.conn.execute("SELECT seq, hash FROM hq_decisions ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev_hash = (1, GENESIS) if last is None else (int(last[0]) + 1, str(last[1]))
    body: dict[str, Any] = {
        "id": uuid7(),
        "seq": seq,
        "prev_hash": prev_hash,
        "kind": kind,
        "payload": payload,
        "analyst": analyst,
        "reason": check_reason(reason),
        "created_at": now(),
    }
    digest = _hash(identity.hq_id, body)
    signature = identity.sign(CONTEXT + digest.encode("ascii")).hex()
    decision = Decision(**body, hash=digest, signature=signature)
    store.conn.execute(
        f"INSERT INTO hq_decisions ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            decision.id,
            seq,
            prev_hash,
            digest,
            kind,
            canonical_json(payload).decode("utf-8"),
            decision.analyst,
            decision.reason,
            decision.created_at,
            signature,
        ),
    )
    fold(store.conn, decision)
    return decision


def decisions(conn: Connection) -> list[Decision]:
    return [Decision.from_row(r) for r in conn.execute(f"SELECT {COLUMNS} FROM hq_decisions ORDER BY seq")]


def fold(conn: Connection, d: Decision) -> None:
    p = d.payload
    if d.kind == "link":
        conn.execute(
            "INSERT INTO hq_links (link_id, person_a, person_b, score, status, linked_at, unlinked_at, "
            "decision_id, model_version) VALUES (?, ?, ?, ?, 'active', ?, NULL, ?, ?)",
            (
                p["link_id"],
                p["person_a"],
                p["person_b"],
                int(p["score_milli"]) / 1000,
                d.created_at,
                d.id,
                p.get("model_version"),
            ),
        )
    elif d.kind == "unlink":
        conn.execute(
            "UPDATE hq_links SET status = 'unlinked', unlinked_at = ?, decision_id = ? WHERE link_id = ?",
            (d.created_at, d.id, p["link_id"]),
        )
    elif d.kind == "dismiss":
        conn.execute(
            "INSERT INTO hq_dismissed_pairs (person_a, person_b, decision_id, dismissed_at) VALUES (?, ?, ?, ?)",
            (p["person_a"], p["person_b"], d.id, d.created_at),
        )
    elif d.kind == "resolve_conflict":
        conn.execute(
            "UPDATE hq_conflicts SET status = 'resolved', decision_id = ?, chosen = ? "
            "WHERE event_a = ? AND event_b = ? AND field = ?",
            (d.id, p["chosen"], p["event_a"], p["event_b"], p["field"]),
        )
        projections.set_fields(conn, p["entity"], p["entity_id"], {p["field"]: p["value"]})
    elif d.kind == "approve_device" and "public_key" in p:  # a re-keyed laptop's new key, compared
        conn.execute(
            "UPDATE hq_devices SET status = 'approved', decided_at = ?, decision_id = ?, public_key = ?, "
            "fingerprint = ?, previous_key = CASE WHEN public_key = ? THEN previous_key ELSE public_key END, "
            "pending_key = NULL WHERE device_id = ?",
            (d.created_at, d.id, p["public_key"], p["fingerprint"], p["public_key"], p["device_id"]),
        )
    elif d.kind in ("approve_device", "revoke_device"):
        conn.execute(
            "UPDATE hq_devices SET status = ?, decided_at = ?, decision_id = ? WHERE device_id = ?",
            ("approved" if d.kind == "approve_device" else "revoked", d.created_at, d.id, p["device_id"]),
        )
    elif d.kind == "revoke_officer":
        conn.execute(
            "INSERT INTO hq_revoked_officers (device_id, officer_id, revoked_at, held_seq, reason, decision_id) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (p["device_id"], p["officer_id"], d.created_at, int(p["held_seq"]), d.reason, d.id),
        )
    else:
        raise ValueError(f"unknown decision kind {d.kind}")


def rebuild(conn: Connection) -> int:
    """Empty what the decisions made and fold the whole log again (inside the caller's transaction)."""
    for table in DERIVED_TABLES:
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE hq_conflicts SET status = 'open', decision_id = NULL, chosen = NULL")
    conn.execute(
        "UPDATE hq_devices SET status = 'pending', decided_at = NULL, decision_id = NULL "
        "WHERE decision_id IS NOT NULL"
    )
    conn.execute("DELETE FROM hq_revoked_officers WHERE decision_id IS NOT NULL")
    log = decisions(conn)
    for d in log:
        fold(conn, d)
    return len(log)


def digest(conn: Connection) -> dict[str, str]:
    """A hash of each table the decisions make, to compare the live tables with a rebuild."""
    queries = {
        "hq_links": "SELECT * FROM hq_links ORDER BY link_id",
        "hq_dismissed_pairs": "SELECT * FROM hq_dismissed_pairs ORDER BY person_a, person_b",
        "hq_conflicts": "SELECT id, status, decision_id, chosen FROM hq_conflicts ORDER BY id",
        "hq_devices": "SELECT device_id, status, decided_at, decision_id FROM hq_devices ORDER BY device_id",
        "hq_revoked_officers": "SELECT * FROM hq_revoked_officers ORDER BY device_id, officer_id",
    }
    result = {}
    for name, sql in queries.items():
        h = hashlib.sha256()
        for row in conn.execute(sql):
            h.update(repr(tuple(row)).encode("utf-8"))
        result[name] = h.hexdigest()
    return result


def verify(conn: Connection, hq_id: str, verify_keys: str | Sequence[str]) -> int:
    """Check the chain, every hash and every signature; returns how many decisions were checked.

    ``verify_keys``: HQ's signing keys, oldest first (``HqIdentity.verify_keys``; HQ rotates its key). A
    decision may carry any of them from the one that signed the decision before it on: once a newer key
    signs, an older one (retired, perhaps because it leaked) can no longer add decisions."""
    keys = [verify_keys] if isinstance(verify_keys, str) else list(verify_keys)
    current = 0
    prev = GENESIS
    log = decisions(conn)
    for expected_seq, d in enumerate(log, start=1):
        where = {"seq": d.seq, "kind": d.kind, "analyst": d.analyst}
        if d.seq != expected_seq:
            raise DecisionLogBroken(LOG_GAP, seq=d.seq)
        if d.prev_hash != prev:
            raise DecisionLogBroken(LOG_NOT_CHAINED, **where)
        if _hash(hq_id, d.__dict__) != d.hash:
            raise DecisionLogBroken(LOG_ALTERED, **where)
        signed = _signed_by(keys[current:], d.signature, CONTEXT + d.hash.encode("ascii"))
        if signed is None:
            raise DecisionLogBroken(LOG_UNSIGNED, **where)
        current += signed
        prev = d.hash
    return len(log)


def _signed_by(keys: Sequence[str], signature: str, message: bytes) -> int | None:
    """The index of the first of ``keys`` under which ``signature`` verifies, or None."""
    for index, key_hex in enumerate(keys):
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex)).verify(
                bytes.fromhex(signature), message
            )
        except (InvalidSignature, ValueError):
            continue
        return index
    return None

"""HQ's decision log: an analyst's link, unlink, dismiss and conflict resolution, approving or revoking a
laptop or revoking an officer, and a person's case status after the handover; signed and chained.

Each decision is one row of ``hq_decisions`` (append-only, triggers on both backends): a uuid7 id, a
gapless seq, the previous decision's hash, its own hash (SHA-256 of the canonical JSON of everything
but the signature, HQ's id included) and HQ's Ed25519 signature over that hash. ``fold`` is the only
code that writes the tables derived from it (``hq_links``, ``hq_dismissed_pairs``, the resolution
columns of ``hq_conflicts`` and the resolved value in the record's row, a laptop's status and the revoked
officers, and ``hq_case_statuses``); ``rebuild`` empties them and folds the whole log again, so "rebuilt == live" checks the log
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

from fieldapp.errors import message
from fieldapp.hq import chain
from fieldapp.hq.accounts import Account
from fieldapp.hq.errors import DecisionLogBroken, ReviewError
from fieldapp.hq.identity import HqIdentity, now
from fieldapp.records import projections
from fieldapp.records.canonical import canonical_json
from fieldapp.records.ids import uuid7
from fieldapp.records.service import MIN_REASON

LOG_NO_ACCOUNT = message(
    "hq.decision_no_account",
    "HQ decision {seq} ({kind} by {analyst}) carries no account's signature, as every decision since must.",
)
LOG_UNKNOWN_ACCOUNT = message(
    "hq.decision_unknown_account",
    "HQ decision {seq} ({kind} by {analyst}) was signed by a key no HQ account has.",
)
LOG_OTHER_ANALYST = message(
    "hq.decision_other_analyst",
    "HQ decision {seq} ({kind} by {analyst}) names another analyst than the account that signed it.",
)
LOG_NO_ACCOUNT_SIGNATURE = message(
    "hq.decision_no_account_signature",
    "HQ decision {seq} ({kind} by {analyst}) does not carry the signature of {account}'s account.",
)
NEEDS_REASON = message(
    "hq.decision_needs_reason",
    "Every decision needs a reason (a few words at least), so others can follow it.",
)
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

GENESIS = chain.GENESIS
CONTEXT = b"fieldapp-hq-decision-v1\n"  # domain separation: this key also signs receipts and enrolments
REVIEW_KINDS = ("link", "unlink", "dismiss", "resolve_conflict")  # decisions on records
DEVICE_KINDS = ("approve_device", "revoke_device", "revoke_officer")  # on laptops and their officers
# On referrals (fieldapp.hq.referrals): a typed receiving body mapped to a directory entry; a referral's status.
REFERRAL_KINDS = ("map_receiving_body", "referral_status")
FOLLOWUP_KINDS = ("case_status",)  # a person's case status after the handover (fieldapp.hq.followup)
KINDS = REVIEW_KINDS + DEVICE_KINDS + REFERRAL_KINDS + FOLLOWUP_KINDS
COLUMNS = (
    "id, seq, prev_hash, hash, kind, payload, analyst, reason, created_at, signature, account_key, "
    "account_signature"
)
# The account's signature is over the same hash as HQ's, under its own context.
ACCOUNT_CONTEXT = b"fieldapp-hq-account-decision-v1\n"
DERIVED_TABLES = (
    "hq_links",
    "hq_dismissed_pairs",
    "hq_receiving_body_map",
    "hq_referral_steps",
    "hq_case_statuses",
)


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
    account_key: str | None = None  # the deciding account's public key (None: made before accounts)
    account_signature: str | None = None

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
    if d.get("account_key"):  # a decision made before accounts keeps the hash it was made with
        body["account_key"] = d["account_key"]
    return hashlib.sha256(canonical_json({**body, "hq_id": hq_id})).hexdigest()


def permission(kind: str) -> str:
    """What an account's role must allow to make a decision of this kind."""
    return "devices" if kind in DEVICE_KINDS else "decide"


def append(store: HqStore, identity: HqIdentity, kind: str, payload: dict[str, Any], reason: str) -> Decision:
    """Sign (by HQ and by the signed-in account), chain, store and fold one decision (call inside
    ``store.transaction()``). The analyst's name is the account's."""
    if kind not in KINDS:
        raise ValueError(f"unknown decision kind {kind}")
    signed_in = identity.require(permission(kind))
    seq, prev_hash = chain.head(store.conn, "hq_decisions")
    body: dict[str, Any] = {
        "id": uuid7(),
        "seq": seq,
        "prev_hash": prev_hash,
        "kind": kind,
        "payload": payload,
        "analyst": signed_in.name,
        "reason": check_reason(reason),
        "created_at": now(),
        "account_key": signed_in.account.verify_key,
    }
    digest = _hash(identity.hq_id, body)
    signature = identity.sign(CONTEXT + digest.encode("ascii")).hex()
    account_signature = signed_in.sign(ACCOUNT_CONTEXT + digest.encode("ascii")).hex()
    decision = Decision(**body, hash=digest, signature=signature, account_signature=account_signature)
    store.conn.execute(
        f"INSERT INTO hq_decisions ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            decision.account_key,
            account_signature,
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
    elif d.kind == "map_receiving_body":  # a later mapping of the same handover replaces the earlier one
        conn.execute("DELETE FROM hq_receiving_body_map WHERE handover_id = ?", (p["handover_id"],))
        conn.execute(
            "INSERT INTO hq_receiving_body_map (handover_id, body_id, body_type, decision_id, mapped_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (p["handover_id"], p["body_id"], p["body_type"], d.id, d.created_at),
        )
    elif d.kind == "referral_status":
        conn.execute(
            "INSERT INTO hq_referral_steps (decision_id, handover_id, status, via, analyst, receiving_officer, "
            "reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                d.id,
                p["handover_id"],
                p["status"],
                p["via"],
                d.analyst,
                str(p.get("receiving_officer") or ""),
                str(p.get("reason") or ""),
                d.created_at,
            ),
        )
    elif d.kind == "case_status":
        conn.execute(
            "INSERT INTO hq_case_statuses (decision_id, seq, person_id, status, effective_on, decided_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (d.id, d.seq, p["person_id"], p["status"], p["effective"], d.created_at),
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
        "hq_receiving_body_map": "SELECT * FROM hq_receiving_body_map ORDER BY handover_id",
        "hq_referral_steps": "SELECT * FROM hq_referral_steps ORDER BY decision_id",
        "hq_case_statuses": "SELECT * FROM hq_case_statuses ORDER BY seq",
    }
    result = {}
    for name, sql in queries.items():
        h = hashlib.sha256()
        for row in conn.execute(sql):
            h.update(repr(tuple(row)).encode("utf-8"))
        result[name] = h.hexdigest()
    return result


def verify(
    conn: Connection,
    hq_id: str,
    verify_keys: str | Sequence[str],
    roster: Sequence[Account] = (),
) -> int:
    """Check the chain, every hash and every signature; returns how many decisions were checked.

    ``verify_keys``: HQ's signing keys, oldest first (``HqIdentity.verify_keys``; HQ rotates its key). A
    decision may carry any of them from the one that signed the decision before it on: once a newer key
    signs, an older one (retired, perhaps because it leaked) can no longer add decisions.

    ``roster``: HQ's accounts (``HqIdentity.accounts``). A decision made since accounts carries the
    deciding account's key and signature: the key must be an account's (disabled ones included) whose name
    is the decision's analyst. (Roles are checked when a decision is made: an account's role may change
    later.) Once one decision carries an account's signature, every later one
    must: HQ's key alone (which every account's unlock yields) can no longer add decisions."""
    keys = [verify_keys] if isinstance(verify_keys, str) else list(verify_keys)
    by_key = {a.verify_key: a for a in roster}
    current = 0
    prev = GENESIS
    accounts_began = False
    log = decisions(conn)
    for expected_seq, d in enumerate(log, start=1):
        where = {"seq": d.seq, "kind": d.kind, "analyst": d.analyst}
        if d.seq != expected_seq:
            raise DecisionLogBroken(LOG_GAP, seq=d.seq)
        if d.prev_hash != prev:
            raise DecisionLogBroken(LOG_NOT_CHAINED, **where)
        if _hash(hq_id, d.__dict__) != d.hash:
            raise DecisionLogBroken(LOG_ALTERED, **where)
        signed = chain.signed_by(keys[current:], d.signature, CONTEXT + d.hash.encode("ascii"))
        if signed is None:
            raise DecisionLogBroken(LOG_UNSIGNED, **where)
        current += signed
        if d.account_key or d.account_signature:
            accounts_began = True
            _check_account(d, by_key, where)
        elif accounts_began:
            raise DecisionLogBroken(LOG_NO_ACCOUNT, **where)
        prev = d.hash
    return len(log)


def _check_account(d: Decision, by_key: dict[str, Account], where: dict[str, object]) -> None:
    account = by_key.get(d.account_key or "")
    if account is None:
        raise DecisionLogBroken(LOG_UNKNOWN_ACCOUNT, **where)
    if account.name != d.analyst:
        raise DecisionLogBroken(LOG_OTHER_ANALYST, **where)
    message = ACCOUNT_CONTEXT + d.hash.encode("ascii")
    if chain.signed_by([account.verify_key], d.account_signature or "", message) is None:
        raise DecisionLogBroken(LOG_NO_ACCOUNT_SIGNATURE, account=account.name, **where)

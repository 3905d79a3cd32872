"""Referrals: what became of a handover at the receiving body (sent, received, refused with a reason, closed).

A handover handed over (its signed ``finalise`` event) is a referral *sent*. What comes back is recorded as
signed ``referral`` events on the handover, kept in the log only (like station scans): on the laptop, when
the receiving officer signs there (their name, role and signature mark, recorded by the officer using the
laptop on their behalf, whose signature the event carries), or by a team closing it. The events travel to
HQ in bundles; HQ adds its own signed decisions (the returned paper copy, by its verification code:
``fieldapp.hq.referrals``). Both read the same steps: ``status_of`` folds them in time order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldapp.errors import RecordStateError, ValidationError, message, term
from fieldapp.records.events import EVENT_COLUMNS, Event
from fieldapp.records.handovers import Handovers
from fieldapp.records.service import MIN_REASON, Records

STATUSES = ("sent", "received", "refused", "closed")
ACKNOWLEDGED = frozenset({"received", "refused", "closed"})
NEXT: dict[str, tuple[str, ...]] = {
    "sent": ("received", "refused"),
    "received": ("closed",),
    "refused": ("closed",),
    "closed": (),
}

RECORD_REFERRAL = term("actions", "record what the receiving body did")
NOT_HANDED_OVER = message(
    "referral.not_handed_over", "This handover is not handed over yet: there is no referral to acknowledge."
)
NOT_NEXT = message(
    "referral.not_next",
    "This referral is {status} already; it cannot become {wanted} now (it can become: {next}).",
)
UNKNOWN_STATUS = message("referral.unknown_status", "'{status}' is not a referral status.")
NEEDS_RECEIVER = message(
    "referral.needs_receiver",
    "The receiving officer's name, role and signature mark are needed to record that they {status} the person.",
)
NEEDS_REASON = message(
    "referral.needs_reason", "Say why (at least {least} characters): the reason is kept with the referral."
)


@dataclass(frozen=True)
class ReferralStep:
    status: str
    at: str  # when it was recorded (UTC, ISO 8601)
    via: str  # "laptop" (a signed event), "paper" (HQ, from the signed copy), "hq" (an HQ decision)
    by: str  # the officer or analyst who recorded it
    receiving_officer: str = ""
    receiving_role: str = ""
    signature_mark: str = ""
    reason: str = ""
    source_id: str = ""  # the event's or the decision's id


def status_of(steps: list[ReferralStep]) -> str:
    """The referral's status after its steps in time order; a step its state did not allow (two laptops and
    HQ may record at once) is left out, and shows in the history."""
    status = ""
    for step in sorted(steps, key=lambda s: s.at):
        if step.status == "sent" and not status:
            status = "sent"
        elif status and step.status in NEXT[status]:
            status = step.status
    return status


def check_step(current: str, wanted: str, fields: dict[str, Any]) -> dict[str, str]:
    """The step's fields, cleaned; ValidationError or RecordStateError in plain words if it cannot be."""
    if wanted not in STATUSES or wanted == "sent":
        raise ValidationError(UNKNOWN_STATUS, status=wanted)
    if not current:
        raise RecordStateError(NOT_HANDED_OVER)
    if wanted not in NEXT[current]:
        allowed = ", ".join(NEXT[current]) or "–"
        raise RecordStateError(NOT_NEXT, status=current, wanted=wanted, next=allowed)
    clean = {key: str(fields.get(key) or "").strip()[:200] for key in ("receiving_officer", "receiving_role")}
    clean["signature_mark"] = str(fields.get("signature_mark") or "").strip()[:100]
    clean["reason"] = str(fields.get("reason") or "").strip()[:2000]
    if (
        wanted in ("received", "refused")
        and fields.get("via", "laptop") == "laptop"
        and not all(clean[key] for key in ("receiving_officer", "receiving_role", "signature_mark"))
    ):
        raise ValidationError(NEEDS_RECEIVER, status=wanted)
    if wanted in ("refused", "closed") and len(clean["reason"]) < MIN_REASON:
        raise ValidationError(NEEDS_REASON, least=MIN_REASON)
    return clean


def _officer_names(conn: Any) -> dict[str, str]:
    return {str(r[0]): str(r[1]) for r in conn.execute("SELECT id, name FROM officers")}


def laptop_steps(conn: Any, handover_ids: list[str] | None = None) -> dict[str, list[ReferralStep]]:
    """Each handover's steps from the signed log: its finalise (sent) and its referral events."""
    where = ""
    args: tuple[str, ...] = ()
    if handover_ids is not None:
        if not handover_ids:
            return {}
        where = f" AND entity_id IN ({', '.join('?' * len(handover_ids))})"
        args = tuple(handover_ids)
    rows = conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE entity = 'handover' AND op IN ('finalise', 'referral')"
        f"{where} ORDER BY created_at, event_id",
        args,
    ).fetchall()
    names = _officer_names(conn)
    found: dict[str, list[ReferralStep]] = {}
    for row in rows:
        event = Event.from_row(row)
        p = event.payload
        steps = found.setdefault(event.entity_id, [])
        if event.op == "finalise":
            if not steps:  # the first finalise sends it; an amendment does not send it again
                steps.append(
                    ReferralStep("sent", event.created_at, "laptop", names.get(event.officer_id, ""))
                )
            continue
        steps.append(
            ReferralStep(
                str(p.get("status") or ""),
                event.created_at,
                "laptop",
                names.get(event.officer_id, ""),
                str(p.get("receiving_officer") or ""),
                str(p.get("receiving_role") or ""),
                str(p.get("signature_mark") or ""),
                str(p.get("reason") or ""),
                event.event_id,
            )
        )
    return found


class Referrals:
    """Recording on the laptop what the receiving body did (any officer, signing for the receiving officer)."""

    def __init__(self, records: Records) -> None:
        self.records = records
        self.session = records.session
        self.conn = records.conn

    def steps(self, handover_id: str) -> list[ReferralStep]:
        return laptop_steps(self.conn, [handover_id]).get(handover_id, [])

    def status(self, handover_id: str) -> str:
        """'' (not handed over yet), sent, received, refused or closed."""
        return status_of(self.steps(handover_id))

    def record(self, handover_id: str, status: str, **fields: Any) -> ReferralStep:
        """Record one step as a signed ``referral`` event: received or refused (with the receiving officer's
        name, role and signature mark; a refusal with its reason), or closed (with its reason)."""
        self.session.require("screener", RECORD_REFERRAL)
        Handovers(self.records).get(handover_id)  # an unknown id is refused in plain words
        with self.session.log.transaction():
            clean = check_step(self.status(handover_id), status, fields)
            event = self.session.log.append("handover", handover_id, "referral", {"status": status, **clean})
        return ReferralStep(
            status,
            event.created_at,
            "laptop",
            self.session.officer.name,
            clean["receiving_officer"],
            clean["receiving_role"],
            clean["signature_mark"],
            clean["reason"],
            event.event_id,
        )

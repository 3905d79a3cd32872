"""Referrals at HQ: every handover handed over, what became of it, and who has not acknowledged it yet.

A referral's steps come from two places, read together (``fieldapp.records.referrals.status_of``): the
laptops' signed log (the handover's finalise: sent; the receiving officer signing on the laptop: received
or refused), and HQ's own signed decisions (``referral_status``): the signed paper copy that came back,
found by the verification code printed on it, or a referral HQ closes. A receiving body typed as free text
is mapped by HQ to an entry of its directory (``map_receiving_body``); the exports then use that entry's type.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from fieldapp.errors import message
from fieldapp.hq.directory import entries
from fieldapp.hq.errors import ReviewError
from fieldapp.records.handovers import handover_ids_ending, handover_versions
from fieldapp.records.referrals import ACKNOWLEDGED, ReferralStep, check_step, laptop_steps, status_of
from fieldapp.reports.qr import Verdict
from fieldapp.reports.verify import verify_code

NO_HANDOVER = message(
    "hq.no_handover", "There is no handover handed over with this id at HQ (was its bundle imported?)."
)
NO_BODY = message("hq.directory_no_body", "HQ's directory has no receiving body with the id {body_id}.")
NOTHING_TO_MAP = message(
    "hq.nothing_to_map", "This handover already names a body from the directory; there is nothing to map."
)

if TYPE_CHECKING:
    from fieldapp.hq.review import Review
    from fieldapp.vault.db import Connection

DEFAULT_DAYS = 7
WRONG_CODE = (
    "This code matches no handover form HQ holds ({why}). Check it against the signed copy and type it again; "
    "nothing was recorded."
)


@dataclass(frozen=True)
class Referral:
    handover_id: str
    person_id: str
    temp_id: str
    reference_no: str
    receiving_type: str
    receiving_name: str
    body_id: str  # the directory entry: picked on the laptop, or mapped by HQ ("" : unmapped)
    mapped_by_hq: bool
    sent_at: str
    status: str
    steps: tuple[ReferralStep, ...]

    @property
    def unmapped(self) -> bool:
        return not self.body_id

    @property
    def acknowledged(self) -> bool:
        return self.status in ACKNOWLEDGED

    def days_waiting(self, now: datetime) -> int:
        return max(0, (now - _moment(self.sent_at)).days)


def _moment(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def hq_steps(conn: Connection) -> dict[str, list[ReferralStep]]:
    found: dict[str, list[ReferralStep]] = {}
    for decision_id, handover_id, status, via, analyst, officer, reason, at in conn.execute(
        "SELECT decision_id, handover_id, status, via, analyst, receiving_officer, reason, at "
        "FROM hq_referral_steps ORDER BY at, decision_id"
    ):
        found.setdefault(str(handover_id), []).append(
            ReferralStep(
                str(status),
                str(at),
                str(via),
                str(analyst),
                str(officer),
                "",
                "",
                str(reason),
                str(decision_id),
            )
        )
    return found


def referrals(
    conn: Connection, *, unacknowledged: bool = False, days: int = DEFAULT_DAYS, now: datetime | None = None
) -> list[Referral]:
    """Every referral (a handover handed over), oldest first; ``unacknowledged``: only those still merely
    sent ``days`` or more after they were sent."""
    moment = now or datetime.now(UTC)
    rows = conn.execute(
        "SELECT h.id, h.person_id, h.data, p.temp_id, m.body_id FROM handovers h "
        "LEFT JOIN persons p ON p.id = h.person_id "
        "LEFT JOIN hq_receiving_body_map m ON m.handover_id = h.id "
        "WHERE h.status IN ('final', 'closed') ORDER BY h.created_at, h.id"
    ).fetchall()
    from_laptops = laptop_steps(conn)
    from_hq = hq_steps(conn)
    found = []
    for handover_id, person_id, data_text, temp_id, mapped in rows:
        data: dict[str, Any] = json.loads(data_text)
        steps = sorted(from_laptops.get(handover_id, []) + from_hq.get(handover_id, []), key=lambda s: s.at)
        sent = next((s.at for s in steps if s.status == "sent"), "")
        if not sent:
            continue
        referral = Referral(
            str(handover_id),
            str(person_id),
            str(temp_id or ""),
            str(data.get("reference_no") or ""),
            str(data.get("receiving_type") or ""),
            str(data.get("receiving_name") or ""),
            str(mapped or data.get("receiving_body_id") or ""),
            mapped is not None,
            sent,
            status_of(steps),
            tuple(steps),
        )
        if unacknowledged and (referral.acknowledged or moment - _moment(sent) < timedelta(days=days)):
            continue
        found.append(referral)
    return found


def referral(conn: Connection, handover_id: str) -> Referral:
    for found in referrals(conn):
        if found.handover_id == handover_id:
            return found
    raise ReviewError(NO_HANDOVER)


def record_status(
    review: Review, handover_id: str, status: str, reason: str, *, why: str = "", **fields: Any
) -> Referral:
    """A step decided at HQ (signed, chained): received or refused from the signed copy, or closed.
    ``reason``: the step's own (a refusal's or a closing's); ``why``: the decision's, when it says more."""
    current = referral(review.conn, handover_id)
    via = str(fields.pop("via", "hq"))
    clean = check_step(current.status, status, {**fields, "reason": reason, "via": via})
    payload = {"handover_id": handover_id, "status": status, "via": via, **fields}
    payload.update(receiving_officer=clean["receiving_officer"], reason=clean["reason"])
    review.decide("referral_status", payload, why or reason)
    return referral(review.conn, handover_id)


def acknowledge_by_code(
    review: Review, code: str, *, status: str = "received", reason: str = "", receiving_officer: str = ""
) -> Referral:
    """The signed copy came back to HQ: its verification code (typed or scanned) names the handover form.
    A code that matches no form HQ holds is refused, and nothing is recorded."""
    conn = review.conn
    check = verify_code(
        code,
        lambda record_id: handover_versions(conn, record_id),
        lambda tail: handover_ids_ending(conn, tail),
    )
    if check.verdict not in (Verdict.MATCHES, Verdict.AMENDED) or not check.record_id:
        raise ReviewError(WRONG_CODE.format(why=check.verdict.value))
    came_back = f"The signed copy came back to HQ; its code {code.strip()} was checked"
    return record_status(
        review,
        check.record_id,
        status,
        reason,
        why=f"{came_back}. {reason}" if reason else came_back,
        via="paper",
        code=code.strip(),
        receiving_officer=receiving_officer,
    )


def map_body(review: Review, handover_id: str, body_id: str, reason: str) -> Referral:
    """Map a receiving body typed as free text to an entry of HQ's directory (an HQ decision)."""
    current = referral(review.conn, handover_id)
    body = next((b for b in entries(review.conn) if b.id == body_id), None)
    if body is None:
        raise ReviewError(NO_BODY, body_id=body_id)
    if current.body_id and not current.mapped_by_hq:
        raise ReviewError(NOTHING_TO_MAP)
    review.decide(
        "map_receiving_body", {"handover_id": handover_id, "body_id": body.id, "body_type": body.type}, reason
    )
    return referral(review.conn, handover_id)


def body_types(conn: Connection) -> dict[str, str]:
    """Each handover's directory type where it names an entry (picked, or mapped by HQ): handover id → type."""
    known: dict[str, str] = {b.id: b.type for b in entries(conn)}
    found: dict[str, str] = {}
    for handover_id, data in conn.execute("SELECT id, data FROM handovers WHERE status = 'final'"):
        picked = str(json.loads(data).get("receiving_body_id") or "")
        if picked in known:
            found[str(handover_id)] = known[picked]
    for handover_id, body_type in conn.execute("SELECT handover_id, body_type FROM hq_receiving_body_map"):
        found[str(handover_id)] = str(body_type)
    return found


__all__ = [
    "DEFAULT_DAYS",
    "Referral",
    "acknowledge_by_code",
    "body_types",
    "map_body",
    "record_status",
    "referral",
    "referrals",
]

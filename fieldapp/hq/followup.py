"""Follow-up to the end: each person's case status after the handover, as signed HQ decisions.

A status is one decision of the kind ``case_status`` in HQ's decision log (:mod:`fieldapp.hq.decisions`:
signed by HQ's key, chained, with the analyst's name), its payload the person, the status, the day it
took effect and the fields of that status. ``hq_case_statuses`` is derived from those decisions (one row
each, folded by ``decisions.fold``), so a person's history and the reminders are read by index.

A person's current status is the one that took effect last (a status recorded late, with an earlier
date, goes into the history in its place); two on the same day: the one recorded last. Closed is not
final: a new decision reopens the case. Re-trafficked may name the new case (another person record at
HQ). Reminders: persons followed (a final handover or a status) whose case is not closed and whose last
update is 30 or 90 days old or more; the last update is the day HQ recorded the last status decision,
or, before any, the day of the handover.

Who is followed: persons not withdrawn or purged and not merged into another person (an active link's
``person_b``), with a final handover or a status decision.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from fieldapp.errors import message, term
from fieldapp.hq import decisions
from fieldapp.hq.errors import ReviewError

if TYPE_CHECKING:
    from fieldapp.hq.identity import HqIdentity
    from fieldapp.hq.store import HqStore
    from fieldapp.vault.db import Connection

KIND = "case_status"
STATUSES = (
    "in_shelter",
    "repatriated",
    "witness",
    "prosecution",
    "compensation_claimed",
    "compensation_received",
    "re_trafficked",
    "closed",
)
STATUS_LABELS = {
    "in_shelter": "In shelter",
    "repatriated": "Repatriated",
    "witness": "Witness",
    "prosecution": "Prosecution",
    "compensation_claimed": "Compensation claimed",
    "compensation_received": "Compensation received",
    "re_trafficked": "Re-trafficked",
    "closed": "Closed",
}
STATUS_TERMS = {status: term("case_status", label) for status, label in STATUS_LABELS.items()}
HANDED_OVER = "handed_over"  # followed, no status recorded yet (the handover is the last update)
ROUTES = ("air", "land", "sea")
# The fields each status takes besides the date and the note (others are refused, so nothing is silently
# dropped): a repatriation's route (how the person went home) and where they crossed; the new case of a
# person trafficked again.
FIELDS: dict[str, tuple[str, ...]] = {status: () for status in STATUSES} | {
    "repatriated": ("route", "via"),
    "re_trafficked": ("new_person_id",),
}
REMINDER_DAYS = (30, 90)
_DATE_TIME = re.compile(r'"date_time":\s*"(\d{4}-\d{2}-\d{2})')
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
MAX_NOTE = 1000
MAX_VIA = 200

UNKNOWN_STATUS = message(
    "followup.unknown_status", "{status} is not a case status. Choose one of: {choices}."
)
BAD_DATE = message("followup.bad_date", "Write the day the status took effect as YYYY-MM-DD (got {value}).")
FUTURE_DATE = message(
    "followup.future_date", "{date} is in the future: record a status once it has taken effect."
)
BEFORE_REGISTRATION = message(
    "followup.before_registration",
    "{date} is before the person was registered ({registered}): check the date.",
)
UNKNOWN_PERSON = message("followup.unknown_person", "HQ holds no person {person_id}.")
PERSON_GONE = message(
    "followup.person_gone", "Person {person_id} was withdrawn or purged: their case is not followed."
)
MERGED = message("followup.merged", "Person {person_id} was merged into {into}: record the status on {into}.")
ROUTE_NEEDED = message(
    "followup.route_needed", "Say how the person went home: the route is air, land or sea."
)
BAD_ROUTE = message("followup.bad_route", "{route} is not a route: choose air, land or sea.")
FIELD_NOT_ALLOWED = message(
    "followup.field_not_allowed", "{field} does not belong to the status {status}; leave it out."
)
NEW_CASE_SELF = message(
    "followup.new_case_self", "The new case must be another person record than {person_id}."
)
UNCHANGED = message("followup.unchanged", "The case is already {status} since {date}: nothing new to record.")
TOO_LONG = message("followup.too_long", "The {field} is too long ({length} characters; at most {limit}).")
BAD_DUE = message("followup.bad_due", "Reminders are at 30 or 90 days (got {days}).")
AUTO_REASON = "Case status recorded: {status} from {date}."


class FollowUpError(ReviewError):
    """A case status HQ refuses (unknown status, a date in the future, a field of another status ...)."""

    code = "followup"


@dataclass(frozen=True)
class StatusEntry:
    """One status decision, as the history shows it."""

    decision_id: str
    seq: int
    status: str
    effective: str  # YYYY-MM-DD
    decided_at: str  # when HQ recorded it (UTC, ISO)
    analyst: str
    note: str
    fields: Mapping[str, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class FollowUp:
    """A followed person as the follow-up list shows them."""

    person_id: str
    temp_id: str
    name: str
    nationality: str
    operation_id: str
    status: str  # a STATUSES value, or HANDED_OVER
    effective: str  # the day the current status took effect (the handover's day for HANDED_OVER)
    last_update: str  # YYYY-MM-DD
    days_since: int

    @property
    def closed(self) -> bool:
        return self.status == "closed"

    @property
    def label(self) -> str:
        return STATUS_LABELS.get(self.status, "Handed over")


def today_utc() -> date:
    return datetime.now(UTC).date()


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def _text(name: str, value: Any, limit: int) -> str:
    text = str(value or "").strip()
    if len(text) > limit:
        raise FollowUpError(TOO_LONG, field=name, length=len(text), limit=limit)
    return text


def _person(conn: Connection, person_id: str) -> tuple[str, str]:
    """(status, created_at) of a person HQ holds and follows; typed errors otherwise."""
    row = conn.execute("SELECT status, created_at FROM persons WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        raise FollowUpError(UNKNOWN_PERSON, person_id=person_id)
    if row[0] in ("withdrawn", "purged"):
        raise FollowUpError(PERSON_GONE, person_id=person_id)
    into = conn.execute(
        "SELECT person_a FROM hq_links WHERE person_b = ? AND status = 'active'", (person_id,)
    ).fetchone()
    if into is not None:
        raise FollowUpError(MERGED, person_id=person_id, into=str(into[0]))
    return str(row[0]), str(row[1])


def check_status(
    conn: Connection,
    person_id: str,
    status: str,
    *,
    effective: str | None = None,
    note: str = "",
    today: date | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """The decision's payload for this status, or a ``FollowUpError`` saying what to change."""
    person_id = person_id.strip()
    status = status.strip().lower().replace("-", "_")
    if status not in STATUSES:
        raise FollowUpError(UNKNOWN_STATUS, status=status or "(nothing)", choices=", ".join(STATUSES))
    _, registered = _person(conn, person_id)
    today = today or today_utc()
    day = today if not effective else _day(effective)
    if day is None or (effective and len(effective.strip()) != 10):
        raise FollowUpError(BAD_DATE, value=effective or "")
    if day > today:
        raise FollowUpError(FUTURE_DATE, date=day.isoformat())
    born = _day(registered)
    if born is not None and day < born:
        raise FollowUpError(BEFORE_REGISTRATION, date=day.isoformat(), registered=born.isoformat())
    given = {k: v for k, v in fields.items() if v not in (None, "")}
    for name in given:
        if name not in FIELDS[status]:
            raise FollowUpError(FIELD_NOT_ALLOWED, field=name, status=STATUS_TERMS[status])
    payload: dict[str, Any] = {"person_id": person_id, "status": status, "effective": day.isoformat()}
    if status == "repatriated":
        route = str(given.get("route") or "").strip().lower()
        if not route:
            raise FollowUpError(ROUTE_NEEDED)
        if route not in ROUTES:
            raise FollowUpError(BAD_ROUTE, route=route)
        payload["route"] = route
        via = _text("crossing point", given.get("via"), MAX_VIA)
        if via:
            payload["via"] = via
    if status == "re_trafficked" and given.get("new_person_id"):
        new_case = str(given["new_person_id"]).strip()
        if new_case == person_id:
            raise FollowUpError(NEW_CASE_SELF, person_id=person_id)
        _person(conn, new_case)
        payload["new_person_id"] = new_case
    note = _text("note", note, MAX_NOTE)
    if note:
        payload["note"] = note
    current = current_status(conn, person_id)
    if current is not None and current.status == status and current.effective == payload["effective"]:
        raise FollowUpError(UNCHANGED, status=STATUS_TERMS[current.status], date=current.effective)
    return payload


def set_status(
    store: HqStore,
    identity: HqIdentity,
    person_id: str,
    status: str,
    *,
    effective: str | None = None,
    note: str = "",
    today: date | None = None,
    **fields: object,
) -> StatusEntry:
    """Record a person's case status as a signed HQ decision, by the signed-in account (its own transaction)."""
    with store.transaction():
        payload = check_status(
            store.conn, person_id, status, effective=effective, note=note, today=today, **fields
        )
        reason = payload.get("note") or AUTO_REASON.format(
            status=STATUS_LABELS[payload["status"]], date=payload["effective"]
        )
        made = decisions.append(store, identity, KIND, payload, reason)
    return _entry(made.id, made.seq, made.analyst, made.created_at, made.payload)


def _entry(decision_id: str, seq: int, analyst: str, decided_at: str, p: Mapping[str, Any]) -> StatusEntry:
    extra = {k: str(p[k]) for k in ("route", "via", "new_person_id") if p.get(k)}
    return StatusEntry(
        decision_id,
        int(seq),
        str(p["status"]),
        str(p["effective"]),
        decided_at,
        analyst,
        str(p.get("note") or ""),
        extra,
    )


def history(conn: Connection, person_id: str) -> list[StatusEntry]:
    """Every status of the person, in the order they took effect (the current one last)."""
    rows = conn.execute(
        "SELECT d.id, d.seq, d.analyst, d.created_at, d.payload FROM hq_case_statuses s "
        "JOIN hq_decisions d ON d.id = s.decision_id WHERE s.person_id = ? ORDER BY s.effective_on, s.seq",
        (person_id,),
    ).fetchall()
    return [_entry(str(r[0]), int(r[1]), str(r[2]), str(r[3]), json.loads(r[4])) for r in rows]


def current_status(conn: Connection, person_id: str) -> StatusEntry | None:
    found = history(conn, person_id)
    return found[-1] if found else None


def current_statuses(conn: Connection) -> dict[str, tuple[str, str, str]]:
    """Person id -> (current status, the day it took effect, the day HQ last recorded a status), for
    every person with a status decision: one pass over the derived table in the order of its covering
    index, so each person's last row is their current status."""
    current: dict[str, tuple[str, str]] = {}
    recorded: dict[str, str] = {}
    for person_id, status, effective, decided_at in conn.execute(
        "SELECT person_id, status, effective_on, decided_at FROM hq_case_statuses "
        "ORDER BY person_id, effective_on, seq"
    ):
        current[person_id] = (status, effective)
        if decided_at > recorded.get(person_id, ""):
            recorded[person_id] = decided_at
    return {str(k): (str(s), str(e), str(recorded[k])[:10]) for k, (s, e) in current.items()}


def status_changes(conn: Connection) -> list[tuple[str, str, str]]:
    """(person id, status, day it took effect) of every status decision."""
    return [
        (str(r[0]), str(r[1]), str(r[2]))
        for r in conn.execute("SELECT person_id, status, effective_on FROM hq_case_statuses")
    ]


def _handover_days(conn: Connection) -> dict[str, str]:
    """Person id -> the day of their latest final handover (its recorded date and time, else when it was
    made). The date is read from the JSON text without parsing it whole: one handover per person at 100,000
    persons made json.loads the larger part of the follow-up list."""
    found: dict[str, str] = {}
    for person_id, created, data in conn.execute(
        "SELECT person_id, created_at, data FROM handovers WHERE status = 'final'"
    ):
        match = _DATE_TIME.search(str(data or ""))
        day = match.group(1) if match and _day(match.group(1)) else str(created or "")[:10]
        key = str(person_id)
        if _ISO_DAY.fullmatch(day) and day > found.get(key, ""):
            found[key] = day
    return found


def followups(conn: Connection, *, due: int | None = None, today: date | None = None) -> list[FollowUp]:
    """The followed persons, longest without an update first; ``due`` 30 or 90: only cases not closed
    whose last update is at least that many days old."""
    if due is not None and due not in REMINDER_DAYS:
        raise FollowUpError(BAD_DUE, days=due)
    today = today or today_utc()
    statuses = current_statuses(conn)
    for person_id, day in _handover_days(conn).items():
        statuses.setdefault(person_id, (HANDED_OVER, day, day))
    for (person_b,) in conn.execute("SELECT person_b FROM hq_links WHERE status = 'active'"):
        statuses.pop(str(person_b), None)
    cutoff = "9999-12-31" if due is None else (today - timedelta(days=due)).isoformat()
    found = []
    for person_id, temp_id, name, nationality, operation_id, state in conn.execute(
        "SELECT id, temp_id, name, nationality, operation_id, status FROM persons"
    ):
        followed = statuses.get(str(person_id))
        if followed is None or state in ("withdrawn", "purged"):
            continue
        status, effective, last = followed
        if due is not None and (status == "closed" or last > cutoff):
            continue
        days = (today - (_day(last) or today)).days
        found.append(
            FollowUp(
                str(person_id),
                str(temp_id),
                str(name),
                str(nationality or ""),
                str(operation_id),
                status,
                effective,
                last,
                days,
            )
        )
    found.sort(key=lambda f: (-f.days_since, f.temp_id, f.person_id))
    return found

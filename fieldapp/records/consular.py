"""The consular desk: timely, consented lists of each nationality for its embassy, and a protective flag
that keeps a person off every list.

Who is on a nationality's list: persons of that nationality whose screenings (or a handover to an
embassy) said yes to sharing with their embassy and nothing since said no (``consent.may_share``), who
are not protected by a "do not notify" flag (fear of return, asylum, statelessness: it overrides every
consent and every override, and needs a reason), and who were not notified yet. Issuing the list records
a signed ``notify`` event per person; the flag is a signed ``do_not_notify`` event. Both are kept in the
log (like station scans), so HQ's dashboard shows what is pending and how long notification took, per
nationality, from every laptop's records.
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fieldapp.errors import ValidationError, message, term
from fieldapp.records.consent import consent_records, may_share
from fieldapp.records.service import MIN_REASON, PersonRow, Records
from fieldapp.reference.consulates import HQ_CONSULATES_META, Mission, mission_for

LIFT_PROTECTION = term("actions", "lift a 'do not notify' flag")
NOTIFY_EMBASSY = term("actions", "notify an embassy")
PROTECTION_NEEDS_REASON = message(
    "consular.needs_reason", "Say why (at least {least} characters): the reason is kept with the flag."
)
NOBODY_TO_NOTIFY = message(
    "consular.nobody",
    "No one of this nationality is waiting to be notified: nobody consented to sharing with their embassy, "
    "or all were notified already, or are protected.",
)


@dataclass(frozen=True)
class NotificationList:
    mission: Mission
    persons: list[PersonRow]  # consented, not protected, not notified yet
    no_consent: int  # of this nationality, left out for want of consent
    protected: int  # left out by a "do not notify" flag
    notified_before: int


@dataclass(frozen=True)
class ConsularCount:
    pending: int
    notified: int
    median_hours: float | None  # from registration to notification, over those notified


def _events(conn: Any, op: str) -> list[tuple[str, dict[str, Any], str]]:
    rows = conn.execute(
        "SELECT entity_id, payload, created_at FROM events WHERE entity = 'person' AND op = ? "
        "ORDER BY created_at, event_id",
        (op,),
    ).fetchall()
    return [(str(entity_id), json.loads(payload), str(created)) for entity_id, payload, created in rows]


def protections(conn: Any) -> dict[str, str]:
    """Persons with a "do not notify" flag in force, and its reason (laptop vault or HQ store)."""
    current: dict[str, str] = {}
    for person_id, payload, _ in _events(conn, "do_not_notify"):
        if payload.get("on"):
            current[person_id] = str(payload.get("reason", ""))
        else:
            current.pop(person_id, None)
    return current


def notified_at(conn: Any) -> dict[str, str]:
    """When each person was first notified to their embassy."""
    first: dict[str, str] = {}
    for person_id, _, created in _events(conn, "notify"):
        first.setdefault(person_id, created)
    return first


def set_protection(records: Records, person_id: str, on: bool, reason: str) -> None:
    """Set a "do not notify" flag (any officer: it protects), or lift it (a team lead); both need a reason."""
    if len(reason.strip()) < MIN_REASON:
        raise ValidationError(PROTECTION_NEEDS_REASON, least=MIN_REASON)
    if not on:
        records.session.require("team_lead", LIFT_PROTECTION)
    records.person(person_id)
    records.session.log.append("person", person_id, "do_not_notify", {"on": on, "reason": reason.strip()})


def notification_list(
    records: Records, nationality: str, operation_id: str | None = None
) -> NotificationList:
    """Who goes on this nationality's list now (see the module's rule)."""
    persons = [
        p
        for p in records.persons(operation_id=operation_id, limit=1_000_000)
        if p.nationality == nationality and p.status not in ("withdrawn", "purged")
    ]
    conn = records.conn
    protected, notified = protections(conn), notified_at(conn)
    screenings, handovers = consent_records(conn, [p.id for p in persons])
    listed, no_consent, kept_off, before = [], 0, 0, 0
    for person in persons:
        if person.id in protected:
            kept_off += 1
        elif not may_share("share_embassy", screenings[person.id], handovers[person.id]):
            no_consent += 1
        elif person.id in notified:
            before += 1
        else:
            listed.append(person)
    mission = mission_for(nationality, records.session.meta(HQ_CONSULATES_META))
    return NotificationList(mission, listed, no_consent, kept_off, before)


def record_notifications(records: Records, listing: NotificationList) -> int:
    """The list was handed to the mission: a signed ``notify`` event per person (a team lead)."""
    records.session.require("team_lead", NOTIFY_EMBASSY)
    if not listing.persons:
        raise ValidationError(NOBODY_TO_NOTIFY)
    with records.session.log.transaction():
        for person in listing.persons:
            records.session.log.append(
                "person",
                person.id,
                "notify",
                {"nationality": listing.mission.nationality, "mission": listing.mission.name_en},
            )
    return len(listing.persons)


def consular_counts(conn: Any, scope: tuple[str, list[Any]] | None = None) -> dict[str, ConsularCount]:
    """Per nationality: consented persons still waiting for notification, those notified, and the median
    hours from registration to notification (laptop vault or HQ store). ``scope``: a WHERE clause over
    persons ``p`` and its parameters (HQ's dashboard filter); else every person not withdrawn or purged."""
    where, params = scope or ("p.status NOT IN ('withdrawn', 'purged')", [])
    rows = conn.execute(
        f"SELECT p.id, p.nationality, p.created_at FROM persons p WHERE {where}", params
    ).fetchall()
    protected, notified = protections(conn), notified_at(conn)
    ids = [str(r[0]) for r in rows]
    screenings, handovers = consent_records(conn, ids)
    pending: dict[str, int] = defaultdict(int)
    hours: dict[str, list[float]] = defaultdict(list)
    for person_id, nationality, created in rows:
        key, code = str(person_id), str(nationality or "")
        if key in notified:
            hours[code].append(_hours(str(created), notified[key]))
            continue
        said = screenings.get(key), handovers.get(key)
        if said == (None, None) or key in protected:  # no record that could hold a consent: not pending
            continue
        if may_share("share_embassy", said[0] or (), said[1] or ()):
            pending[code] += 1
    return {
        code: ConsularCount(pending.get(code, 0), len(hours.get(code, [])), _median(hours.get(code, [])))
        for code in sorted(set(pending) | set(hours))
    }


def _hours(start: str, end: str) -> float:
    def parse(value: str) -> datetime:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))

    return (parse(end) - parse(start)).total_seconds() / 3600


def _median(values: list[float]) -> float | None:
    return round(statistics.median(values), 1) if values else None

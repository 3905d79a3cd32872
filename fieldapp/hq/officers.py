"""Officers as HQ sees them, and revoking one (a lost key, someone who left the unit).

A laptop's admin disables an officer on the laptop (`fieldapp officer disable`); HQ cannot reach into a
laptop, and a laptop's log cannot drop what an officer already did. HQ's next receipt to the laptop names
the revoked officers, and the laptop then refuses their unlock. So revoking at HQ does not refuse
bundles (that would block every other officer of that laptop): from the next import on, every event
the revoked officer made after what HQ held at the time (``held_seq``) is imported and raises an alarm
naming the officer and the events, so the admin sees it in the Bundles screen and can review it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from fieldapp.errors import FieldAppError, Said, message
from fieldapp.hq.errors import ReviewError
from fieldapp.records.events import Event

NO_SUCH_OFFICER = message(
    "hq.no_such_officer", "Laptop {device_id} has no officer {officer_id} that HQ knows of."
)
REVOKED_WORK_ARRIVED = message(
    "hq.alarm_revoked_officer",
    "{count} change(s) by {name}, whom HQ revoked, arrived (events {first}..{last} of this laptop); they were "
    "imported: review them with the laptop's admin",
)
OFFICER_ALREADY_REVOKED = message("hq.officer_already_revoked", "{name} was already revoked on {date}.")

if TYPE_CHECKING:
    from fieldapp.hq.review import Review


class OfficerStore(Protocol):
    conn: Any

    def contiguous_seq(self, device_id: str) -> int: ...
    def add_alarm(
        self, kind: str, device_id: str | None, bundle_hash: str | None, detail: str | FieldAppError
    ) -> None: ...


@dataclass(frozen=True)
class OfficerRow:
    device_id: str
    officer_id: str
    name: str
    role: str
    active: bool  # not disabled on the laptop, as its log says
    revoked_at: str | None  # when HQ revoked them
    revoke_reason: str | None


def officers(store: OfficerStore, device_id: str | None = None) -> list[OfficerRow]:
    """Every officer a laptop's log registered (one laptop's, or all), by laptop then name."""
    sql = (
        "SELECT e.device_id, o.id, o.name, o.role, o.active, r.revoked_at, r.reason FROM officers o "
        "JOIN events e ON e.entity = 'officer' AND e.entity_id = o.id AND e.op = 'create' "
        "LEFT JOIN hq_revoked_officers r ON r.device_id = e.device_id AND r.officer_id = o.id"
    )
    params: tuple[str, ...] = ()
    if device_id is not None:
        sql += " WHERE e.device_id = ?"
        params = (device_id,)
    rows = [
        OfficerRow(str(r[0]), str(r[1]), str(r[2]), str(r[3]), bool(r[4]), r[5], r[6])
        for r in store.conn.execute(sql, params).fetchall()
    ]
    return sorted(rows, key=lambda o: (o.device_id, o.name.casefold(), o.officer_id))


def revoke(review: Review, device_id: str, officer_id: str, reason: str) -> OfficerRow:
    """Revoke one officer of one laptop, as a signed HQ decision (the analyst's name, a reason);
    one-way, like a device's."""
    store = review.store
    found = [o for o in officers(store, device_id) if o.officer_id == officer_id]
    if not found:
        raise ReviewError(NO_SUCH_OFFICER, device_id=device_id, officer_id=officer_id)
    if found[0].revoked_at is not None:
        raise ReviewError(OFFICER_ALREADY_REVOKED, name=found[0].name, date=found[0].revoked_at)
    payload = {"device_id": device_id, "officer_id": officer_id, "held_seq": store.contiguous_seq(device_id)}
    review.decide("revoke_officer", payload, reason)
    return next(o for o in officers(store, device_id) if o.officer_id == officer_id)


def revoked_ids(store: OfficerStore, device_id: str) -> tuple[str, ...]:
    """This laptop's officers HQ has revoked: each receipt to the laptop carries them, and the laptop
    then refuses their unlock (fieldapp.sync.receipt)."""
    rows = store.conn.execute(
        "SELECT officer_id FROM hq_revoked_officers WHERE device_id = ? ORDER BY officer_id", (device_id,)
    ).fetchall()
    return tuple(str(r[0]) for r in rows)


def flag_revoked(store: OfficerStore, device_id: str, bundle_hash: str, new: Sequence[Event]) -> list[str]:
    """Alarms for the new events a revoked officer of this laptop made after HQ revoked them."""
    revoked = {
        str(r[0]): (int(r[1]), str(r[2] or r[0]))
        for r in store.conn.execute(
            "SELECT r.officer_id, r.held_seq, o.name FROM hq_revoked_officers r "
            "LEFT JOIN officers o ON o.id = r.officer_id WHERE r.device_id = ?",
            (device_id,),
        ).fetchall()
    }
    if not revoked:
        return []
    seqs: dict[str, list[int]] = {}
    for event in new:
        held = revoked.get(event.officer_id)
        if held is not None and event.device_seq > held[0]:
            seqs.setdefault(event.officer_id, []).append(event.device_seq)
    alarms: list[str] = []
    for officer_id, found in seqs.items():
        name = revoked[officer_id][1]
        detail = Said(REVOKED_WORK_ARRIVED, count=len(found), name=name, first=min(found), last=max(found))
        store.add_alarm("revoked_officer", device_id, bundle_hash, detail)
        alarms.append(detail)
    return alarms

"""Concurrent changes to one field of one record: both kept, the record put in HQ's review queue.

Two changes are concurrent when neither one's ``parent`` chain (each event names the record's
event it followed on its laptop) reaches the other: the officers could not have seen each other's
value. Sequential changes (one built on the other) are ordinary edits. Never last-writer-wins:
projections show one value for display, the queue holds both for a reviewer (`fieldapp hq conflicts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from fieldapp.records.events import Event

if TYPE_CHECKING:
    from fieldapp.hq.store import HqStore

CHANGE_OPS = ("update", "amend")
MAX_CHAIN = 100_000


def ancestors(store: HqStore, event_id: str) -> set[str]:
    """Every event reachable through parent links (a record's history as that laptop saw it)."""
    seen: set[str] = set()
    current = store.parent_of(event_id)
    while current is not None and current not in seen and len(seen) < MAX_CHAIN:
        seen.add(current)
        current = store.parent_of(current)
    return seen


def concurrent(store: HqStore, a: Event, b: Event) -> bool:
    return a.event_id not in ancestors(store, b.event_id) and b.event_id not in ancestors(store, a.event_id)


def detect(store: HqStore, new_events: list[Event]) -> int:
    """Flag every concurrent pair touching the same field; returns how many pairs were newly queued."""
    flagged = 0
    for event in new_events:
        if event.op not in CHANGE_OPS:
            continue
        fields = set(event.payload.get("fields") or {})
        for other in store.amendments(event.entity_id):
            if other.event_id == event.event_id or other.device_id == event.device_id:
                continue  # one laptop's changes to a record are always in sequence
            shared = fields & set(other.payload.get("fields") or {})
            if shared and concurrent(store, event, other):
                for name in sorted(shared):
                    flagged += store.add_conflict(
                        event.entity, event.entity_id, name, event.event_id, other.event_id
                    )
    return flagged

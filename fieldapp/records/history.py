"""A record's history as an officer reads it: who changed what, when, on which laptop, and why.

Read from the event log itself (not from the projections), so it is exactly what the signed log says:
each event of the record in order, with the fields it changed (before and after, the state folded as
the projection folds it), the version it made and the reason given for an amendment or a withdrawal.
A purged record's redacted events say they were redacted and show no values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldapp.records.events import EVENT_COLUMNS, Event, is_redacted
from fieldapp.records.fields import label
from fieldapp.vault.db import Connection

# Fields a record carries for the app's own use, not worth a line in a history an officer reads.
_INTERNAL = frozenset({"operation_id", "person_id"})
# A person's temporary id is given at registration, outside the person fields' spec: its name is
# declared here so the history's "Registered" line has it in Khmer too.
label("temp_id")


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any  # None when the field had no value
    after: Any


@dataclass(frozen=True)
class HistoryEntry:
    at: str  # UTC, ISO 8601, as the event was recorded
    officer: str  # the officer's name
    device: str  # the laptop's name
    op: str  # create, update, finalise, amend, withdraw, purge ...
    version: int  # the record's version after this event
    reason: str  # an amendment's or a withdrawal's reason; "" otherwise
    changes: tuple[FieldChange, ...]
    redacted: bool = False  # a purged record's event: what it changed is no longer here


def blank(value: Any) -> bool:
    """No value: missing, empty text or list, or a flag left unset (False)."""
    return value is None or value is False or value == "" or value == [] or value == {}


def same(a: Any, b: Any) -> bool:
    return a == b or (blank(a) and blank(b))


def record_history(conn: Connection, entity: str, record_id: str) -> list[HistoryEntry]:
    """Every event of one record, oldest first."""
    officers = dict(conn.execute("SELECT id, name FROM officers").fetchall())
    devices = dict(conn.execute("SELECT id, name FROM devices").fetchall())
    rows = conn.execute(
        f"SELECT {EVENT_COLUMNS} FROM events WHERE entity_id = ? AND entity = ? ORDER BY rowid",
        (record_id, entity),
    ).fetchall()
    state: dict[str, Any] = {}
    version = 0
    entries = []
    for row in rows:
        event = Event.from_row(row)
        payload = event.payload
        redacted = is_redacted(payload)
        changes: list[FieldChange] = []
        if event.op == "create":
            version = 1
        elif event.op == "amend":
            version = int(payload.get("version", version + 1))
        fields = payload.get("fields")
        if isinstance(fields, dict) and not redacted:
            for name, value in fields.items():
                if name not in _INTERNAL and not same(state.get(name), value):
                    changes.append(FieldChange(name, state.get(name), value))
                state[name] = value
        entries.append(
            HistoryEntry(
                at=event.created_at,
                officer=str(officers.get(event.officer_id, event.officer_id)),
                device=str(devices.get(event.device_id, event.device_id)),
                op=event.op,
                version=version,
                reason=str(payload.get("reason") or ""),
                changes=tuple(changes),
                redacted=redacted,
            )
        )
    return entries

"""Projections: the tables screens read, folded from the event log in the same transaction.

``apply`` is the only code that writes them, both when an event is appended and when the whole
set is rebuilt from the log, so "rebuilt == live" is a real check of the log and of this fold.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from fieldapp.records.authority import HANDOVER_LOG_OPS, PERSON_LOG_OPS
from fieldapp.records.events import EVENT_COLUMNS, Event
from fieldapp.vault.db import Connection

RECORD_TABLES = {
    "operation": "operations",
    "person": "persons",
    "screening": "screenings",
    "photo": "photos",
    "handover": "handovers",
}
PROJECTION_TABLES = (
    "devices",
    "officers",
    *RECORD_TABLES.values(),
    "record_versions",
    "person_search",
    "temp_id_counters",
    "issued_documents",
)


_KEPT_AFTER_PURGE = {"person": ("operation_id", "temp_id"), "screening": ("person_id", "pins", "result")}


def possibly_minor(data: dict[str, Any]) -> bool:
    """Under 18, or age uncertain and possibly under 18 (estimates are often a few years off)."""
    age = data.get("age")
    if age is None:
        return bool(data.get("age_uncertain"))
    return int(age) < 18 or (bool(data.get("age_uncertain")) and int(age) < 21)


def _extracted(entity: str, data: dict[str, Any]) -> dict[str, Any]:
    """Columns pulled out of a record's fields so lists can filter, sort and search with indexes."""
    if entity == "operation":
        return {"code": data.get("code", ""), "name": data.get("name", "")}
    if entity == "person":
        return {
            "operation_id": data["operation_id"],
            "temp_id": data["temp_id"],
            "name": data.get("name", ""),
            "name_own": data.get("name_own_script", ""),
            "nationality": data.get("nationality", ""),
            "sex": data.get("sex", "unknown"),
            "age": data.get("age"),
            "minor": int(possibly_minor(data)),
            "document_no": data.get("document_no", ""),
        }
    if entity == "screening":
        result = data.get("result") or {}
        return {"person_id": data["person_id"], "outcome": result.get("outcome")}
    return {"person_id": data["person_id"]}


def _record_columns(event: Event, data: dict[str, Any], status: str, version: int) -> dict[str, Any]:
    columns = {
        "id": event.entity_id,
        "status": status,
        "version": version,
        "data": json.dumps(data, ensure_ascii=False, sort_keys=True),
        "updated_at": event.created_at,
        "last_event": event.event_id,
        **_extracted(event.entity, data),
    }
    if event.entity == "person":
        columns.setdefault("outcome", None)
        columns.setdefault("handed_over", 0)
    if event.op == "create":
        columns["created_at"] = event.created_at
    return columns


def _write_record(conn: Connection, event: Event, data: dict[str, Any], status: str, version: int) -> None:
    table = RECORD_TABLES[event.entity]
    columns = _record_columns(event, data, status, version)
    if event.op == "create":
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(columns.values()))
    else:
        if event.entity == "person":  # derived from other records, not from the person's own fields
            del columns["outcome"], columns["handed_over"]
        sets = ", ".join(f"{name} = ?" for name in columns if name != "id")
        values = [value for name, value in columns.items() if name != "id"]
        conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*values, event.entity_id))
    if event.entity == "person":
        _index_person(conn, event.entity_id, data, new=event.op == "create")
        if event.op == "create":
            _count_temp_id(conn, data["operation_id"], data["temp_id"])
    elif event.entity == "screening":
        _refresh_outcome(conn, data["person_id"])
    elif event.entity == "handover":
        _refresh_handed_over(conn, data["person_id"])
    elif event.entity == "operation":
        for block in data.get("reserved_ids") or []:  # ids printed ahead are never handed out again
            _count_temp_id(conn, event.entity_id, f"{block['prefix']}{int(block['last']):05d}")


def _search_body(data: dict[str, Any]) -> str:
    parts = [data.get(key) or "" for key in ("temp_id", "name", "name_own_script", "document_no")]
    parts += [str(alias) for alias in data.get("aliases") or []]
    return " ".join(parts)


def _index_person(conn: Connection, person_id: str, data: dict[str, Any], *, new: bool) -> None:
    # Keyed by the person's rowid: person_id is UNINDEXED in FTS5, so a lookup by it scans the index.
    rowid = conn.execute("SELECT rowid FROM persons WHERE id = ?", (person_id,)).fetchone()[0]
    if not new:
        conn.execute("DELETE FROM person_search WHERE rowid = ?", (rowid,))
    conn.execute(
        "INSERT INTO person_search (rowid, person_id, body) VALUES (?, ?, ?)",
        (rowid, person_id, _search_body(data)),
    )


def _rowids(conn: Connection, person_ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(person_ids), 500):  # ids per IN (...): well under either engine's limit
        chunk = person_ids[start : start + 500]
        rows = conn.execute(
            f"SELECT id, rowid FROM persons WHERE id IN ({', '.join('?' * len(chunk))})", chunk
        )
        found.update((str(person_id), int(rowid)) for person_id, rowid in rows)
    return found


def _temp_id_parts(temp_id: str) -> tuple[str, int]:
    prefix = temp_id.rstrip("0123456789")
    return prefix, int(temp_id[len(prefix) :] or 0)


# Keeps the highest number, so applying several in any order leaves the same row.
_COUNT_TEMP_ID = (
    "INSERT INTO temp_id_counters (operation_id, prefix, last_number) VALUES (?, ?, ?) "
    "ON CONFLICT (operation_id, prefix) DO UPDATE SET last_number = CASE "
    "WHEN excluded.last_number > temp_id_counters.last_number THEN excluded.last_number "
    "ELSE temp_id_counters.last_number END"
)


def _count_temp_id(conn: Connection, operation_id: str, temp_id: str) -> None:
    conn.execute(_COUNT_TEMP_ID, (operation_id, *_temp_id_parts(temp_id)))


def _refresh_outcome(conn: Connection, person_id: str) -> None:
    # The person's outcome is that of their latest screening that was not withdrawn.
    conn.execute(
        "UPDATE persons SET outcome = (SELECT outcome FROM screenings WHERE person_id = ? "
        "AND status != 'withdrawn' ORDER BY created_at DESC, id DESC LIMIT 1) WHERE id = ?",
        (person_id, person_id),
    )


def _refresh_handed_over(conn: Connection, person_id: str) -> None:
    # Read in Python (portable SQL: the HQ store may be PostgreSQL): final now, or final when purged.
    rows = conn.execute("SELECT status, data FROM handovers WHERE person_id = ?", (person_id,)).fetchall()
    handed = any(status == "final" or json.loads(data).get("was_final") for status, data in rows)
    conn.execute("UPDATE persons SET handed_over = ? WHERE id = ?", (int(handed), person_id))


def _current(conn: Connection, event: Event) -> tuple[dict[str, Any], str, int]:
    table = RECORD_TABLES[event.entity]
    row = conn.execute(
        f"SELECT data, status, version FROM {table} WHERE id = ?", (event.entity_id,)
    ).fetchone()
    if row is None:
        raise ValueError(f"{event.entity} {event.entity_id} does not exist")
    return json.loads(row[0]), row[1], int(row[2])


def _apply_record(conn: Connection, event: Event) -> None:
    payload = event.payload
    if event.op == "create":
        initial = "open" if event.entity == "operation" else "draft"
        _write_record(conn, event, dict(payload["fields"]), initial, 1)
        return
    # Facts kept in the log only and read from it where needed: station scans (records.stations), links
    # between persons (records.links), the consular desk's flags and notifications (records.consular).
    if event.entity == "person" and event.op in PERSON_LOG_OPS:
        return
    if event.entity == "handover" and event.op in HANDOVER_LOG_OPS:  # what the receiving body did
        return
    data, status, version = _current(conn, event)
    _check_transition(event, status, version)
    if event.op == "update":
        data.update(payload["fields"])
    elif event.op == "finalise":
        status = "final"
        conn.execute(
            "INSERT INTO record_versions (entity_id, version, event_id, reason) VALUES (?, ?, ?, NULL)",
            (event.entity_id, version, event.event_id),
        )
    elif event.op == "amend":
        data.update(payload["fields"])
        version += 1
        conn.execute(
            "INSERT INTO record_versions (entity_id, version, event_id, reason) VALUES (?, ?, ?, ?)",
            (event.entity_id, version, event.event_id, payload["reason"]),
        )
    elif event.op in ("withdraw", "purge", "close"):
        if event.op == "purge":  # what is kept after purge: ids and hashes, no personal fields
            keep = _KEPT_AFTER_PURGE.get(event.entity, ("person_id", "sha256"))
            handed_over = event.entity == "handover" and status == "final"  # still was, after purge
            data = {key: data[key] for key in keep if key in data}
            if handed_over:
                data["was_final"] = True
        status = {"withdraw": "withdrawn", "purge": "purged", "close": "closed"}[event.op]
    else:
        raise ValueError(f"unknown operation {event.entity}.{event.op}")
    _write_record(conn, event, data, status, version)


class StateViolation(ValueError):
    """An event the record's state machine does not allow: it names the event, the record and its state."""


# Which states each operation may start from: draft -> final is one-way; only a final record is amended
# (a new version, with a reason); nothing changes a withdrawn or purged record again but its purge.
_ALLOWED_FROM = {
    "update": ("draft", "open"),
    "finalise": ("draft",),
    "amend": ("final",),
    "withdraw": ("draft", "open", "final", "closed"),
    "purge": ("draft", "final", "withdrawn", "open", "closed"),
    "close": ("open",),
}


def _check_transition(event: Event, status: str, version: int) -> None:
    # Every event of every fold passes here: the event's reference is made only for a problem.
    allowed = _ALLOWED_FROM.get(event.op)
    if allowed is not None and status not in allowed:
        raise StateViolation(
            f"{event.reference}: the {event.entity} is {status}, which this change cannot follow"
        )
    if event.op == "amend" and not (
        isinstance(event.payload.get("reason"), str) and event.payload["reason"].strip()
    ):
        raise StateViolation(f"{event.reference}: an amendment needs its reason")
    if event.op == "amend" and "version" in event.payload and event.payload["version"] != version + 1:
        raise StateViolation(f"{event.reference}: an amendment makes the next version, {version + 1}")


def set_fields(conn: Connection, entity: str, record_id: str, fields: dict[str, Any]) -> None:
    """Put values decided outside the log (an HQ analyst's conflict resolution) into a record's row:
    its data and the columns extracted from it, as an event changing those fields would."""
    table = RECORD_TABLES[entity]
    row = conn.execute(f"SELECT data FROM {table} WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        raise ValueError(f"{entity} {record_id} does not exist")
    data = {**json.loads(row[0]), **fields}
    columns = {"data": json.dumps(data, ensure_ascii=False, sort_keys=True), **_extracted(entity, data)}
    sets = ", ".join(f"{name} = ?" for name in columns)
    conn.execute(f"UPDATE {table} SET {sets} WHERE id = ?", (*columns.values(), record_id))
    if entity == "person":
        _index_person(conn, record_id, data, new=False)
    elif entity == "screening":
        _refresh_outcome(conn, data["person_id"])


def _apply_officer(conn: Connection, event: Event) -> None:
    payload = event.payload
    if event.op == "create":
        conn.execute(
            "INSERT INTO officers (id, name, role, public_key, active, created_at) VALUES (?, ?, ?, ?, 1, ?)",
            (
                event.entity_id,
                payload["name"],
                payload["role"],
                payload.get("public_key", ""),
                event.created_at,
            ),
        )  # an invited officer has no key until their first unlock (activate)
    elif event.op == "set_role":
        conn.execute("UPDATE officers SET role = ? WHERE id = ?", (payload["role"], event.entity_id))
    elif event.op == "disable":
        conn.execute("UPDATE officers SET active = 0 WHERE id = ?", (event.entity_id,))
    elif event.op in ("rekey", "activate"):
        conn.execute(
            "UPDATE officers SET public_key = ? WHERE id = ?", (payload["public_key"], event.entity_id)
        )
    elif event.op != "passphrase_changed":  # audit only
        raise ValueError(f"unknown operation officer.{event.op}")


def _apply_document(conn: Connection, event: Event) -> None:
    """An issued PDF (e.g. a handover form): its hash and the record version it shows, never its bytes."""
    if event.op != "issue":
        raise ValueError(f"unknown operation document.{event.op}")
    p = event.payload
    conn.execute(
        "INSERT INTO issued_documents (id, sha256, size, record_id, version, kind, created_at, event_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event.entity_id,
            p["sha256"],
            int(p["size"]),
            p["record_id"],
            int(p["version"]),
            p["kind"],
            event.created_at,
            event.event_id,
        ),
    )


def apply(conn: Connection, event: Event) -> None:
    if event.entity in RECORD_TABLES:
        _apply_record(conn, event)
    elif event.entity == "officer":
        _apply_officer(conn, event)
    elif event.entity == "document":
        _apply_document(conn, event)
    elif event.entity == "disclosure":
        if event.op != "record":  # the log is the record of a print or copy: nothing to fold
            raise ValueError(f"unknown operation disclosure.{event.op}")
    elif event.entity == "device":
        if event.op == "init":
            conn.execute(
                "INSERT INTO devices (id, name, public_key, created_at) VALUES (?, ?, ?, ?)",
                (event.entity_id, event.payload["name"], event.payload["public_key"], event.created_at),
            )
        elif event.op not in ("enrol", "log_format", "rotate"):  # audit only: keys come from the log itself
            raise ValueError(f"unknown operation device.{event.op}")
    else:
        raise ValueError(f"unknown entity {event.entity}")


class FoldError(ValueError):
    """``apply_many`` could not fold ``event``: the ValueError or KeyError ``apply`` raises, naming the event."""

    def __init__(self, event: Event, cause: Exception) -> None:
        super().__init__(str(cause))
        self.event, self.cause = event, cause


# Creates whose fold writes only their own row (and, for persons, the search row and the temp-id
# counter) and reads nothing another create writes: a run of them can be written table by table.
_BULK_CREATES = frozenset({"operation", "person", "photo"})
_BULK_MIN = 8  # a shorter run is cheaper event by event than with the bulk path's savepoint


def apply_many(conn: Connection, events: list[Event]) -> None:
    """Fold events in order, with exactly the result of ``apply`` on each in turn.

    HQ folds a laptop's whole bundle at once, and most of it is runs of creates (a raid registers
    persons and their photos one after another): one executemany per table for a run instead of
    three or four statements per event is what makes a big import affordable (a round trip each on
    PostgreSQL; SQLCipher's memory wiping costs per statement). A run that fails in bulk is undone
    (savepoint) and folded again one event at a time, so errors, and what is written before them,
    are those of ``apply``; errors name their event (FoldError). Everything else goes through ``apply``.
    """
    start = 0
    while start < len(events):
        end = start + 1
        if events[start].op == "create" and events[start].entity in _BULK_CREATES:
            while end < len(events) and events[end].op == "create" and events[end].entity in _BULK_CREATES:
                end += 1
        if end - start < _BULK_MIN or not _bulk(conn, events[start:end]):
            for event in events[start:end]:
                try:
                    apply(conn, event)
                except (ValueError, KeyError) as exc:
                    raise FoldError(event, exc) from exc
        start = end


def _bulk(conn: Connection, run: list[Event]) -> bool:
    """Writes a run of creates in bulk; False, with nothing of it written, if any of it fails."""
    conn.execute("SAVEPOINT fold_run")
    try:
        _create_run(conn, run)
        conn.execute("SELECT 1").fetchone()  # PostgreSQL's pipeline reports a failed write at a read
    except Exception:  # redone by apply, one event at a time, which raises the error apply raises
        conn.execute("ROLLBACK TO SAVEPOINT fold_run")
        conn.execute("RELEASE SAVEPOINT fold_run")
        return False
    conn.execute("RELEASE SAVEPOINT fold_run")
    return True


def _create_run(conn: Connection, events: list[Event]) -> None:
    """Consecutive creates, written as ``_write_record`` writes each, one executemany per table.

    The same as one ``apply`` per event when it succeeds: each table gets its rows in the same order
    (same rowids, so the same search rows), the temp-id counter keeps the maximum whatever the order,
    no create reads another table, and the same rows break the same constraints."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    names: dict[str, str] = {}
    search: list[tuple[str, str]] = []
    counters: dict[tuple[str, str], int] = {}
    for event in events:
        data = dict(event.payload["fields"])
        columns = _record_columns(event, data, "open" if event.entity == "operation" else "draft", 1)
        names.setdefault(event.entity, ", ".join(columns))
        rows.setdefault(event.entity, []).append(tuple(columns.values()))
        if event.entity == "person":
            search.append((event.entity_id, _search_body(data)))
            prefix, number = _temp_id_parts(data["temp_id"])
            key = (data["operation_id"], prefix)
            counters[key] = max(counters.get(key, number), number)
    for entity, table_rows in rows.items():
        marks = ", ".join("?" for _ in names[entity].split(", "))
        conn.executemany(
            f"INSERT INTO {RECORD_TABLES[entity]} ({names[entity]}) VALUES ({marks})", table_rows
        )
    if search:
        rowids = _rowids(conn, [person_id for person_id, _ in search])
        conn.executemany(
            "INSERT INTO person_search (rowid, person_id, body) VALUES (?, ?, ?)",
            [(rowids[person_id], person_id, body) for person_id, body in search],
        )
        conn.executemany(_COUNT_TEMP_ID, [(op, prefix, n) for (op, prefix), n in counters.items()])


_DIGEST_ORDER = {
    "person_search": "person_id",
    "record_versions": "entity_id, version",
    "temp_id_counters": "operation_id, prefix",
}


def digest(conn: Connection, columns: dict[str, str] | None = None) -> dict[str, str]:
    """A hash of every projection table's content, to compare live tables with a rebuild.

    ``columns`` names the columns to hash per table (default all): PostgreSQL leaves out its ``rowid``."""
    result = {}
    for table in PROJECTION_TABLES:
        order = _DIGEST_ORDER.get(table, "id")
        selected = (columns or {}).get(table, "*")
        h = hashlib.sha256()
        for row in conn.execute(f"SELECT {selected} FROM {table} ORDER BY {order}"):
            h.update(repr(tuple(row)).encode("utf-8"))
        result[table] = h.hexdigest()
    return result


def rebuild(conn: Connection, upto: dict[str, int] | None = None) -> int:
    """Empty every projection and fold the whole log again (inside the caller's transaction).

    ``upto``: HQ's folded seq per laptop (events beyond a gap wait there until it is filled)."""
    for table in PROJECTION_TABLES:
        conn.execute(f"DELETE FROM {table}")
    count = 0
    for row in conn.cursor().execute(f"SELECT {EVENT_COLUMNS} FROM events ORDER BY rowid"):
        event = Event.from_row(row)
        if upto is None or event.device_seq <= upto.get(event.device_id, 0):
            apply(conn, event)
            count += 1
    return count

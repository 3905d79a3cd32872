"""Record services the CLI and the UI call: operations, persons, and the draft → final lifecycle.

Every change is an event (see log.py); this module checks roles, states and fields first, so
nothing invalid enters the log.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from fieldapp.errors import RecordStateError, Term, ValidationError, message, term
from fieldapp.records.canonical import canonical_json
from fieldapp.records.duplicates import REASONS, PossibleDuplicate, find_duplicates
from fieldapp.records.fields import OPERATION_FIELDS, PERSON_FIELDS, clean
from fieldapp.records.history import HistoryEntry, record_history, same
from fieldapp.records.ids import uuid7
from fieldapp.records.projections import RECORD_TABLES
from fieldapp.records.wristbands import MAX_BLOCK, ReservedBlock, is_reserved, read_band
from fieldapp.vault.db import Connection
from fieldapp.vault.session import Session

UNKNOWN_SORT = message("record.unknown_sort", "Cannot sort persons by '{sort}'.")
UNKNOWN_RECORD = message("record.unknown_record", "There is no {entity} with id {record_id}.")
NOT_EDITABLE = message(
    "record.not_editable",
    "This {entity} is {status}: it can no longer be edited. Amend it with a reason instead.",
)
FINALISE_NEEDS_DRAFT = message(
    "record.finalise_needs_draft", "Only a draft can be finalised; this {entity} is {status}."
)
AMEND_NEEDS_REASON = message(
    "record.amend_needs_reason", "Amending a final record needs a reason (a few words at least)."
)
AMEND_NEEDS_FINAL = message(
    "record.amend_needs_final",
    "Only a final record is amended; this {entity} is {status}, edit it directly.",
)
AMEND_CHANGES_NOTHING = message("record.amend_changes_nothing", "The amendment changes nothing.")
WITHDRAW_NEEDS_REASON = message("record.withdraw_needs_reason", "Withdrawing a record needs a reason.")
ALREADY_WITHDRAWN = message("record.already_withdrawn", "This {entity} is already withdrawn.")
OPERATION_NEEDS_NAME = message("record.operation_needs_name", "The operation needs a name.")
UNKNOWN_OPERATION = message("record.unknown_operation", "There is no operation with id {operation_id}.")
PERSON_NEEDS_NAME = message(
    "record.person_needs_name",
    "Give at least one name (as in the passport, or in the person's own script).",
)
OPERATION_CLOSED = message("record.operation_closed", "Operation {name} is closed; pick an open operation.")
NOT_RESERVED = message(
    "record.not_reserved",
    "{temp_id} is not one of the ids reserved for this operation on this laptop; register the person without "
    "it and put a new band on them.",
)
ALREADY_USED = message("record.temp_id_used", "{temp_id} is already the id of a person registered here.")
BLOCK_SIZE = message("record.block_size", "Reserve between 1 and {most} ids at a time.")
NO_SUCH_PERSON = message("record.no_such_person", "No person has the id or temporary id {target}.")
NO_SUCH_OPERATION = message("record.no_such_operation", "No operation has the id or code {target}.")
UNKNOWN_PERSON = message("record.unknown_person", "There is no person with id {person_id}.")

FINALISE = term("actions", "finalise a record")
AMEND = term("actions", "amend a final record")
WITHDRAW = term("actions", "withdraw a record")

# Record kinds and states as messages name them, translated in the "records" context.
RECORD_WORDS = {
    word: term("records", word)
    for word in (
        "operation",
        "person",
        "screening",
        "handover",
        "photo",
        "draft",
        "final",
        "withdrawn",
        "purged",
    )
}


def record_word(word: str) -> Term | str:
    return RECORD_WORDS.get(word, word)


MIN_REASON = 5


@dataclass(frozen=True)
class OperationRow:
    id: str
    code: str
    name: str
    status: str
    data: dict[str, Any]


@dataclass(frozen=True)
class PersonRow:
    id: str
    operation_id: str
    temp_id: str
    status: str
    version: int
    name: str
    name_own: str
    nationality: str
    sex: str
    age: int | None
    minor: bool
    document_no: str
    outcome: str | None
    handed_over: bool

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


PERSON_COLUMNS = (
    "id, operation_id, temp_id, status, version, name, name_own, nationality, sex, age, minor, "
    "document_no, outcome, handed_over"
)


SORTABLE = ("temp_id", "name", "name_own", "nationality", "sex", "age", "outcome", "created_at", "updated_at")


@dataclass(frozen=True)
class PersonFilter:
    """What a persons list shows. Every field narrows it; None means "any"."""

    operation_id: str | None = None
    search: str | None = None
    nationality: str | None = None
    outcome: str | None = None  # an outcome, or "NOT_SCREENED"
    minor: bool | None = None
    handed_over: bool | None = None
    synced: bool | None = None
    device_id: str | None = None  # recorded on this laptop (HQ: one team's persons)
    include_withdrawn: bool = False

    def sql(self, dialect: str = "sqlite") -> tuple[str, list[Any]]:
        """The WHERE clause and its parameters, for SQLite (the laptop, the HQ file) or PostgreSQL
        (HQ): the same rows either way (tests/core/test_pg_store.py compares them)."""
        postgres = dialect == "postgresql"
        where: list[str] = ["1 = 1"]
        params: list[Any] = []
        if not self.include_withdrawn:
            where.append("status != 'withdrawn'")
        term = (self.search or "").strip()
        # With a search, the few matching rows come from the index on the search text: a unary "+"
        # keeps SQLite from walking the operation index instead and testing every person.
        plus = "+" if len(term) >= 3 and not postgres else ""
        for column, value in (("operation_id", self.operation_id), ("nationality", self.nationality)):
            if value:
                where.append(f"{plus}{column} = ?")
                params.append(value)
        if self.outcome == "NOT_SCREENED":
            where.append("outcome IS NULL")
        elif self.outcome:
            where.append("outcome = ?")
            params.append(self.outcome)
        for column, flag in (("minor", self.minor), ("handed_over", self.handed_over)):
            if flag is not None:
                where.append(f"{column} = ?")
                params.append(int(flag))
        if self.synced is not None:
            # Synced = HQ has acknowledged the person's latest event (receipts come with the sync issue).
            acked = (
                "(SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'hq_acked_seq'), 0))"
            )
            last_seq = "(SELECT device_seq FROM events WHERE event_id = persons.last_event)"
            where.append(f"{last_seq} {'<=' if self.synced else '>'} {acked}")
        if self.device_id:
            where.append(RECORDED_ON)
            params.append(self.device_id)
        if len(term) >= 3 and postgres:  # FTS5's trigram phrase: the term as a substring, any case
            where.append("rowid IN (SELECT rowid FROM person_search WHERE body ILIKE ?)")
            params.append(f"%{_like_escape(term)}%")
        elif len(term) >= 3:  # trigram FTS needs three characters; its rowids are the persons' rowids
            where.append("rowid IN (SELECT rowid FROM person_search WHERE person_search MATCH ?)")
            params.append('"' + term.replace('"', '""') + '"')
        elif term:  # SQLite's LIKE: case-insensitive, the term's own % and _ are wildcards
            like = "ILIKE" if postgres else "LIKE"
            where.append(f"(temp_id {like} ? OR name {like} ? OR name_own {like} ?)")
            params += [f"%{term}%"] * 3
        return " AND ".join(where), params


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# The laptop a person was registered on: the device of its create event (index on entity_id).
RECORDED_ON = (
    "EXISTS (SELECT 1 FROM events e WHERE e.entity_id = persons.id AND e.entity = 'person' "
    "AND e.op = 'create' AND e.device_id = ?)"
)


def _person(row: tuple[Any, ...]) -> PersonRow:
    values = list(row)
    values[10], values[13] = bool(values[10]), bool(values[13])
    return PersonRow(*values)


def person_ids(
    conn: Connection, where: PersonFilter | None = None, *, sort: str = "temp_id", descending: bool = False
) -> list[str]:
    """Ids of every matching person, in display order (shared by the field vault and the HQ store)."""
    if sort not in SORTABLE:
        raise ValidationError(UNKNOWN_SORT, sort=sort)
    clauses, params = (where or PersonFilter()).sql()
    direction = "DESC" if descending else "ASC"
    sql = f"SELECT id FROM persons WHERE {clauses} ORDER BY {sort} {direction}, id {direction}"
    return [row[0] for row in conn.execute(sql, params)]


def persons_by_ids(conn: Connection, ids: list[str]) -> list[PersonRow]:
    """Rows for one page of ids, in the order given."""
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = {
        r[0]: _person(r)
        for r in conn.execute(f"SELECT {PERSON_COLUMNS} FROM persons WHERE id IN ({marks})", ids)
    }
    return [rows[i] for i in ids if i in rows]


def _operation_code(name: str) -> str:
    letters = re.sub(r"[^A-Z]", "", name.upper())
    return (letters[:3] or "OP").ljust(2, "X")


class Records:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.conn = session.conn

    # --- generic lifecycle -------------------------------------------------------------------

    def _state(self, entity: str, record_id: str) -> tuple[str, int, dict[str, Any]]:
        table = RECORD_TABLES[entity]
        row = self.conn.execute(
            f"SELECT status, version, data FROM {table} WHERE id = ?", (record_id,)
        ).fetchone()
        if row is None:
            raise ValidationError(UNKNOWN_RECORD, entity=record_word(entity), record_id=record_id)
        return row[0], int(row[1]), json.loads(row[2])

    def update_record(self, entity: str, record_id: str, fields: dict[str, Any]) -> None:
        """Edit a draft (or an open operation); final records are amended instead."""
        status, _, _ = self._state(entity, record_id)
        if status not in ("draft", "open"):
            raise RecordStateError(NOT_EDITABLE, entity=record_word(entity), status=record_word(status))
        if fields:
            self.session.log.append(entity, record_id, "update", {"fields": fields})

    def edit(self, entity: str, record_id: str, fields: dict[str, Any], reason: str = "") -> int:
        """Correct a record as its state allows: a draft (or an open operation) is updated, a final one
        amended with ``reason`` (a new version). Only the fields that differ are recorded; the version
        the record has afterwards is returned."""
        status, version, data = self._state(entity, record_id)
        changed = {k: v for k, v in self._clean(entity, fields).items() if not same(data.get(k), v)}
        if status == "final":
            return self.amend(entity, record_id, changed, reason)
        self.update_record(entity, record_id, changed)
        return version

    def history(self, entity: str, record_id: str) -> list[HistoryEntry]:
        """Who changed what, when and why, from the signed log (oldest first)."""
        self._state(entity, record_id)  # an unknown id is an error, not an empty history
        return record_history(self.conn, entity, record_id)

    def finalise(self, entity: str, record_id: str) -> int:
        """Draft → final (one-way), signed by the officer. Returns the version made final."""
        self.session.require("team_lead", FINALISE)
        status, version, data = self._state(entity, record_id)
        if status != "draft":
            raise RecordStateError(
                FINALISE_NEEDS_DRAFT, entity=record_word(entity), status=record_word(status)
            )
        content_hash = hashlib.sha256(canonical_json(data)).hexdigest()
        self.session.log.append(
            entity, record_id, "finalise", {"version": version, "content_hash": content_hash}
        )
        return version

    def amend(self, entity: str, record_id: str, fields: dict[str, Any], reason: str) -> int:
        """Change a final record: needs a reason, makes a new version. Returns the new version."""
        self.session.require("team_lead", AMEND)
        reason = reason.strip()
        if len(reason) < MIN_REASON:
            raise ValidationError(AMEND_NEEDS_REASON)
        status, version, _ = self._state(entity, record_id)
        if status != "final":
            raise RecordStateError(AMEND_NEEDS_FINAL, entity=record_word(entity), status=record_word(status))
        if not fields:
            raise ValidationError(AMEND_CHANGES_NOTHING)
        fields = self._clean(entity, fields)
        self.session.log.append(
            entity, record_id, "amend", {"fields": fields, "reason": reason, "version": version + 1}
        )
        return version + 1

    def withdraw(self, entity: str, record_id: str, reason: str) -> None:
        """Mark a record entered in error; nothing is deleted."""
        self.session.require("team_lead", WITHDRAW)
        if len(reason.strip()) < MIN_REASON:
            raise ValidationError(WITHDRAW_NEEDS_REASON)
        status, _, _ = self._state(entity, record_id)
        if status == "withdrawn":
            raise RecordStateError(ALREADY_WITHDRAWN, entity=record_word(entity))
        self.session.log.append(entity, record_id, "withdraw", {"reason": reason.strip()})

    def _clean(self, entity: str, fields: dict[str, Any]) -> dict[str, Any]:
        if entity == "person":
            return clean("person", PERSON_FIELDS, fields)
        if entity == "operation":
            return clean("operation", OPERATION_FIELDS, fields)
        if entity == "handover":
            from fieldapp.records.handover_fields import HANDOVER_FIELDS

            return clean("handover", HANDOVER_FIELDS, fields)
        return dict(fields)  # screenings and photos are checked by their own services

    # --- operations ----------------------------------------------------------------------------

    def create_operation(self, **fields: Any) -> OperationRow:
        data = clean("operation", OPERATION_FIELDS, fields)
        if not data.get("name"):
            raise ValidationError(OPERATION_NEEDS_NAME)
        data.setdefault("code", _operation_code(data["name"]))
        operation_id = uuid7()
        self.session.log.append("operation", operation_id, "create", {"fields": data})
        return self.operation(operation_id)

    def update_operation(self, operation_id: str, **fields: Any) -> None:
        self.update_record("operation", operation_id, clean("operation", OPERATION_FIELDS, fields))

    def operation(self, operation_id: str) -> OperationRow:
        row = self.conn.execute(
            "SELECT id, code, name, status, data FROM operations WHERE id = ?", (operation_id,)
        ).fetchone()
        if row is None:
            raise ValidationError(UNKNOWN_OPERATION, operation_id=operation_id)
        return OperationRow(row[0], row[1], row[2], row[3], json.loads(row[4]))

    def find_operation(self, id_or_code: str) -> OperationRow:
        """The operation with this id or code (any case), as an officer types it."""
        row = self.conn.execute(
            "SELECT id FROM operations WHERE id = ? OR code = ? COLLATE NOCASE", (id_or_code, id_or_code)
        ).fetchone()
        if row is None:
            raise ValidationError(NO_SUCH_OPERATION, target=id_or_code)
        return self.operation(str(row[0]))

    def operations(self) -> list[OperationRow]:
        rows = self.conn.execute(
            "SELECT id, code, name, status, data FROM operations ORDER BY created_at DESC"
        )
        return [OperationRow(r[0], r[1], r[2], r[3], json.loads(r[4])) for r in rows]

    # --- persons -------------------------------------------------------------------------------

    def register_person(
        self, operation_id: str, *, temp_id: str | None = None, check_duplicates: bool = False, **fields: Any
    ) -> PersonRow:
        """Fast intake: a draft person with a printed-style temporary id like ``SHV-K7-00042``; or the id
        on a band printed ahead (``temp_id``, reserved with ``reserve_temp_ids``) when keyed in later.

        With ``check_duplicates`` nothing is registered when someone in the operation looks like the same
        person (``PossibleDuplicate``, naming them); the officer then opens them or registers anyway."""
        data = clean("person", PERSON_FIELDS, fields)
        if not data.get("name") and not data.get("name_own_script"):
            raise ValidationError(PERSON_NEEDS_NAME)
        operation = self.operation(operation_id)
        if operation.status != "open":
            raise RecordStateError(OPERATION_CLOSED, name=operation.name)
        if check_duplicates and (matches := self.possible_duplicates(operation_id, data)):
            described = [
                f"{p.temp_id} {p.name or p.name_own} ({', '.join(str(REASONS[r]) for r in reasons)})"
                for p, reasons in matches
            ]
            raise PossibleDuplicate(matches, described)
        with self.session.log.transaction():
            if temp_id is None:
                prefix = self._temp_id_prefix(operation)
                data["temp_id"] = f"{prefix}{self._last_temp_number(operation_id, prefix) + 1:05d}"
            else:
                data["temp_id"] = self._reserved_id(operation, temp_id)
            data["operation_id"] = operation_id
            person_id = uuid7()
            self.session.log.append("person", person_id, "create", {"fields": data})
        return self.person(person_id)

    def _temp_id_prefix(self, operation: OperationRow) -> str:
        # The device tag keeps ids from two laptops in one raid apart.
        return f"{operation.code}-{self.session.device_id[-2:].upper()}-"

    def _last_temp_number(self, operation_id: str, prefix: str) -> int:
        last = self.conn.execute(
            "SELECT last_number FROM temp_id_counters WHERE operation_id = ? AND prefix = ?",
            (operation_id, prefix),
        ).fetchone()
        return int(last[0]) if last else 0

    def _reserved_id(self, operation: OperationRow, typed: str) -> str:
        temp_id = read_band(typed)
        if not is_reserved(operation.data, temp_id):
            raise ValidationError(NOT_RESERVED, temp_id=temp_id)
        if self.conn.execute("SELECT 1 FROM persons WHERE temp_id = ?", (temp_id,)).fetchone():
            raise ValidationError(ALREADY_USED, temp_id=temp_id)
        return temp_id

    def reserve_temp_ids(self, operation_id: str, count: int) -> ReservedBlock:
        """Reserve this laptop's next ``count`` temporary ids in the operation, for bands printed ahead of
        the raid (the paper fallback in a power cut). Kept in the operation record: signed and synced."""
        if not 1 <= count <= MAX_BLOCK:
            raise ValidationError(BLOCK_SIZE, most=MAX_BLOCK)
        operation = self.operation(operation_id)
        if operation.status != "open":
            raise RecordStateError(OPERATION_CLOSED, name=operation.name)
        with self.session.log.transaction():
            prefix = self._temp_id_prefix(operation)
            first = self._last_temp_number(operation_id, prefix) + 1
            block = ReservedBlock(prefix, first, first + count - 1)
            blocks = [
                *(operation.data.get("reserved_ids") or []),
                {"prefix": prefix, "first": first, "last": block.last},
            ]
            self.update_record("operation", operation_id, {"reserved_ids": blocks})
        return block

    def possible_duplicates(
        self,
        operation_id: str,
        fields: dict[str, Any],
        *,
        photo_hashes: tuple[str, ...] = (),
        exclude: str | None = None,
    ) -> list[tuple[PersonRow, tuple[str, ...]]]:
        """Persons of the operation who look like ``fields`` (checked), with why (keys of REASONS)."""
        found = find_duplicates(self.conn, operation_id, fields, photo_hashes=photo_hashes, exclude=exclude)
        rows = {row.id: row for row in self.persons_by_ids([m.person_id for m in found])}
        return [(rows[m.person_id], m.reasons) for m in found if m.person_id in rows]

    def photo_duplicates(
        self, person_id: str, photo_hashes: tuple[str, ...]
    ) -> list[tuple[PersonRow, tuple[str, ...]]]:
        """Other persons of this person's operation holding one of these photos (by SHA-256)."""
        person = self.person(person_id)
        return self.possible_duplicates(person.operation_id, {}, photo_hashes=photo_hashes, exclude=person_id)

    def update_person(self, person_id: str, **fields: Any) -> None:
        self.update_record("person", person_id, clean("person", PERSON_FIELDS, fields))

    def person(self, person_id: str) -> PersonRow:
        row = self.conn.execute(f"SELECT {PERSON_COLUMNS} FROM persons WHERE id = ?", (person_id,)).fetchone()
        if row is None:
            raise ValidationError(UNKNOWN_PERSON, person_id=person_id)
        return _person(row)

    def find_person(self, id_or_temp_id: str) -> PersonRow:
        """The person with this id or temporary id (any case), as an officer types it or a scanner reads
        a wristband (the check character is checked, then dropped)."""
        temp_id = read_band(id_or_temp_id)
        row = self.conn.execute(
            f"SELECT {PERSON_COLUMNS} FROM persons WHERE id = ? OR temp_id = ? COLLATE NOCASE",
            (id_or_temp_id.strip(), temp_id),
        ).fetchone()
        if row is None:
            raise ValidationError(NO_SUCH_PERSON, target=id_or_temp_id)
        return _person(row)

    def person_fields(self, person_id: str) -> dict[str, Any]:
        return self._state("person", person_id)[2]

    def persons(
        self,
        *,
        operation_id: str | None = None,
        search: str | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[PersonRow]:
        ids = self.person_ids(PersonFilter(operation_id=operation_id, search=search))
        return self.persons_by_ids(ids[offset : offset + limit])

    def person_ids(
        self, where: PersonFilter | None = None, *, sort: str = "temp_id", descending: bool = False
    ) -> list[str]:
        """Ids of every matching person, in display order: lists hold these and fetch rows page by page."""
        return person_ids(self.conn, where, sort=sort, descending=descending)

    def persons_by_ids(self, ids: list[str]) -> list[PersonRow]:
        """Rows for one page of ids, in the order given."""
        return persons_by_ids(self.conn, ids)

    def nationalities(self) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT nationality FROM persons WHERE nationality != '' ORDER BY 1"
            )
        ]

    # --- status --------------------------------------------------------------------------------

    def status(self) -> dict[str, Any]:
        def count(sql: str) -> int:
            return int(self.conn.execute(sql).fetchone()[0])

        last = (
            self.conn.execute(
                "SELECT max(device_seq) FROM events WHERE device_id = ?", (self.session.device_id,)
            ).fetchone()[0]
            or 0
        )
        acked = int(self.session.meta("hq_acked_seq") or 0)
        outcomes = dict(
            self.conn.execute(
                "SELECT coalesce(outcome, 'NOT_SCREENED'), count(*) FROM persons GROUP BY 1 ORDER BY 1"
            ).fetchall()
        )
        return {
            "vault_id": self.session.vault_id,
            "device_id": self.session.device_id,
            "device_name": self.session.device_name,
            "officer": self.session.officer.name,
            "operations": count("SELECT count(*) FROM operations"),
            "persons": count("SELECT count(*) FROM persons"),
            "persons_final": count("SELECT count(*) FROM persons WHERE status = 'final'"),
            "screenings": count("SELECT count(*) FROM screenings"),
            "outcomes": outcomes,
            "photos": count("SELECT count(*) FROM photos WHERE status != 'purged'"),
            "handovers": count("SELECT count(*) FROM handovers"),
            "events": count("SELECT count(*) FROM events"),
            "sync": {
                "enrolled": self.session.meta("hq_id") is not None,
                "last_seq": int(last),
                "acked_seq": acked,
                "unsynced_events": int(last) - acked,
            },
        }

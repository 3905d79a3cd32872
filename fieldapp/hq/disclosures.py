"""HQ's disclosure log, and the audit of every disclosure, at HQ and on the laptops, in one list.

At HQ each act is one row of ``hq_disclosures`` (append-only, signed by HQ's key and chained by hashes:
``fieldapp.hq.chain``, the decision log's pattern): opening a person's record (``view``), every export
(``export``: CTDC, HTCDS, a partner package, the dashboard as PNG or PDF) and any other file written
(``copy``). Who is ``actor``: the name of the analyst at HQ's keyboard today, a single parameter so it can
name an account once HQ has them. The purpose is required for exports and copies.

The laptops' prints and copies arrive as signed ``disclosure.record`` events with the next bundle, and
their issued forms as ``document.issue`` events (``fieldapp.records.disclosures`` says what counts);
:func:`audit` lists HQ's rows and the laptops' events together, newest first, filtered by person, account,
kind and period (the period in SQL; person, account and kind then in Python: persons are stored as a
JSON list, whose search is not portable between SQLite and PostgreSQL).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.atomic import write_atomic
from fieldapp.errors import message
from fieldapp.hq import chain
from fieldapp.hq.errors import HqError
from fieldapp.hq.identity import now
from fieldapp.records import disclosures as laptop
from fieldapp.records.canonical import canonical_json
from fieldapp.records.disclosures import KINDS, check_purpose, person_list
from fieldapp.records.ids import uuid7
from fieldapp.vault.db import id_slices

NEEDS_ACTOR = message("hq.disclosure_needs_actor", "Say who discloses (the analyst's name).")
UNKNOWN_KIND = message("hq.disclosure_unknown_kind", "Unknown kind '{kind}': choose one of {kinds}.")
BAD_WHEN = message(
    "hq.disclosure_bad_date", "--{name} '{value}': give a date as YYYY-MM-DD (or an ISO time)."
)

if TYPE_CHECKING:
    from fieldapp.hq.dashboard import Dashboard
    from fieldapp.hq.identity import HqIdentity
    from fieldapp.hq.store import HqStore
    from fieldapp.vault.db import Connection

CONTEXT = b"fieldapp-hq-disclosure-v1\n"  # domain separation from decisions, receipts and enrolments
HQ_KINDS = ("view", "export", "print", "copy")
COLUMNS = "id, seq, prev_hash, hash, kind, what, persons, actor, purpose, created_at, signature"
HASHED = ("id", "seq", "prev_hash", "kind", "what", "persons", "actor", "purpose", "created_at")
HQ_SOURCE = "HQ"


class DisclosureLogBroken(HqError):
    """A row of HQ's disclosure log was edited, deleted, reordered or not signed by HQ."""

    code = "hq_disclosure_log_broken"


@dataclass(frozen=True)
class Disclosure:
    """One row of the audit, from HQ's log or from a laptop's event."""

    id: str
    created_at: str
    source: str  # "HQ", or the laptop's name
    kind: str
    what: str
    persons: tuple[str, ...]
    actor: str  # the analyst at HQ; the officer's name on a laptop
    actor_id: str  # the officer's id on a laptop; empty at HQ (no accounts yet)
    purpose: str
    temp_ids: tuple[str, ...] = ()  # the persons' temporary ids, as on their wristbands (filled by audit)


@dataclass(frozen=True)
class AuditFilter:
    person: str | None = None  # a person's id or temporary id
    account: str | None = None  # the analyst's name at HQ, an officer's name or id on a laptop
    kind: str | None = None
    since: str | None = None  # an ISO date or time, inclusive
    until: str | None = None  # an ISO date (the whole day) or time, inclusive


def record(
    store: HqStore,
    identity: HqIdentity,
    actor: str,
    kind: str,
    what: str,
    person_ids: Iterable[str],
    purpose: str = "",
) -> Disclosure:
    """Sign, chain and store one disclosure at HQ (joins the caller's transaction if there is one)."""
    if kind not in HQ_KINDS:
        raise ValueError(f"unknown HQ disclosure kind {kind}")
    actor = actor.strip()
    if not actor:
        raise HqError(NEEDS_ACTOR)
    persons = person_list(person_ids)
    with store.transaction():
        seq, prev_hash = chain.head(store.conn, "hq_disclosures")
        body: dict[str, Any] = {
            "id": uuid7(),
            "seq": seq,
            "prev_hash": prev_hash,
            "kind": kind,
            "what": what,
            "persons": canonical_json(persons).decode("utf-8"),
            "actor": actor,
            "purpose": check_purpose(kind, purpose),
            "created_at": now(),
        }
        digest, signature = chain.seal(identity, CONTEXT, body, HASHED)
        store.conn.execute(
            f"INSERT INTO hq_disclosures ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                *(body[k] for k in ("id", "seq", "prev_hash")),
                digest,
                *(body[k] for k in HASHED[3:]),
                signature,
            ),
        )
    return Disclosure(
        body["id"], body["created_at"], HQ_SOURCE, kind, what, tuple(persons), actor, "", body["purpose"]
    )


def record_dashboard_export(
    store: HqStore, identity: HqIdentity, actor: str, board: Dashboard, suffix: str, purpose: str
) -> Disclosure:
    """The dashboard written as PNG or PDF: counts, not rows, so it names no person; what it covered
    (its filter) is recorded with it."""
    what = f"dashboard_{suffix.lstrip('.').lower()}: {board.filter_text}"
    return record(store, identity, actor, "export", what, (), purpose)


# --- checking ------------------------------------------------------------------------------------

_WORDS = chain.Words(
    gap=lambda seq: f"HQ's disclosure log has a gap before entry {seq}: an entry was deleted.",
    unlinked=lambda where: f"{where} does not follow the entry before it: entries were deleted or reordered.",
    altered=lambda where: f"{where} was edited after it was written.",
    unsigned=lambda where: f"{where} does not carry HQ's signature.",
)


def verify(conn: Connection, hq_id: str, verify_keys: str | Sequence[str]) -> int:
    """Check the chain, every hash and every signature; returns how many entries were checked."""
    rows = []
    for r in conn.execute(f"SELECT {COLUMNS} FROM hq_disclosures ORDER BY seq").fetchall():
        body = dict(zip(COLUMNS.split(", "), r, strict=True))
        body["seq"] = int(body["seq"])
        label = f"Disclosure entry {body['seq']} ({body['kind']} {body['what']} by {body['actor']})"
        rows.append(chain.Link(body["seq"], body["prev_hash"], body["hash"], body["signature"], body, label))
    return chain.verify(
        rows,
        hq_id=hq_id,
        verify_keys=verify_keys,
        context=CONTEXT,
        fields=HASHED,
        words=_WORDS,
        broken=DisclosureLogBroken,
    )


# --- the audit -------------------------------------------------------------------------------------


def _until(value: str) -> str:
    return value + "T23:59:59.999Z" if len(value) == 10 else value


def _check_filter(where: AuditFilter) -> None:
    if where.kind and where.kind not in KINDS:
        raise HqError(UNKNOWN_KIND, kind=where.kind, kinds=", ".join(KINDS))
    for name, value in (("since", where.since), ("until", where.until)):
        if value and not (len(value) >= 10 and value[4] == "-" and value[7] == "-"):
            raise HqError(BAD_WHEN, name=name, value=value)


def _time_sql(column: str, where: AuditFilter, args: list[Any]) -> str:
    sql = ""
    if where.since:
        sql += f" AND {column} >= ?"
        args.append(where.since)
    if where.until:
        sql += f" AND {column} <= ?"
        args.append(_until(where.until))
    return sql


def _person_ids(conn: Connection, person: str) -> set[str]:
    """The person asked for: their id, or their temporary id (as printed on a wristband or form)."""
    person = person.strip()
    found = {
        str(r[0]) for r in conn.execute("SELECT id FROM persons WHERE temp_id = ?", (person,)).fetchall()
    }
    return found | {person}


def _hq_rows(conn: Connection, where: AuditFilter) -> list[Disclosure]:
    if where.kind == "issue":
        return []
    args: list[Any] = []
    sql = "SELECT id, created_at, kind, what, persons, actor, purpose FROM hq_disclosures WHERE 1 = 1"
    if where.kind:
        sql += " AND kind = ?"
        args.append(where.kind)
    sql += _time_sql("created_at", where, args)
    return [
        Disclosure(
            str(r[0]),
            str(r[1]),
            HQ_SOURCE,
            str(r[2]),
            str(r[3]),
            tuple(json.loads(r[4])),
            str(r[5]),
            "",
            str(r[6]),
        )
        for r in conn.execute(sql, args).fetchall()
    ]


def _handover_persons(conn: Connection, handover_ids: list[str]) -> dict[str, str]:
    """The person each of these handovers is about (an issued form names its handover record)."""
    found: dict[str, str] = {}
    for chunk, marks in id_slices(handover_ids):
        for record_id, person_id in conn.execute(
            f"SELECT id, person_id FROM handovers WHERE id IN ({marks})", chunk
        ).fetchall():
            found[str(record_id)] = str(person_id)
    return found


def _laptop_rows(conn: Connection, where: AuditFilter) -> list[Disclosure]:
    """Prints and copies (``disclosure.record``) and issued forms (``document.issue``) from the laptops."""
    args: list[Any] = [laptop.ENTITY, laptop.OP]
    sql = (
        "SELECT e.event_id, e.created_at, e.entity, e.payload, e.officer_id, o.name, d.name "
        "FROM events e LEFT JOIN officers o ON o.id = e.officer_id "
        "LEFT JOIN hq_devices d ON d.device_id = e.device_id "
        "WHERE ((e.entity = ? AND e.op = ?) OR (e.entity = 'document' AND e.op = 'issue'))"
    )
    sql += _time_sql("e.created_at", where, args)
    events = conn.execute(sql, args).fetchall()
    issued = [json.loads(r[3]) for r in events if r[2] == "document"]
    person_of = _handover_persons(conn, [str(p.get("record_id", "")) for p in issued])
    found = []
    for event_id, created_at, entity, payload_text, officer_id, officer, device in events:
        payload = json.loads(payload_text)
        if entity == "document":
            kind, what, purpose = "issue", str(payload.get("kind", "")), ""
            persons = [person_of.get(str(payload.get("record_id", "")), "")]
        else:
            kind, what = str(payload["kind"]), str(payload["what"])
            persons, purpose = list(payload["persons"]), str(payload.get("purpose", ""))
        found.append(
            Disclosure(
                str(event_id),
                str(created_at),
                str(device or "laptop"),
                kind,
                what,
                tuple(p for p in persons if p),
                str(officer or officer_id),
                str(officer_id),
                purpose,
            )
        )
    return found


def audit(store: HqStore, where: AuditFilter = AuditFilter()) -> list[Disclosure]:
    """Every disclosure at HQ and on the laptops that ``where`` selects, newest first."""
    _check_filter(where)
    rows = _hq_rows(store.conn, where) + _laptop_rows(store.conn, where)
    if where.kind:
        rows = [r for r in rows if r.kind == where.kind]
    if where.person:
        wanted_ids = _person_ids(store.conn, where.person)
        rows = [r for r in rows if wanted_ids & set(r.persons)]
    if where.account:
        wanted = where.account.strip().casefold()
        rows = [r for r in rows if wanted in (r.actor.casefold(), r.actor_id.casefold())]
    rows.sort(key=lambda r: (r.created_at, r.id), reverse=True)
    temp_ids = _temp_ids(store.conn, [p for r in rows for p in r.persons])
    return [replace(r, temp_ids=tuple(temp_ids.get(p, p) for p in r.persons)) for r in rows]


def _temp_ids(conn: Connection, person_ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for chunk, marks in id_slices(person_ids):
        for person_id, temp_id in conn.execute(
            f"SELECT id, temp_id FROM persons WHERE id IN ({marks})", chunk
        ).fetchall():
            found[str(person_id)] = str(temp_id)
    return found


def accounts(store: HqStore) -> list[str]:
    """Everyone who disclosed something: HQ's analysts and the laptops' officers (for the filter)."""
    return sorted({r.actor for r in audit(store)}, key=str.casefold)


CSV_COLUMNS = ("when", "where", "kind", "what", "persons", "temp_ids", "who", "who_id", "purpose", "id")


def write_csv(rows: Sequence[Disclosure], path: Path) -> int:
    """The audit as CSV (UTF-8, persons joined by ';'), written atomically, readable by the owner only."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow(
            (
                r.created_at,
                r.source,
                r.kind,
                r.what,
                ";".join(r.persons),
                ";".join(r.temp_ids),
                r.actor,
                r.actor_id,
                r.purpose,
                r.id,
            )
        )
    write_atomic(path, buffer.getvalue().encode("utf-8"), mode=0o600)
    return len(rows)

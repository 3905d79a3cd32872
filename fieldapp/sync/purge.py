"""Purge after retention: what HQ holds and the team no longer works on leaves the laptop.

A person qualifies when HQ has acknowledged every event of the person's records (the person,
their screenings, photos, handovers and the PDFs issued for those handovers: the newest such
event's ``device_seq`` ≤ ``hq_acked_seq``) and the newest of those events was made more than
``RETENTION_DAYS`` (vault setting, default 14) before now.

The age is taken from the events' ``created_at`` (the last time anyone touched the person's
records), not from the time of the receipt: the laptop keeps only the latest receipt
(``hq_last_receipt``), not which receipt acknowledged which seq, and measuring from the latest
receipt would postpone every purge for as long as the laptop keeps syncing. Acknowledgement is
the separate precondition; retention is "the team has not needed this person for N days".

For each such person, one at a time (so a cancel or a crash leaves whole persons done):

1. every photo still held is crypto-shredded (``Photos.purge``: key row and file go);
2. in one transaction: an officer-signed ``purge`` event for each screening and handover, the
   bytes of the PDFs issued for those handovers deleted (their hash rows stay, so ``fieldapp
   verify`` still says a paper form was issued), and last the person's own ``purge`` event;
   the projections keep only ids, pins, results and hashes.

``purge`` events are the purge's own: they are left out of the "every event acknowledged" test,
so a purge interrupted half-way is finished by the next run. They sync to HQ like any event and
HQ's projections then show the person purged too (HQ keeps the full events and originals).

3. in that same transaction, every earlier event of those records that HQ has acknowledged
   (all of them: that is what made the person eligible) has its payload replaced by its redacted
   form (``events.redacted_payload``: the original's SHA-256 and the ids, pins, results and hashes
   the purged projections keep); hash and signatures stay, HQ holds the originals. The log's
   update trigger (migration 5) allows no other change. Records purged before schema 5 are
   redacted by the next purge run (``redact_purged``).

Afterwards the search index is merged and the WAL checkpointed: secure_delete is on, so the
freed pages that held the names are zeroed. Pre-migration copies of the vault are deleted as soon as
a migration checked sound (vault/migrate.py), so none outlives it to keep a purged photo's key; sync
bundles already written to sticks (encrypted to HQ) are not the laptop's to shred.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fieldapp.errors import term
from fieldapp.records.events import REDACTABLE_ENTITIES, redacted_payload
from fieldapp.vault.session import Session
from fieldapp.work import Progress, ShouldCancel

PURGE_ACKNOWLEDGED = term("actions", "purge records HQ has acknowledged")

PURGE_REASON = "Retention: acknowledged by HQ and older than the retention period"

# Each live person's records: (person_id, record id). Purge events do not count (see above).
_CANDIDATES = """
WITH rec(person_id, rid) AS (
    SELECT id, id FROM persons WHERE status != 'purged'
    UNION ALL SELECT s.person_id, s.id FROM screenings s JOIN persons p ON p.id = s.person_id
        WHERE p.status != 'purged'
    UNION ALL SELECT f.person_id, f.id FROM photos f JOIN persons p ON p.id = f.person_id
        WHERE p.status != 'purged'
    UNION ALL SELECT h.person_id, h.id FROM handovers h JOIN persons p ON p.id = h.person_id
        WHERE p.status != 'purged'
    UNION ALL SELECT h.person_id, d.id FROM issued_documents d JOIN handovers h ON h.id = d.record_id
        JOIN persons p ON p.id = h.person_id WHERE p.status != 'purged'
)
SELECT r.person_id FROM rec r JOIN events e ON e.entity_id = r.rid AND e.op != 'purge'
GROUP BY r.person_id
HAVING max(CASE WHEN e.device_id = ? THEN e.device_seq ELSE 9223372036854775807 END) <= ?
   AND max(e.created_at) < ?
ORDER BY r.person_id
"""


@dataclass(frozen=True)
class PurgeResult:
    photos: int  # photos shredded (or that would be, in a dry run)
    persons_eligible: int
    persons: int = 0  # persons purged
    screenings: int = 0
    handovers: int = 0
    documents: int = 0  # issued PDFs whose bytes were deleted
    redacted: int = 0  # events whose payloads were redacted (never in a dry run)
    dry_run: bool = False
    cancelled: bool = False


def _cutoff(session: Session, now: datetime | None) -> str:
    from fieldapp.records import settings

    days = settings.get_int(session, settings.RETENTION_DAYS)
    moment = (now or datetime.now(UTC)) - timedelta(days=days)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def eligible_persons(session: Session, *, now: datetime | None = None) -> list[str]:
    """Ids of the persons a purge would remove now (acknowledged by HQ, past retention)."""
    acked = int(session.meta("hq_acked_seq") or 0)
    rows = session.conn.execute(_CANDIDATES, (session.device_id, acked, _cutoff(session, now)))
    return [str(r[0]) for r in rows]


def _live_ids(session: Session, table: str, person_id: str) -> list[str]:
    rows = session.conn.execute(
        f"SELECT id FROM {table} WHERE person_id = ? AND status != 'purged' ORDER BY created_at, id",
        (person_id,),
    )
    return [str(r[0]) for r in rows]


def _documents(session: Session, handover_ids: list[str]) -> int:
    if not handover_ids:
        return 0
    marks = ", ".join("?" * len(handover_ids))
    row = session.conn.execute(
        "SELECT count(*) FROM issued_document_files f JOIN issued_documents d ON d.id = f.document_id "
        f"WHERE d.record_id IN ({marks})",
        handover_ids,
    ).fetchone()
    return int(row[0])


# A purged record's events that HQ acknowledged and that are not redacted yet (purge events never are).
_TO_REDACT = """
SELECT e.event_id, e.entity, e.op, e.payload FROM events e
WHERE e.device_id = ?1 AND e.device_seq <= ?2 AND e.op != 'purge' AND e.entity IN ({entities})
  AND json_type(e.payload, '$.redacted') IS NULL
  AND EXISTS (SELECT 1 FROM events p WHERE p.entity_id = e.entity_id AND p.op = 'purge'
              AND p.device_id = e.device_id AND p.device_seq > e.device_seq)
  {only}
ORDER BY e.device_seq
"""


def redact_purged(session: Session, record_ids: list[str] | None = None) -> int:
    """Redact the acknowledged events of purged records (of ``record_ids``, or of every purged one).

    Runs inside the caller's transaction when there is one. Returns how many events were redacted.
    """
    acked = int(session.meta("hq_acked_seq") or 0)
    entities = ", ".join(f"'{name}'" for name in sorted(REDACTABLE_ENTITIES))
    params: list[object] = [session.device_id, acked]
    only = ""
    if record_ids is not None:
        if not record_ids:
            return 0
        only = f"AND e.entity_id IN ({', '.join('?' * len(record_ids))})"
        params += record_ids
    count = 0
    with session.log.transaction():
        rows = session.conn.execute(_TO_REDACT.format(entities=entities, only=only), params).fetchall()
        for event_id, entity, op, payload in rows:
            redacted = redacted_payload(str(entity), str(op), json.loads(payload))
            text = json.dumps(redacted, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            session.conn.execute("UPDATE events SET payload = ? WHERE event_id = ?", (text, event_id))
            count += 1
    return count


def _all_ids(session: Session, person_id: str) -> list[str]:
    """The person and every screening, photo and handover of theirs, purged or not."""
    rows = session.conn.execute(
        "SELECT id FROM screenings WHERE person_id = ?1 UNION ALL SELECT id FROM photos WHERE person_id = ?1 "
        "UNION ALL SELECT id FROM handovers WHERE person_id = ?1",
        (person_id,),
    )
    return [person_id, *(str(r[0]) for r in rows)]


def purge_acknowledged(
    session: Session,
    *,
    now: datetime | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> PurgeResult:
    """Purge every eligible person (see the module docstring); team lead only.

    With ``dry_run`` nothing changes and the result counts what would go. ``should_cancel`` is polled
    between persons: those done stay purged, the rest stay as they were.
    """
    from fieldapp.photos.service import Photos
    from fieldapp.records.service import Records
    from fieldapp.reports.issued import IssuedDocuments

    session.require("team_lead", PURGE_ACKNOWLEDGED)
    persons = eligible_persons(session, now=now)
    photos_service = Photos(Records(session))
    documents = IssuedDocuments(session)
    counts = {"photos": 0, "persons": 0, "screenings": 0, "handovers": 0, "documents": 0, "redacted": 0}
    cancelled = False
    for index, person_id in enumerate(persons):
        if should_cancel is not None and should_cancel():
            cancelled = True
            break
        photo_ids = _live_ids(session, "photos", person_id)
        screening_ids = _live_ids(session, "screenings", person_id)
        handover_ids = _live_ids(session, "handovers", person_id)
        if dry_run:
            counts["documents"] += _documents(session, handover_ids)
        else:
            for photo_id in photo_ids:
                photos_service.purge(photo_id, PURGE_REASON)
            with session.log.transaction():
                for entity, ids in (("screening", screening_ids), ("handover", handover_ids)):
                    for record_id in ids:
                        session.log.append(entity, record_id, "purge", {"reason": PURGE_REASON})
                counts["documents"] += documents.delete_files(handover_ids)
                session.log.append("person", person_id, "purge", {"reason": PURGE_REASON})
                counts["redacted"] += redact_purged(session, _all_ids(session, person_id))
        counts["photos"] += len(photo_ids)
        counts["screenings"] += len(screening_ids)
        counts["handovers"] += len(handover_ids)
        counts["persons"] += 1
        if progress is not None:
            progress(index + 1, len(persons), "")
    if not dry_run and not cancelled:
        counts["redacted"] += redact_purged(session)  # records purged before schema 5, or one by one
    if (counts["persons"] or counts["redacted"]) and not dry_run:
        # Merge the search index so the purged names' old index entries are dropped, then move the
        # (zeroed: secure_delete is on) freed pages out of the WAL into the database file.
        session.conn.execute("INSERT INTO person_search (person_search) VALUES ('optimize')")
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return PurgeResult(
        photos=counts["photos"],
        persons_eligible=len(persons),
        persons=counts["persons"],
        screenings=counts["screenings"],
        handovers=counts["handovers"],
        documents=counts["documents"],
        redacted=counts["redacted"],
        dry_run=dry_run,
        cancelled=cancelled,
    )

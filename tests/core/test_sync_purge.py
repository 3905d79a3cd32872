"""Purge after retention, end to end: export → HQ import → receipt → purge → the purge reaches HQ.

A person with a photo, a screening and a handed-over handover whose issued PDF holds the canary
name is acknowledged by HQ; a second person made after the export is not. After a purge with the
clock past the retention period, the first person's name is in no table the app reads (a scan of
every table but the append-only event log, FTS shadow tables included), their photo cannot be
decrypted, the PDF's bytes are gone, and ids and hashes remain. The purged records' earlier events
are redacted in the same transaction (tests/core/test_redaction.py), so the name is in no table,
the event log included, and in no decrypted page of the vault file.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fieldapp.errors import NotAllowed
from fieldapp.photos.errors import PhotoUnavailable
from fieldapp.photos.service import Photos
from fieldapp.records import settings
from fieldapp.records.check import run_check
from fieldapp.records.handovers import Handovers
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reports.issued import HANDOVER_FORM, IssuedDocuments
from fieldapp.sync.export import ExportResult, export_bundle
from fieldapp.sync.purge import eligible_persons, purge_acknowledged
from fieldapp.sync.receipt import apply_receipt
from fieldapp.vault.session import Session
from tests.core.test_handovers import COMPLETE
from tests.core.test_photos import _decrypted_pages, jpeg
from tests.core.test_sync import Hq, receipt_file, stick_of

CANARY = "CANARYPURGED"
CANARY_OWN = "សុខាលុបចោល"
KEEP = "CANARYKEPT"
LATER = datetime.now(UTC) + timedelta(days=15)


def _export(session: Session, folder: Path) -> ExportResult:
    result = export_bundle(session, folder)
    assert result is not None
    return result


def _leaks(session: Session, needle: str) -> list[str]:
    """Tables (the event log included: purged records' events are redacted) holding ``needle``."""
    tables = [str(r[0]) for r in session.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    encoded = [needle.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    hits = []
    for table in tables:
        if table.startswith("sqlite_"):
            continue
        for row in session.conn.execute(f'SELECT * FROM "{table}"'):
            for value in row:
                data = value if isinstance(value, bytes) else str(value).encode("utf-8")
                if any(e in data for e in encoded):
                    hits.append(table)
    return hits


def _world(session: Session, hq: Hq, tmp_path: Path) -> dict[str, Any]:
    hq.enrol(session)
    hq.approve(session)
    records = Records(session)
    op = records.create_operation(name="Golden Bay raid")
    person = records.register_person(
        op.id, name=CANARY, name_own_script=CANARY_OWN, nationality="KHM", age=24, document_no="N0123456"
    )
    photo = Photos(records).attach(person.id, jpeg(640, 480), kind="portrait", consent=True)
    screening = Screenings(records).begin(person.id)
    handovers = Handovers(records)
    handover = handovers.draft(person.id, **COMPLETE)
    handovers.hand_over(handover.id)
    pdf = b"%PDF-1.4 fake form for " + CANARY.encode() + b" " + CANARY_OWN.encode()
    document = IssuedDocuments(session).store(handover.id, 1, HANDOVER_FORM, pdf)
    stick = stick_of(tmp_path)
    imported = hq.imports(_export(session, stick))
    apply_receipt(session, receipt_file(tmp_path, imported))
    kept = records.register_person(op.id, name=KEEP, nationality="KHM", age=30)
    kept_photo = Photos(records).attach(kept.id, jpeg(320, 240), kind="portrait", consent=True)
    return {
        "person": person.id,
        "photo": photo.id,
        "screening": screening.id,
        "handover": handover.id,
        "document": document,
        "kept": kept.id,
        "kept_photo": kept_photo.id,
        "stick": stick,
        "temp_id": person.temp_id,
        "operation": op.id,
    }


@pytest.fixture
def hq(tmp_path: Path) -> Any:
    h = Hq(tmp_path / "hq")
    yield h
    h.store.close()


def test_purge_end_to_end(session: Session, hq: Hq, tmp_path: Path) -> None:
    w = _world(session, hq, tmp_path)
    records, photos, issued = Records(session), Photos(Records(session)), IssuedDocuments(session)
    photo_sha = photos.photo(w["photo"]).sha256
    events_before = session.conn.execute("SELECT count(*) FROM events").fetchone()[0]

    # Too recent for the default 14 days; a shorter retention setting is honoured.
    assert eligible_persons(session) == []
    assert eligible_persons(session, now=datetime.now(UTC) + timedelta(days=3)) == []
    settings.put(session, settings.RETENTION_DAYS, 2)
    assert eligible_persons(session, now=datetime.now(UTC) + timedelta(days=3)) == [w["person"]]
    settings.put(session, settings.RETENTION_DAYS, 14)

    dry = purge_acknowledged(session, now=LATER, dry_run=True)
    assert (dry.persons, dry.photos, dry.screenings, dry.handovers, dry.documents) == (1, 1, 1, 1, 1)
    assert session.conn.execute("SELECT count(*) FROM events").fetchone()[0] == events_before
    assert records.persons(search=CANARY)

    lead = session.officer
    session.officer = type(lead)(lead.id, lead.name, "screener", True)
    with pytest.raises(NotAllowed):
        purge_acknowledged(session, now=LATER)
    session.officer = lead

    seen: list[tuple[int, int]] = []
    result = purge_acknowledged(session, now=LATER, progress=lambda d, t, _what: seen.append((d, t)))
    assert (result.persons, result.photos, result.screenings, result.handovers, result.documents) == (
        1,
        1,
        1,
        1,
        1,
    )
    assert seen == [(1, 1)]

    # Names are gone from everything the app reads; ids and hashes stay.
    assert records.persons(search=CANARY) == [] and records.persons(search=CANARY_OWN) == []
    assert records.persons(search="N0123456") == []
    assert _leaks(session, CANARY) == [] and _leaks(session, CANARY_OWN) == []
    gone = records.person(w["person"])
    assert (gone.status, gone.name, gone.temp_id) == ("purged", "", w["temp_id"])
    assert records.person_fields(w["person"]) == {"operation_id": w["operation"], "temp_id": w["temp_id"]}
    with pytest.raises(PhotoUnavailable):
        photos.original(w["photo"])
    assert photos.photo(w["photo"]).sha256 == photo_sha
    assert issued.pdf(w["document"].id) is None
    assert issued.by_sha256(w["document"].sha256) == [w["document"]]  # verify still knows the form
    screening = json.loads(
        session.conn.execute("SELECT data FROM screenings WHERE id = ?", (w["screening"],)).fetchone()[0]
    )
    assert set(screening) <= {"person_id", "pins", "result"} and screening["person_id"] == w["person"]
    handover = json.loads(
        session.conn.execute("SELECT data, status FROM handovers WHERE id = ?", (w["handover"],)).fetchone()[
            0
        ]
    )
    assert handover == {"person_id": w["person"], "was_final": True}  # still counts as handed over
    assert session.meta("hq_last_receipt")

    # The person HQ has not acknowledged is untouched.
    assert [p.id for p in records.persons(search=KEEP)] == [w["kept"]]
    assert photos.original(w["kept_photo"])
    report = run_check(session)
    assert report.ok, report.problems
    assert purge_acknowledged(session, now=LATER).persons == 0  # nothing left to purge

    # The purge events go to HQ in the next bundle; HQ's projections show the person purged too.
    second = _export(session, w["stick"])
    assert second.events > 0
    imported = hq.imports(second)
    assert imported.new_events == second.events
    row = hq.store.conn.execute(
        "SELECT status, name, data FROM persons WHERE id = ?", (w["person"],)
    ).fetchone()
    assert (row[0], row[1]) == ("purged", "") and CANARY not in row[2]
    assert (
        hq.store.conn.execute("SELECT status FROM photos WHERE id = ?", (w["photo"],)).fetchone()[0]
        == "purged"
    )
    kept_row = hq.store.conn.execute("SELECT name FROM persons WHERE id = ?", (w["kept"],)).fetchone()
    assert kept_row[0] == KEEP
    live = hq.store.projection_digest()
    with hq.store.transaction():
        from fieldapp.records import projections

        projections.rebuild(hq.store.conn)
    assert hq.store.projection_digest() == live
    apply_receipt(session, receipt_file(tmp_path, imported))
    assert records.status()["sync"]["unsynced_events"] == 0


def test_interrupted_purge_is_finished_by_the_next_run(session: Session, hq: Hq, tmp_path: Path) -> None:
    w = _world(session, hq, tmp_path)
    # A purge that shredded the photo (its own event) and stopped before the person's events.
    Photos(Records(session)).purge(w["photo"], "Retention: interrupted purge")
    assert eligible_persons(session, now=LATER) == [w["person"]]  # purge events do not count
    cancelled = purge_acknowledged(session, now=LATER, should_cancel=lambda: True)
    assert cancelled.cancelled and cancelled.persons == 0
    result = purge_acknowledged(session, now=LATER)
    assert (result.persons, result.photos) == (1, 0)
    assert Records(session).person(w["person"]).status == "purged"
    assert run_check(session).ok


def test_no_purged_name_in_any_decrypted_page(
    session: Session, hq: Hq, tmp_path: Path, vault_dir: Path
) -> None:
    _world(session, hq, tmp_path)
    dek = session._dek
    assert dek is not None
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    before = _decrypted_pages(vault_dir / "vault.db", dek)
    assert CANARY.encode() in before and CANARY_OWN.encode() in before  # the page reader sees them
    assert purge_acknowledged(session, now=LATER).redacted > 0
    # No checkpoint here: the purge's own one must have moved every page out of the WAL.
    assert not (vault_dir / "vault.db-wal").exists() or (vault_dir / "vault.db-wal").stat().st_size == 0
    pages = _decrypted_pages(vault_dir / "vault.db", dek)
    assert KEEP.encode() in pages  # the page reader works: the unpurged person is readable
    for needle in (CANARY, CANARY_OWN, "N0123456"):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert needle.encode(encoding) not in pages, (needle, encoding)


def test_purging_a_handed_over_record_keeps_the_person_handed_over(session: Session) -> None:
    from fieldapp.records.ids import uuid7

    records = Records(session)
    person = records.register_person(records.create_operation(name="Raid").id, name="HANDED OVER")
    handover_id = uuid7()
    session.log.append("handover", handover_id, "create", {"fields": {"person_id": person.id}})
    records.finalise("handover", handover_id)
    assert records.person(person.id).handed_over
    session.log.append("handover", handover_id, "purge", {"reason": "acknowledged by HQ"})
    session.log.append("person", person.id, "purge", {"reason": "acknowledged by HQ"})
    row = records.person(person.id)
    assert row.handed_over and row.name == "" and row.temp_id

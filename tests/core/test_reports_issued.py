"""Issued PDFs: rendered, stored in the vault with the record version they show, found and verified again."""

from __future__ import annotations

import hashlib
import json

import pytest

from fieldapp.errors import RecordStateError
from fieldapp.records.check import run_check
from fieldapp.records.handovers import Handovers
from fieldapp.records.service import Records
from fieldapp.reports.data import form_data
from fieldapp.reports.handover import render_handover
from fieldapp.reports.issued import HANDOVER_FORM, IssuedDocuments
from fieldapp.reports.qr import Verdict
from fieldapp.reports.verify import verify_pdf
from tests.core.test_handovers import COMPLETE

pytestmark = pytest.mark.usefixtures("qapp")


def _final(records: Records) -> str:
    op = records.create_operation(name="Golden Bay raid")
    person = records.register_person(
        op.id, name="ZHANG WEI", name_own_script="张伟", nationality="CHN", sex="male", age=31
    )
    handovers = Handovers(records)
    draft = handovers.draft(person.id, **COMPLETE)
    handovers.hand_over(draft.id)
    return draft.id


def test_issue_stores_the_bytes_and_a_signed_event_with_the_version(records: Records) -> None:
    handovers = Handovers(records)
    handover_id = _final(records)
    issued = IssuedDocuments(records.session)
    result = issued.issue_handover(handovers, handover_id)
    pdf, doc = result.pdf, result.document
    assert pdf.startswith(b"%PDF") and doc.sha256 == hashlib.sha256(pdf).hexdigest()
    assert (doc.record_id, doc.version, doc.kind, doc.size) == (handover_id, 1, HANDOVER_FORM, len(pdf))
    assert issued.pdf(doc.id) == pdf  # the very bytes, inside the encrypted vault
    assert issued.for_record(handover_id) == [doc] and issued.for_record(handover_id, 1) == [doc]
    assert issued.for_record(handover_id, 2) == [] and issued.by_sha256(doc.sha256.upper()) == [doc]
    assert issued.is_issued(doc.sha256) and not issued.is_issued(hashlib.sha256(b"x").hexdigest())
    # The event names the hash and the version; the bytes never enter the log.
    row = records.conn.execute(
        "SELECT entity, op, payload, event_id FROM events WHERE entity_id = ?", (doc.id,)
    ).fetchone()
    assert (row[0], row[1], row[3]) == ("document", "issue", doc.event_id)
    assert json.loads(row[2]) == {
        "record_id": handover_id,
        "version": 1,
        "kind": HANDOVER_FORM,
        "sha256": doc.sha256,
        "size": len(pdf),
    }
    # `fieldapp check` rebuilds issued_documents from the log and finds it equal.
    report = run_check(records.session)
    assert report.ok, report.problems
    records.conn.execute("DELETE FROM issued_documents")
    broken = run_check(records.session)
    assert any("issued_documents" in p for p in broken.problems), broken.problems
    assert run_check(records.session, rebuild=True).rebuilt_tables == ["issued_documents"]
    assert issued.for_record(handover_id) == [doc]


def test_each_issue_is_its_own_document_and_amendments_issue_new_versions(records: Records) -> None:
    handovers = Handovers(records)
    handover_id = _final(records)
    issued = IssuedDocuments(records.session)
    first = issued.issue_handover(handovers, handover_id)
    again = issued.issue_handover(handovers, handover_id)
    assert first.document.id != again.document.id
    assert len(issued.for_record(handover_id, 1)) == 2
    handovers.amend(handover_id, "receiving officer corrected", receiving_officer="Someone Else")
    v2 = issued.issue_handover(handovers, handover_id)
    assert v2.document.version == 2 and [d.version for d in issued.for_record(handover_id)] == [1, 1, 2]
    # The old file is still one the app issued, but its record was amended since.
    old = verify_pdf(first.pdf, handovers.versions, issued.is_issued)
    assert old.issued is True and old.records[0].verdict is Verdict.AMENDED and not old.ok
    new = verify_pdf(v2.pdf, handovers.versions, issued.is_issued)
    assert new.ok and new.records[0].verdict is Verdict.MATCHES


def test_a_draft_is_not_issued(records: Records) -> None:
    handovers = Handovers(records)
    op = records.create_operation(name="Golden Bay raid")
    person = records.register_person(op.id, name="ZHANG WEI", nationality="CHN")
    draft = handovers.draft(person.id, **COMPLETE)
    issued = IssuedDocuments(records.session)
    with pytest.raises(RecordStateError, match="Only a handed-over"):
        issued.issue_handover(handovers, draft.id)
    assert records.conn.execute("SELECT count(*) FROM issued_documents").fetchone()[0] == 0
    assert records.conn.execute("SELECT count(*) FROM issued_document_files").fetchone()[0] == 0


def test_verify_against_the_vault_store(records: Records) -> None:
    """Issued → matches; the same form rendered but never issued, or edited afterwards → not issued."""
    handovers = Handovers(records)
    handover_id = _final(records)
    issued = IssuedDocuments(records.session)
    pdf = issued.issue_handover(handovers, handover_id).pdf
    good = verify_pdf(pdf, handovers.versions, issued.is_issued)
    assert good.ok and good.lines()[0] == "The file is byte for byte one this app issued."
    edited = pdf.replace(b"/Title", b"/Title ", 1)
    bad = verify_pdf(edited, handovers.versions, issued.is_issued)
    assert bad.issued is False and not bad.ok and bad.records[0].verdict is Verdict.MATCHES
    signer = records.session
    unissued = render_handover([form_data(handovers.get(handover_id), signer, None, handovers)])
    assert verify_pdf(unissued, handovers.versions, issued.is_issued).issued is False

"""The disclosure log (issue 23), on both HQ stores: every path that shows, prints, exports or copies a
person's data leaves exactly one signed event; the laptop's reach HQ with a real bundle; `hq audit` lists
and filters them; `hq check` finds an edited, deleted or reordered entry of HQ's log."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest

from fieldapp.cli.main import main
from fieldapp.errors import ValidationError
from fieldapp.hq import disclosures, views
from fieldapp.hq.check import run_hq_check
from fieldapp.hq.dashboard import dashboard
from fieldapp.hq.disclosures import AuditFilter, audit
from fieldapp.hq.exports import export_standard
from fieldapp.hq.partner_export import disclose_partner_package
from fieldapp.hq.store import open_store
from fieldapp.records import disclosures as laptop_disclosures
from fieldapp.records.handovers import Handovers
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reports import charts
from fieldapp.reports.issued import IssuedDocuments
from fieldapp.vault.session import Session, unlock
from tests.core.test_handovers import COMPLETE
from tests.core.test_sync import HQ_PASSPHRASE, Hq, add_persons, laptop, stick_of
from tests.support import PASSPHRASE

pytestmark = pytest.mark.usefixtures("qapp")  # issuing renders a PDF; the dashboard draws charts

ANALYST = "Keo Malis"


def _hand_over(session: Session, person_id: str) -> str:
    handovers = Handovers(Records(session))
    draft = handovers.draft(person_id, **COMPLETE)
    handovers.hand_over(draft.id)
    return draft.id


def _laptop_paths(tmp_path: Path, hq: Hq) -> tuple[list[str], dict[str, str]]:
    """A laptop issues a form, prints it, and saves a copy (the CLI's `report`); returns its persons and
    the id of each laptop act's event."""
    session = laptop(tmp_path, "Poipet laptop")
    hq.enrol(session)
    hq.approve(session)
    persons = add_persons(session, 3)
    handover_id = _hand_over(session, persons[0])
    screenings = Screenings(Records(session))
    for person in persons[1:]:  # these two may go to an NGO's package
        screenings.finalise(screenings.begin(person, sections={"consent": {"share_ngo_iom": True}}).id)
    acts: dict[str, str] = {}
    acts["laptop PDF issue"] = (
        IssuedDocuments(session).issue_handover(Handovers(Records(session)), handover_id).document.event_id
    )
    # The print of the issued form (what PdfOutput records once the printer is done).
    pdf = IssuedDocuments(session).pdf(IssuedDocuments(session).for_record(handover_id)[-1].id)
    acts["laptop print"] = laptop_disclosures.record(
        session, "print", "handover", [persons[0]], pdf=pdf
    ).event_id
    data_dir = session.data_dir
    session.close()
    # An unencrypted copy through the command line (a manifest naming all three persons).
    operation = Records(unlock(data_dir, "Sok Dara", PASSPHRASE)).persons(limit=10)[0].operation_id
    argv = [
        "report",
        "manifest",
        operation,
        "-o",
        str(tmp_path / "manifest.pdf"),
        "--purpose",
        "court hearing",
    ]
    code = main([*argv, "--data-dir", str(data_dir), "--passphrase-file", "-"], stdin=io.StringIO(PASSPHRASE))
    assert code == 0 and (tmp_path / "manifest.pdf").read_bytes().startswith(b"%PDF")
    session = unlock(data_dir, "Sok Dara", PASSPHRASE)
    try:
        events = laptop_disclosures.recorded(session)
        assert [(e.payload["kind"], e.payload["what"]) for e in events] == [
            ("print", "handover"),
            ("copy", "manifest"),
        ]
        acts["laptop unencrypted copy save"] = events[-1].event_id
        assert events[-1].payload["persons"] == sorted(persons)
        assert events[-1].payload["purpose"] == "court hearing"
        assert events[-1].officer_sig  # signed by the officer, like every event
        from fieldapp.sync.export import export_bundle

        bundle = export_bundle(session, stick_of(tmp_path))
        assert bundle is not None
        hq.imports(bundle)  # a real bundle, through HQ's importer
    finally:
        session.close()
    return persons, acts


def test_every_disclosure_path_leaves_exactly_one_audit_event(tmp_path: Path, hq: Hq) -> None:
    persons, acts = _laptop_paths(tmp_path, hq)
    store, identity = hq.store, hq.identity
    assert not audit(store, AuditFilter(kind="view"))

    views.open_person(store, identity, ANALYST, persons[1])
    acts["HQ person view"] = audit(store)[0].id
    for standard in ("ctdc", "htcds"):
        export_standard(
            store, identity, ANALYST, standard, tmp_path / f"{standard}.csv", k=None, purpose="annual report"
        )
        acts[f"HQ {standard} export"] = audit(store)[0].id
    package = disclose_partner_package(
        store, identity, ANALYST, tmp_path / "p.zip", purpose="NGO referral", unencrypted=True, media=False
    )
    acts["HQ partner package"] = audit(store)[0].id
    board = dashboard(store)
    for suffix, write in ((".png", charts.write_dashboard_png), (".pdf", charts.write_dashboard_pdf)):
        write(board, tmp_path / f"board{suffix}", hq_name=identity.hq_name)
        disclosures.record_dashboard_export(store, identity, ANALYST, board, suffix, "monthly brief")
        acts[f"HQ dashboard {suffix} export (a PDF saved at HQ)"] = audit(store)[0].id

    rows = audit(store)
    by_id = Counter(r.id for r in rows)
    assert len(set(acts.values())) == len(acts) == 9  # each path its own event...
    assert all(by_id[event_id] == 1 for event_id in acts.values())  # ... listed once
    assert len(rows) == len(acts)  # and nothing else was counted (no double count of the issued form)
    kinds = {path: next(r for r in rows if r.id == event_id) for path, event_id in acts.items()}
    assert kinds["laptop PDF issue"].kind == "issue" and kinds["laptop PDF issue"].persons == (persons[0],)
    assert kinds["laptop print"].kind == "print" and kinds["laptop print"].source == "Poipet laptop"
    assert kinds["laptop print"].actor == "Sok Dara" and kinds["laptop print"].actor_id
    assert kinds["laptop unencrypted copy save"].kind == "copy"
    assert kinds["HQ person view"].persons == (persons[1],) and kinds["HQ person view"].actor == ANALYST
    temp_id = str(store.conn.execute("SELECT temp_id FROM persons WHERE id = ?", (persons[1],)).fetchone()[0])
    assert kinds["HQ person view"].temp_ids == (temp_id,)  # shown as on the wristband
    assert {r.id for r in audit(store, AuditFilter(person=temp_id))} >= {acts["HQ person view"]}
    assert kinds["HQ partner package"].persons == package.person_ids
    assert set(package.person_ids) >= set(persons[1:]) and kinds["HQ partner package"].what == (
        "partner_package_unencrypted"
    )
    assert kinds["HQ ctdc export"].purpose == "annual report"
    assert {r.source for r in rows} == {"HQ", "Poipet laptop"}

    # Filters: person, account, kind, period.
    named = {r.id for r in audit(store, AuditFilter(person=persons[0]))}
    assert named == {r.id for r in rows if persons[0] in r.persons}
    assert named >= {acts[p] for p in ("laptop PDF issue", "laptop print", "laptop unencrypted copy save")}
    assert acts["HQ person view"] not in named
    assert {r.kind for r in audit(store, AuditFilter(account="sok dara"))} == {"issue", "print", "copy"}
    assert len(audit(store, AuditFilter(account=ANALYST, kind="export"))) == 5
    assert audit(store, AuditFilter(until="2000-01-01")) == []
    today = rows[0].created_at[:10]
    assert len(audit(store, AuditFilter(since=today, until=today))) == len(acts)
    report = run_hq_check(store, identity)
    assert report.ok and report.disclosures == 6  # HQ's own: a view, four exports and the partner package


def test_a_purpose_is_asked_before_anything_is_written(tmp_path: Path, hq: Hq) -> None:
    with pytest.raises(ValidationError) as raised:
        export_standard(hq.store, hq.identity, ANALYST, "ctdc", tmp_path / "x.csv", k=11, purpose=" ")
    assert raised.value.code == "disclosure.purpose_needed" and "Say why" in raised.value.message
    assert not (tmp_path / "x.csv").exists() and not audit(hq.store)
    with pytest.raises(ValidationError):
        disclose_partner_package(
            hq.store, hq.identity, ANALYST, tmp_path / "p.zip", purpose="", unencrypted=True
        )
    assert not (tmp_path / "p.zip").exists()


def _audit_cli(hq: Hq, *args: str) -> int:
    database = ["--database", hq.database] if hq.database else []
    argv = ["hq", "audit", *args, "--hq-dir", str(hq.identity.folder), "--passphrase-file", "-", *database]
    return main(argv, stdin=io.StringIO(HQ_PASSPHRASE + "\n"))


def test_hq_audit_lists_filters_and_exports_csv(
    tmp_path: Path, hq: Hq, capsys: pytest.CaptureFixture[str]
) -> None:
    for person, who in (("P-1", ANALYST), ("P-2", "Chan Dara"), ("P-1", "Chan Dara")):
        views.open_person(hq.store, hq.identity, who, person)
    assert _audit_cli(hq, "--json", "--person", "P-1") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["actor"], r["persons"]) for r in listed] == [("Chan Dara", ["P-1"]), (ANALYST, ["P-1"])]
    assert _audit_cli(hq, "--by", "chan dara", "--kind", "view") == 0
    out = capsys.readouterr().out
    assert out.startswith("2 disclosures.") and ANALYST not in out
    assert _audit_cli(hq, "--csv", str(tmp_path / "audit.csv"), "--since", "2020-01-01") == 0
    rows = list(csv.DictReader((tmp_path / "audit.csv").open(encoding="utf-8")))
    assert [r["persons"] for r in rows] == ["P-1", "P-2", "P-1"] and {r["kind"] for r in rows} == {"view"}
    assert _audit_cli(hq, "--since", "yesterday") != 0
    assert "YYYY-MM-DD" in capsys.readouterr().err


def _drop_guards(hq: Hq) -> None:
    """What someone with write access to the database could do behind HQ's back."""
    with hq.store.transaction():
        if hq.database:
            hq.store.conn.execute("DROP TRIGGER IF EXISTS hq_disclosures_append_only_row ON hq_disclosures")
        else:
            for guard in ("update", "delete"):
                hq.store.conn.execute(f"DROP TRIGGER IF EXISTS hq_disclosures_append_only_{guard}")


@pytest.mark.parametrize(
    ("tampering", "found"),
    [
        (
            "UPDATE hq_disclosures SET persons = '[\"P-9\"]' WHERE seq = 2",
            "entry 2 (view person_record by Keo Malis) was edited",
        ),
        (
            "UPDATE hq_disclosures SET actor = 'Nobody' WHERE seq = 3",
            "entry 3 (view person_record by Nobody) was edited",
        ),
        ("DELETE FROM hq_disclosures WHERE seq = 2", "a gap before entry 3: an entry was deleted"),
        ("SWAP 2 3", "entry 2 (view person_record by Keo Malis) does not follow the entry before it"),
    ],
    ids=["edited-persons", "edited-actor", "deleted", "reordered"],
)
def test_hq_check_finds_an_edited_deleted_or_reordered_entry(
    hq: Hq, tampering: str, found: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for person in ("P-1", "P-2", "P-3", "P-4"):
        views.open_person(hq.store, hq.identity, ANALYST, person)
    assert run_hq_check(hq.store, hq.identity).disclosures == 4
    with pytest.raises(Exception, match="append-only"):
        with hq.store.transaction():
            hq.store.conn.execute("DELETE FROM hq_disclosures WHERE seq = 4")
    _drop_guards(hq)
    if tampering == "SWAP 2 3":  # UNIQUE is checked row by row on both engines: swap through 0
        with hq.store.transaction():
            hq.store.conn.execute("UPDATE hq_disclosures SET seq = 0 WHERE seq = 2")
            hq.store.conn.execute("UPDATE hq_disclosures SET seq = 2 WHERE seq = 3")
            hq.store.conn.execute("UPDATE hq_disclosures SET seq = 3 WHERE seq = 0")
    else:
        with hq.store.transaction():
            hq.store.conn.execute(tampering)
    report = run_hq_check(hq.store, hq.identity)
    assert not report.ok
    assert any(p.startswith("HQ disclosure log: ") and found in p for p in report.problems), report.problems
    hq.store.close()
    database = ["--database", hq.database] if hq.database else []
    argv = ["hq", "check", "--hq-dir", str(hq.identity.folder), "--passphrase-file", "-", *database]
    assert main(argv, stdin=io.StringIO(HQ_PASSPHRASE + "\n")) != 0
    assert found in capsys.readouterr().err
    hq.store = open_store(hq.identity, hq.database)  # the fixture closes it


def test_the_laptop_refuses_a_copy_without_purpose(session: Session) -> None:
    with pytest.raises(ValidationError, match="Say why"):
        laptop_disclosures.record(session, "copy", "handover", ["P-1"], purpose="")
    printed = laptop_disclosures.record(session, "print", "manifest", ["P-2", "P-1", "P-2"])
    assert printed.entity == "disclosure" and printed.op == "record"
    assert printed.payload["persons"] == ["P-1", "P-2"] and printed.payload["purpose"] == ""
    from fieldapp.records.check import run_check

    assert run_check(session).ok  # the laptop's own audit accepts the new event (authority, fold)

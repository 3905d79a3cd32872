"""Issue 24 items 1 and 2: HQ's signed directory of receiving bodies (shipped with the enrolment, updated,
refused when unsigned or altered), the handover picking from it (free text flagged, mapped later by HQ), and
referrals acknowledged on the laptop or at HQ from the signed copy's code, listed when unacknowledged.
Each path runs on both HQ stores (the ``hq`` fixture)."""

from __future__ import annotations

import json
import subprocess
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fieldapp.errors import EnrolmentError, RecordStateError, ValidationError
from fieldapp.hq import decisions, directory, enrolments
from fieldapp.hq.check import run_hq_check
from fieldapp.hq.errors import HqError, ReviewError
from fieldapp.hq.exports import htcds_rows
from fieldapp.hq.identity import directory_file
from fieldapp.hq.referrals import acknowledge_by_code, map_body, record_status, referrals
from fieldapp.records.handovers import Handovers
from fieldapp.records.referrals import Referrals
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reference.receiving_bodies import HQ_DIRECTORY_META, bodies, search
from fieldapp.reports.issued import IssuedDocuments
from fieldapp.reports.qr import parse
from fieldapp.reports.verify import payloads_in
from fieldapp.sync.export import export_bundle
from fieldapp.vault.enrolment import enrol
from fieldapp.vault.session import Session
from tests.core.test_sync import Hq, laptop, stick_of

DIRECTORY_CSV = """id,type,name_en,name_km,province,languages,contact,capacity,country
SH-KAMPOT,shelter,Kampot Women's Shelter,មណ្ឌលស្ត្រីកំពត,KH-7,km;vi,+855 12 000 001,24,
DOSVY-PS,mosvy,Preah Sihanouk Department of Social Affairs,មន្ទីរសង្គមកិច្ចខេត្តព្រះសីហនុ,KH-18,km,,,
EMB-VNM,embassy,"Embassy of Vietnam, Phnom Penh",ស្ថានទូតវៀតណាម ប្រចាំភ្នំពេញ,KH-12,vi;km,,,VNM
"""
HANDOVER = {
    "place": "Sihanoukville, Golden Bay Park",
    "transferring_agency": "Anti-Human Trafficking Police, Preah Sihanouk",
    "transferring_officer": "Sok Dara",
    "receiving_officer": "Chea Sophal",
    "consent_referral": True,
    "consent_sharing": True,
}
TYPED = "Auntie Srey's house (call 012 987 654)"


def _import_directory(hq: Hq, tmp_path: Path, text: str = DIRECTORY_CSV) -> dict[str, Any]:
    path = tmp_path / "directory.csv"
    path.write_text(text, encoding="utf-8")
    with hq.store.transaction():
        return directory.replace(hq.store, directory.read_file(path))


def _enrol_with_store(hq: Hq, session: Session, tmp_path: Path) -> None:
    """Enrol as `fieldapp hq enrol` does: the file carries HQ's current directory."""
    with hq.store.transaction():
        _, raw = enrolments.issue(hq.store, hq.identity, session.device_name)
    path = tmp_path / "enrol.json"
    path.write_bytes(raw)
    enrol(session, path, fingerprint=hq.identity.fingerprint)


def _ship(hq: Hq, tmp_path: Path, name: str) -> Path:
    with hq.store.transaction():
        raw = enrolments.issue_directory(hq.store, hq.identity)
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def _held(session: Session) -> dict[str, Any]:
    held = session.meta(HQ_DIRECTORY_META)
    assert held is not None
    data: dict[str, Any] = json.loads(held)
    return data


def test_directory_is_signed_shipped_updated_and_refused(hq: Hq, tmp_path: Path) -> None:
    shipped = _import_directory(hq, tmp_path)
    assert shipped["revision"] == 1 and [b["id"] for b in shipped["bodies"]][0] == "SH-KAMPOT"
    session = laptop(tmp_path, "K1")
    try:
        _enrol_with_store(hq, session, tmp_path)
        held = _held(session)
        assert held["revision"] == 1
        shelter = bodies(json.dumps(held))[0]
        assert (shelter.name_km, shelter.province, shelter.languages, shelter.capacity) == (
            "មណ្ឌលស្ត្រីកំពត",
            "KH-7",
            ("km", "vi"),
            24,
        )
        found = bodies(json.dumps(held))
        assert [b.id for b in search(found, "ស្ថានទូត")] == ["EMB-VNM"]  # by its Khmer name
        assert [b.id for b in search(found, "shelter", kind="shelter", where="Kampot")] == ["SH-KAMPOT"]
        assert search(found, "", kind="shelter", where="Phnom Penh") == []

        # A newer signed directory replaces the older one.
        _import_directory(hq, tmp_path, DIRECTORY_CSV.replace(",24,", ",30,"))
        update = _ship(hq, tmp_path, "directory-2.json")
        enrol(session, update)
        assert _held(session)["revision"] == 2 and bodies(session.meta(HQ_DIRECTORY_META))[0].capacity == 30

        # Unsigned, altered after signing, or signed by another HQ: refused, and the held one stays.
        data = json.loads(update.read_bytes())
        unsigned = tmp_path / "unsigned.json"
        unsigned.write_text(json.dumps({k: v for k, v in data.items() if k != "signature"}))
        with pytest.raises(EnrolmentError, match="not signed by HQ"):
            enrol(session, unsigned)
        data["receiving_bodies"]["bodies"][0]["contact"] = "+855 99 999 999 (a trafficker's phone)"
        data["issue_no"] += 10
        altered = tmp_path / "altered.json"
        altered.write_text(json.dumps(data))
        with pytest.raises(EnrolmentError, match="signature is not valid"):
            enrol(session, altered)
        other = Hq(tmp_path / "other-hq")
        forged = tmp_path / "forged.json"
        forged.write_bytes(directory_file(other.identity, data["receiving_bodies"], issue_no=99))
        other.store.close()
        with pytest.raises(EnrolmentError, match="another HQ"):
            enrol(session, forged)
        # An older file is refused; so is a newer file that carries an older directory.
        with pytest.raises(EnrolmentError, match="older than the one this laptop already loaded"):
            enrol(session, tmp_path / "enrol.json")
        stale = tmp_path / "stale.json"
        stale.write_bytes(directory_file(hq.identity, shipped, issue_no=50))
        with pytest.raises(EnrolmentError, match=r"directory of receiving bodies \(revision 1\) is older"):
            enrol(session, stale)
        assert _held(session)["revision"] == 2
        assert bodies(session.meta(HQ_DIRECTORY_META))[0].contact == "+855 12 000 001"
    finally:
        session.close()

    # HQ refuses a malformed directory whole, and exports what it holds for editing.
    with pytest.raises(HqError, match="not one of shelter, mosvy"):
        _import_directory(hq, tmp_path, DIRECTORY_CSV.replace(",shelter,", ",brothel,"))
    with pytest.raises(HqError, match="not a province of Cambodia"):
        _import_directory(hq, tmp_path, DIRECTORY_CSV.replace(",KH-7,", ",Atlantis,"))
    assert directory.current(hq.store.conn)["revision"] == 2
    out = tmp_path / "out.csv"
    assert directory.export(hq.store.conn, out) == 3
    assert out.read_text("utf-8").splitlines()[1].startswith("SH-KAMPOT,shelter,Kampot Women's Shelter,មណ្ឌល")


def _screened(records: Records, operation: str, name: str) -> str:
    person = records.register_person(operation, name=name, nationality="VNM", sex="female", age=24).id
    screenings = Screenings(records)
    screenings.finalise(screenings.begin(person, sections={"consent": {"share_ngo_iom": True}}).id)
    return person


def _handed_over(handovers: Handovers, person: str, **fields: Any) -> str:
    draft = handovers.draft(person, **HANDOVER, **fields)
    handovers.hand_over(draft.id)
    return draft.id


def _to_hq(session: Session, hq: Hq, tmp_path: Path, name: str) -> None:
    result = export_bundle(session, stick_of(tmp_path, name))
    assert result is not None
    hq.imports(result)


@pytest.mark.usefixtures("qapp")  # the picked body's form is rendered (Qt)
def test_handover_picks_from_the_directory_free_text_is_flagged_and_mapped_by_hq(
    hq: Hq, tmp_path: Path
) -> None:
    _import_directory(hq, tmp_path)
    session = laptop(tmp_path, "K1")
    try:
        _enrol_with_store(hq, session, tmp_path)
        hq.approve(session)
        records = Records(session)
        handovers = Handovers(records)
        op = records.create_operation(name="Golden Bay raid", code="GB").id
        picked = _handed_over(handovers, _screened(records, op, "PICKED"), receiving_body_id="SH-KAMPOT")
        data = handovers.get(picked).data
        assert (data["receiving_type"], data["receiving_name"], data["receiving_name_km"]) == (
            "ngo",
            "Kampot Women's Shelter",
            "មណ្ឌលស្ត្រីកំពត",
        )
        assert data["receiving_unmapped"] is False
        form = tmp_path / "picked.pdf"
        form.write_bytes(IssuedDocuments(session).issue_handover(handovers, picked).pdf)
        text = subprocess.run(
            ["pdftotext", str(form), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Kampot Women's Shelter" in " ".join(unicodedata.normalize("NFKC", text).split())
        embassy = handovers.draft(_screened(records, op, "EMBASSY"), receiving_body_id="EMB-VNM").data
        assert (embassy["receiving_type"], embassy["receiving_country"]) == ("embassy", "VNM")
        typed = _handed_over(
            handovers, _screened(records, op, "TYPED"), receiving_type="other", receiving_name=TYPED
        )
        assert handovers.get(typed).data["receiving_unmapped"] is True
        assert handovers.get(typed).data["receiving_body_id"] == ""
        unpicked = handovers.draft(_screened(records, op, "UNPICKED"), receiving_body_id="SH-KAMPOT")
        unpicked = handovers.update(unpicked.id, receiving_body_id="")  # the same name, typed: no entry now
        assert (unpicked.data["receiving_name"], unpicked.data["receiving_unmapped"]) == (
            "Kampot Women's Shelter",
            True,
        )
        with pytest.raises(ValidationError, match="not in this laptop's directory"):
            handovers.draft(_screened(records, op, "UNKNOWN"), receiving_body_id="NO-SUCH-BODY")
        _to_hq(session, hq, tmp_path, "stick")
    finally:
        session.close()

    listed = {r.handover_id: r for r in referrals(hq.store.conn)}
    assert listed[picked].body_id == "SH-KAMPOT" and not listed[picked].unmapped
    assert listed[typed].unmapped and listed[typed].receiving_name == TYPED
    assert sorted(r["cas_ReferredOrganisation"] for r in htcds_rows(hq.store.conn)) == ["", "", "", "", "NGO"]

    review = hq.review()
    with pytest.raises(ReviewError, match="no receiving body with the id"):
        map_body(review, typed, "NO-SUCH-BODY", "the grandmother's house is a foster placement")
    with pytest.raises(ReviewError, match="nothing to map"):
        map_body(review, picked, "DOSVY-PS", "picked already on the laptop")
    mapped = map_body(review, typed, "DOSVY-PS", "DoSVY placed her with her aunt (phoned the office)")
    assert mapped.body_id == "DOSVY-PS" and mapped.mapped_by_hq and not mapped.unmapped
    rows = htcds_rows(hq.store.conn)
    # Five screened persons: two handed over (now both named by the directory), three never handed over.
    assert sorted(r["cas_ReferredOrganisation"] for r in rows) == [
        "",
        "",
        "",
        "CentralGovernmentOrganisation",
        "NGO",
    ]
    assert not any(TYPED in value or "012 987" in value for row in rows for value in row.values())
    with hq.store.transaction():
        live = decisions.digest(hq.store.conn)
        decisions.rebuild(hq.store.conn)
        assert decisions.digest(hq.store.conn) == live
    assert (
        decisions.verify(hq.store.conn, hq.identity.hq_id, hq.identity.verify_keys, hq.identity.accounts) >= 2
    )


@pytest.mark.usefixtures("qapp")  # the handover form is rendered (Qt) to get its verification code
def test_referral_status_paths_on_the_laptop_and_at_hq(hq: Hq, tmp_path: Path) -> None:
    session = laptop(tmp_path, "K1")
    try:
        _enrol_with_store(hq, session, tmp_path)
        hq.approve(session)
        records = Records(session)
        handovers = Handovers(records)
        referral_log = Referrals(records)
        op = records.create_operation(name="Golden Bay raid", code="GB").id
        shelter = {"receiving_type": "ngo", "receiving_name": "Mekong Safe Haven"}
        received = _handed_over(handovers, _screened(records, op, "RECEIVED"), **shelter)
        refused = _handed_over(handovers, _screened(records, op, "REFUSED"), **shelter)
        on_paper = _handed_over(handovers, _screened(records, op, "ON PAPER"), **shelter)
        silent = _handed_over(handovers, _screened(records, op, "SILENT"), **shelter)
        paper_refusal = _handed_over(handovers, _screened(records, op, "REFUSED ON PAPER"), **shelter)
        draft = handovers.draft(_screened(records, op, "DRAFT"), **shelter).id

        assert referral_log.status(received) == "sent" and referral_log.status(draft) == ""
        with pytest.raises(ValidationError, match="name, role and signature mark"):
            referral_log.record(received, "received", receiving_officer="Chea Sophal")
        with pytest.raises(RecordStateError, match="not handed over yet"):
            referral_log.record(
                draft, "received", receiving_officer="A", receiving_role="B", signature_mark="C"
            )
        with pytest.raises(RecordStateError, match="cannot become closed"):
            referral_log.record(received, "closed", reason="she went home to her family")
        step = referral_log.record(
            received,
            "received",
            receiving_officer="Chea Sophal",
            receiving_role="Shelter manager",
            signature_mark="C.S.",
        )
        assert (step.status, step.by, step.signature_mark) == ("received", "Sok Dara", "C.S.")
        referral_log.record(received, "closed", reason="she went home to her family in Kampot")
        assert referral_log.status(received) == "closed"
        with pytest.raises(ValidationError, match="Say why"):
            referral_log.record(
                refused,
                "refused",
                receiving_officer="Meas Bopha",
                receiving_role="Duty officer",
                signature_mark="MB",
            )
        referral_log.record(
            refused,
            "refused",
            receiving_officer="Meas Bopha",
            receiving_role="Duty officer",
            signature_mark="MB",
            reason="no place for a woman with a child tonight",
        )
        assert referral_log.status(refused) == "refused"
        pdf = IssuedDocuments(session).issue_handover(handovers, on_paper).pdf
        code = parse(payloads_in(pdf)[0]).short_code()
        refusal_pdf = IssuedDocuments(session).issue_handover(handovers, paper_refusal).pdf
        scanned = payloads_in(refusal_pdf)[0]  # the QR code's full payload, as a scanner types it
        _to_hq(session, hq, tmp_path, "stick")
    finally:
        session.close()

    conn = hq.store.conn
    listed = {r.handover_id: r for r in referrals(conn)}
    assert draft not in listed
    assert [s.status for s in listed[received].steps] == ["sent", "received", "closed"]
    assert listed[received].steps[1].receiving_officer == "Chea Sophal"
    assert (listed[refused].status, listed[refused].steps[-1].reason) == (
        "refused",
        "no place for a woman with a child tonight",
    )

    review = hq.review()
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(ReviewError, match="matches no handover form HQ holds"):
        acknowledge_by_code(review, wrong)
    with pytest.raises(ReviewError, match="matches no handover form HQ holds"):
        acknowledge_by_code(review, "not a code at all")
    acknowledged = acknowledge_by_code(review, code.lower(), receiving_officer="Ly Dara")
    assert acknowledged.handover_id == on_paper and acknowledged.status == "received"
    assert acknowledged.steps[-1].via == "paper" and acknowledged.steps[-1].by == "Test analyst"
    with pytest.raises(RecordStateError, match="received already"):
        acknowledge_by_code(review, code)
    closed = record_status(review, on_paper, "closed", "repatriated to Vietnam through IOM")
    with pytest.raises(ValidationError, match="Say why"):
        acknowledge_by_code(review, scanned, status="refused")
    refused_on_paper = acknowledge_by_code(review, scanned, status="refused", reason="the shelter is full")
    assert (refused_on_paper.handover_id, refused_on_paper.status) == (paper_refusal, "refused")
    assert refused_on_paper.steps[-1].reason == "the shelter is full"
    assert closed.status == "closed"

    # Unacknowledged after N days: only the silent one, and only once N days have passed.
    later = datetime.now(UTC) + timedelta(days=8)
    assert [r.handover_id for r in referrals(conn, unacknowledged=True, now=later)] == [silent]
    assert referrals(conn, unacknowledged=True, days=9, now=later) == []
    assert referrals(conn, unacknowledged=True) == []  # sent today
    assert referrals(conn, unacknowledged=True, now=later)[0].days_waiting(later) == 8
    with hq.store.transaction():
        live = decisions.digest(conn)
        decisions.rebuild(conn)
        assert decisions.digest(conn) == live
    report = run_hq_check(
        hq.store, hq.identity
    )  # the laptop's referral events and HQ's decisions audit clean
    assert report.ok, report.problems


def _cli(hq: Hq, *args: str) -> tuple[int, str, str]:
    import contextlib
    import io

    from fieldapp.cli.main import main
    from tests.core.test_sync import HQ_PASSPHRASE

    full = [*args, "--hq-dir", str(hq.identity.folder), "--passphrase-file", "-"]
    full += ["--database", hq.database] if hq.database else []
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(full, stdin=io.StringIO(HQ_PASSPHRASE + "\n"))
    return code, out.getvalue(), err.getvalue()


def test_the_commands_import_ship_list_and_refuse_a_wrong_code(hq: Hq, tmp_path: Path) -> None:
    session = laptop(tmp_path, "K1")
    try:
        _enrol_with_store(hq, session, tmp_path)
        hq.approve(session)
        records = Records(session)
        op = records.create_operation(name="Golden Bay raid", code="GB").id
        handed = _handed_over(
            Handovers(records), _screened(records, op, "SENT"), receiving_type="other", receiving_name=TYPED
        )
        _to_hq(session, hq, tmp_path, "stick")
        hq.store.close()  # the commands open it themselves
        source = tmp_path / "bodies.csv"
        source.write_text(DIRECTORY_CSV, encoding="utf-8")
        code, out, _ = _cli(hq, "hq", "directory", "import", str(source))
        assert code == 0 and "revision 1 (3 receiving bodies)" in out
        bad = tmp_path / "bad.csv"
        bad.write_text(DIRECTORY_CSV.replace(",shelter,", ",brothel,"), encoding="utf-8")
        code, _, err = _cli(hq, "hq", "directory", "import", str(bad))
        assert code != 0 and "not one of shelter" in err and "Traceback" not in err
        shipped = tmp_path / "directory.json"
        assert _cli(hq, "hq", "directory", "ship", "-o", str(shipped))[0] == 0
        enrol(session, shipped)
        assert bodies(session.meta(HQ_DIRECTORY_META))[0].id == "SH-KAMPOT"
        code, out, _ = _cli(hq, "hq", "referrals", "--unacknowledged", "--days", "0", "--json")
        listed = json.loads(out)
        assert code == 0 and [r["handover_id"] for r in listed] == [handed] and listed[0]["unmapped"]
        assert "Every referral sent 7 days ago" in _cli(hq, "hq", "referrals", "--unacknowledged")[1]
        code, _, err = _cli(hq, "hq", "referral", "acknowledge", "FV-AAAA-AAAA-AAAA-AAAA-AAAA")
        assert code != 0 and "matches no handover form HQ holds" in err and "Traceback" not in err
        code, out, _ = _cli(
            hq, "hq", "directory", "map", handed, "SH-KAMPOT", "--reason", "the aunt is the shelter's"
        )
        assert code == 0 and "now names SH-KAMPOT" in out
        assert json.loads(_cli(hq, "hq", "referrals", "--unmapped", "--json")[1]) == []
    finally:
        session.close()
        hq.store = _reopened(hq)


def _reopened(hq: Hq) -> Any:
    from fieldapp.hq.store import open_store

    return open_store(hq.identity, hq.database)

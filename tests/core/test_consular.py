"""The consular desk (issue 22 item 5): consented lists per nationality, the protective "do not notify"
flag that overrides everything, notifications as events, and the missions HQ ships signed."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from fieldapp.errors import NotAllowed, ValidationError
from fieldapp.records.consent import ConsentMissing
from fieldapp.records.consular import consular_counts, notification_list, set_protection
from fieldapp.records.handovers import Handovers
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reference.consulates import bundled_document, missions
from fieldapp.reports.documents import notification_document
from fieldapp.vault.session import Session, unlock
from tests.core.test_sync import Hq, laptop
from tests.support import PASSPHRASE, add_officer

pytestmark = pytest.mark.usefixtures("qapp")  # Qt renders PDFs here; later widget tests need QApplication

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
EMBASSY_HANDOVER = {
    "place": "Sihanoukville",
    "transferring_agency": "ATU",
    "transferring_officer": "Sok Dara",
    "receiving_type": "embassy",
    "receiving_country": "VNM",
    "receiving_officer": "Tran Van Minh",
    "consent_referral": True,
}


def _person(records: Records, op: str, name: str, **consent: bool) -> str:
    person = records.register_person(op, name=name, nationality="VNM", sex="female", age=25).id
    if consent:
        screenings = Screenings(records)
        screenings.finalise(screenings.begin(person, sections={"consent": consent}).id)
    return person


def test_the_list_holds_only_the_consented_and_unprotected_once(records: Records, tmp_path: Path) -> None:
    op = records.create_operation(name="Golden Bay raid", code="GB").id
    told = _person(records, op, "CONSENTED", share_embassy=True)
    _person(records, op, "SAID NO", share_embassy=False)
    _person(records, op, "NEVER ASKED")
    afraid = _person(records, op, "FEARS RETURN", share_embassy=True)
    set_protection(records, afraid, True, "fears persecution if returned; wants to ask for asylum")
    listing = notification_list(records, "VNM")
    assert [p.id for p in listing.persons] == [told]
    assert (listing.no_consent, listing.protected, listing.notified_before) == (2, 1, 0)
    assert listing.mission.name_en == "Embassy of Vietnam, Phnom Penh" and not listing.mission.verified
    document = notification_document(records, "VNM", record=True)
    pdf = tmp_path / "list.pdf"
    pdf.write_bytes(document.pdf)
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    text = " ".join(unicodedata.normalize("NFKC", raw).split())  # pdftotext writes "fi" as a ligature
    assert "CONSENTED" in text and "FEARS RETURN" not in text and "SAID NO" not in text
    assert "Embassy of Vietnam, Phnom Penh" in text and "not verified by HQ" in text
    subprocess.run(
        ["pdftoppm", "-r", "70", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "p")], check=True
    )
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(next(tmp_path.glob("p*.png")), ARTIFACTS / "embassy-list.png")
    after = notification_list(records, "VNM")
    assert after.persons == [] and after.notified_before == 1  # notified once, not twice
    with pytest.raises(ValidationError, match="No one of this nationality is waiting"):
        notification_document(records, "VNM")
    with pytest.raises(ValidationError, match="is not a country this app knows"):
        notification_list(records, "XXX")
    counts = consular_counts(records.conn)["VNM"]
    assert (counts.pending, counts.notified) == (0, 1) and counts.median_hours is not None
    assert counts.median_hours >= 0


def test_the_flag_overrides_consent_and_a_team_lead_override(records: Records, session: Session) -> None:
    op = records.create_operation(name="Golden Bay raid", code="GB").id
    person = _person(records, op, "STATELESS", share_embassy=True)
    with pytest.raises(ValidationError, match="Say why"):
        set_protection(records, person, True, "no")
    set_protection(records, person, True, "stateless: no embassy will recognise her")
    handovers = Handovers(records)
    draft = handovers.draft(
        person, **EMBASSY_HANDOVER, consent_sharing=True, consent_override_reason="urgent"
    )
    with pytest.raises(ConsentMissing, match="do not notify"):
        handovers.hand_over(draft.id)
    add_officer(session, "Chan Sophea", "screener", PASSPHRASE + "2")
    screener = unlock(session.data_dir, "Chan Sophea", PASSPHRASE + "2")
    try:
        with pytest.raises(NotAllowed):  # anyone may protect; only a team lead lifts it
            set_protection(Records(screener), person, False, "she asked to go home after all")
        set_protection(Records(screener), person, True, "asked again: still afraid")
    finally:
        screener.close()
    set_protection(records, person, False, "she asked to go home after all, in writing")
    handovers.hand_over(draft.id)
    assert records.person(person).handed_over


def test_hq_ships_the_missions_it_verified_with_the_enrolment(tmp_path: Path) -> None:
    hq = Hq(tmp_path / "hq")
    document = bundled_document()
    verified = [
        {**m, "contacts": ["+855 23 000 000 (consular section)"], "verified": True}
        if m["nationality"] == "IDN"
        else m
        for m in document["missions"]
    ]
    (hq.identity.folder / "consulates.json").write_text(json.dumps({**document, "missions": verified}))
    session = laptop(tmp_path, "K1")
    try:
        hq.enrol(session)
        records = Records(session)
        op = records.create_operation(name="Raid", code="RD").id
        person = records.register_person(op, name="SITI", nationality="IDN", sex="female", age=22).id
        screenings = Screenings(records)
        screenings.finalise(screenings.begin(person, sections={"consent": {"share_embassy": True}}).id)
        mission = notification_list(records, "IDN").mission
        assert mission.verified and mission.contacts == ("+855 23 000 000 (consular section)",)
        assert "travel documents" in mission.travel_documents
    finally:
        session.close()
    assert not missions()["IDN"].verified  # the bundled file stays as shipped


def test_a_notification_forged_by_a_screener_is_found_by_the_check(
    records: Records, session: Session
) -> None:
    from fieldapp.records.check import run_check

    op = records.create_operation(name="Golden Bay raid", code="GB").id
    person = _person(records, op, "CONSENTED", share_embassy=True)
    add_officer(session, "Chan Sophea", "screener", PASSPHRASE + "2")
    screener = unlock(session.data_dir, "Chan Sophea", PASSPHRASE + "2")
    try:
        set_protection(Records(screener), person, True, "afraid of the embassy staff")  # allowed to anyone
        assert run_check(screener).ok
        # Past the core's own refusal, straight into the log: the authority rules still catch it.
        screener.log.append("person", person, "notify", {"nationality": "VNM", "mission": "Embassy"})
        report = run_check(screener)
    finally:
        screener.close()
    assert not report.ok and any("team lead" in problem for problem in report.problems), report.problems

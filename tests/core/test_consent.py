"""Consent enforced (issue 22 item 4): each disclosure checks the consent that governs it; a team lead may
override with a written reason, signed with the handover and printed on the form; a withdrawal wins."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.errors import NotAllowed, ValidationError
from fieldapp.records.consent import (
    CONSENT_FOR_RECEIVER,
    ConsentMissing,
    consent_given,
    consent_records,
    may_share,
    withdraw_consent,
)
from fieldapp.records.handover_fields import RECEIVING_TYPES
from fieldapp.records.handovers import Handovers
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reports.data import form_data
from fieldapp.reports.handover import render_handover
from fieldapp.reports.qr import KeySigner
from fieldapp.vault.session import Session, unlock
from tests.support import PASSPHRASE, add_officer

pytestmark = pytest.mark.usefixtures("qapp")  # Qt renders PDFs here; later widget tests need QApplication

BASE = {
    "place": "Sihanoukville",
    "transferring_agency": "ATU Preah Sihanouk",
    "transferring_officer": "Sok Dara",
    "receiving_name": "The receiving body",
    "receiving_country": "VNM",
    "receiving_officer": "Chan Sophea",
    "consent_referral": True,
}


@pytest.fixture
def screener_records(session: Session) -> Iterator[Records]:
    add_officer(session, "Chan Sophea", "screener", PASSPHRASE + "2")
    screener = unlock(session.data_dir, "Chan Sophea", PASSPHRASE + "2")
    yield Records(screener)
    screener.close()


def _person(records: Records) -> str:
    op = records.create_operation(name="Golden Bay raid")
    return records.register_person(op.id, name="NGUYEN THI HUONG", nationality="VNM", sex="female").id


def _screen(records: Records, person_id: str, *, final: bool = True, **consent: bool) -> str:
    screenings = Screenings(records)
    screening = screenings.begin(person_id, sections={"consent": {"consents_to_interview": True, **consent}})
    if final:
        screenings.finalise(screening.id)
    return screening.id


def _hand_over(records: Records, person_id: str, receiving_type: str, **fields: Any) -> Handovers:
    handovers = Handovers(records)
    draft = handovers.draft(person_id, **{**BASE, "receiving_type": receiving_type, **fields})
    handovers.hand_over(draft.id)
    return handovers


@pytest.mark.parametrize("receiving_type", RECEIVING_TYPES)
def test_every_receiving_body_checks_the_consent_that_governs_it(
    records: Records, receiving_type: str
) -> None:
    key = CONSENT_FOR_RECEIVER.get(receiving_type)
    refusing = _person(records)
    _screen(records, refusing, **({key: False} if key else {}))
    if key is None:  # a hospital or another body: only the consent to the referral itself
        _hand_over(records, refusing, receiving_type)
        assert records.person(refusing).handed_over
        return
    with pytest.raises(ConsentMissing, match="at the screening they said no") as refused:
        _hand_over(records, refusing, receiving_type, consent_sharing=True)  # a later "yes" does not undo it
    assert "A team lead may go ahead only with a written reason" in refused.value.message
    assert not records.person(refusing).handed_over
    never_asked = _person(records)
    with pytest.raises(ConsentMissing, match="they were never asked"):
        _hand_over(records, never_asked, receiving_type)
    consenting = _person(records)
    _screen(records, consenting, **{key: True})
    _hand_over(records, consenting, receiving_type)
    assert records.person(consenting).handed_over
    asked_at_handover = _person(records)
    _hand_over(records, asked_at_handover, receiving_type, consent_sharing=True)
    assert records.person(asked_at_handover).handed_over
    said_no_at_handover = _person(records)
    _screen(records, said_no_at_handover, **{key: True})
    with pytest.raises(ConsentMissing, match="at this handover they said no"):
        _hand_over(records, said_no_at_handover, receiving_type, consent_sharing=False)


def test_no_consent_to_the_referral_stops_every_handover(records: Records) -> None:
    person = _person(records)
    with pytest.raises(ConsentMissing, match="they do not consent to this referral"):
        _hand_over(records, person, "hospital", consent_referral=False)


def test_a_team_lead_overrides_with_a_reason_that_is_signed_and_printed(
    records: Records, tmp_path: Path
) -> None:
    person = _person(records)
    _screen(records, person, share_embassy=False)
    handovers = _hand_over(
        records,
        person,
        "embassy",
        consent_override_reason="Travel document needed for the flight home the person asked for",
    )
    [final] = handovers.for_person(person)
    override = final.data["consent_override"]
    assert override["by"] == records.session.officer.name
    assert override["missing"] == [
        {
            "key": "share_embassy",
            "when": "screening",
            "en": "at the screening they said no to sharing their data with their embassy or consulate",
        }
    ]
    pdf = tmp_path / "form.pdf"
    signer = KeySigner(records.session.log._device_key)
    pdf.write_bytes(render_handover([form_data(final, signer, None, handovers)]))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    flat = " ".join(text.stdout.split())
    assert "Handed over WITHOUT the person's consent" in flat
    assert "Travel document needed for the" in flat  # (pdftotext turns "fl" into a ligature)
    assert "At the screening they said no to sharing their data with this kind of body" in flat


def test_only_a_team_lead_may_override(records: Records, screener_records: Records) -> None:
    person = _person(records)
    _screen(records, person, share_mosvy=False)
    handovers = Handovers(screener_records)
    draft = handovers.draft(person, **BASE, receiving_type="mosvy", consent_override_reason="no reason")
    with pytest.raises(NotAllowed):
        handovers.hand_over(draft.id)


def test_a_withdrawal_recorded_after_the_screening_stops_the_next_disclosure(records: Records) -> None:
    person = _person(records)
    final = _screen(records, person, share_mosvy=True)
    draft = _screen(records, person, final=False, share_mosvy=True)
    assert withdraw_consent(records, person, "share_mosvy", "does not want DoSVY told") == 2
    screenings = Screenings(records)
    assert (
        screenings.get(final).version == 2
        and screenings.get(final).sections["consent"]["share_mosvy"] is False
    )
    assert screenings.get(draft).sections["consent"]["share_mosvy"] is False
    assert screenings.get(final).sections["consent"]["consents_to_interview"] is True  # nothing else changed
    with pytest.raises(ConsentMissing, match="at the screening they said no"):
        _hand_over(records, person, "mosvy", consent_sharing=True)
    assert withdraw_consent(records, person, "share_mosvy", "again") == 0
    nobody = _person(records)
    with pytest.raises(ValidationError, match="no screening that records consent"):
        withdraw_consent(records, nobody, "share_mosvy", "asked")


def test_a_screener_cannot_amend_a_final_screening_to_withdraw(
    records: Records, screener_records: Records
) -> None:
    person = _person(records)
    _screen(records, person, share_police=True)
    with pytest.raises(NotAllowed):
        withdraw_consent(screener_records, person, "share_police", "asked")


def test_the_rule_no_wins_then_yes_and_silence_is_no() -> None:
    assert consent_given([]) is None and consent_given([None, None]) is None
    assert consent_given([True, None]) is True
    assert consent_given([True, False, True]) is False
    ngo = {"receiving_type": "ngo", "consent_sharing": True}
    assert may_share("share_ngo_iom", [], [ngo])
    assert not may_share("share_embassy", [], [ngo])  # consent to a shelter is not consent to the embassy
    assert not may_share("share_ngo_iom", [{"consent": {"share_ngo_iom": False}}], [ngo])
    assert may_share("share_embassy", [{"consent": {"share_embassy": True}}, {"consent": {}}])


def test_consent_of_more_persons_than_one_query_may_name(records: Records, hq: Any) -> None:
    """HQ's consular counts ask for every person at once; PostgreSQL refuses a query with more than
    65,535 parameters, so 70,000 ids must be read in slices, on both stores."""
    op = records.create_operation(name="Golden Bay raid", code="GB").id
    person = records.register_person(op, name="SOK DARA", age=30, sex="male").id
    screenings = Screenings(records)
    screenings.finalise(screenings.begin(person, sections={"consent": {"share_embassy": True}}).id)
    ids = [f"unknown-{n}" for n in range(70_000)]
    assert consent_records(hq.store.conn, ids) == ({}, {})
    found, handed_over = consent_records(records.conn, [*ids, person])
    assert [data["consent"]["share_embassy"] for data in found[person]] == [True]
    assert not handed_over

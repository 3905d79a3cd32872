"""A new handover or screening starts from what was recorded (issue 20 item 9): nobody retypes it."""

from __future__ import annotations

from typing import Any

from fieldapp.records.handovers import Handovers
from fieldapp.records.prefill import (
    FROM_INTAKE,
    FROM_OFFICER,
    FROM_OPERATION,
    FROM_SCREENING,
    handover_prefill,
    screening_prefill,
)
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from tests.core.test_handovers import COMPLETE

SCREENED: dict[str, Any] = {
    "language": {
        "preferred": ["vi", "km"],
        "interview_language": "vi",
        "interpreter_present": True,
        "interpreter_name": "Lê Thị Hoa",
        "interpreter_language_pair": "vi–km",
    },
    "consent": {
        "consents_to_interview": True,
        "share_embassy": True,
        "share_mosvy": False,
        "script_language": "vi",
    },
    "needs": {
        "injuries": "Bruised arms",
        "medication": "Insulin twice a day",
        "safety_risk": "Recruiter still at large",
        "immediate_needs": ["food", "clothes"],
    },
    "interview": {"completed": True},
}


def _world(records: Records, *, setting: str = "scam_compound", screened: bool = True) -> str:
    operation = records.create_operation(
        name="Sihanoukville raid",
        province="Preah Sihanouk",
        district="Prey Nob",
        place="Orchid Heights Resort Block 2",
        lead_agency="Anti-Human Trafficking and Juvenile Protection Department, Cambodian National Police",
        setting=setting,
    )
    person = records.register_person(
        operation.id,
        name="NGUYEN THI LAN",
        nationality="VNM",
        sex="female",
        age=24,
        languages=["vi", "en"],
        urgent_needs="Needs a doctor today",
    )
    if screened:
        Screenings(records).begin(person.id, sections=SCREENED)
    return person.id


def test_a_handover_starts_from_the_operation_the_intake_and_the_screening(records: Records) -> None:
    person_id = _world(records)
    prefill = handover_prefill(records, person_id, "Sok Dara")
    assert prefill.values == {
        "place": "Orchid Heights Resort Block 2",
        "transferring_agency": "Anti-Human Trafficking and Juvenile Protection Department, Cambodian National Police",
        "transferring_officer": "Sok Dara",
        "interpreter_name": "Lê Thị Hoa",
        "interpreter_language": "vi–km",
        "health_notes": "Bruised arms; Insulin twice a day",
        "safety_notes": "Recruiter still at large",
        "urgent_needs": "Needs a doctor today; food; clothes",
    }
    assert (
        prefill.sources["place"] == FROM_OPERATION and prefill.sources["transferring_officer"] == FROM_OFFICER
    )
    assert (
        prefill.sources["interpreter_name"] == FROM_SCREENING
        and prefill.sources["urgent_needs"] == FROM_INTAKE
    )
    # the consent to share follows the receiving body chosen; a body the screening did not ask about: None
    assert prefill.sharing_for("embassy") is True and prefill.sharing_for("mosvy") is False
    assert prefill.sharing_for("hospital") is None and prefill.sharing_for("") is None
    # and what was filled in is valid handover data
    handovers = Handovers(records)
    draft = handovers.draft(person_id, **{**COMPLETE, **prefill.values, "consent_sharing": True})
    assert draft.data["interpreter_name"] == "Lê Thị Hoa"


def test_without_a_screening_only_the_operation_intake_and_officer(records: Records) -> None:
    person_id = _world(records, screened=False)
    prefill = handover_prefill(records, person_id, "Sok Dara")
    assert set(prefill.values) == {"place", "transferring_agency", "transferring_officer", "urgent_needs"}
    assert prefill.sharing == {}


def test_a_screening_starts_from_the_operation_and_the_intake(records: Records) -> None:
    person_id = _world(records, screened=False)
    values, sources = screening_prefill(records, person_id)
    assert values == {
        "meta": {
            "compound": "Orchid Heights Resort Block 2",
            "place": "Prey Nob, Preah Sihanouk",
            "agency": "Anti-Human Trafficking and Juvenile Protection Department, Cambodian National Police",
        },
        "language": {"preferred": ["vi", "en"], "interview_language": "vi"},
    }
    assert sources["meta.compound"] == FROM_OPERATION and sources["language.preferred"] == FROM_INTAKE
    # what is filled in is a valid screening
    screening = Screenings(records).begin(person_id, sections=values)
    assert screening.sections["meta"]["compound"] == "Orchid Heights Resort Block 2"

    other = _world(records, setting="other", screened=False)
    values, _ = screening_prefill(records, other)
    assert values["meta"] == {
        "place": "Orchid Heights Resort Block 2, Prey Nob, Preah Sihanouk",
        "agency": "Anti-Human Trafficking and Juvenile Protection Department, Cambodian National Police",
    }


def test_the_form_carries_the_screenings_languages(records: Records) -> None:
    person_id = _world(records)
    handovers = Handovers(records)
    draft = handovers.draft(person_id, **COMPLETE)
    snapshot = handovers.snapshot(draft)
    assert snapshot["person"]["languages"] == ["vi", "en", "km"]  # intake first, then the screening's
    assert snapshot["screening"]["language"] == "vi"  # the consent script's: the person's copy is in it

"""The screening record through the event log: pinned set versions, autosave, roles, finalise and amend."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fieldapp.errors import NotAllowed, RecordStateError, ValidationError
from fieldapp.records.check import run_check
from fieldapp.records.screenings import ADULT_SET, CHILD_SET, Screenings
from fieldapp.records.service import Records
from fieldapp.screening import explain
from fieldapp.screening.sets import indicator_dir
from fieldapp.vault.session import Session, unlock
from tests.support import add_officer

PRESUMED = {
    "DR.job_nature": "present",
    "DR.wages": "present",
    "EX.excessive_hours": "present",
    "EX.low_no_salary": "present",
    "CD.isolation": "present",
    "CD.violence": {"answer": "present", "source": "officer_observation", "note": "bruises on both arms"},
}
INTERVIEWED = {"interview": {"completed": True}}


@pytest.fixture
def screenings(records: Records) -> Screenings:
    return Screenings(records)


def _person(records: Records, **fields: object) -> str:
    operation = records.create_operation(name="Sihanoukville raid")
    return records.register_person(operation.id, name="TRAN VAN HUNG", nationality="VNM", **fields).id


def test_quick_intake_first_interview_later(records: Records, screenings: Screenings) -> None:
    person = _person(records, age=24, sex="male", languages=["vi"], urgent_needs="insulin")
    assert records.person(person).outcome is None  # registered, not yet screened
    screening = screenings.begin(person)
    assert screening.pins["set_id"] == ADULT_SET and screening.status == "draft"
    assert screening.outcome == "NO_INDICATORS_FOUND" or screening.outcome == "UNDETERMINED"


def test_autosaves_merge_answers_and_rescore(records: Records, screenings: Screenings) -> None:
    person = _person(records, age=30)
    screening = screenings.begin(person, sections=INTERVIEWED)
    for item, answer in PRESUMED.items():  # one autosave per tick, as the interview form does
        screening = screenings.save(screening.id, {"indicators": {"answers": {item: answer}}})
    assert screening.outcome == "PRESUMED_VICTIM"
    assert set(screening.sections["indicators"]["answers"]) == set(PRESUMED)
    assert screening.result["positive_dimensions"] == ["DR", "EX", "CD"]
    assert records.person(person).outcome == "PRESUMED_VICTIM"  # the list shows it
    lines = explain(screenings.explanation(screening.id), "en")
    assert any("CD is positive" in line and "CD.violence" in line for line in lines)


def test_child_set_and_child_rule_for_minors(records: Records, screenings: Screenings) -> None:
    person = _person(records, age=19, age_uncertain=True)  # estimated 19: possibly under 18
    screening = screenings.begin(person, sections=INTERVIEWED)
    assert screening.pins["set_id"] == CHILD_SET
    screening = screenings.save(
        screening.id,
        {
            "indicators": {
                "answers": {
                    "EX.excessive_hours": "present",
                    "EX.low_no_salary": "present",
                    "DR.job_nature": "present",
                    "DR.wages": "present",
                }
            }
        },
    )
    assert screening.outcome == "PRESUMED_CHILD_VICTIM"
    assert screening.result["child_protection_referral"] is True


def test_undetermined_without_interpreter(records: Records, screenings: Screenings) -> None:
    person = _person(records, age=28)
    screening = screenings.begin(
        person,
        sections={
            "interview": {"completed": True},
            "language": {"interpreter_needed": True, "interpreter_present": False},
        },
    )
    assert screening.outcome == "UNDETERMINED"
    assert screening.result["undetermined_reasons"]


def test_interpreter_independence_is_recorded(records: Records, screenings: Screenings) -> None:
    person = _person(records, age=28)
    screening = screenings.begin(
        person,
        sections={
            **INTERVIEWED,
            "language": {
                "interpreter_needed": True,
                "interpreter_present": True,
                "interpreter_independent": False,
            },
        },
    )
    assert "interpreter_not_independent" in screening.result["warnings"]


def test_bad_input_is_refused_with_plain_words(records: Records, screenings: Screenings) -> None:
    person = _person(records, age=28)
    screening = screenings.begin(person)
    with pytest.raises(ValidationError, match="not an indicator"):
        screenings.save(screening.id, {"indicators": {"answers": {"XX.nonsense": "present"}}})
    with pytest.raises(ValidationError, match="bad value"):
        screenings.save(screening.id, {"indicators": {"answers": {"CD.isolation": "maybe"}}})
    with pytest.raises(ValidationError, match="Unknown screening section"):
        screenings.save(screening.id, {"gossip": {}})
    with pytest.raises(ValidationError, match="between 0 and 24"):
        screenings.save(screening.id, {"exploitation": {"hours_per_day": 30}})
    compounds = [{"name": "Building B", "arrived": "2026-03-01", "how_transferred": "sold for 3,000 USD"}]
    saved = screenings.save(screening.id, {"exploitation": {"compounds": compounds, "hours_per_day": 16}})
    assert saved.sections["exploitation"]["compounds"][0]["name"] == "Building B"


def test_intelligence_only_for_team_leads(session: Session, vault_dir: Path) -> None:
    add_officer(session, "Vann Piseth", "screener", "screener passphrase")
    records = Records(session)
    person = _person(records, age=25)
    lead_view = Screenings(records).begin(
        person, sections={"intelligence": {"others_inside": 40, "children_inside": 3}}
    )
    session.close()
    screener = unlock(vault_dir, "Vann Piseth", "screener passphrase")
    screenings = Screenings(Records(screener))
    assert "intelligence" not in screenings.get(lead_view.id).sections
    with pytest.raises(NotAllowed, match="team lead"):
        screenings.save(lead_view.id, {"intelligence": {"others_inside": 41}})
    screenings.save(
        lead_view.id, {"needs": {"urgent_medical": "dehydrated"}}
    )  # the rest stays open to screeners
    screener.close()


def test_finalise_then_amend_with_reason(records: Records, screenings: Screenings, session: Session) -> None:
    person = _person(records, age=30)
    screening = screenings.begin(person, sections={**INTERVIEWED, "indicators": {"answers": PRESUMED}})
    screenings.save(
        screening.id, {"assessment": {"officer_outcome": "PRESUMED_VICTIM", "reasons": "held 8 months"}}
    )
    assert screenings.finalise(screening.id) == 1
    with pytest.raises(RecordStateError):
        screenings.save(screening.id, {"needs": {"injuries": "wrist"}})
    with pytest.raises(ValidationError, match="reason"):
        screenings.amend(screening.id, {"needs": {"injuries": "wrist"}}, reason="")
    amended = screenings.amend(
        screening.id,
        {"indicators": {"answers": {"CD.isolation": "absent", "CD.violence": "absent"}}},
        reason="interpreter corrected the answers",
    )
    assert (amended.status, amended.version, amended.outcome) == ("final", 2, "POSSIBLE_VICTIM")
    assert (
        amended.sections["assessment"]["officer_outcome"] == "PRESUMED_VICTIM"
    )  # the officer's own view stays beside
    assert run_check(session).ok


def test_screening_keeps_its_set_version_when_hq_ships_a_newer_one(
    records: Records, screenings: Screenings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(indicator_dir(), resources / "indicators")
    monkeypatch.setenv("FIELDAPP_RESOURCES", str(resources))
    person = _person(records, age=30)
    old = screenings.begin(person, sections=INTERVIEWED)
    assert old.pins["set_version"] == "2009.1"

    newer = json.loads((resources / "indicators" / f"{ADULT_SET}.json").read_text())
    newer["version"] = "2010.1"
    (resources / "indicators" / f"{ADULT_SET}@2010.1.json").write_text(json.dumps(newer))
    new = screenings.begin(person, sections=INTERVIEWED)
    assert new.pins["set_version"] == "2010.1"
    saved = screenings.save(old.id, {"indicators": {"answers": {"CD.isolation": "present"}}})
    assert saved.pins["set_version"] == "2009.1" and saved.result["set"]["version"] == "2009.1"

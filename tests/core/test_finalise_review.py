"""The summary before finalising: the outcome, how far the interview got, and what does not fit together."""

from __future__ import annotations

from typing import Any

import pytest

from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.screening.plan import asked_items

CONSENTED = {"consent": {"consents_to_interview": True}, "interview": {"completed": True}}


@pytest.fixture
def screenings(records: Records) -> Screenings:
    return Screenings(records)


def _screening(records: Records, screenings: Screenings, sections: dict[str, Any], **person: Any) -> str:
    operation = records.create_operation(name="Sihanoukville raid")
    person_id = records.register_person(operation.id, name="WANG LEI", nationality="CHN", **person).id
    return screenings.begin(person_id, sections=sections).id


def _codes(screenings: Screenings, screening_id: str) -> list[str]:
    return [notice.code for notice in screenings.review(screening_id).notices]


def _every_question(screenings: Screenings, screening_id: str, answer: str = "absent") -> dict[str, str]:
    screening = screenings.get(screening_id)
    plan = screenings.questions(screening.person_id, screening.pins)
    return {item.id: answer for item in asked_items(plan)}


def test_a_31_year_old_marked_may_be_under_18_is_warned_about(
    records: Records, screenings: Screenings
) -> None:
    sections = {**CONSENTED, "indicators": {"answers": {"SC.minor_present": "present"}}}
    screening = _screening(records, screenings, sections, age=31)
    review = screenings.review(screening)
    assert "review.minor_but_adult_age" in [n.code for n in review.notices]
    notice = next(n for n in review.notices if n.code == "review.minor_but_adult_age")
    assert "31" in notice.text and "under 18" in notice.text
    assert review.outcome == screenings.get(screening).outcome  # the outcome that will be signed


def test_a_16_year_old_answered_not_a_minor_is_warned_about(records: Records, screenings: Screenings) -> None:
    sections = {**CONSENTED, "indicators": {"answers": {"SC.minor_present": "absent"}}}
    screening = _screening(records, screenings, sections, age=16)
    assert "review.child_age_but_answered_adult" in _codes(screenings, screening)
    assert "review.minor_but_adult_age" not in _codes(screenings, screening)


def test_no_consent_incomplete_interview_and_no_age(records: Records, screenings: Screenings) -> None:
    screening = _screening(records, screenings, {"indicators": {"answers": {"SC.long_hours": "present"}}})
    codes = _codes(screenings, screening)
    assert {"review.no_consent", "review.incomplete", "review.no_age", "review.unanswered"} <= set(codes)


def test_contradictions_and_questions_not_asked(records: Records, screenings: Screenings) -> None:
    screening = _screening(records, screenings, CONSENTED, age=25)
    answers = _every_question(screenings, screening)
    answers["SC.passport_taken"] = "present"  # ...and its ILO counterpart, CD.confiscation_docs, absent
    answers["CD.confiscation_docs"] = "absent"
    not_asked = [item for item in answers if item.startswith("SC.") and item != "SC.passport_taken"][:3]
    answers.update({item: "not_asked" for item in not_asked})
    screenings.save(screening, {"indicators": {"answers": answers}})
    review = screenings.review(screening)
    codes = [n.code for n in review.notices]
    assert "review.contradictions" in codes and "review.unanswered" not in codes
    not_asked_notice = next(n for n in review.notices if n.code == "review.not_asked")
    assert not_asked_notice.params == {"count": 3, "total": review.total}
    assert review.answered == review.total and review.present == 1


def test_a_consistent_screening_has_nothing_to_warn_about(records: Records, screenings: Screenings) -> None:
    screening = _screening(records, screenings, CONSENTED, age=25)
    screenings.save(screening, {"indicators": {"answers": _every_question(screenings, screening)}})
    assert _codes(screenings, screening) == []


def test_an_age_corrected_after_the_last_save_is_warned_about(
    records: Records, screenings: Screenings
) -> None:
    screening = _screening(records, screenings, CONSENTED, age=25)
    screenings.save(screening, {"indicators": {"answers": _every_question(screenings, screening)}})
    records.edit("person", screenings.get(screening).person_id, {"age": 16})
    notice = next(n for n in screenings.review(screening).notices if n.code == "review.age_changed")
    assert notice.params == {"scored": 25, "current": 16}


def test_a_dependent_interpreter_or_none_when_needed(records: Records, screenings: Screenings) -> None:
    language = {"interpreter_needed": True, "interpreter_present": False}
    screening = _screening(records, screenings, {**CONSENTED, "language": language}, age=30)
    assert "review.no_interpreter" in _codes(screenings, screening)
    screenings.save(screening, {"language": {"interpreter_present": True, "interpreter_independent": False}})
    codes = _codes(screenings, screening)
    assert "review.interpreter_dependent" in codes and "review.no_interpreter" not in codes

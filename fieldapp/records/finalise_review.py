"""What a team lead reads before signing a screening: the outcome, how far the interview got, and what in
the record does not fit together.

Finalising is one-way; a mistake then needs an amendment with a reason, and the outcome may already be
on a handover form. So before the passphrase the officer sees, in plain words, every inconsistency the
record itself shows: an adult's age with the "may be under 18" answer (the child rule decides the
outcome), no consent recorded, an interview not marked complete, answers that contradict each other,
questions not asked or not answered, a missing or dependent interpreter. These are warnings, not
refusals: an officer may have good reasons, and finalising stays possible.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.errors import Message, Notice, message
from fieldapp.records.projections import possibly_minor
from fieldapp.screening import IndicatorSet, ScreeningResult
from fieldapp.screening.plan import QuestionGroup, asked_items

NO_CONSENT = message("review.no_consent", "No consent to the interview is recorded.")
REFUSED_BUT_ANSWERS = message(
    "review.refused_but_answers",
    "The person did not agree to be interviewed, yet answers are recorded ({count}).",
)
INCOMPLETE = message(
    "review.incomplete",
    "The interview is not marked complete: the outcome rests on the answers given so far.",
)
MINOR_BUT_ADULT_AGE = message(
    "review.minor_but_adult_age",
    "“Person is, or may be, under 18” is answered yes, but the recorded age is {age} and not marked as "
    "estimated. The child rule decides this outcome: check the age or the answer.",
)
CHILD_AGE_BUT_ANSWERED_ADULT = message(
    "review.child_age_but_answered_adult",
    "The recorded age ({age}) says the person is or may be under 18, but “Person is, or may be, under 18” "
    "is answered no. The child rule applies by the age: check the age or the answer.",
)
NO_AGE = message("review.no_age", "No age is recorded: whether the person is a child cannot be checked.")
AGE_CHANGED = message(
    "review.age_changed",
    "The person's age was changed after the last save of this screening (scored with {scored}, now "
    "{current}): make a change in the screening so it is scored again.",
)
CONTRADICTIONS = message(
    "review.contradictions",
    "Answers that contradict each other: {count}. Ask again and correct one of each pair.",
)
NOT_ASKED = message("review.not_asked", "Questions recorded as not asked: {count} of {total}.")
UNANSWERED = message("review.unanswered", "Questions with no answer: {count} of {total}.")
NO_INTERPRETER = message("review.no_interpreter", "An interpreter was needed but none was present.")
INTERPRETER_DEPENDENT = message(
    "review.interpreter_dependent",
    "The interpreter may not be independent of the compound or the employer.",
)


@dataclass(frozen=True)
class FinaliseReview:
    outcome: str  # the outcome that will be signed (as the last save scored it)
    answered: int  # questions asked in this interview that have an answer ("not asked" included)
    total: int
    present: int
    notices: tuple[Notice, ...]  # empty: nothing that does not fit


def review(
    sections: Mapping[str, Any],
    result: ScreeningResult,
    stored_result: Mapping[str, Any],
    person: Mapping[str, Any],
    questions: Sequence[QuestionGroup],
    linked: IndicatorSet,
) -> FinaliseReview:
    """The summary of a screening about to be finalised: ``result`` scored now from ``sections`` and the
    person's current fields; ``stored_result`` what the last save recorded."""
    answers: dict[str, Any] = dict((sections.get("indicators") or {}).get("answers") or {})
    given = {item: str((value or {}).get("answer")) for item, value in answers.items()}
    asked = [item.id for item in asked_items(questions)]
    consent = (sections.get("consent") or {}).get("consents_to_interview")
    interview = sections.get("interview") or {}
    language = sections.get("language") or {}
    age, uncertain = person.get("age"), bool(person.get("age_uncertain"))
    minor_item = next((item.id for item in linked.linked_items if item.minor_flag), None)
    notices: list[Notice] = []

    def warn(text: Message, **params: object) -> None:
        notices.append(Notice(text, params))

    if consent is None:
        warn(NO_CONSENT)
    elif consent is False:
        recorded = sum(1 for answer in given.values() if answer != "not_asked")
        if recorded:
            warn(REFUSED_BUT_ANSWERS, count=recorded)
    if not interview.get("completed") and not interview.get("declined"):
        warn(INCOMPLETE)
    if minor_item is not None and given.get(minor_item) == "present" and age is not None and age >= 18:
        if not uncertain:
            warn(MINOR_BUT_ADULT_AGE, age=age)
    if minor_item is not None and given.get(minor_item) == "absent" and possibly_minor(dict(person)):
        warn(CHILD_AGE_BUT_ANSWERED_ADULT, age="?" if age is None else age)
    if age is None and not uncertain:
        warn(NO_AGE)
    scored = stored_result.get("age")
    if scored != age and not (scored is None and age is None):
        warn(AGE_CHANGED, scored="—" if scored is None else scored, current="—" if age is None else age)
    if result.contradictions:
        warn(CONTRADICTIONS, count=len(result.contradictions))
    not_asked = sum(1 for item in asked if given.get(item) == "not_asked")
    unanswered = sum(1 for item in asked if item not in given)
    if not_asked:
        warn(NOT_ASKED, count=not_asked, total=len(asked))
    if unanswered and not interview.get("declined"):
        warn(UNANSWERED, count=unanswered, total=len(asked))
    if language.get("interpreter_needed") and not language.get("interpreter_present"):
        warn(NO_INTERPRETER)
    if language.get("interpreter_present") and language.get("interpreter_independent") is False:
        warn(INTERPRETER_DEPENDENT)
    return FinaliseReview(
        outcome=str(stored_result.get("outcome") or result.outcome.value),
        answered=sum(1 for item in asked if item in given),
        total=len(asked),
        present=sum(1 for item in asked if given.get(item) == "present"),
        notices=tuple(notices),
    )

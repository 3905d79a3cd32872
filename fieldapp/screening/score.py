"""Scoring entry points: answers (or a JSON document) in, ScreeningResult out. Loads the sets from disk."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.screening.model import (
    RULE_VERSION,
    Answer,
    AnswerRecord,
    InterviewStatus,
    ScreeningResult,
    Source,
)
from fieldapp.screening.rule import evaluate
from fieldapp.screening.set_model import Act
from fieldapp.screening.sets import load_set

DEFAULT_SET = "ilo2009_adult_labour"
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z]{4})?(-[A-Z]{2})?")
DEFAULT_LINKED_SET = "scam_compound"
_DOC_KEYS = frozenset(
    {
        "set",
        "set_version",
        "linked_set",
        "linked_set_version",
        "age",
        "age_uncertain",
        "interview",
        "answers",
        "act_recorded",
        "acts",
        "rule_version",
    }
)
_INTERVIEW_KEYS = ("completed", "declined", "interpreter_needed", "interpreter_present")


def parse_answer(item_id: str, value: object) -> AnswerRecord:
    """``"present"`` or ``{"answer": "present", "source": "self_report", "note": "...", "language": "bn"}``."""
    if isinstance(value, AnswerRecord):
        return value
    if isinstance(value, str):
        raw_answer: object = value
        source: object = None
        note: object = ""
        language: object = None
    elif isinstance(value, Mapping):
        extra = set(value) - {"answer", "source", "note", "language"}
        if extra:
            raise ValidationError(
                f"Answer for {item_id}: unknown field(s) {', '.join(sorted(map(str, extra)))}."
            )
        raw_answer, source, note = value.get("answer"), value.get("source"), value.get("note", "")
        language = value.get("language")
    else:
        raise ValidationError(
            f"Answer for {item_id} must be a string or an object, not {type(value).__name__}."
        )
    try:
        answer = Answer(str(raw_answer))
    except ValueError:
        allowed = ", ".join(a.value for a in Answer)
        raise ValidationError(
            f"Answer for {item_id}: bad value {raw_answer!r} (expected {allowed})."
        ) from None
    parsed_source: Source | None = None
    if source is not None:
        try:
            parsed_source = Source(str(source))
        except ValueError:
            allowed = ", ".join(s.value for s in Source)
            raise ValidationError(
                f"Answer for {item_id}: bad source {source!r} (expected {allowed})."
            ) from None
    if note is None:
        note = ""
    if not isinstance(note, str):
        raise ValidationError(f"Answer for {item_id}: note must be text.")
    if language is not None and (not isinstance(language, str) or not LANGUAGE_TAG.fullmatch(language)):
        raise ValidationError(f"Answer for {item_id}: language must be a language tag such as bn or zh-Hant.")
    return AnswerRecord(answer=answer, source=parsed_source, note=note, language=language or None)


def score(
    answers: Mapping[str, AnswerRecord | str],
    *,
    age: int | None,
    age_uncertain: bool,
    interview: InterviewStatus,
    set_id: str = DEFAULT_SET,
    set_version: str | None = None,
    linked_set_id: str | None = DEFAULT_LINKED_SET,
    linked_set_version: str | None = None,
    act_recorded: bool = False,
    recorded_acts: tuple[Act, ...] = (),
    rule_version: str = RULE_VERSION,
    directory: Path | None = None,
) -> ScreeningResult:
    """Load the requested set versions (newest by default) and apply the rule of ``rule_version``."""
    indicators = load_set(set_id, set_version, directory=directory)
    linked = load_set(linked_set_id, linked_set_version, directory=directory) if linked_set_id else None
    records = {str(k): parse_answer(str(k), v) for k, v in answers.items()}
    return evaluate(
        indicators,
        linked,
        records,
        age=age,
        age_uncertain=age_uncertain,
        interview=interview,
        act_recorded=act_recorded,
        recorded_acts=recorded_acts,
        rule_version=rule_version,
    )


def parse_acts(value: object) -> tuple[Act, ...]:
    """``["recruitment", "harbouring"]``: the acts of trafficking the record shows."""
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError("'acts' must be a list of acts.")
    try:
        return tuple(Act(v) for v in value)
    except ValueError:
        allowed = ", ".join(a.value for a in Act)
        raise ValidationError(f"'acts' may only hold {allowed}.") from None


def _opt_str(doc: Mapping[str, Any], key: str) -> str | None:
    value = doc.get(key)
    if value is not None and (not isinstance(value, str) or not value):
        raise ValidationError(f"'{key}' must be text.")
    return value


def _bool(obj: Mapping[str, Any], key: str, default: bool, where: str = "") -> bool:
    value = obj.get(key, default)
    if not isinstance(value, bool):
        raise ValidationError(f"'{where}{key}' must be true or false.")
    return value


def parse_interview(value: object) -> InterviewStatus:
    if value is None:
        return InterviewStatus()
    if not isinstance(value, Mapping):
        raise ValidationError("'interview' must be an object.")
    extra = set(value) - set(_INTERVIEW_KEYS)
    if extra:
        raise ValidationError(f"'interview' has unknown field(s): {', '.join(sorted(map(str, extra)))}.")
    return InterviewStatus(
        completed=_bool(value, "completed", True, "interview."),
        declined=_bool(value, "declined", False, "interview."),
        interpreter_needed=_bool(value, "interpreter_needed", False, "interview."),
        interpreter_present=_bool(value, "interpreter_present", False, "interview."),
    )


def score_document(doc: object, *, directory: Path | None = None) -> ScreeningResult:
    """Score a JSON document (see the package docstring for its shape), with clear errors on bad input."""
    if not isinstance(doc, Mapping):
        raise ValidationError("The screening document must be a JSON object.")
    extra = set(doc) - _DOC_KEYS
    if extra:
        raise ValidationError(
            f"Unknown field(s) in the screening document: {', '.join(sorted(map(str, extra)))}."
        )
    age = doc.get("age")
    if age is not None and (isinstance(age, bool) or not isinstance(age, int)):
        raise ValidationError("'age' must be a whole number or null.")
    answers = doc.get("answers", {})
    if not isinstance(answers, Mapping):
        raise ValidationError("'answers' must be an object of indicator id -> answer.")
    linked_set_id = doc.get("linked_set", DEFAULT_LINKED_SET)
    if linked_set_id is not None and not isinstance(linked_set_id, str):
        raise ValidationError("'linked_set' must be text or null.")
    records = {str(k): parse_answer(str(k), v) for k, v in answers.items()}
    return score(
        records,
        age=age,
        age_uncertain=_bool(doc, "age_uncertain", False),
        interview=parse_interview(doc.get("interview")),
        set_id=_opt_str(doc, "set") or DEFAULT_SET,
        set_version=_opt_str(doc, "set_version"),
        linked_set_id=linked_set_id,
        linked_set_version=_opt_str(doc, "linked_set_version"),
        act_recorded=_bool(doc, "act_recorded", False),
        recorded_acts=parse_acts(doc.get("acts")),
        rule_version=_opt_str(doc, "rule_version") or RULE_VERSION,
        directory=directory,
    )

"""Answers, interview status and the screening result (plain data, JSON-serialisable)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from fieldapp.screening.set_model import Strength

# The rule a new screening is scored with. A screening keeps the rule version it was finalised with, so
# older versions stay here and keep giving the results they gave (``fieldapp.screening.rule.RULES``).
RULE_VERSION = "ilo2009-rule-2"
LEGACY_RULE_VERSION = "ilo2009-rule-1"  # screenings recorded before the rule version was pinned


class Answer(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    UNKNOWN = "unknown"  # the person does not know
    DECLINED = "declined"  # the person chose not to answer ("skip")
    NOT_ASKED = "not_asked"  # the officer did not ask it in this interview


class Source(StrEnum):
    SELF_REPORT = "self_report"
    OFFICER_OBSERVATION = "officer_observation"
    DOCUMENT = "document"
    THIRD_PARTY = "third_party"
    RESPONDENT = "respondent"  # answered by the person on the respondent screen, in their own language


class Outcome(StrEnum):
    """A screening result, never a verdict: there is deliberately no "not a victim"."""

    PRESUMED_VICTIM = "PRESUMED_VICTIM"
    PRESUMED_CHILD_VICTIM = "PRESUMED_CHILD_VICTIM"
    POSSIBLE_VICTIM = "POSSIBLE_VICTIM"
    # Something was answered present, but no dimension reached the ILO threshold and no red flag was
    # raised: still a possible victim to protect and refer, never "nothing found".
    INDICATORS_BELOW_THRESHOLD = "INDICATORS_BELOW_THRESHOLD"
    NO_INDICATORS_FOUND = "NO_INDICATORS_FOUND"
    UNDETERMINED = "UNDETERMINED"


# The outcomes that call for protection, referral for formal identification and the non-punishment
# sentence on every form: everything but "nothing found yet" and "could not be determined".
PROTECT_AND_REFER: frozenset[Outcome] = frozenset(
    {
        Outcome.PRESUMED_VICTIM,
        Outcome.PRESUMED_CHILD_VICTIM,
        Outcome.POSSIBLE_VICTIM,
        Outcome.INDICATORS_BELOW_THRESHOLD,
    }
)

# Ordering used by the monotonicity guarantee: NO_INDICATORS_FOUND and UNDETERMINED share the bottom rank
# (for a given interview status only one of them can occur), the two presumed outcomes share the top rank.
OUTCOME_RANK: dict[Outcome, int] = {
    Outcome.NO_INDICATORS_FOUND: 0,
    Outcome.UNDETERMINED: 0,
    Outcome.INDICATORS_BELOW_THRESHOLD: 1,
    Outcome.POSSIBLE_VICTIM: 2,
    Outcome.PRESUMED_VICTIM: 3,
    Outcome.PRESUMED_CHILD_VICTIM: 3,
}


class InterviewIssue(StrEnum):
    DECLINED = "declined"
    INCOMPLETE = "incomplete"
    NO_INTERPRETER = "no_interpreter"


@dataclass(frozen=True)
class AnswerRecord:
    answer: Answer
    source: Source | None = None
    note: str = ""
    language: str | None = None  # the language the question was shown in (respondent screen)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "answer": self.answer.value,
            "source": self.source.value if self.source else None,
            "note": self.note,
        }
        if self.language:
            data["language"] = self.language
        return data


@dataclass(frozen=True)
class InterviewStatus:
    """How the interview went. ``interpreter_present`` means an interpreter in a language the person understands."""

    completed: bool = True
    declined: bool = False
    interpreter_needed: bool = False
    interpreter_present: bool = False

    def issues(self) -> tuple[InterviewIssue, ...]:
        found: list[InterviewIssue] = []
        if self.declined:
            found.append(InterviewIssue.DECLINED)
        if not self.completed:
            found.append(InterviewIssue.INCOMPLETE)
        if self.interpreter_needed and not self.interpreter_present:
            found.append(InterviewIssue.NO_INTERPRETER)
        return tuple(found)

    def to_dict(self) -> dict[str, bool]:
        return {
            "completed": self.completed,
            "declined": self.declined,
            "interpreter_needed": self.interpreter_needed,
            "interpreter_present": self.interpreter_present,
        }


@dataclass(frozen=True)
class CountedIndicator:
    """An indicator that counted: answered present directly, or ticked via linked (scam-compound) items."""

    id: str
    strength: Strength
    label_en: str
    label_km: str
    direct: bool
    via: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "strength": self.strength.value,
            "label": {"en": self.label_en, "km": self.label_km},
            "direct": self.direct,
            "via": list(self.via),
        }


@dataclass(frozen=True)
class DimensionResult:
    dimension: str
    positive: bool
    strong: int
    medium: int
    weak: int
    indicators: tuple[CountedIndicator, ...]
    explanation: str  # one line, English (``explain`` gives Khmer)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dimension": self.dimension,
            "positive": self.positive,
            "counts": {"strong": self.strong, "medium": self.medium, "weak": self.weak},
            "indicators": [i.to_dict() for i in self.indicators],
            "explanation": self.explanation,
        }


@dataclass(frozen=True)
class FlagItem:
    """An item of a result (a red flag, an act, an answer found present): its id and label. ``via`` says
    where it came from; ``answered`` names the answers that raised it when that is not the item itself
    (a red flag on an ILO fact raised by a scam-compound answer)."""

    id: str
    label_en: str
    label_km: str
    via: str = "answer"  # "answer", or "age" for the minor red flag implied by the age
    answered: tuple[str, ...] = ()
    note: str = ""  # e.g. the ILO C182 clause that makes it a purpose of exploitation for a child

    def label(self, lang: str) -> str:
        return self.label_km if lang == "km" else self.label_en

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "label": {"en": self.label_en, "km": self.label_km}}
        data["via"] = self.via
        if self.answered:
            data["answered"] = list(self.answered)
        if self.note:
            data["note"] = self.note
        return data


@dataclass(frozen=True)
class Contradiction:
    """One ILO indicator the two lists disagree on: answered present through one, absent on the other.
    The rule counts it (protection first) and the interview asks the officer to resolve it."""

    indicator: str
    label_en: str
    label_km: str
    present: tuple[str, ...]  # the answers that say present
    absent: tuple[str, ...]  # the answers that say absent

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "label": {"en": self.label_en, "km": self.label_km},
            "present": list(self.present),
            "absent": list(self.absent),
        }


@dataclass(frozen=True)
class ScreeningResult:
    outcome: Outcome
    set_id: str
    set_version: str
    linked_set_id: str | None
    linked_set_version: str | None
    rule_version: str
    dimensions: tuple[DimensionResult, ...]
    red_flags: tuple[FlagItem, ...]
    acts: tuple[FlagItem, ...]
    act_recorded: bool
    adult_rule_met: bool
    child_rule_met: bool
    child_rule_applied: bool
    child_reason: str | None  # "under_18", "age_uncertain" or "minor_flag"
    age: int | None
    age_uncertain: bool
    interview_issues: tuple[InterviewIssue, ...]
    undetermined_reasons: tuple[InterviewIssue, ...]
    warnings: tuple[str, ...]
    # Every answer found present, scam-compound items first, each with its label (what "because" lists).
    present: tuple[FlagItem, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    # The acts of trafficking the record itself shows (recruitment section, compounds), beyond act items.
    recorded_acts: tuple[str, ...] = ()
    # For a child: the purposes of exploitation found (ILO C182 worst forms), beyond a positive EX.
    child_exploitation: tuple[FlagItem, ...] = ()
    # set id -> its verification status, for every set the result used.
    verification: tuple[tuple[str, str], ...] = ()

    def dimension(self, dim: str) -> DimensionResult:
        for d in self.dimensions:
            if d.dimension == dim:
                return d
        raise KeyError(dim)

    @property
    def positive_dimensions(self) -> tuple[str, ...]:
        return tuple(d.dimension for d in self.dimensions if d.positive)

    @property
    def child_protection_referral(self) -> bool:
        return self.child_rule_applied

    def to_dict(self) -> dict[str, Any]:
        """Everything but the sentences (``fieldapp.screening.explain`` words them)."""
        return {
            "outcome": self.outcome.value,
            "set": {"id": self.set_id, "version": self.set_version},
            "linked_set": {"id": self.linked_set_id, "version": self.linked_set_version},
            "rule_version": self.rule_version,
            "dimensions": {d.dimension: d.to_dict() for d in self.dimensions},
            "positive_dimensions": list(self.positive_dimensions),
            "red_flags": [f.to_dict() for f in self.red_flags],
            "acts": [f.to_dict() for f in self.acts],
            "act_recorded": self.act_recorded,
            "adult_rule_met": self.adult_rule_met,
            "child_rule_met": self.child_rule_met,
            "child_rule_applied": self.child_rule_applied,
            "child_reason": self.child_reason,
            "child_protection_referral": self.child_protection_referral,
            "age": self.age,
            "age_uncertain": self.age_uncertain,
            "interview_issues": [i.value for i in self.interview_issues],
            "undetermined_reasons": [i.value for i in self.undetermined_reasons],
            "warnings": list(self.warnings),
            "present": [p.to_dict() for p in self.present],
            "contradictions": [c.to_dict() for c in self.contradictions],
            "recorded_acts": list(self.recorded_acts),
            "child_exploitation": [c.to_dict() for c in self.child_exploitation],
            "verification": dict(self.verification),
        }

"""Screening: indicator sets as versioned data, the ILO 2009 decision rule and its explanation.

Qt-free. Typical use::

    from fieldapp.screening import score, InterviewStatus, explain
    result = score({"CD.isolation": "present"}, age=24, age_uncertain=False, interview=InterviewStatus())
    print(result.outcome, explain(result, "km"))

A screening document (``score_document`` and ``fieldapp screening score``)::

    {"set": "ilo2009_adult_labour", "set_version": "2009.1", "linked_set": "scam_compound",
     "age": 24, "age_uncertain": false, "act_recorded": false,
     "interview": {"completed": true, "declined": false, "interpreter_needed": true, "interpreter_present": true},
     "answers": {"CD.isolation": "present",
                 "SC.passport_taken": {"answer": "present", "source": "self_report", "note": "..."}}}
"""

from __future__ import annotations

from fieldapp.screening.explain import explain
from fieldapp.screening.model import (
    OUTCOME_RANK,
    RULE_VERSION,
    Answer,
    AnswerRecord,
    CountedIndicator,
    DimensionResult,
    FlagItem,
    InterviewIssue,
    InterviewStatus,
    Outcome,
    ScreeningResult,
    Source,
)
from fieldapp.screening.rule import child_reason, dimension_positive, evaluate
from fieldapp.screening.score import DEFAULT_LINKED_SET, DEFAULT_SET, parse_answer, score, score_document
from fieldapp.screening.set_model import (
    Dimension,
    Element,
    Indicator,
    IndicatorSet,
    LinkedItem,
    Localized,
    Strength,
    Verification,
)
from fieldapp.screening.sets import DIMENSIONS, available_sets, indicator_dir, load_set

__all__ = [
    "DEFAULT_LINKED_SET",
    "DEFAULT_SET",
    "DIMENSIONS",
    "OUTCOME_RANK",
    "RULE_VERSION",
    "Answer",
    "AnswerRecord",
    "CountedIndicator",
    "Dimension",
    "DimensionResult",
    "Element",
    "FlagItem",
    "Indicator",
    "IndicatorSet",
    "InterviewIssue",
    "InterviewStatus",
    "LinkedItem",
    "Localized",
    "Outcome",
    "ScreeningResult",
    "Source",
    "Strength",
    "Verification",
    "available_sets",
    "child_reason",
    "dimension_positive",
    "evaluate",
    "explain",
    "indicator_dir",
    "load_set",
    "parse_answer",
    "score",
    "score_document",
]

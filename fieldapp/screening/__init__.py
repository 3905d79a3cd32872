"""Screening: indicator sets as versioned data, the ILO 2009 decision rule and its explanation.

Qt-free. Typical use::

    from fieldapp.screening import score, InterviewStatus, explain
    result = score({"CD.isolation": "present"}, age=24, age_uncertain=False, interview=InterviewStatus())
    print(result.outcome, explain(result, "km"))

A screening document (``score_document`` and ``fieldapp screening score``)::

    {"set": "ilo2009_adult_labour", "set_version": "2009.1", "linked_set": "scam_compound",
     "rule_version": "ilo2009-rule-2", "age": 24, "age_uncertain": false, "acts": ["recruitment"],
     "interview": {"completed": true, "declined": false, "interpreter_needed": true, "interpreter_present": true},
     "answers": {"CD.isolation": "present",
                 "SC.passport_taken": {"answer": "present", "source": "self_report", "note": "..."}}}
"""

from __future__ import annotations

from fieldapp.screening.explain import Explanation, explain, explanation, verification_notes
from fieldapp.screening.model import (
    LEGACY_RULE_VERSION,
    OUTCOME_RANK,
    PROTECT_AND_REFER,
    RULE_VERSION,
    Answer,
    AnswerRecord,
    Contradiction,
    CountedIndicator,
    DimensionResult,
    FlagItem,
    InterviewIssue,
    InterviewStatus,
    Outcome,
    ScreeningResult,
    Source,
)
from fieldapp.screening.rule import (
    RED_FLAG_FACTS,
    RULES,
    child_reason,
    dimension_positive,
    evaluate,
    raises_red_flag,
)
from fieldapp.screening.score import (
    DEFAULT_LINKED_SET,
    DEFAULT_SET,
    parse_acts,
    parse_answer,
    score,
    score_document,
)
from fieldapp.screening.set_model import (
    Act,
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
    "LEGACY_RULE_VERSION",
    "OUTCOME_RANK",
    "PROTECT_AND_REFER",
    "RED_FLAG_FACTS",
    "RULES",
    "RULE_VERSION",
    "Act",
    "Answer",
    "AnswerRecord",
    "Contradiction",
    "CountedIndicator",
    "Dimension",
    "DimensionResult",
    "Element",
    "Explanation",
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
    "explanation",
    "indicator_dir",
    "load_set",
    "parse_acts",
    "parse_answer",
    "raises_red_flag",
    "score",
    "score_document",
    "verification_notes",
]

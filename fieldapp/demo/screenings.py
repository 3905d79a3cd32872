"""Demo screenings: answer patterns that land in every outcome the rule can give."""

from __future__ import annotations

import random
from typing import Any

from fieldapp.records.screenings import Screenings

_RECRUITED = {"DR.job_nature": "present", "DR.wages": "present", "SC.promised_other_job": "present"}
_EXPLOITED = {"EX.excessive_hours": "present", "EX.low_no_salary": "present", "SC.quota": "present"}
_HELD = {"CD.isolation": "present", "CD.confiscation_docs": "present", "SC.passport_taken": "present"}

# (share of persons, answers, interview) — about 12% are registered but not yet interviewed.
_PATTERNS: list[tuple[float, dict[str, str], dict[str, bool]]] = [
    (0.45, {**_RECRUITED, **_EXPLOITED, **_HELD}, {"completed": True}),
    (0.20, {**_HELD}, {"completed": True}),
    (0.07, {"VR.economic": "present", "DR.job_nature": "absent"}, {"completed": True}),  # below the threshold
    (0.04, {"DR.job_nature": "absent", "SC.passport_taken": "absent"}, {"completed": True}),  # nothing found
    (0.07, {"CD.isolation": "unknown"}, {"completed": False, "declined": True}),
    (0.05, {"SC.debt_or_ransom_to_leave": "present"}, {"completed": True}),
]
_LANGUAGE_INTERPRETER = {
    "interpreter_needed": True,
    "interpreter_present": True,
    "interpreter_independent": True,
}


def demo_screening(
    screenings: Screenings, person_id: str, languages: list[str], rng: random.Random
) -> str | None:
    """Screen most demo persons; returns the outcome recorded (None when left unscreened)."""
    draw, chosen = rng.random(), None
    # Two in three foreign workers let their embassy be told (no extra draw: the demo stays as it was).
    tells_embassy = "km" not in languages and int(draw * 1000) % 3 != 0
    for share, *pattern in _PATTERNS:
        if draw < share:
            chosen = pattern
            break
        draw -= share
    if chosen is None:
        return None
    answers, interview = chosen
    sections: dict[str, Any] = {
        "meta": {"place": "Compound building B, floor 3", "private_setting": True},
        "language": {
            "preferred": languages,
            "interview_language": languages[0] if languages else "en",
            **_LANGUAGE_INTERPRETER,
        },
        # The others were not asked about their embassy yet: a "no" would block an embassy handover.
        "consent": {
            "consents_to_interview": True,
            "told_purpose": True,
            "share_mosvy": True,
            **({"share_embassy": True} if tells_embassy else {}),
        },
        "interview": interview,
        "indicators": {"answers": answers},
    }
    screening = screenings.begin(person_id, sections=sections)
    return screening.outcome

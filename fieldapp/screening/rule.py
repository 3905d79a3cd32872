"""The decision rule (domain.md §1.5, §6.3, §8.2). Pure: sets and answers in, result out, no I/O.

Order of outcomes:
1. child (under 18, or age uncertain and possibly under 18, or the minor flag answered present):
   EX positive and (an act recorded, or DR or CR or VR positive) -> PRESUMED_CHILD_VICTIM;
   adult: (DR or CR or VR) and EX and (CD or VD) -> PRESUMED_VICTIM;
2. else any dimension positive, or any red flag present -> POSSIBLE_VICTIM;
3. else UNDETERMINED if the interview was declined, incomplete, or lacked a needed interpreter;
4. else NO_INDICATORS_FOUND.
Only ``present`` answers count. Interview problems never lower a positive finding: they only turn "nothing
found" into "undetermined".
"""

from __future__ import annotations

from collections.abc import Mapping

from fieldapp.errors import ValidationError
from fieldapp.screening.explain import dimension_line
from fieldapp.screening.model import (
    RULE_VERSION,
    Answer,
    AnswerRecord,
    CountedIndicator,
    DimensionResult,
    FlagItem,
    InterviewStatus,
    Outcome,
    ScreeningResult,
)
from fieldapp.screening.set_model import Element, IndicatorSet, Strength
from fieldapp.screening.sets import DIMENSIONS, KIND_ILO, KIND_LINKED

ADULT_AGE = 18
# An uncertain age estimate below 18 + this margin counts as "possibly under 18" (age estimates are rarely
# better than a few years). Project choice, not from domain.md.
UNCERTAIN_AGE_MARGIN = 3
RECRUITMENT = ("DR", "CR", "VR")
DESTINATION = ("CD", "VD")


def dimension_positive(s: int, m: int, w: int) -> bool:
    """ILO 2009 step 1: 2 strong; or 1 strong + 1 medium/weak; or 3 medium; or 2 medium + 1 weak."""
    return s >= 2 or (s >= 1 and (m + w) >= 1) or m >= 3 or (m >= 2 and w >= 1)


def child_reason(age: int | None, age_uncertain: bool, minor_flag: bool) -> str | None:
    """Why the child rule applies, or None for the adult rule."""
    if age is not None and age < ADULT_AGE:
        return "under_18"
    if age_uncertain and (age is None or age < ADULT_AGE + UNCERTAIN_AGE_MARGIN):
        return "age_uncertain"
    if minor_flag:
        return "minor_flag"
    return None


def evaluate(
    indicators: IndicatorSet,
    linked: IndicatorSet | None,
    answers: Mapping[str, AnswerRecord],
    *,
    age: int | None,
    age_uncertain: bool,
    interview: InterviewStatus,
    act_recorded: bool = False,
) -> ScreeningResult:
    """Score one screening. Raises ValidationError for answer ids in neither set."""
    if indicators.kind != KIND_ILO:
        raise ValidationError(f"'{indicators.set_id}' is not an ILO indicator set.")
    if linked is not None and linked.kind != KIND_LINKED:
        raise ValidationError(f"'{linked.set_id}' is not a linked-item set.")
    if age is not None and not 0 <= age <= 130:
        raise ValidationError(f"Age {age} is not plausible.")
    unknown = [k for k in answers if indicators.get(k) is None and (linked is None or linked.get(k) is None)]
    if unknown:
        names = indicators.set_id + (f" or {linked.set_id}" if linked else "")
        raise ValidationError(f"Unknown indicator id(s) for {names}: {', '.join(sorted(unknown))}.")

    present = [k for k, rec in answers.items() if rec.answer is Answer.PRESENT]
    direct: set[str] = set()
    via: dict[str, list[str]] = {}
    red_flags: list[FlagItem] = []
    acts: list[FlagItem] = []
    warnings: list[str] = []
    minor_flag = False
    minor_item = None
    if linked is not None:
        minor_item = next((i for i in linked.linked_items if i.minor_flag), None)
    for item_id in present:
        if indicators.indicator(item_id) is not None:
            direct.add(item_id)
            continue
        item = linked.linked(item_id) if linked is not None else None
        if item is None:
            continue
        for target in item.maps_to:
            if indicators.indicator(target) is None:
                warnings.append(f"mapping_not_in_set:{item.id}->{target}")
            else:
                via.setdefault(target, []).append(item.id)
        flag = FlagItem(item.id, item.label.get("en"), item.label.get("km"))
        if item.red_flag:
            red_flags.append(flag)
        if Element.ACT in item.elements:
            acts.append(flag)
        minor_flag = minor_flag or item.minor_flag

    dims: list[DimensionResult] = []
    for dim in DIMENSIONS:
        counted = tuple(
            CountedIndicator(
                id=ind.id,
                strength=ind.strength,
                label_en=ind.label.get("en"),
                label_km=ind.label.get("km"),
                direct=ind.id in direct,
                via=tuple(via.get(ind.id, ())),
            )
            for ind in indicators.indicators
            if ind.dimension == dim and (ind.id in direct or ind.id in via)
        )
        s = sum(1 for c in counted if c.strength is Strength.STRONG)
        m = sum(1 for c in counted if c.strength is Strength.MEDIUM)
        w = sum(1 for c in counted if c.strength is Strength.WEAK)
        positive = dimension_positive(s, m, w)
        line = dimension_line(dim, positive, counted, "en")
        dims.append(DimensionResult(dim, positive, s, m, w, counted, line))
    pos = {d.dimension for d in dims if d.positive}

    reason = child_reason(age, age_uncertain, minor_flag)
    child = reason is not None
    if child and not minor_flag and minor_item is not None:
        # The minor red flag (domain.md §6.2) holds whenever the age says "is or may be under 18".
        red_flags.append(
            FlagItem(minor_item.id, minor_item.label.get("en"), minor_item.label.get("km"), "age")
        )
    if child and not indicators.set_id.startswith("ilo2009_child"):
        warnings.append("child_scored_with_adult_set")
    if not child and indicators.set_id.startswith("ilo2009_child"):
        warnings.append("adult_scored_with_child_set")
    if age is None and not age_uncertain and not minor_flag:
        warnings.append("age_not_recorded")

    any_act = act_recorded or bool(acts)
    adult_met = bool(pos & set(RECRUITMENT)) and "EX" in pos and bool(pos & set(DESTINATION))
    child_met = "EX" in pos and (any_act or bool(pos & set(RECRUITMENT)))
    issues = interview.issues()
    if child and child_met:
        outcome = Outcome.PRESUMED_CHILD_VICTIM
    elif not child and adult_met:
        outcome = Outcome.PRESUMED_VICTIM
    elif pos or red_flags:
        outcome = Outcome.POSSIBLE_VICTIM
    elif issues:
        outcome = Outcome.UNDETERMINED
    else:
        outcome = Outcome.NO_INDICATORS_FOUND

    return ScreeningResult(
        outcome=outcome,
        set_id=indicators.set_id,
        set_version=indicators.version,
        linked_set_id=linked.set_id if linked else None,
        linked_set_version=linked.version if linked else None,
        rule_version=RULE_VERSION,
        dimensions=tuple(dims),
        red_flags=tuple(red_flags),
        acts=tuple(acts),
        act_recorded=any_act,
        adult_rule_met=adult_met,
        child_rule_met=child_met,
        child_rule_applied=child,
        child_reason=reason,
        age=age,
        age_uncertain=age_uncertain,
        interview_issues=issues,
        undetermined_reasons=issues if outcome is Outcome.UNDETERMINED else (),
        warnings=tuple(dict.fromkeys(warnings)),
    )

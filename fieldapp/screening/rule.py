"""The decision rule (ILO 2009 thresholds, Palermo child rule, red flags). Pure: sets and answers in, result
out, no I/O.

Rule ``ilo2009-rule-2`` (the current rule), in order:
1. child (under 18, or age uncertain and possibly under 18, or the minor item answered present): an act of
   trafficking and a purpose of exploitation -> PRESUMED_CHILD_VICTIM (the Palermo Protocol's child rule: no
   means are needed). The act comes from the record itself (the recruitment section, being held or received
   at a compound, an act item, or a deceptive or coercive recruitment indicator); the purpose is a positive
   EX dimension or one of the worst forms of child labour (ILO C182 Art. 3) found present.
   Adult: (DR or CR or VR) and EX and (CD or VD) positive -> PRESUMED_VICTIM (ILO 2009).
2. else any dimension positive, or any red flag -> POSSIBLE_VICTIM. Red flags attach to facts: the ILO
   indicators in ``RED_FLAG_FACTS`` raise one whether answered directly or through a scam-compound item, and
   scam-compound items with no ILO counterpart carry their own.
3. else anything answered present -> INDICATORS_BELOW_THRESHOLD (protect and refer, never "nothing found");
4. else UNDETERMINED if the interview was declined, incomplete, or lacked a needed interpreter;
5. else NO_INDICATORS_FOUND.
Only ``present`` answers count. Interview problems never lower a finding: they only turn "nothing found"
into "undetermined". Rule ``ilo2009-rule-1`` (screenings recorded before 2026-12-06) had no step 3, took red
flags only from scam-compound items, and its child rule needed a positive EX.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from fieldapp.errors import ValidationError
from fieldapp.screening.explain import dimension_line
from fieldapp.screening.model import (
    LEGACY_RULE_VERSION,
    RULE_VERSION,
    Answer,
    AnswerRecord,
    Contradiction,
    CountedIndicator,
    DimensionResult,
    FlagItem,
    InterviewStatus,
    Outcome,
    ScreeningResult,
)
from fieldapp.screening.set_model import Act, Element, Indicator, IndicatorSet, LinkedItem, Strength
from fieldapp.screening.sets import DIMENSIONS, KIND_ILO, KIND_LINKED

ADULT_AGE = 18
# An uncertain age estimate below 18 + this margin counts as "possibly under 18" (age estimates are rarely
# better than a few years). Project choice.
UNCERTAIN_AGE_MARGIN = 3
RECRUITMENT = ("DR", "CR", "VR")
DESTINATION = ("CD", "VD")

# Facts that call for protection before anything else, whichever list recorded them (a project choice
# following the non-punishment and presumption principles of OHCHR and UNODC, not an ILO rule): documents
# taken, confinement, debt bondage, violence, being abducted or sold, and forced criminality (made to commit
# crimes, or to recruit, guard or punish others).
RED_FLAG_FACTS: frozenset[str] = frozenset(
    {
        "CR.confiscation_docs",
        "CD.confiscation_docs",
        "CR.isolation",
        "CD.isolation",
        "CR.debt_bondage",
        "CD.debt_bondage",
        "CR.violence",
        "CD.violence",
        "CR.abduction_selling",
        "CD.forced_illicit",
        "CD.act_against_peers",
    }
)

# For a child, these are a purpose of exploitation on their own: the worst forms of child labour (ILO C182
# Art. 3: (a) slavery, sale, debt bondage, forced labour; (c) illicit activities; (d) hazardous work, which
# Recommendation 190 says includes long hours and particularly difficult conditions).
CHILD_WORST_FORMS: Mapping[str, str] = {
    "CR.abduction_selling": "C182 Art. 3(a)",
    "CR.debt_bondage": "C182 Art. 3(a)",
    "CD.debt_bondage": "C182 Art. 3(a)",
    "CD.forced_tasks": "C182 Art. 3(a)",
    "CD.forced_illicit": "C182 Art. 3(c)",
    "EX.hazardous_work": "C182 Art. 3(d)",
    "EX.excessive_hours": "C182 Art. 3(d)",
    "EX.very_bad_working": "C182 Art. 3(d)",
}


@dataclass(frozen=True)
class Rule:
    """What distinguishes one rule version from another."""

    version: str
    below_threshold: bool  # something present under the threshold is INDICATORS_BELOW_THRESHOLD
    fact_red_flags: bool  # red flags attach to ILO facts (RED_FLAG_FACTS), not to the list that recorded them
    palermo_child: bool  # child rule: an act (also from the record) and a purpose (EX or a C182 worst form)


RULES: Mapping[str, Rule] = {
    LEGACY_RULE_VERSION: Rule(
        LEGACY_RULE_VERSION, below_threshold=False, fact_red_flags=False, palermo_child=False
    ),
    RULE_VERSION: Rule(RULE_VERSION, below_threshold=True, fact_red_flags=True, palermo_child=True),
}


def rule(version: str | None) -> Rule:
    """The rule of that version (None: the legacy rule of screenings recorded before versions were pinned)."""
    found = RULES.get(version or LEGACY_RULE_VERSION)
    if found is None:
        raise ValidationError(f"Unknown decision rule version '{version}' (have: {', '.join(RULES)}).")
    return found


def raises_red_flag(item: Indicator | LinkedItem, rule_version: str | None = RULE_VERSION) -> bool:
    """Whether answering this item present raises a red flag under that rule (for the interview's tags)."""
    spec = rule(rule_version)
    if isinstance(item, Indicator):
        return spec.fact_red_flags and item.id in RED_FLAG_FACTS
    return item.red_flag or (spec.fact_red_flags and bool(RED_FLAG_FACTS & set(item.maps_to)))


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


def _flag(
    item: Indicator | LinkedItem, via: str = "answer", answered: tuple[str, ...] = (), note: str = ""
) -> FlagItem:
    return FlagItem(item.id, item.label.get("en"), item.label.get("km"), via, answered, note)


def _check_inputs(
    indicators: IndicatorSet,
    linked: IndicatorSet | None,
    answers: Mapping[str, AnswerRecord],
    age: int | None,
) -> None:
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


def _contradictions(
    indicators: IndicatorSet,
    linked: IndicatorSet | None,
    answers: Mapping[str, AnswerRecord],
    via: Mapping[str, list[str]],
) -> tuple[Contradiction, ...]:
    """ILO indicators answered absent but present through a scam-compound item, and ILO indicators answered
    present whose one scam-compound counterpart (an item that asks exactly that fact) was answered absent."""
    counterparts: dict[str, list[LinkedItem]] = {}
    for item in linked.linked_items if linked is not None else ():
        if not item.retired:
            for target in item.maps_to:
                counterparts.setdefault(target, []).append(item)
    found: list[Contradiction] = []
    for ind in indicators.indicators:
        direct = answers.get(ind.id)
        if direct is None:
            continue
        present: tuple[str, ...] = ()
        absent: tuple[str, ...] = ()
        if direct.answer is Answer.ABSENT and via.get(ind.id):
            present, absent = tuple(via[ind.id]), (ind.id,)
        elif direct.answer is Answer.PRESENT:
            twins = counterparts.get(ind.id, [])
            if len(twins) == 1 and twins[0].maps_to == (ind.id,):
                twin = answers.get(twins[0].id)
                if twin is not None and twin.answer is Answer.ABSENT:
                    present, absent = (ind.id,), (twins[0].id,)
        if present:
            found.append(Contradiction(ind.id, ind.label.get("en"), ind.label.get("km"), present, absent))
    return tuple(found)


def evaluate(
    indicators: IndicatorSet,
    linked: IndicatorSet | None,
    answers: Mapping[str, AnswerRecord],
    *,
    age: int | None,
    age_uncertain: bool,
    interview: InterviewStatus,
    act_recorded: bool = False,
    recorded_acts: Sequence[Act] = (),
    rule_version: str = RULE_VERSION,
) -> ScreeningResult:
    """Score one screening. ``recorded_acts`` are the acts the rest of the record shows (a recruitment
    section, compounds the person was held in); ``act_recorded`` says an act was recorded without naming it.
    Raises ValidationError for answer ids in neither set and for an unknown rule version."""
    spec = rule(rule_version)
    _check_inputs(indicators, linked, answers, age)

    present_ids = {k for k, rec in answers.items() if rec.answer is Answer.PRESENT}
    direct: set[str] = set()
    via: dict[str, list[str]] = {}
    red_flags: list[FlagItem] = []
    acts: list[FlagItem] = []
    purposes: list[FlagItem] = []
    present: list[FlagItem] = []
    warnings: list[str] = []
    minor_flag = False
    minor_item = None
    linked_items = linked.linked_items if linked is not None else ()
    minor_item = next((i for i in linked_items if i.minor_flag), None)
    for item in linked_items:
        if item.id not in present_ids:
            continue
        present.append(_flag(item))
        for target in item.maps_to:
            if indicators.indicator(target) is None:
                warnings.append(f"mapping_not_in_set:{item.id}->{target}")
            else:
                via.setdefault(target, []).append(item.id)
        owns_flag = item.red_flag and not (spec.fact_red_flags and RED_FLAG_FACTS & set(item.maps_to))
        if owns_flag:
            red_flags.append(_flag(item))
        if Element.ACT in item.elements:
            acts.append(_flag(item))
        if spec.palermo_child and item.child_worst_form:
            purposes.append(_flag(item, note=item.child_worst_form))
        minor_flag = minor_flag or item.minor_flag
    for ind in indicators.indicators:
        if ind.id in present_ids:
            direct.add(ind.id)
            present.append(_flag(ind))

    dims: list[DimensionResult] = []
    counted_ids: list[str] = []
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
        counted_ids.extend(c.id for c in counted)
        s = sum(1 for c in counted if c.strength is Strength.STRONG)
        m = sum(1 for c in counted if c.strength is Strength.MEDIUM)
        w = sum(1 for c in counted if c.strength is Strength.WEAK)
        positive = dimension_positive(s, m, w)
        line = dimension_line(dim, positive, counted, "en")
        dims.append(DimensionResult(dim, positive, s, m, w, counted, line))
    pos = {d.dimension for d in dims if d.positive}

    def answered(ind_id: str) -> tuple[str, ...]:
        return ((ind_id,) if ind_id in direct else ()) + tuple(via.get(ind_id, ()))

    if spec.fact_red_flags:
        fact_flags = [
            _flag(ind, answered=answered(ind.id))
            for ind in indicators.indicators
            if ind.id in RED_FLAG_FACTS and ind.id in counted_ids
        ]
        red_flags = fact_flags + red_flags
    recorded = tuple(dict.fromkeys(Act(a) for a in recorded_acts)) if spec.palermo_child else ()
    if spec.palermo_child:
        purposes = [
            _flag(ind, answered=answered(ind.id), note=CHILD_WORST_FORMS[ind.id])
            for ind in indicators.indicators
            if ind.id in CHILD_WORST_FORMS and ind.id in counted_ids
        ] + purposes
        recruited = any(i.split(".")[0] in ("DR", "CR") for i in counted_ids)
        any_act = act_recorded or bool(acts) or bool(recorded) or recruited
    else:
        any_act = act_recorded or bool(acts)

    reason = child_reason(age, age_uncertain, minor_flag)
    child = reason is not None
    if child and not minor_flag and minor_item is not None:
        # The minor red flag holds whenever the age says "is or may be under 18".
        red_flags.append(_flag(minor_item, "age"))
    if child and not indicators.set_id.startswith("ilo2009_child"):
        warnings.append("child_scored_with_adult_set")
    if not child and indicators.set_id.startswith("ilo2009_child"):
        warnings.append("adult_scored_with_child_set")
    if age is None and not age_uncertain and not minor_flag:
        warnings.append("age_not_recorded")
    for scoring_set in (indicators, linked):
        if scoring_set is not None and not scoring_set.enabled:
            warnings.append(f"set_not_enabled:{scoring_set.set_id}")

    adult_met = bool(pos & set(RECRUITMENT)) and "EX" in pos and bool(pos & set(DESTINATION))
    if spec.palermo_child:
        child_met = ("EX" in pos or bool(purposes)) and (any_act or bool(pos & set(RECRUITMENT)))
    else:
        child_met = "EX" in pos and (any_act or bool(pos & set(RECRUITMENT)))
    issues = interview.issues()
    if child and child_met:
        outcome = Outcome.PRESUMED_CHILD_VICTIM
    elif not child and adult_met:
        outcome = Outcome.PRESUMED_VICTIM
    elif pos or red_flags:
        outcome = Outcome.POSSIBLE_VICTIM
    elif spec.below_threshold and present:
        outcome = Outcome.INDICATORS_BELOW_THRESHOLD
    elif issues:
        outcome = Outcome.UNDETERMINED
    else:
        outcome = Outcome.NO_INDICATORS_FOUND

    contradictions = _contradictions(indicators, linked, answers, via) if spec.fact_red_flags else ()
    used = [indicators] + ([linked] if linked is not None else [])
    return ScreeningResult(
        outcome=outcome,
        set_id=indicators.set_id,
        set_version=indicators.version,
        linked_set_id=linked.set_id if linked else None,
        linked_set_version=linked.version if linked else None,
        rule_version=spec.version,
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
        present=tuple(present),
        contradictions=contradictions,
        recorded_acts=tuple(a.value for a in recorded),
        child_exploitation=tuple(purposes) if child else (),
        verification=tuple((s.set_id, s.verification.value) for s in used),
    )

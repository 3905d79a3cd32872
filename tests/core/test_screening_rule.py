"""The decision rule: thresholds, outcomes, child and red-flag paths, explanations, and properties."""

from __future__ import annotations

import json
from collections.abc import Mapping

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.errors import ValidationError
from fieldapp.screening import (
    OUTCOME_RANK,
    RULE_VERSION,
    Answer,
    AnswerRecord,
    InterviewIssue,
    InterviewStatus,
    Outcome,
    ScreeningResult,
    Source,
    dimension_positive,
    evaluate,
    explain,
    load_set,
    score,
)

ADULT = load_set("ilo2009_adult_labour")
CHILD = load_set("ilo2009_child_labour")
SC = load_set("scam_compound")
OK = InterviewStatus(completed=True)

P = "present"


def run(
    answers: Mapping[str, str],
    *,
    age: int | None = 30,
    age_uncertain: bool = False,
    interview: InterviewStatus = OK,
    child_set: bool = False,
    act_recorded: bool = False,
) -> ScreeningResult:
    records = {k: AnswerRecord(Answer(v)) for k, v in answers.items()}
    return evaluate(
        CHILD if child_set else ADULT,
        SC,
        records,
        age=age,
        age_uncertain=age_uncertain,
        interview=interview,
        act_recorded=act_recorded,
    )


def present(*ids: str) -> dict[str, str]:
    return dict.fromkeys(ids, P)


# Named indicators by strength, per dimension (adult labour set).
TYPICAL = present(
    "DR.job_nature",
    "DR.wages",
    "EX.excessive_hours",
    "EX.low_no_salary",
    "CD.confiscation_docs",
    "CD.isolation",
)


@pytest.mark.parametrize(
    ("s", "m", "w", "expected"),
    [
        (0, 0, 0, False),
        (1, 0, 0, False),  # a single strong indicator alone is not enough
        (1, 0, 1, True),
        (1, 1, 0, True),
        (2, 0, 0, True),
        (0, 2, 0, False),
        (0, 2, 1, True),
        (0, 3, 0, True),
        (0, 1, 1, False),
        (0, 1, 5, False),
        (0, 0, 5, False),
    ],
)
def test_dimension_threshold(s: int, m: int, w: int, expected: bool) -> None:
    assert dimension_positive(s, m, w) is expected


@pytest.mark.parametrize(
    ("answers", "dim", "positive", "counts"),
    [
        (present("CD.violence"), "CD", False, (1, 0, 0)),
        (present("CD.violence", "CD.threat_inform_family"), "CD", True, (1, 0, 1)),
        (present("CD.violence", "CD.forced_illicit"), "CD", True, (1, 1, 0)),
        (present("CD.forced_illicit", "CD.forced_tasks"), "CD", False, (0, 2, 0)),
        (present("CD.forced_illicit", "CD.forced_tasks", "CD.threat_inform_family"), "CD", True, (0, 2, 1)),
        (present("CD.forced_illicit", "CD.forced_tasks", "CD.lie_authorities"), "CD", True, (0, 3, 0)),
        # VR and VD have no strong adult indicators
        (present("VR.economic", "VR.family_situation"), "VR", False, (0, 2, 0)),
        (present("VR.economic", "VR.family_situation", "VR.general_context"), "VR", True, (0, 2, 1)),
        (present("VR.economic", "VR.difficulties_past", "VR.travel_difficulty"), "VR", False, (0, 1, 2)),
        (present("VR.economic", "VR.family_situation", "VR.personal_situation"), "VR", True, (0, 3, 0)),
        (present("VD.economic", "VD.dependency"), "VD", False, (0, 2, 0)),
        (present("VD.economic", "VD.dependency", "VD.difficulties_past"), "VD", True, (0, 2, 1)),
        (present("VD.economic", "VD.dependency", "VD.unknown_area"), "VD", True, (0, 3, 0)),
        (present("VD.difficulties_past", "VD.personal_characteristics"), "VD", False, (0, 0, 2)),
        (present("EX.excessive_hours"), "EX", False, (1, 0, 0)),
        (present("EX.excessive_hours", "EX.no_education"), "EX", True, (1, 0, 1)),
    ],
)
def test_dimension_boundaries_with_real_indicators(
    answers: dict[str, str], dim: str, positive: bool, counts: tuple[int, int, int]
) -> None:
    result = run(answers)
    d = result.dimension(dim)
    assert d.positive is positive
    assert (d.strong, d.medium, d.weak) == counts
    assert {c.id for c in d.indicators} == set(answers)


def test_presumed_victim_typical_scam_compound_case() -> None:
    result = run(TYPICAL)
    assert result.outcome is Outcome.PRESUMED_VICTIM
    assert result.adult_rule_met and not result.child_rule_applied
    assert result.positive_dimensions == ("DR", "EX", "CD")
    assert result.rule_version == RULE_VERSION
    assert (result.set_id, result.set_version) == ("ilo2009_adult_labour", "2009.1")
    lines = explain(result)
    assert lines[0].startswith("Outcome: presumed victim")
    assert "CD is positive: 2 strong (CD.confiscation_docs, CD.isolation)." in lines
    assert "DR is positive: 1 strong (DR.job_nature), 1 medium (DR.wages)." in lines
    assert (
        result.dimension("CD").explanation == "CD is positive: 2 strong (CD.confiscation_docs, CD.isolation)."
    )


@pytest.mark.parametrize(
    "missing",
    [("DR.job_nature", "DR.wages"), ("EX.excessive_hours",), ("CD.confiscation_docs", "CD.isolation")],
)
def test_adult_rule_needs_all_three_parts(missing: tuple[str, ...]) -> None:
    answers = {k: v for k, v in TYPICAL.items() if k not in missing}
    result = run(answers)
    assert result.outcome is Outcome.POSSIBLE_VICTIM
    assert not result.adult_rule_met
    assert any("The adult rule" in line and "is not met" in line for line in explain(result))


def test_vd_and_vr_can_complete_the_adult_rule() -> None:
    answers = present(
        "VR.economic", "VR.family_situation", "VR.personal_situation",
        "EX.excessive_hours", "EX.bad_living",
        "VD.economic", "VD.dependency", "VD.unknown_area",
    )  # fmt: skip
    assert run(answers).outcome is Outcome.PRESUMED_VICTIM


def test_possible_victim_from_one_positive_dimension() -> None:
    result = run(present("CD.forced_illicit", "CD.forced_tasks", "CD.lie_authorities"))
    assert result.outcome is Outcome.POSSIBLE_VICTIM
    assert result.red_flags == ()


def test_no_indicators_found_is_never_not_a_victim() -> None:
    result = run(present("CD.violence"))  # one strong alone: dimension negative
    assert result.outcome is Outcome.NO_INDICATORS_FOUND
    assert "not a victim" not in {o.value.lower() for o in Outcome}
    assert "does not mean the person is not a victim" in explain(result)[0]


def test_red_flag_forces_possible_victim_and_ticks_via_sc() -> None:
    result = run(present("SC.passport_taken"))
    assert result.outcome is Outcome.POSSIBLE_VICTIM
    assert [f.id for f in result.red_flags] == ["SC.passport_taken"]
    counted = result.dimension("CD").indicators
    assert [(c.id, c.direct, c.via) for c in counted] == [
        ("CD.confiscation_docs", False, ("SC.passport_taken",))
    ]
    lines = explain(result)
    assert "CD is not positive: only 1 strong (CD.confiscation_docs via SC.passport_taken)" in " ".join(lines)
    assert any("protection and referral are required" in line for line in lines)


def test_sc_items_alone_can_make_a_presumed_victim() -> None:
    answers = present(
        "SC.promised_other_job", "SC.promised_salary_not_paid", "SC.long_hours",
        "SC.confined_guarded", "SC.punished",
    )  # fmt: skip
    result = run(answers)
    assert result.outcome is Outcome.PRESUMED_VICTIM
    assert result.dimension("EX").indicators[0].via == ("SC.long_hours",)


def test_same_indicator_ticked_twice_counts_once() -> None:
    result = run(present("CD.isolation", "SC.phone_taken_monitored", "SC.confined_guarded"))
    cd = result.dimension("CD")
    assert (cd.strong, cd.medium, cd.weak) == (1, 0, 0)
    assert cd.indicators[0].direct and cd.indicators[0].via == (
        "SC.phone_taken_monitored",
        "SC.confined_guarded",
    )


@pytest.mark.parametrize(
    ("interview", "issue"),
    [
        (InterviewStatus(declined=True), InterviewIssue.DECLINED),
        (InterviewStatus(completed=False), InterviewIssue.INCOMPLETE),
        (InterviewStatus(interpreter_needed=True, interpreter_present=False), InterviewIssue.NO_INTERPRETER),
    ],
)
def test_undetermined_cases(interview: InterviewStatus, issue: InterviewIssue) -> None:
    result = run({}, interview=interview)
    assert result.outcome is Outcome.UNDETERMINED
    assert result.undetermined_reasons == (issue,)
    # interview problems never hide a positive finding
    found = run(TYPICAL, interview=interview)
    assert found.outcome is Outcome.PRESUMED_VICTIM
    assert found.interview_issues == (issue,) and found.undetermined_reasons == ()
    assert any("may rise after a further interview" in line for line in explain(found))


def test_interpreter_present_is_fine() -> None:
    result = run({}, interview=InterviewStatus(interpreter_needed=True, interpreter_present=True))
    assert result.outcome is Outcome.NO_INDICATORS_FOUND


CHILD_EX = present("EX.excessive_hours", "EX.bad_living")


def test_child_age_16_with_act_is_presumed_child_victim() -> None:
    result = run({**CHILD_EX, "SC.recruit_online_ad": P}, age=16, child_set=True)
    assert result.outcome is Outcome.PRESUMED_CHILD_VICTIM
    assert (
        result.child_rule_applied and result.child_reason == "under_18" and result.child_protection_referral
    )
    assert [a.id for a in result.acts] == ["SC.recruit_online_ad"]
    assert result.warnings == ()
    assert any("act is recorded (SC.recruit_online_ad)" in line for line in explain(result))


def test_child_needs_no_means_but_adult_does() -> None:
    answers = {**CHILD_EX, "SC.recruit_online_ad": P}
    assert run(answers, age=30).outcome is Outcome.POSSIBLE_VICTIM
    assert run(answers, age=17, child_set=True).outcome is Outcome.PRESUMED_CHILD_VICTIM


def test_child_via_recruitment_dimension_or_explicit_act() -> None:
    rec = present("DR.job_nature", "DR.wages")
    assert run({**CHILD_EX, **rec}, age=15, child_set=True).outcome is Outcome.PRESUMED_CHILD_VICTIM
    assert run(CHILD_EX, age=15, child_set=True, act_recorded=True).outcome is Outcome.PRESUMED_CHILD_VICTIM


def test_child_without_ex_is_possible_victim_with_minor_flag() -> None:
    result = run(present("SC.recruit_online_ad"), age=16, child_set=True)
    assert result.outcome is Outcome.POSSIBLE_VICTIM
    assert [(f.id, f.via) for f in result.red_flags] == [("SC.minor_present", "age")]


@pytest.mark.parametrize(
    ("age", "uncertain", "reason"),
    [(None, True, "age_uncertain"), (19, True, "age_uncertain"), (20, True, "age_uncertain"), (21, True, None),
     (17, False, "under_18"), (18, False, None), (30, False, None)],
)  # fmt: skip
def test_age_uncertain_possibly_under_18(age: int | None, uncertain: bool, reason: str | None) -> None:
    result = run({**CHILD_EX, "SC.recruit_online_ad": P}, age=age, age_uncertain=uncertain)
    assert result.child_reason == reason
    expected = Outcome.PRESUMED_CHILD_VICTIM if reason else Outcome.POSSIBLE_VICTIM
    assert result.outcome is expected
    if reason:
        assert "child_scored_with_adult_set" in result.warnings


def test_minor_flag_answer_switches_to_child_rule() -> None:
    result = run({**CHILD_EX, "SC.recruit_online_ad": P, "SC.minor_present": P}, age=None)
    assert result.child_reason == "minor_flag"
    assert result.outcome is Outcome.PRESUMED_CHILD_VICTIM
    assert [(f.id, f.via) for f in result.red_flags] == [("SC.minor_present", "answer")]


def test_unknown_and_declined_do_not_count() -> None:
    for value in ("unknown", "declined", "absent"):
        result = run(dict.fromkeys(TYPICAL, value))
        assert result.outcome is Outcome.NO_INDICATORS_FOUND


def test_unknown_id_is_rejected() -> None:
    with pytest.raises(ValidationError, match="Unknown indicator id"):
        run(present("CD.nonexistent"))
    # a child set has no EX.social_protection
    with pytest.raises(ValidationError, match=r"EX\.social_protection"):
        run(present("EX.social_protection"), age=15, child_set=True)


def test_result_serialises_with_khmer_explanation() -> None:
    records = {"SC.passport_taken": AnswerRecord(Answer.PRESENT, Source.SELF_REPORT, "kept by manager")}
    result = score({**TYPICAL, **records}, age=24, age_uncertain=False, interview=OK)
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["outcome"] == "PRESUMED_VICTIM"
    assert data["dimensions"]["CD"]["counts"] == {"strong": 2, "medium": 0, "weak": 0}
    assert data["red_flags"][0]["id"] == "SC.passport_taken"
    km = explain(result, "km")
    assert km[0].startswith("លទ្ធផល")
    assert any("CD.isolation" in line and "វិជ្ជមាន" in line for line in km)
    with pytest.raises(ValueError, match="Unsupported"):
        explain(result, "fr")


# --- properties -------------------------------------------------------------------------------------------------

ALL_IDS = sorted([*ADULT.ids(), *SC.ids()])
answers_st = st.dictionaries(st.sampled_from(ALL_IDS), st.sampled_from(list(Answer)), max_size=25)
interview_st = st.builds(InterviewStatus, st.booleans(), st.booleans(), st.booleans(), st.booleans())
age_st = st.tuples(st.one_of(st.none(), st.integers(min_value=10, max_value=60)), st.booleans())


def _eval(
    answers: Mapping[str, Answer], age: tuple[int | None, bool], interview: InterviewStatus
) -> ScreeningResult:
    records = {k: AnswerRecord(v) for k, v in answers.items()}
    return evaluate(ADULT, SC, records, age=age[0], age_uncertain=age[1], interview=interview)


@settings(max_examples=150, deadline=None)
@given(answers_st, st.sampled_from(ALL_IDS), age_st, interview_st)
def test_property_adding_present_never_lowers_outcome(
    answers: dict[str, Answer], extra: str, age: tuple[int | None, bool], interview: InterviewStatus
) -> None:
    """For a fixed age and interview, turning any answer into present never lowers the rank
    NO_INDICATORS_FOUND = UNDETERMINED < POSSIBLE_VICTIM < PRESUMED_VICTIM = PRESUMED_CHILD_VICTIM."""
    before = _eval(answers, age, interview)
    after = _eval({**answers, extra: Answer.PRESENT}, age, interview)
    assert OUTCOME_RANK[after.outcome] >= OUTCOME_RANK[before.outcome]
    if OUTCOME_RANK[before.outcome] == 2:
        # once presumed, the person stays presumed (a minor flag may switch adult -> child presumed)
        assert after.outcome in (Outcome.PRESUMED_VICTIM, Outcome.PRESUMED_CHILD_VICTIM)


@settings(max_examples=150, deadline=None)
@given(answers_st, age_st, interview_st)
def test_property_unknown_and_declined_count_as_absent(
    answers: dict[str, Answer], age: tuple[int | None, bool], interview: InterviewStatus
) -> None:
    as_absent = {
        k: (Answer.ABSENT if v in (Answer.UNKNOWN, Answer.DECLINED) else v) for k, v in answers.items()
    }
    only_present = {k: v for k, v in answers.items() if v is Answer.PRESENT}
    a, b, c = (
        _eval(answers, age, interview),
        _eval(as_absent, age, interview),
        _eval(only_present, age, interview),
    )
    assert a == b == c


@settings(max_examples=150, deadline=None)
@given(answers_st, age_st, interview_st)
def test_property_undetermined_only_from_interview(
    answers: dict[str, Answer], age: tuple[int | None, bool], interview: InterviewStatus
) -> None:
    """UNDETERMINED exactly when the interview had a problem and a clean interview would find nothing;
    otherwise the interview status does not change the outcome."""
    clean = _eval(answers, age, OK)
    actual = _eval(answers, age, interview)
    assert clean.outcome is not Outcome.UNDETERMINED
    if interview.issues() and clean.outcome is Outcome.NO_INDICATORS_FOUND:
        assert actual.outcome is Outcome.UNDETERMINED
        assert actual.undetermined_reasons == interview.issues()
    else:
        assert actual.outcome is clean.outcome
        assert actual.undetermined_reasons == ()

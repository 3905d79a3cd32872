"""The decision rule: thresholds, outcomes, red flags on facts, the Palermo child rule, contradictions,
plain-words explanations, the legacy rule pinned screenings keep, and properties over any answers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.errors import ValidationError
from fieldapp.screening import (
    LEGACY_RULE_VERSION,
    OUTCOME_RANK,
    RULE_VERSION,
    Act,
    Answer,
    AnswerRecord,
    Element,
    InterviewIssue,
    InterviewStatus,
    Outcome,
    ScreeningResult,
    Source,
    dimension_positive,
    evaluate,
    explain,
    explanation,
    load_set,
    score,
)

ADULT = load_set("ilo2009_adult_labour")
CHILD = load_set("ilo2009_child_labour")
SC = load_set("scam_compound")
SC_1 = load_set("scam_compound", "1.0")
OK = InterviewStatus(completed=True)

P = "present"


def run(
    answers: Mapping[str, str],
    *,
    age: int | None = 30,
    age_uncertain: bool = False,
    interview: InterviewStatus = OK,
    child_set: bool = False,
    acts: tuple[Act, ...] = (),
    rule_version: str = RULE_VERSION,
    linked: object = SC,
) -> ScreeningResult:
    records = {k: AnswerRecord(Answer(v)) for k, v in answers.items()}
    return evaluate(
        CHILD if child_set else ADULT,
        linked,  # type: ignore[arg-type]
        records,
        age=age,
        age_uncertain=age_uncertain,
        interview=interview,
        recorded_acts=acts,
        rule_version=rule_version,
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


# --- the table: answer sets worked out by hand ----------------------------------------------------------------
#
# Each case names its answers, the expected outcome and the red flags (as facts: the ILO indicator, or a
# scam-compound item with no ILO counterpart), with the reasoning. Strengths are those of the adult labour
# set unless the case says child; "pos" means a dimension meets the ILO threshold (2 S; 1 S + 1 other;
# 3 M; 2 M + 1 W). The rule: presumed when the ILO combination (adult) or the Palermo child rule holds;
# else possible when a dimension is positive or a red flag is raised (UNODC/OHCHR: protect before any
# immigration processing); else "below the threshold" when anything was answered present; else undetermined
# when the interview was flawed; else nothing found.


@dataclass(frozen=True)
class Case:
    answers: dict[str, str]
    outcome: Outcome
    flags: frozenset[str] = frozenset()
    age: int | None = 30
    age_uncertain: bool = False
    child_set: bool = False
    interview: InterviewStatus = OK
    acts: tuple[Act, ...] = ()
    contradictions: tuple[str, ...] = field(default=())


CASES: dict[str, Case] = {
    # Promised IT work, then forced to scam to quotas: DR 1 S (not pos), CD 2 M (not pos), but forced
    # criminality is a red flag -> possible victim. (Rule 1 said "no indicators found".)
    "forced scamming, quotas, false job offer": Case(
        present("SC.promised_other_job", "SC.forced_scamming", "SC.quota"),
        Outcome.POSSIBLE_VICTIM,
        frozenset({"CD.forced_illicit"}),
    ),
    # Beaten, nothing else: CD 1 S, not positive; violence is a red flag.
    "beaten only (ILO item)": Case(
        present("CD.violence"), Outcome.POSSIBLE_VICTIM, frozenset({"CD.violence"})
    ),
    "beaten only (punished for missing targets)": Case(
        present("SC.punished"), Outcome.POSSIBLE_VICTIM, frozenset({"CD.violence"})
    ),
    # The same fact on either list: the same outcome and the same red flag.
    "passport taken (ILO item)": Case(
        present("CD.confiscation_docs"), Outcome.POSSIBLE_VICTIM, frozenset({"CD.confiscation_docs"})
    ),
    "passport taken (scam-compound item)": Case(
        present("SC.passport_taken"), Outcome.POSSIBLE_VICTIM, frozenset({"CD.confiscation_docs"})
    ),
    "documents taken during recruitment": Case(
        present("CR.confiscation_docs"), Outcome.POSSIBLE_VICTIM, frozenset({"CR.confiscation_docs"})
    ),
    "phone taken (isolation)": Case(
        present("SC.phone_taken_monitored"), Outcome.POSSIBLE_VICTIM, frozenset({"CD.isolation"})
    ),
    "sold to another compound": Case(
        present("SC.sold_or_transferred"), Outcome.POSSIBLE_VICTIM, frozenset({"CR.abduction_selling"})
    ),
    "made to recruit or guard others (forced criminality)": Case(
        present("SC.recruit_peers"), Outcome.POSSIBLE_VICTIM, frozenset({"CD.act_against_peers"})
    ),
    "made to hit other workers": Case(
        present("SC.made_to_hurt_others"), Outcome.POSSIBLE_VICTIM, frozenset({"CD.act_against_peers"})
    ),
    "debt used to force work during the stay": Case(
        present("SC.debt_forced_work"), Outcome.POSSIBLE_VICTIM, frozenset({"CD.debt_bondage"})
    ),
    "travel cost turned into a debt": Case(
        present("SC.travel_cost_as_debt"), Outcome.POSSIBLE_VICTIM, frozenset({"CR.debt_bondage"})
    ),
    "ransom demanded from the family": Case(
        present("SC.ransom_from_family"), Outcome.POSSIBLE_VICTIM, frozenset({"CD.debt_bondage"})
    ),
    "sexual violence": Case(
        present("SC.sexual_violence"), Outcome.POSSIBLE_VICTIM, frozenset({"CD.violence"})
    ),
    "forced abortion": Case(
        present("SC.forced_abortion"), Outcome.POSSIBLE_VICTIM, frozenset({"CD.violence"})
    ),
    "officer saw burn marks": Case(
        present("SC.observed_injuries"), Outcome.POSSIBLE_VICTIM, frozenset({"CD.violence"})
    ),
    # No ILO counterpart: the item carries its own red flag.
    "forced into prostitution": Case(
        present("SC.forced_prostitution"), Outcome.POSSIBLE_VICTIM, frozenset({"SC.forced_prostitution"})
    ),
    "own bank account used by the compound (money mule risk)": Case(
        present("SC.identity_used"), Outcome.POSSIBLE_VICTIM, frozenset({"SC.identity_used"})
    ),
    # Something present, no dimension positive, no red flag: below the threshold, never "nothing".
    "drugs only": Case(present("SC.drugs"), Outcome.INDICATORS_BELOW_THRESHOLD),
    "poverty at home only": Case(present("SC.economic_pressure"), Outcome.INDICATORS_BELOW_THRESHOLD),
    "told to lie to the embassy only (CD 1 M)": Case(
        present("SC.told_to_lie"), Outcome.INDICATORS_BELOW_THRESHOLD
    ),
    "recruited online, an adult (an act alone)": Case(
        present("SC.recruit_online_ad"), Outcome.INDICATORS_BELOW_THRESHOLD
    ),
    # A tourist visa is an irregular status (VD 1 M), not deception about documents.
    "tourist visa only": Case(
        present("SC.tourist_visa_or_irregular_entry"), Outcome.INDICATORS_BELOW_THRESHOLD
    ),
    # Threats asked one by one: three different CD medium indicators -> CD positive, no red flag.
    "threats of violence, resale and harm to family": Case(
        present("SC.threatened_violence", "SC.threat_resale", "SC.threat_family"), Outcome.POSSIBLE_VICTIM
    ),
    # Resale and prostitution threats are both "threat of worse conditions": one indicator, counted once.
    "threats of resale and of prostitution only": Case(
        present("SC.threat_resale", "SC.threat_prostitution"), Outcome.INDICATORS_BELOW_THRESHOLD
    ),
    # An answer to the retired compound question cannot say which of its four facts: it ticks nothing
    # (rule 1 let it make CD positive alone), but it still counts as something present.
    "retired four-threats question": Case(
        present("SC.threats_sale_organs_prostitution"), Outcome.INDICATORS_BELOW_THRESHOLD
    ),
    # DR pos (S+M), EX pos (S+M), CD pos (2 S) -> the adult rule.
    "typical scam-compound case": Case(
        TYPICAL, Outcome.PRESUMED_VICTIM, frozenset({"CD.confiscation_docs", "CD.isolation"})
    ),
    "typical case from scam-compound items alone": Case(
        present(
            "SC.promised_other_job",
            "SC.promised_salary_not_paid",
            "SC.long_hours",
            "SC.confined_guarded",
            "SC.punished",
        ),
        Outcome.PRESUMED_VICTIM,
        frozenset({"CD.isolation", "CD.violence"}),
    ),
    # VR 3 M, EX S+M, VD 3 M: recruitment and destination by vulnerability alone.
    "vulnerability at both ends": Case(
        present(
            "VR.economic",
            "VR.family_situation",
            "VR.personal_situation",
            "EX.excessive_hours",
            "EX.bad_living",
            "VD.economic",
            "VD.dependency",
            "VD.unknown_area",
        ),
        Outcome.PRESUMED_VICTIM,
    ),
    # DR and EX positive, nothing at destination: possible, not presumed.
    "no destination dimension": Case(
        present("DR.job_nature", "DR.wages", "EX.excessive_hours", "EX.low_no_salary"),
        Outcome.POSSIBLE_VICTIM,
    ),
    # The lists disagree: present through the scam-compound item, absent on the ILO list. Counted (protection
    # first) and shown as a contradiction to resolve.
    "contradictory answers": Case(
        {"SC.passport_taken": P, "CD.confiscation_docs": "absent"},
        Outcome.POSSIBLE_VICTIM,
        frozenset({"CD.confiscation_docs"}),
        contradictions=("CD.confiscation_docs",),
    ),
    "nothing present": Case({}, Outcome.NO_INDICATORS_FOUND),
    "everything asked, all absent": Case(
        dict.fromkeys(("SC.passport_taken", "SC.forced_scamming", "DR.job_nature"), "absent"),
        Outcome.NO_INDICATORS_FOUND,
    ),
    "declined interview, nothing said": Case(
        {}, Outcome.UNDETERMINED, interview=InterviewStatus(declined=True)
    ),
    "no interpreter when one was needed": Case(
        {},
        Outcome.UNDETERMINED,
        interview=InterviewStatus(interpreter_needed=True, interpreter_present=False),
    ),
    # A flawed interview never lowers what was found.
    "no interpreter, but drugs mentioned": Case(
        present("SC.drugs"),
        Outcome.INDICATORS_BELOW_THRESHOLD,
        interview=InterviewStatus(interpreter_needed=True, interpreter_present=False),
    ),
    "incomplete interview, typical case": Case(
        TYPICAL,
        Outcome.PRESUMED_VICTIM,
        frozenset({"CD.confiscation_docs", "CD.isolation"}),
        interview=InterviewStatus(completed=False),
    ),
    # Child set: EX 1 S (not pos), but 16 hours a day and forced scamming are worst forms of child labour
    # (C182 3(d), 3(c)); recruited online is an act -> the Palermo child rule holds.
    "16-year-old recruited on Facebook, travel paid, 16 hours a day scamming": Case(
        present("SC.recruit_online_ad", "SC.travel_paid_by_recruiter", "SC.long_hours", "SC.forced_scamming"),
        Outcome.PRESUMED_CHILD_VICTIM,
        frozenset({"CD.forced_illicit", "SC.minor_present"}),
        age=16,
        child_set=True,
        acts=(Act.RECRUITMENT,),
    ),
    # The same exploitation with no act recorded: the minor red flag alone -> possible.
    "child exploited, no act recorded": Case(
        present("EX.excessive_hours", "EX.bad_living"),
        Outcome.POSSIBLE_VICTIM,
        frozenset({"SC.minor_present"}),
        age=16,
        child_set=True,
    ),
    # ... and with the compound recorded (harbouring, from the exploitation section): presumed.
    "child exploited, held at a compound": Case(
        present("EX.excessive_hours", "EX.bad_living"),
        Outcome.PRESUMED_CHILD_VICTIM,
        frozenset({"SC.minor_present"}),
        age=16,
        child_set=True,
        acts=(Act.HARBOURING,),
    ),
    "child recruited, no exploitation recorded yet": Case(
        present("SC.recruit_online_ad"),
        Outcome.POSSIBLE_VICTIM,
        frozenset({"SC.minor_present"}),
        age=16,
        child_set=True,
    ),
    # Age 19 but uncertain: may be under 18 -> the child rule (scored with the adult set: warned).
    "age uncertain, possibly a child": Case(
        present("SC.long_hours", "SC.forced_scamming"),
        Outcome.PRESUMED_CHILD_VICTIM,
        frozenset({"CD.forced_illicit", "SC.minor_present"}),
        age=19,
        age_uncertain=True,
        acts=(Act.RECRUITMENT,),
    ),
    # The same answers for a 31-year-old: no dimension positive, forced criminality -> possible.
    "the same answers for an adult": Case(
        present("SC.recruit_online_ad", "SC.travel_paid_by_recruiter", "SC.long_hours", "SC.forced_scamming"),
        Outcome.POSSIBLE_VICTIM,
        frozenset({"CD.forced_illicit"}),
        age=31,
        acts=(Act.RECRUITMENT,),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_worked_cases(name: str) -> None:
    case = CASES[name]
    result = run(
        case.answers,
        age=case.age,
        age_uncertain=case.age_uncertain,
        child_set=case.child_set,
        interview=case.interview,
        acts=case.acts,
    )
    assert result.outcome is case.outcome, explain(result)
    assert {f.id for f in result.red_flags} == case.flags
    assert tuple(c.indicator for c in result.contradictions) == case.contradictions
    lines = explain(result)
    if any(v == P for v in case.answers.values()):
        assert lines[1].startswith("Because: ")  # the plain reasons come right after the outcome
    if case.flags:
        assert any(line.startswith("Red flags: ") for line in lines)


def test_there_are_at_least_thirty_worked_cases() -> None:
    assert len(CASES) >= 30


def test_below_threshold_is_protective_and_explained() -> None:
    result = run(present("SC.drugs"))
    assert result.outcome is Outcome.INDICATORS_BELOW_THRESHOLD
    words = explanation(result)
    assert words.outcome.startswith("Outcome: possible victim of trafficking")
    assert "protect and refer for formal identification" in words.outcome
    assert "below the ILO threshold" in words.outcome
    assert words.reasons[0] == "Because: given drugs or alcohol to keep them compliant."
    assert any("No dimension reached the ILO threshold" in line for line in words.reasons)


def test_no_indicators_found_is_never_not_a_victim() -> None:
    result = run({})
    assert result.outcome is Outcome.NO_INDICATORS_FOUND
    assert "not a victim" not in {o.value.lower() for o in Outcome}
    assert "does not mean the person is not a victim" in explain(result)[0]


def test_red_flag_explained_by_what_was_answered() -> None:
    result = run(present("SC.passport_taken"))
    assert [(f.id, f.answered) for f in result.red_flags] == [
        ("CD.confiscation_docs", ("SC.passport_taken",))
    ]
    counted = result.dimension("CD").indicators
    assert [(c.id, c.direct, c.via) for c in counted] == [
        ("CD.confiscation_docs", False, ("SC.passport_taken",))
    ]
    lines = explain(result)
    assert "Red flags: identity documents taken (answered: passport or ID taken)." in lines[2]
    assert "protection and referral are required before any immigration processing" in lines[2].lower()
    assert "CD is not positive: only 1 strong (CD.confiscation_docs via SC.passport_taken)" in " ".join(lines)


def test_explanation_puts_codes_under_details() -> None:
    words = explanation(run(TYPICAL))
    assert words.outcome.startswith("Outcome: presumed victim")
    assert words.reasons[0] == (
        "Because: deceived about the nature of the job, location, or employer; deceived about wages/earnings; "
        "excessive working days or hours; low or no salary; confiscation of documents; isolation, confinement "
        "or surveillance."
    )
    assert any(line.startswith("The adult rule is met") for line in words.reasons)
    assert not any("CD.isolation" in line for line in words.reasons)
    assert words.details_heading == "Details:"
    assert "CD is positive: 2 strong (CD.confiscation_docs, CD.isolation)." in words.details
    assert "DR is positive: 1 strong (DR.job_nature), 1 medium (DR.wages)." in words.details
    assert words.details[-1].endswith(
        f"(set ilo2009_adult_labour 2009.1, scam_compound 2.0, rule {RULE_VERSION})."
    )


def test_verification_status_is_said_in_the_explanation() -> None:
    result = run(present("SC.drugs"))
    assert dict(result.verification) == {
        "ilo2009_adult_labour": "needs_check_against_ilo_brochure",
        "scam_compound": "project_defined",
    }
    reasons = explanation(result).reasons
    assert any(line.startswith("Not verified: the ILO indicator strengths") for line in reasons)
    assert any("not an official list" in line for line in reasons)
    km = explanation(result, "km").reasons
    assert len(km) == len(reasons) and any("មិនទាន់ផ្ទៀងផ្ទាត់" in line for line in km)


def test_adult_rule_needs_all_three_parts() -> None:
    for missing in [
        ("DR.job_nature", "DR.wages"),
        ("EX.excessive_hours",),
        ("CD.confiscation_docs", "CD.isolation"),
    ]:
        answers = {k: v for k, v in TYPICAL.items() if k not in missing}
        result = run(answers)
        assert result.outcome is Outcome.POSSIBLE_VICTIM
        assert not result.adult_rule_met
        assert any("The adult rule" in line and "is not met" in line for line in explain(result))


def test_same_indicator_ticked_twice_counts_once() -> None:
    result = run(present("CD.isolation", "SC.phone_taken_monitored", "SC.confined_guarded"))
    cd = result.dimension("CD")
    assert (cd.strong, cd.medium, cd.weak) == (1, 0, 0)
    assert cd.indicators[0].direct and cd.indicators[0].via == (
        "SC.phone_taken_monitored",
        "SC.confined_guarded",
    )
    assert [f.answered for f in result.red_flags] == [
        ("CD.isolation", "SC.phone_taken_monitored", "SC.confined_guarded")
    ]


@pytest.mark.parametrize(
    ("answers", "indicator", "present_by", "absent_by"),
    [
        (
            {"SC.passport_taken": P, "CD.confiscation_docs": "absent"},
            "CD.confiscation_docs",
            ("SC.passport_taken",),
            ("CD.confiscation_docs",),
        ),
        # the ILO item present, its one scam-compound twin absent
        (
            {"CD.confiscation_docs": P, "SC.passport_taken": "absent"},
            "CD.confiscation_docs",
            ("CD.confiscation_docs",),
            ("SC.passport_taken",),
        ),
    ],
)
def test_contradictions_are_shown_never_merged(
    answers: dict[str, str], indicator: str, present_by: tuple[str, ...], absent_by: tuple[str, ...]
) -> None:
    result = run(answers)
    assert [(c.indicator, c.present, c.absent) for c in result.contradictions] == [
        (indicator, present_by, absent_by)
    ]
    assert result.dimension("CD").indicators[0].id == indicator  # counted: protection first
    assert any(line.startswith("To resolve: “") for line in explain(result))


def test_no_contradiction_when_other_items_tick_the_same_indicator() -> None:
    # CD.isolation has several scam-compound items (phone, confinement, moved to hide): one of them absent
    # while the ILO item is present is not a contradiction.
    result = run({"CD.isolation": P, "SC.phone_taken_monitored": "absent"})
    assert result.contradictions == ()


def test_child_rule_is_called_what_it_is() -> None:
    case = CASES["16-year-old recruited on Facebook, travel paid, 16 hours a day scamming"]
    result = run(case.answers, age=16, child_set=True, acts=case.acts)
    lines = explain(result)
    assert any(
        "Under the Palermo Protocol an act of trafficking and a purpose of exploitation" in line
        for line in lines
    )
    met = next(line for line in lines if line.startswith("The child rule is met"))
    assert "recruitment (from the record)" in met and "recruited through an online job ad" in met
    assert "(C182 Art. 3(c))" in met and "(C182 Art. 3(d))" in met
    assert not any("ILO rule" in line and "child" in line for line in lines)
    assert result.child_protection_referral and result.recorded_acts == ("recruitment",)


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
    found = run(TYPICAL, interview=interview)
    assert found.outcome is Outcome.PRESUMED_VICTIM
    assert found.interview_issues == (issue,) and found.undetermined_reasons == ()
    assert any("may rise after a further interview" in line for line in explain(found))


@pytest.mark.parametrize(
    ("age", "uncertain", "reason"),
    [
        (None, True, "age_uncertain"),
        (19, True, "age_uncertain"),
        (20, True, "age_uncertain"),
        (21, True, None),
        (17, False, "under_18"),
        (18, False, None),
        (30, False, None),
    ],
)
def test_age_uncertain_possibly_under_18(age: int | None, uncertain: bool, reason: str | None) -> None:
    result = run(
        present("EX.excessive_hours", "EX.bad_living", "SC.recruit_online_ad"),
        age=age,
        age_uncertain=uncertain,
    )
    assert result.child_reason == reason
    expected = Outcome.PRESUMED_CHILD_VICTIM if reason else Outcome.POSSIBLE_VICTIM
    assert result.outcome is expected
    if reason:
        assert "child_scored_with_adult_set" in result.warnings


def test_minor_flag_answer_switches_to_child_rule() -> None:
    answers = present("EX.excessive_hours", "EX.bad_living", "SC.recruit_online_ad", "SC.minor_present")
    result = run(answers, age=None)
    assert result.child_reason == "minor_flag"
    assert result.outcome is Outcome.PRESUMED_CHILD_VICTIM
    assert [(f.id, f.via) for f in result.red_flags] == [("SC.minor_present", "answer")]


def test_unknown_id_and_unknown_rule_are_rejected() -> None:
    with pytest.raises(ValidationError, match="Unknown indicator id"):
        run(present("CD.nonexistent"))
    with pytest.raises(ValidationError, match=r"EX\.social_protection"):  # not in the child list
        run(present("EX.social_protection"), age=15, child_set=True)
    with pytest.raises(ValidationError, match="Unknown decision rule version"):
        run({}, rule_version="ilo2009-rule-0")


def test_disabled_set_is_warned() -> None:
    sexual = load_set("ilo2009_adult_sexual")
    result = evaluate(sexual, SC, {}, age=30, age_uncertain=False, interview=OK)
    assert "set_not_enabled:ilo2009_adult_sexual" in result.warnings
    assert any("is not enabled" in line for line in explain(result))


def test_result_serialises_with_khmer_explanation() -> None:
    records = {"SC.passport_taken": AnswerRecord(Answer.PRESENT, Source.SELF_REPORT, "kept by manager")}
    result = score({**TYPICAL, **records}, age=24, age_uncertain=False, interview=OK)
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["outcome"] == "PRESUMED_VICTIM"
    assert data["dimensions"]["CD"]["counts"] == {"strong": 2, "medium": 0, "weak": 0}
    assert data["red_flags"][0] == {
        "id": "CD.confiscation_docs",
        "label": {
            "en": "Confiscation of documents",
            "km": ADULT.indicator("CD.confiscation_docs").label.get("km"),
        },  # type: ignore[union-attr]
        "via": "answer",
        "answered": ["CD.confiscation_docs", "SC.passport_taken"],
    }
    km = explain(result, "km")
    assert km[0].startswith("លទ្ធផល")
    assert any("CD.isolation" in line and "វិជ្ជមាន" in line for line in km)
    assert len(km) == len(explain(result, "en"))
    with pytest.raises(ValueError, match="Unsupported"):
        explain(result, "fr")


# --- the legacy rule: what pinned screenings keep -------------------------------------------------------------


def test_legacy_rule_gives_what_it_gave() -> None:
    """Screenings scored before 2026-12-06 keep rule 1 and set 1.0, and with them their result."""

    def legacy(answers: dict[str, str], **kwargs: object) -> ScreeningResult:
        return run(answers, rule_version=LEGACY_RULE_VERSION, linked=SC_1, **kwargs)  # type: ignore[arg-type]

    assert (
        legacy(present("SC.promised_other_job", "SC.forced_scamming", "SC.quota")).outcome
        is Outcome.NO_INDICATORS_FOUND
    )
    assert legacy(present("CD.violence")).outcome is Outcome.NO_INDICATORS_FOUND
    assert legacy(present("CD.confiscation_docs")).outcome is Outcome.NO_INDICATORS_FOUND
    flagged = legacy(present("SC.passport_taken"))
    assert (flagged.outcome, [f.id for f in flagged.red_flags]) == (
        Outcome.POSSIBLE_VICTIM,
        ["SC.passport_taken"],
    )
    # the compound threats question made CD positive alone under rule 1
    assert legacy(present("SC.threats_sale_organs_prostitution")).dimension("CD").positive
    assert legacy({}).rule_version == LEGACY_RULE_VERSION
    # the legacy child rule needed a positive EX
    child = legacy(
        present("SC.long_hours", "SC.forced_scamming", "SC.recruit_online_ad"), age=16, child_set=True
    )
    assert child.outcome is Outcome.POSSIBLE_VICTIM


# --- properties -------------------------------------------------------------------------------------------------

ALL_IDS = sorted([*ADULT.ids(), *SC.ids()])
answers_st = st.dictionaries(st.sampled_from(ALL_IDS), st.sampled_from(list(Answer)), max_size=25)
interview_st = st.builds(InterviewStatus, st.booleans(), st.booleans(), st.booleans(), st.booleans())
age_st = st.tuples(st.one_of(st.none(), st.integers(min_value=10, max_value=60)), st.booleans())
acts_st = st.lists(st.sampled_from(list(Act)), max_size=2).map(tuple)
# A scam-compound item and the ILO indicators it ticks say the same facts (act items also record an act).
COUNTERPARTS = [i for i in SC.linked_items if i.maps_to and not i.retired and Element.ACT not in i.elements]


def _eval(
    answers: Mapping[str, Answer],
    age: tuple[int | None, bool],
    interview: InterviewStatus,
    acts: tuple[Act, ...] = (),
) -> ScreeningResult:
    records = {k: AnswerRecord(v) for k, v in answers.items()}
    return evaluate(
        ADULT, SC, records, age=age[0], age_uncertain=age[1], interview=interview, recorded_acts=acts
    )


@settings(max_examples=200, deadline=None)
@given(answers_st, age_st, interview_st, acts_st)
def test_property_anything_present_is_never_nothing_found(
    answers: dict[str, Answer],
    age: tuple[int | None, bool],
    interview: InterviewStatus,
    acts: tuple[Act, ...],
) -> None:
    result = _eval(answers, age, interview, acts)
    if Answer.PRESENT in answers.values():
        assert result.outcome not in (Outcome.NO_INDICATORS_FOUND, Outcome.UNDETERMINED)
    else:
        assert result.outcome in (Outcome.NO_INDICATORS_FOUND, Outcome.UNDETERMINED) or result.red_flags


@settings(max_examples=200, deadline=None)
@given(answers_st, st.sampled_from(COUNTERPARTS), age_st, interview_st, acts_st)
def test_property_the_list_that_recorded_a_fact_does_not_matter(
    answers: dict[str, Answer],
    item: object,
    age: tuple[int | None, bool],
    interview: InterviewStatus,
    acts: tuple[Act, ...],
) -> None:
    """Moving a present answer between a scam-compound item and the ILO indicators it ticks never changes the
    outcome or the red flags."""
    targets = item.maps_to  # type: ignore[attr-defined]
    on_sc = {**answers, item.id: Answer.PRESENT}  # type: ignore[attr-defined]
    on_ilo = {**{k: v for k, v in answers.items() if k != item.id}, **dict.fromkeys(targets, Answer.PRESENT)}  # type: ignore[attr-defined]
    a, b = _eval(on_sc, age, interview, acts), _eval(on_ilo, age, interview, acts)
    assert a.outcome is b.outcome
    assert {f.id for f in a.red_flags} == {f.id for f in b.red_flags}


@settings(max_examples=150, deadline=None)
@given(answers_st, st.sampled_from(ALL_IDS), age_st, interview_st, acts_st)
def test_property_adding_present_never_lowers_outcome(
    answers: dict[str, Answer],
    extra: str,
    age: tuple[int | None, bool],
    interview: InterviewStatus,
    acts: tuple[Act, ...],
) -> None:
    """For a fixed age, interview and record, turning any answer into present never lowers the rank
    NOTHING = UNDETERMINED < BELOW THRESHOLD < POSSIBLE < PRESUMED = PRESUMED CHILD."""
    before = _eval(answers, age, interview, acts)
    after = _eval({**answers, extra: Answer.PRESENT}, age, interview, acts)
    assert OUTCOME_RANK[after.outcome] >= OUTCOME_RANK[before.outcome]
    assert {f.id for f in before.red_flags} <= {f.id for f in after.red_flags}


@settings(max_examples=150, deadline=None)
@given(answers_st, age_st, interview_st)
def test_property_unknown_and_declined_count_as_absent(
    answers: dict[str, Answer], age: tuple[int | None, bool], interview: InterviewStatus
) -> None:
    """Only present answers count toward the outcome (absent ones can only raise a contradiction)."""
    as_absent = {
        k: (Answer.ABSENT if v in (Answer.UNKNOWN, Answer.DECLINED) else v) for k, v in answers.items()
    }
    only_present = {k: v for k, v in answers.items() if v is Answer.PRESENT}
    results = [_eval(a, age, interview) for a in (answers, as_absent, only_present)]
    assert len({r.outcome for r in results}) == 1
    assert len({tuple(f.id for f in r.red_flags) for r in results}) == 1
    assert len({r.dimensions for r in results}) == 1


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

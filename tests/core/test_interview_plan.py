"""What the interview asks: each fact once in a scam-compound operation, in themes in interview order; the
ILO list by dimension elsewhere; never a retired item; answers counted as the interview goes."""

from __future__ import annotations

from fieldapp.screening import LinkedItem, load_set
from fieldapp.screening.plan import (
    THEME_LABELS,
    answer_progress,
    asked_items,
    interview_plan,
    respondent_items,
)
from fieldapp.screening.sets import THEMES

ADULT, SC = load_set("ilo2009_adult_labour"), load_set("scam_compound")


def test_a_scam_compound_interview_asks_each_fact_once() -> None:
    plan = interview_plan(ADULT, SC, scam_compound=True)
    asked = [item.id for item in asked_items(plan)]
    assert len(asked) == len(set(asked))
    assert not set(asked) & set(SC.replaces)
    # every fact the ILO list holds is still asked: directly, or through an item that asks it in full
    ticked = {t for item in asked_items(plan) if isinstance(item, LinkedItem) for t in item.maps_to}
    assert {i.id for i in ADULT.indicators} <= set(asked) | ticked
    assert [g.key for g in plan] == [t for t in THEMES if any(g.key == t for g in plan)]
    assert all(g.label("km") == THEME_LABELS[g.key][1] for g in plan)
    assert "SC.threats_sale_organs_prostitution" not in asked  # retired
    assert len(asked) < len(ADULT.indicators) + len([i for i in SC.linked_items if not i.retired])


def test_another_operation_asks_the_ilo_list_by_dimension() -> None:
    plan = interview_plan(ADULT, SC, scam_compound=False)
    assert [g.key for g in plan] == ["DR", "CR", "VR", "EX", "CD", "VD", "observed"]
    assert [i.id for i in plan[-1].items] == [
        "SC.observed_injuries",
        "SC.observed_malnutrition",
        "SC.minor_present",
    ]


def test_the_person_is_never_asked_the_officers_observations() -> None:
    plan = interview_plan(ADULT, SC, scam_compound=True)
    asked = {i.id for i in respondent_items(plan)}
    assert not asked & {"SC.observed_injuries", "SC.observed_malnutrition", "SC.minor_present"}
    assert "SC.passport_taken" in asked


def test_progress_counts_not_asked_as_dealt_with() -> None:
    counts = answer_progress({"a": "present", "b": "not_asked", "c": None, "d": "absent"})
    assert (counts.answered, counts.total, counts.present) == (3, 4, 1)


def test_an_old_linked_set_keeps_its_own_group() -> None:
    plan = interview_plan(ADULT, load_set("scam_compound", "1.0"), scam_compound=True)
    assert plan[-1].key == "SC" and len(plan[-1].items) == 28

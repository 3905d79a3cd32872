"""Indicator set files: every shipped file validates; broken copies fail with clear messages."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.errors import ValidationError
from fieldapp.screening import (
    DIMENSIONS,
    Element,
    IndicatorSet,
    Strength,
    Verification,
    available_sets,
    indicator_dir,
    load_set,
)
from fieldapp.screening.sets import ENV_RESOURCES, RESPONDENT_LANGS, version_key

SHIPPED = [
    "ilo2009_adult_labour",
    "ilo2009_child_labour",
    "ilo2009_adult_sexual",
    "ilo2009_child_sexual",
    "scam_compound",
]
ILO_SETS = SHIPPED[:4]


def _raw(set_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((indicator_dir() / f"{set_id}.json").read_text(encoding="utf-8"))
    return data


def _localized_blocks(node: object) -> Iterator[dict[str, Any]]:
    """Every {lang: {text, status}} object anywhere in a set file."""
    if isinstance(node, dict):
        if "en" in node and isinstance(node["en"], dict) and "text" in node["en"]:
            yield node
        for value in node.values():
            yield from _localized_blocks(value)
    elif isinstance(node, list):
        for value in node:
            yield from _localized_blocks(value)


def _is_script(text: str, lo: int, hi: int) -> bool:
    return any(lo <= ord(ch) <= hi for ch in text)


def test_indicator_dir_is_repository_resources() -> None:
    assert indicator_dir() == Path(__file__).resolve().parents[2] / "resources" / "indicators"


def test_all_shipped_sets_are_available_and_validate() -> None:
    sets = available_sets()
    assert set(SHIPPED) <= set(sets)
    for set_id in SHIPPED:
        loaded = load_set(set_id)
        assert loaded.set_id == set_id
        assert loaded.version == sets[set_id][-1]


def test_adult_labour_counts_per_dimension() -> None:
    adult = load_set("ilo2009_adult_labour")
    counts = Counter(i.dimension for i in adult.indicators)
    assert counts == {"DR": 10, "CR": 10, "VR": 16, "EX": 9, "CD": 15, "VD": 7}
    assert len(adult.indicators) == 67
    assert tuple(d.id for d in adult.dimensions) == DIMENSIONS
    # VR and VD have no strong adult indicators (domain.md §1.5)
    assert not [i for i in adult.indicators if i.dimension in ("VR", "VD") and i.strength is Strength.STRONG]
    assert adult.indicator("CD.forced_illicit") is not None
    assert adult.indicator("CD.forced_illicit").strength is Strength.MEDIUM  # type: ignore[union-attr]


@pytest.mark.parametrize("set_id", SHIPPED)
def test_ids_unique_and_every_string_has_en_and_km(set_id: str) -> None:
    raw = _raw(set_id)
    ids = [item["id"] for item in raw["items"]]
    assert len(ids) == len(set(ids))
    blocks = list(_localized_blocks(raw))
    assert blocks
    for block in blocks:
        assert {"en", "km"} <= set(block), block
        assert block["en"]["status"] == "reviewed"
        for lang, entry in block.items():
            assert entry["text"].strip()
            if lang != "en":
                assert entry["status"] == "draft"
        assert _is_script(block["km"]["text"], 0x1780, 0x17FF), block["km"]["text"]
    for item in raw["items"]:
        assert item["verification"] in {v.value for v in Verification}
        for key in ("label", "help", "prompt"):
            assert key in item


@pytest.mark.parametrize("set_id", ILO_SETS)
def test_ilo_items_need_checking_and_disputed_rows_are_marked(set_id: str) -> None:
    loaded = load_set(set_id)
    assert loaded.verification is Verification.NEEDS_CHECK
    assert all(i.verification is Verification.NEEDS_CHECK for i in loaded.indicators)
    disputed = {i.id for i in loaded.indicators if i.disputed}
    assert disputed == {"CR.violence", "VR.difficulties_past", "VR.travel_difficulty"}
    for ind_id in disputed:
        assert "⚠" in loaded.indicator(ind_id).verification_note  # type: ignore[union-attr]


def test_scam_compound_maps_to_existing_adult_ids_and_red_flags() -> None:
    adult = load_set("ilo2009_adult_labour")
    sc = load_set("scam_compound")
    assert (sc.version, sc.schema, sc.maps_to_set) == ("2.0", 2, "ilo2009_adult_labour")
    assert sc.verification is Verification.PROJECT_DEFINED
    assert len(sc.linked_items) == 51
    for item in sc.linked_items:
        assert item.id.startswith("SC.")
        for target in (*item.maps_to, *item.also_consider):
            assert adult.indicator(target) is not None, (item.id, target)
        dims = [t.split(".")[0] for t in item.maps_to]
        assert len(dims) == len(set(dims)), item.id  # one answer, at most one indicator per dimension
        assert item.sources and all(key in sc.sources for key in item.sources), item.id
        assert (item.act is not None) == (Element.ACT in item.elements), item.id
    # Red flags of their own only where no ILO indicator carries the fact (the rule flags those facts).
    red = {i.id for i in sc.linked_items if i.red_flag}
    assert red == {"SC.identity_used", "SC.forced_prostitution", "SC.minor_present"}
    assert all(not sc.linked(i).maps_to for i in red)  # type: ignore[union-attr]
    assert [i.id for i in sc.linked_items if i.minor_flag] == ["SC.minor_present"]
    assert sc.linked("SC.forced_scamming").maps_to == ("CD.forced_illicit",)  # type: ignore[union-attr]
    # Review of 2026-12-06: inferences the question does not ask are gone.
    assert sc.linked("SC.tourist_visa_or_irregular_entry").maps_to == ("VD.relationship_authorities",)  # type: ignore[union-attr]
    assert sc.linked("SC.sold_or_transferred").maps_to == ("CR.abduction_selling",)  # type: ignore[union-attr]
    assert sc.linked("SC.economic_pressure").maps_to == ("VR.economic",)  # type: ignore[union-attr]
    retired = sc.linked("SC.threats_sale_organs_prostitution")
    assert retired is not None and retired.retired and retired.maps_to == ()


def test_previous_scam_compound_version_stays_loadable_for_pinned_screenings() -> None:
    old = load_set("scam_compound", "1.0")
    assert (old.schema, len(old.linked_items)) == (1, 28)
    red = {i.id for i in old.linked_items if i.red_flag}
    assert red == {
        "SC.passport_taken",
        "SC.confined_guarded",
        "SC.debt_or_ransom_to_leave",
        "SC.sold_or_transferred",
        "SC.punished",
        "SC.sexual_violence",
        "SC.minor_present",
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda item: item.update(maps_to=["CD.threats_violence", "CD.violence_family"]),
            "at most one indicator per dimension",
        ),
        (lambda item: item.update(red_flag=True), "takes its red flag from them"),
        (lambda item: item.update(sources=[]), "must name at least one"),
        (lambda item: item.update(sources=["NOWHERE"]), "unknown source"),
        (lambda item: item.update(child_worst_form="C182"), "takes its child worst form"),
    ],
)
def test_schema_2_keeps_mappings_honest(
    res_copy: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    def edit(data: dict[str, Any]) -> None:
        change(next(i for i in data["items"] if i["id"] == "SC.threatened_violence"))

    _edit(res_copy, "scam_compound", edit)
    with pytest.raises(ValidationError, match=message):
        load_set("scam_compound", directory=res_copy)


def test_act_items_name_their_act(res_copy: Path) -> None:
    _edit(res_copy, "scam_compound", lambda d: d["items"][0].pop("act"))
    with pytest.raises(ValidationError, match="must name its act"):
        load_set("scam_compound", directory=res_copy)


def test_sexual_exploitation_sets_are_off_by_default() -> None:
    for set_id in ("ilo2009_adult_sexual", "ilo2009_child_sexual"):
        assert not load_set(set_id).enabled
    for set_id in ("ilo2009_adult_labour", "ilo2009_child_labour", "scam_compound"):
        assert load_set(set_id).enabled
    for set_id in SHIPPED:  # no help text sends officers to a set that has no source
        loaded = load_set(set_id)
        for item in (*loaded.indicators, *loaded.linked_items):
            assert "sexual-exploitation set" not in item.help.get("en"), item.id


@pytest.mark.parametrize("set_id", SHIPPED)
def test_show_to_respondent_prompts_have_interview_languages(set_id: str) -> None:
    loaded = load_set(set_id)
    items: list[Any] = [*loaded.indicators, *loaded.linked_items]
    shown = [i for i in items if i.show_to_respondent]
    if set_id == "scam_compound":
        assert len(shown) == 47  # all but the officer's own observations and the retired item
    for item in shown:
        assert set(RESPONDENT_LANGS) <= item.prompt.langs(), item.id
        assert _is_script(item.prompt.get("th"), 0x0E00, 0x0E7F)
        assert _is_script(item.prompt.get("zh-Hans"), 0x4E00, 0x9FFF)


def test_child_labour_differences() -> None:
    adult = load_set("ilo2009_adult_labour")
    child = load_set("ilo2009_child_labour")
    assert len(child.indicators) == 65
    assert child.get("VR.false_info_law") is None and child.get("EX.social_protection") is None
    assert not [i for i in child.indicators if i.strength is Strength.WEAK]
    for ind_id in ("DR.education", "CR.debt_bondage", "CD.forced_illicit", "CD.strong_influence"):
        assert child.indicator(ind_id).strength is Strength.STRONG  # type: ignore[union-attr]
    assert child.indicator("VD.personal_characteristics").strength is Strength.MEDIUM  # type: ignore[union-attr]
    assert child.indicator("EX.excessive_hours").strength is adult.indicator("EX.excessive_hours").strength  # type: ignore[union-attr]


def test_sexual_set_differences() -> None:
    sexual = load_set("ilo2009_adult_sexual")
    assert sexual.indicator("DR.work_conditions").label.get() == "Deceived about conditions of prostitution"  # type: ignore[union-attr]
    assert not [i for i in sexual.indicators if i.dimension == "EX" and i.strength is Strength.STRONG]
    assert sexual.indicator("CD.forced_tasks").strength is Strength.STRONG  # type: ignore[union-attr]
    assert sexual.indicator("EX.social_protection").strength is Strength.WEAK  # type: ignore[union-attr]
    child_sexual = load_set("ilo2009_child_sexual")
    assert child_sexual.get("EX.social_protection") is None


# --- versions and location ------------------------------------------------------------------------------------


@pytest.fixture
def res_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "indicators"
    shutil.copytree(indicator_dir(), folder)
    return folder


def _edit(
    folder: Path, set_id: str, change: Callable[[dict[str, Any]], None], name: str | None = None
) -> Path:
    data = json.loads((folder / f"{set_id}.json").read_text(encoding="utf-8"))
    change(data)
    target = folder / (name or f"{set_id}.json")
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


def test_newest_version_wins_and_old_versions_stay_loadable(res_copy: Path) -> None:
    def bump(data: dict[str, Any]) -> None:
        data["version"] = "2009.10"
        data["items"][0]["strength"] = "medium"

    _edit(res_copy, "ilo2009_adult_labour", bump, "ilo2009_adult_labour@2009.10.json")
    assert available_sets(res_copy)["ilo2009_adult_labour"] == ("2009.1", "2009.10")
    newest: IndicatorSet = load_set("ilo2009_adult_labour", directory=res_copy)
    assert newest.version == "2009.10"
    assert newest.indicator("DR.job_nature").strength is Strength.MEDIUM  # type: ignore[union-attr]
    old = load_set("ilo2009_adult_labour", "2009.1", directory=res_copy)
    assert old.indicator("DR.job_nature").strength is Strength.STRONG  # type: ignore[union-attr]
    with pytest.raises(
        ValidationError, match=r"version 2010\.1 is not available \(have: 2009\.1, 2009\.10\)"
    ):
        load_set("ilo2009_adult_labour", "2010.1", directory=res_copy)
    assert version_key("2009.10") > version_key("2009.9")


def test_env_var_overrides_resources(res_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_RESOURCES, str(res_copy.parent))
    assert indicator_dir() == res_copy
    for path in res_copy.glob("scam_compound*.json"):
        path.unlink()
    assert "scam_compound" not in available_sets()
    with pytest.raises(ValidationError, match="Unknown indicator set 'scam_compound'"):
        load_set("scam_compound")


def test_version_in_file_name_must_match_content(res_copy: Path) -> None:
    _edit(res_copy, "scam_compound", lambda d: None, "scam_compound@3.0.json")
    with pytest.raises(
        ValidationError, match=r"scam_compound@3\.0\.json: file says set 'scam_compound' version 2\.0"
    ):
        load_set("scam_compound", "3.0", directory=res_copy)


def _item(data: dict[str, Any], item_id: str) -> dict[str, Any]:
    return next(i for i in data["items"] if i["id"] == item_id)


BROKEN: list[tuple[str, str, Callable[[dict[str, Any]], None], str]] = [
    (
        "ilo2009_adult_labour",
        "unknown dimension",
        lambda d: _item(d, "CD.isolation").update(dimension="XX"),
        r"item 'CD.isolation': unknown dimension 'XX'",
    ),
    (
        "ilo2009_adult_labour",
        "duplicate id",
        lambda d: d["items"].append(dict(d["items"][0])),
        r"item 'DR.job_nature': duplicate id",
    ),
    (
        "ilo2009_adult_labour",
        "bad strength",
        lambda d: _item(d, "EX.hazardous_work").update(strength="huge"),
        r"item 'EX.hazardous_work': bad strength 'huge'",
    ),
    (
        "ilo2009_adult_labour",
        "missing km",
        lambda d: _item(d, "VD.economic")["label"].pop("km"),
        r"item 'VD.economic': 'label' is missing language 'km'",
    ),
    (
        "ilo2009_adult_labour",
        "missing en",
        lambda d: _item(d, "VD.economic")["help"].pop("en"),
        r"item 'VD.economic': 'help' is missing language 'en'",
    ),
    (
        "ilo2009_adult_labour",
        "missing status",
        lambda d: _item(d, "DR.wages")["prompt"]["km"].pop("status"),
        r"item 'DR.wages': 'prompt.km' is missing its status",
    ),
    (
        "ilo2009_adult_labour",
        "bad status",
        lambda d: _item(d, "DR.wages")["prompt"]["km"].update(status="ok"),
        r"'prompt.km' has status 'ok'",
    ),
    (
        "ilo2009_adult_labour",
        "missing verification",
        lambda d: _item(d, "DR.wages").pop("verification"),
        r"item 'DR.wages': missing or bad 'verification'",
    ),
    (
        "ilo2009_adult_labour",
        "id outside its dimension",
        lambda d: _item(d, "DR.wages").update(dimension="EX"),
        r"item 'DR.wages': id must start with its dimension",
    ),
    (
        "scam_compound",
        "maps_to missing id",
        lambda d: _item(d, "SC.quota")["maps_to"].append("CD.nope"),
        r"item 'SC.quota': maps to 'CD.nope', which does not exist",
    ),
    (
        "scam_compound",
        "bad element",
        lambda d: _item(d, "SC.quota").update(element="motive"),
        r"item 'SC.quota': bad element 'motive'",
    ),
    (
        "scam_compound",
        "respondent language missing",
        lambda d: _item(d, "SC.quota")["prompt"].pop("vi"),
        r"item 'SC.quota': 'prompt' is missing language 'vi'",
    ),
    (
        "scam_compound",
        "red_flag not bool",
        lambda d: _item(d, "SC.quota").update(red_flag="yes"),
        r"item 'SC.quota': 'red_flag' must be true or false",
    ),
]


@pytest.mark.parametrize(("set_id", "case", "change", "message"), BROKEN, ids=[b[1] for b in BROKEN])
def test_broken_set_files_name_the_problem(
    res_copy: Path, set_id: str, case: str, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    _edit(res_copy, set_id, change)
    with pytest.raises(ValidationError, match=message) as info:
        load_set(set_id, directory=res_copy)
    assert f"{set_id}.json" in str(info.value)


def test_invalid_json_is_reported_with_file_name(res_copy: Path) -> None:
    (res_copy / "ilo2009_child_labour.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"ilo2009_child_labour\.json: not valid JSON"):
        available_sets(res_copy)

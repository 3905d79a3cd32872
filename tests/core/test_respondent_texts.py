"""The respondent texts: every asked question, the consent script and the screen's words, in every
respondent language, each marked draft until reviewed, in the right script; fallbacks are visible."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from fieldapp.reports.own_language import OUTCOME_TEXTS
from fieldapp.screening import load_set
from fieldapp.screening.plan import interview_plan, respondent_items
from fieldapp.screening.respondent import (
    CONSENT_QUESTION,
    CONSENT_SCRIPT,
    RESPONDENT_LANGUAGES,
    SOURCE_LANGUAGE,
    language_name,
    respondent_dir,
    respondent_language,
    right_to_left,
    shown,
)

ENGLISH = json.loads((respondent_dir() / "en.json").read_text(encoding="utf-8"))["texts"]
# The Unicode script most of each language's letters are in (Latin for the rest).
SCRIPTS = {
    "km": "KHMER",
    "zh-Hans": "CJK",
    "zh-Hant": "CJK",
    "th": "THAI",
    "hi": "DEVANAGARI",
    "ne": "DEVANAGARI",
    "bn": "BENGALI",
    "ur": "ARABIC",
    "my": "MYANMAR",
    "lo": "LAO",
    "ko": "HANGUL",
    "am": "ETHIOPIC",
}


def _asked_everywhere() -> set[str]:
    keys: set[str] = set()
    for set_id in ("ilo2009_adult_labour", "ilo2009_child_labour"):
        for scam in (True, False):
            plan = interview_plan(load_set(set_id), load_set("scam_compound"), scam_compound=scam)
            keys |= {item.id for item in respondent_items(plan)}
    return keys


def test_english_covers_every_question_a_person_can_be_asked_and_the_script() -> None:
    assert _asked_everywhere() <= set(ENGLISH)
    assert set(CONSENT_SCRIPT) | {CONSENT_QUESTION} <= set(ENGLISH)
    # the summary on the person's copy of the handover form
    assert {*OUTCOME_TEXTS.values(), "summary.title", "summary.next", "summary.keep"} <= set(ENGLISH)
    assert {k for k in ENGLISH if k.startswith("ui.")} >= {
        "ui.yes",
        "ui.no",
        "ui.dont_know",
        "ui.skip",
        "ui.draft",
    }


@pytest.mark.parametrize("language", [lang for lang in RESPONDENT_LANGUAGES if lang != SOURCE_LANGUAGE])
def test_each_language_has_every_text_as_a_draft_in_its_script(language: str) -> None:
    path: Path = respondent_dir() / f"{language}.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["language"] == language
    texts = doc["texts"]
    assert set(texts) == set(ENGLISH), sorted(set(ENGLISH) ^ set(texts))[:5]
    for key, entry in texts.items():
        assert entry["status"] in ("draft", "reviewed") and entry["text"].strip(), key
        for placeholder in ("{n}", "{total}"):
            assert (placeholder in entry["text"]) == (placeholder in ENGLISH[key]["text"]), (key, placeholder)
        script = SCRIPTS.get(language)
        if script is not None:
            words = entry["text"].replace("{n}", "").replace("{total}", "")
            letters = [c for c in words if c.isalpha()]
            own = [c for c in letters if script in unicodedata.name(c, "")]
            assert len(own) >= len(letters) / 2, (key, entry["text"])
        else:
            assert entry["text"] != ENGLISH[key]["text"] or len(entry["text"]) < 12, (
                key
            )  # translated, not copied


def test_a_missing_text_falls_back_to_english_visibly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "respondent"
    folder.mkdir()
    (folder / "en.json").write_text(json.dumps({"language": "en", "texts": ENGLISH}), encoding="utf-8")
    (folder / "bn.json").write_text(
        json.dumps(
            {
                "language": "bn",
                "texts": {"SC.quota": {"text": "আপনাকে কি লক্ষ্য দেওয়া হয়েছিল?", "status": "draft"}},
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("FIELDAPP_RESOURCES", str(tmp_path))
    from fieldapp.screening import respondent

    respondent._texts.cache_clear()
    try:
        own = shown("SC.quota", "bn")
        assert (own.language, own.draft, own.fell_back) == ("bn", True, False)
        other = shown("SC.passport_taken", "bn")
        assert (other.language, other.fell_back) == ("en", True) and other.text == ENGLISH[
            "SC.passport_taken"
        ]["text"]
        assert shown("SC.passport_taken", "en").fell_back is False
    finally:
        respondent._texts.cache_clear()


def test_language_names_directions_and_the_persons_language() -> None:
    assert language_name("bn") == "বাংলা" and language_name("zh-Hant") == "中文 (繁體)"
    assert language_name("my", "en") == "Burmese"
    assert right_to_left("ur") and not right_to_left("bn")
    assert respondent_language(["zh", "en"]) == "zh-Hans"
    assert respondent_language(["tl"]) == "fil"
    assert respondent_language(["ben"]) == "bn"
    assert respondent_language(["rhg"]) is None  # Rohingya: no text yet, the officer chooses

"""What the person reads on the respondent screen: every question, the consent and rights script and the
screen's own words, in their language (``resources/respondent/<language>.json``).

Each text carries a review status: ``draft`` until a native reviewer marks it ``reviewed``, and the screen
says so. A text missing in the person's language falls back to English, visibly, and the answer records
the language that was actually shown.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

from fieldapp.assets import resource_dir
from fieldapp.errors import ValidationError, message
from fieldapp.screening.sets import ENV_RESOURCES, TEXT_STATUSES

SOURCE_LANGUAGE = "en"
# The languages raid teams meet in Cambodian scam compounds, in the order the language switch offers them.
RESPONDENT_LANGUAGES: tuple[str, ...] = (
    "zh-Hans",
    "zh-Hant",
    "vi",
    "id",
    "th",
    "ms",
    "fil",
    "hi",
    "bn",
    "ur",
    "ne",
    "my",
    "lo",
    "ko",
    "sw",
    "am",
    "en",
    "km",
)
# Codes an officer records at intake (ISO 639-1/-2/-3) that name one of them.
_ALIASES: Mapping[str, str] = {
    "zh": "zh-Hans",
    "zho": "zh-Hans",
    "chi": "zh-Hans",
    "cmn": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "yue": "zh-Hant",
    "tl": "fil",
    "tgl": "fil",
    "fil": "fil",
    "msa": "ms",
    "may": "ms",
    "zsm": "ms",
    "ind": "id",
    "vie": "vi",
    "tha": "th",
    "hin": "hi",
    "ben": "bn",
    "urd": "ur",
    "nep": "ne",
    "npi": "ne",
    "mya": "my",
    "bur": "my",
    "lao": "lo",
    "kor": "ko",
    "swa": "sw",
    "swh": "sw",
    "amh": "am",
    "eng": "en",
    "khm": "km",
}
RESPONDENT_FILE_BAD = message(
    "respondent.file_bad", "The respondent texts for {language} cannot be read: {problem}."
)


def respondent_dir() -> Path:
    """The app's ``respondent`` texts (``fieldapp.assets``), or ``$FIELDAPP_RESOURCES/respondent``."""
    override = os.environ.get(ENV_RESOURCES)
    return Path(override).expanduser() / "respondent" if override else resource_dir("respondent")


@dataclass(frozen=True)
class Shown:
    """One text as the person sees it."""

    text: str
    language: str  # the language actually shown (English when the asked one has no text)
    draft: bool
    fell_back: bool


@dataclass(frozen=True)
class _Text:
    text: str
    status: str


@cache
def _texts(language: str) -> Mapping[str, _Text]:
    path = respondent_dir() / f"{language}.json"
    if not path.is_file():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        entries = raw["texts"]
        found = {
            str(key): _Text(str(entry["text"]), str(entry["status"]))
            for key, entry in entries.items()
            if isinstance(entry, dict)
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValidationError(RESPONDENT_FILE_BAD, language=language, problem=str(exc)) from exc
    bad = sorted(k for k, t in found.items() if t.status not in TEXT_STATUSES or not t.text.strip())
    if bad:
        raise ValidationError(
            RESPONDENT_FILE_BAD, language=language, problem=f"no text or status for {bad[0]}"
        )
    return found


def language_name(language: str, in_language: str | None = None) -> str:
    """The language's name in ``in_language`` (by default its own name: "বাংলা", "中文 (繁體)")."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
        return str(locale.get_display_name(in_language.replace("-", "_") if in_language else locale))
    except (UnknownLocaleError, ValueError):
        return language


def right_to_left(language: str) -> bool:
    try:
        return Locale.parse(language.replace("-", "_")).character_order == "right-to-left"
    except (UnknownLocaleError, ValueError):
        return False


def respondent_language(languages: Sequence[str] | None) -> str | None:
    """The respondent language for a person's recorded languages: the first one the screen offers
    (None when none of them is offered: the officer chooses, and English is the fallback)."""
    for recorded in languages or ():
        code = recorded.strip()
        lowered = code.lower()
        for candidate in (
            code,
            _ALIASES.get(lowered),
            _ALIASES.get(lowered.split("-")[0]),
            lowered.split("-")[0],
        ):
            if candidate in RESPONDENT_LANGUAGES:
                return candidate
    return None


def shown(key: str, language: str) -> Shown:
    """The text of ``key`` (an item id, ``consent.*`` or ``ui.*``) in ``language``, or in English."""
    own = _texts(language).get(key)
    if own is not None:
        return Shown(own.text, language, own.status != "reviewed", False)
    english = _texts(SOURCE_LANGUAGE).get(key)
    if english is None:
        raise ValidationError(RESPONDENT_FILE_BAD, language=SOURCE_LANGUAGE, problem=f"no text for {key}")
    return Shown(english.text, SOURCE_LANGUAGE, english.status != "reviewed", language != SOURCE_LANGUAGE)


def coverage(language: str, keys: Sequence[str]) -> tuple[int, int]:
    """How many of ``keys`` have a text in ``language``, and how many of those are reviewed."""
    texts = _texts(language)
    present = [texts[k] for k in keys if k in texts]
    return len(present), sum(1 for t in present if t.status == "reviewed")


CONSENT_SCRIPT: tuple[str, ...] = (
    "consent.who_we_are",
    "consent.what_recorded",
    "consent.who_sees",
    "consent.right_not_to_answer",
    "consent.non_punishment",
    "consent.consulate",
    "consent.questions",
)
CONSENT_QUESTION = "consent.agree"

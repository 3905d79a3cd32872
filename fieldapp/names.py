"""Names compared across scripts: HQ's dedupe (fieldapp/hq/linkage_features.py) and the laptop's warning of a
possible duplicate at intake (fieldapp/records/duplicates.py).

Every name (passport name, name in the person's own script, aliases) is transliterated to ASCII with
``anyascii`` (Khmer, Thai, Chinese, Vietnamese diacritics, Burmese, Lao, Devanagari, Cyrillic ...), cut
into tokens, and each token reduced so that common romanisation variants meet (``sokh``/``sok``, doubled
letters, ``y``/``i``). Document numbers are normalised here too.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from anyascii import anyascii


class Name(NamedTuple):  # NamedTuples: built and hashed in C, for 100,000s of persons
    raw: str
    tokens: tuple[str, ...]  # reduced ASCII tokens, in written order
    script: str  # "Latin", "Khmer", "Chinese" ...
    skeleton: tuple[str, ...]

    @property
    def key(self) -> str:
        return " ".join(sorted(set(self.tokens)))


_SCRIPTS = {
    "CJK": "Chinese",
    "HANGUL": "Korean",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "KHMER": "Khmer",
    "THAI": "Thai",
    "LAO": "Lao",
    "MYANMAR": "Burmese",
    "DEVANAGARI": "Devanagari",
    "BENGALI": "Bengali",
    "ARABIC": "Arabic",
    "CYRILLIC": "Cyrillic",
    "SINHALA": "Sinhala",
    "TAMIL": "Tamil",
    "ETHIOPIC": "Ethiopic",
    "LATIN": "Latin",
}
_UNSPACED = ("Chinese", "Korean", "Japanese")  # syllables run together; anyascii capitalises each one
_CAMEL = re.compile(r"[A-Z][a-z]*|[a-z]+|[0-9]+")
_WORD = re.compile(r"[a-z0-9]+")
_AFTER_CONSONANT_H = re.compile(r"([bcdgjkpqrstxz])h")
_DOUBLED = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy]")
_NOT_ALNUM = re.compile(r"[^0-9A-Z]")


@lru_cache(maxsize=4096)
def _char_script(ch: str) -> str:
    first = unicodedata.name(ch, "").split(" ")[0]
    return _SCRIPTS.get(first, first.title() or "Other")


def script_of(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            return _char_script(ch)
    return "Latin"


@lru_cache(maxsize=200_000)
def reduce_token(token: str) -> str:
    """Fold romanisation variants together: ``kh``→``k``, doubled letters once, ``y``→``i``."""
    token = _AFTER_CONSONANT_H.sub(r"\1", token)
    return _DOUBLED.sub(r"\1", token.replace("y", "i"))


@lru_cache(maxsize=200_000)
def _word_tokens(word: str) -> tuple[str, ...]:
    if word.isascii():
        return tuple(reduce_token(t) for t in _WORD.findall(word.lower()))
    latin = anyascii(word)
    parts = _CAMEL.findall(latin) if script_of(word) in _UNSPACED else _WORD.findall(latin.lower())
    return tuple(reduce_token(t.lower()) for t in parts if t)


@lru_cache(maxsize=200_000)
def parse_name(raw: str) -> Name | None:
    tokens = tuple(t for word in raw.split() for t in _word_tokens(word))
    if not tokens:
        return None
    skeleton = tuple(_VOWELS.sub("", t) or t for t in tokens)
    return Name(raw, tokens, script_of(raw), skeleton)


def normalise_document(value: str) -> str:
    """Upper-case letters and digits only, with the letters O and I read as 0 and 1."""
    if not value:
        return ""
    if value.isascii() and value.isalnum():  # most are: no need for the expression
        return value.upper().replace("O", "0").replace("I", "1")
    text = _NOT_ALNUM.sub("", (value if value.isascii() else anyascii(value)).upper())
    return text.replace("O", "0").replace("I", "1")

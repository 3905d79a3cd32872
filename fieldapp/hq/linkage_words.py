"""The linkage model's evidence in words an analyst reads: "same document number: strong for".

Each comparison level of the model (fieldapp/hq/linkage.py) has a phrase, and each piece of evidence
a strength from its weight: the log2 of how much more likely the observation is for the same person
than for two different persons (a match weight, in bits: 1 bit doubles the odds). Phrases and
strengths are ``Term``s, so the desktop app shows them in Khmer (context "evidence").
"""

from __future__ import annotations

from dataclasses import dataclass

from fieldapp.errors import Term, term

CONTEXT = "evidence"

# (comparison, level label) → what was observed. The labels are the model's own (label_for_charts).
PHRASES: dict[tuple[str, str], Term] = {
    ("name", "same name in own script"): term(CONTEXT, "same name, also in their own script"),
    ("name", "same letters, own script differs"): term(
        CONTEXT, "names alike in Latin letters, written differently in their own script"
    ),
    ("name", "same name"): term(CONTEXT, "same name"),
    ("name", "same letters"): term(CONTEXT, "same name with letters swapped or run together"),
    ("name", "same consonants"): term(CONTEXT, "names sound alike (same consonants)"),
    ("name", "similar"): term(CONTEXT, "similar names"),
    ("name", "different"): term(CONTEXT, "different names"),
    ("birth", "same date of birth"): term(CONTEXT, "same date of birth"),
    ("birth", "births agree"): term(CONTEXT, "date of birth and age agree"),
    ("birth", "within a year"): term(CONTEXT, "born less than a year apart"),
    ("birth", "one year apart"): term(CONTEXT, "birth years one year apart"),
    ("birth", "two years apart"): term(CONTEXT, "birth years two years apart"),
    ("birth", "up to five years apart"): term(CONTEXT, "birth years three to five years apart"),
    ("birth", "different"): term(CONTEXT, "different birth year"),
    ("sex", "same"): term(CONTEXT, "same sex"),
    ("sex", "different"): term(CONTEXT, "different sex"),
    ("nationality", "same"): term(CONTEXT, "same nationality"),
    ("nationality", "different"): term(CONTEXT, "different nationality"),
    ("document", "same"): term(CONTEXT, "same document number"),
    ("document", "one character apart"): term(CONTEXT, "document numbers one character apart"),
    ("document", "different"): term(CONTEXT, "different document numbers"),
    ("photo", "same"): term(CONTEXT, "same photo"),
    ("photo", "different"): term(CONTEXT, "different photos"),
    ("operation", "same operation"): term(CONTEXT, "same operation"),
    ("operation", "same day"): term(CONTEXT, "operations on the same day"),
    ("operation", "within a month"): term(CONTEXT, "operations within a month"),
    ("operation", "different"): term(CONTEXT, "operations more than a month apart"),
}
# A same name shared by many (or few) of the persons of its nationality and sex at HQ: said with the name.
COMMON_NAME = term(CONTEXT, "name common in this nationality")
RARE_NAME = term(CONTEXT, "name rare in this nationality")
COMMON_SHARE, RARE_SHARE = 1 / 250, 1 / 2500

STRONG, MODERATE, WEAK = 6.0, 3.0, 1.0  # bits: 64x, 8x, 2x the odds
STRENGTHS = {
    "strong for": term(CONTEXT, "strong for"),
    "moderate for": term(CONTEXT, "moderate for"),
    "weak for": term(CONTEXT, "weak for"),
    "neutral": term(CONTEXT, "hardly matters"),
    "weak against": term(CONTEXT, "weak against"),
    "moderate against": term(CONTEXT, "moderate against"),
    "strong against": term(CONTEXT, "strong against"),
}


def strength(weight: float) -> Term:
    size = abs(weight)
    if size < WEAK:
        return STRENGTHS["neutral"]
    word = "strong" if size >= STRONG else "moderate" if size >= MODERATE else "weak"
    return STRENGTHS[f"{word} {'for' if weight > 0 else 'against'}"]


@dataclass(frozen=True)
class Evidence:
    """One comparison's contribution to a pair's score."""

    comparison: str  # "name", "birth", "document" ...
    level: str  # the model's level label
    weight: float  # bits; a name's frequency adjustment included
    what: Term
    how_strong: Term
    frequency: Term | None = None  # a same name that is common (or rare) in its nationality

    @property
    def words(self) -> str:
        """In English: "same name, name common in this nationality: weak for"."""
        what = f"{self.what}, {self.frequency}" if self.frequency else str(self.what)
        return f"{what}: {self.how_strong}"

    def as_json(self) -> dict[str, object]:
        return {
            "comparison": self.comparison,
            "level": self.level,
            "weight": round(self.weight, 2),
            "words": self.words,
        }


def evidence(
    comparison: str, level: str, weight: float, tf_adjustment: float, share: float | None
) -> Evidence:
    """``share``: for a same name, how many of the persons of its nationality and sex share it."""
    phrase = PHRASES[(comparison, level)]
    frequency = None
    if share is not None and share >= COMMON_SHARE:
        frequency = COMMON_NAME
    elif share is not None and share <= RARE_SHARE:
        frequency = RARE_NAME
    total = weight + tf_adjustment
    return Evidence(comparison, level, total, phrase, strength(total), frequency)

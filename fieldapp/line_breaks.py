"""Places where a line may break in Khmer, which is written without spaces between words.

Qt breaks lines only where the Unicode rules allow, and with no dictionary it finds none inside a Khmer
phrase: a long phrase cannot wrap and is cut off at the edge of a label or a form. A zero-width space
between orthographic syllables gives it places to break; it is invisible, and never separates a
consonant from its subscript (coeng) or from its vowel signs. Applied where text is shown, not to what is
stored.
"""

from __future__ import annotations

import re

ZWSP = "\u200b"
# Before a consonant or independent vowel (a syllable's start) that follows a Khmer character other than
# the coeng (U+17D2, which joins the next consonant below as a subscript).
_SYLLABLE_START = re.compile(r"(?<=[\u1780-\u17D1\u17D3-\u17DD])(?=[\u1780-\u17B3])")


def breakable(text: str) -> str:
    """``text`` with a zero-width space between Khmer syllables (other scripts untouched)."""
    return _SYLLABLE_START.sub(ZWSP, text)

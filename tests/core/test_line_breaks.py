"""Khmer gets places to break a line: between syllables, never inside a consonant stack or before a vowel."""

from __future__ import annotations

from fieldapp.line_breaks import ZWSP, breakable


def test_breaks_fall_between_syllables_only() -> None:
    assert breakable("ការពិនិត្យ") == ZWSP.join(["កា", "រ", "ពិ", "និ", "ត្យ"])
    assert breakable("ស្រី") == "ស្រី"  # a subscript (coeng + RO) stays with its consonant
    assert breakable("ខ្មែរ") == "ខ្មែ" + ZWSP + "រ"
    assert breakable("សូចនាករ ILO") == ZWSP.join(["សូ", "ច", "នា", "ក", "រ"]) + " ILO"
    assert breakable("Passport taken") == "Passport taken"


def test_nothing_is_lost_or_reordered() -> None:
    text = "បុគ្គលនោះមិនគួរត្រូវបានឃុំខ្លួន ចោទប្រកាន់ ឬដាក់ទោស។ (UN 2000)"
    assert breakable(text).replace(ZWSP, "") == text

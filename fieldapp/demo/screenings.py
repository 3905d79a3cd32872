"""Demo screenings: answer patterns that land in every outcome the rule can give."""

from __future__ import annotations

import random

from fieldapp.records.service import Records


def demo_screening(
    records: Records, person_id: str, index: int, age: int, age_uncertain: bool, rng: random.Random
) -> str | None:
    """Screen most demo persons; returns the outcome recorded (None when left unscreened)."""
    return None

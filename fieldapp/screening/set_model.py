"""What an indicator set is, once loaded: its dimensions, indicators and linked items in several languages
(``fieldapp.screening.sets`` finds, loads and validates the files)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Strength(StrEnum):
    STRONG = "strong"
    MEDIUM = "medium"
    WEAK = "weak"


class Verification(StrEnum):
    CHECKED = "checked"
    NEEDS_CHECK = "needs_check_against_ilo_brochure"


class Element(StrEnum):
    ACT = "act"
    MEANS = "means"
    PURPOSE = "purpose"
    VULNERABILITY = "vulnerability"


@dataclass(frozen=True)
class Text:
    text: str
    status: str  # "reviewed" or "draft"


@dataclass(frozen=True)
class Localized:
    """One string in several languages, each with its review status."""

    strings: Mapping[str, Text]

    def get(self, lang: str = "en") -> str:
        """The text in ``lang``, falling back to English."""
        found = self.strings.get(lang) or self.strings["en"]
        return found.text

    def langs(self) -> frozenset[str]:
        return frozenset(self.strings)


@dataclass(frozen=True)
class Dimension:
    id: str
    label: Localized


@dataclass(frozen=True)
class Indicator:
    """One ILO indicator: belongs to a dimension and has a strength."""

    id: str
    dimension: str
    strength: Strength
    label: Localized
    help: Localized
    prompt: Localized
    show_to_respondent: bool
    verification: Verification
    verification_note: str = ""
    disputed: bool = False


@dataclass(frozen=True)
class LinkedItem:
    """A screening item (e.g. scam compound) that ticks indicators of another set when present."""

    id: str
    elements: tuple[Element, ...]
    label: Localized
    help: Localized
    prompt: Localized
    maps_to: tuple[str, ...]
    red_flag: bool
    show_to_respondent: bool
    verification: Verification
    verification_note: str = ""
    also_consider: tuple[str, ...] = ()
    minor_flag: bool = False  # answered present: the person is or may be under 18 (child rule)


@dataclass(frozen=True)
class IndicatorSet:
    set_id: str
    version: str
    kind: str
    title: Localized
    source: str
    verification: Verification
    path: Path
    dimensions: tuple[Dimension, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    linked_items: tuple[LinkedItem, ...] = ()
    maps_to_set: str | None = None
    verification_note: str = ""
    _by_id: Mapping[str, Indicator | LinkedItem] = field(default_factory=dict, repr=False, compare=False)

    def ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)

    def get(self, item_id: str) -> Indicator | LinkedItem | None:
        return self._by_id.get(item_id)

    def indicator(self, item_id: str) -> Indicator | None:
        found = self._by_id.get(item_id)
        return found if isinstance(found, Indicator) else None

    def linked(self, item_id: str) -> LinkedItem | None:
        found = self._by_id.get(item_id)
        return found if isinstance(found, LinkedItem) else None

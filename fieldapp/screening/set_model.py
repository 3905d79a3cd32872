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
    PROJECT_DEFINED = (
        "project_defined"  # the project's own items, built from cited sources: not an official list
    )


class Element(StrEnum):
    ACT = "act"
    MEANS = "means"
    PURPOSE = "purpose"
    VULNERABILITY = "vulnerability"


class Act(StrEnum):
    """The acts of trafficking (Palermo Protocol Art. 3): for a child, an act and a purpose of exploitation
    are enough, no means are needed."""

    RECRUITMENT = "recruitment"
    TRANSPORT = "transport"
    TRANSFER = "transfer"
    HARBOURING = "harbouring"
    RECEIPT = "receipt"


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
    act: Act | None = None  # the act of trafficking an ``act`` item records
    sources: tuple[str, ...] = ()  # keys into the set's ``sources``
    observation: bool = False  # the officer's own observation, never asked of the person
    retired: bool = False  # kept so old answers can be re-scored; never asked in a new interview
    child_worst_form: str = ""  # the ILO C182 clause this purpose falls under, for a child
    theme: str = ""  # where the interview asks it (``fieldapp.screening.plan.THEMES``)


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
    schema: int = 1
    # Off by default (no source at all): HQ can ship a version with ``enabled`` true.
    enabled: bool = True
    sources: Mapping[str, str] = field(default_factory=dict)
    # ILO indicators the linked items ask in full: an interview that asks the linked items leaves them out.
    replaces: tuple[str, ...] = ()
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

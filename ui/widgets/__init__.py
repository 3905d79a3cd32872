"""Reusable widgets: answer choices, indicator items, the outcome panel, entry tables."""

from ui.widgets.choices import MISSING, CheckList, YesNoChoice
from ui.widgets.entry_table import Column, EntryTable
from ui.widgets.indicator_item import ANSWERS, IndicatorItem
from ui.widgets.outcome_panel import OutcomePanel

__all__ = [
    "ANSWERS",
    "MISSING",
    "CheckList",
    "Column",
    "EntryTable",
    "IndicatorItem",
    "OutcomePanel",
    "YesNoChoice",
]

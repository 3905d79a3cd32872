"""Reusable widgets: answer choices, indicator items, the respondent card, the outcome panel, entry tables."""

from ui.widgets.choices import MISSING, CheckList, YesNoChoice
from ui.widgets.entry_table import Column, EntryTable
from ui.widgets.indicator_item import ANSWERS, IndicatorItem
from ui.widgets.outcome_panel import OutcomePanel
from ui.widgets.respondent_card import RESPONDENT_LANGUAGES, RespondentCard, respondent_language

__all__ = [
    "ANSWERS",
    "MISSING",
    "RESPONDENT_LANGUAGES",
    "CheckList",
    "Column",
    "EntryTable",
    "IndicatorItem",
    "OutcomePanel",
    "RespondentCard",
    "YesNoChoice",
    "respondent_language",
]

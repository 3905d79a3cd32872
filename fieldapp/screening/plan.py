"""What an interview asks, in which order: the questions of one screening's pinned sets, grouped.

In a scam-compound operation each fact is asked once: the scam-compound items are asked, grouped by theme
in the order a real interview follows (recruitment, the journey, arrival, control, the work, pay and debts,
violence, living conditions, the person's situation, what the officer sees), and the ILO indicators they ask
in full (the linked set's ``replaces``) are left out; the other ILO indicators are asked in their theme. In
any other operation the ILO indicators are asked dimension by dimension, with the officer's own
observations at the end. Retired items are never asked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from fieldapp.screening.set_model import Indicator, IndicatorSet, LinkedItem
from fieldapp.screening.sets import THEMES

Item = Indicator | LinkedItem

THEME_LABELS: dict[str, tuple[str, str]] = {
    "recruitment": ("How the person was recruited", "របៀបដែលបុគ្គលនោះត្រូវបានជ្រើសរើស"),
    "travel": ("The journey", "ការធ្វើដំណើរ"),
    "arrival": ("Arrival and documents", "ការមកដល់ និងឯកសារ"),
    "control": ("Freedom to leave and to contact others", "សេរីភាពក្នុងការចាកចេញ និងការទាក់ទងអ្នកដទៃ"),
    "work": ("The work", "ការងារ"),
    "pay_debt": ("Pay and debts", "ប្រាក់ឈ្នួល និងបំណុល"),
    "violence": ("Violence and threats", "អំពើហិង្សា និងការគំរាមកំហែង"),
    "living": ("Living conditions", "លក្ខខណ្ឌរស់នៅ"),
    "situation": ("The person's situation", "ស្ថានភាពរបស់បុគ្គលនោះ"),
    "observed": ("What the officer sees", "អ្វីដែលមន្ត្រីសង្កេតឃើញ"),
}
# Where an ILO indicator the scam-compound items do not ask in full is asked: by dimension, with these
# exceptions (a beating is asked with violence, not with confinement).
_DIMENSION_THEME = {
    "DR": "recruitment",
    "CR": "recruitment",
    "VR": "situation",
    "EX": "work",
    "CD": "control",
    "VD": "situation",
}
_ILO_THEME = {
    "CD.violence": "violence",
    "CD.strong_influence": "violence",
    "CD.threat_inform_family": "violence",
    "EX.low_no_salary": "pay_debt",
}


@dataclass(frozen=True)
class QuestionGroup:
    key: str  # a theme, or an ILO dimension
    label_en: str
    label_km: str
    items: tuple[Item, ...]

    def label(self, lang: str) -> str:
        return self.label_km if lang == "km" else self.label_en


def _theme(item: Item) -> str:
    if isinstance(item, LinkedItem):
        return item.theme or "observed"
    return _ILO_THEME.get(item.id, _DIMENSION_THEME[item.dimension])


def interview_plan(
    main: IndicatorSet, linked: IndicatorSet | None, *, scam_compound: bool
) -> tuple[QuestionGroup, ...]:
    """The groups of questions, in interview order; every item appears at most once."""
    linked_items = [i for i in (linked.linked_items if linked is not None else ()) if not i.retired]
    if scam_compound and linked is not None and linked.schema >= 2:
        replaced = set(linked.replaces)
        asked: list[Item] = [*linked_items, *(i for i in main.indicators if i.id not in replaced)]
        return tuple(
            QuestionGroup(theme, *THEME_LABELS[theme], tuple(i for i in asked if _theme(i) == theme))
            for theme in THEMES
            if any(_theme(i) == theme for i in asked)
        )
    groups = [
        QuestionGroup(
            d.id,
            d.label.get("en"),
            d.label.get("km"),
            tuple(i for i in main.indicators if i.dimension == d.id),
        )
        for d in main.dimensions
    ]
    if scam_compound and linked is not None:  # a set of the old schema: its items as one group, as before
        groups.append(
            QuestionGroup("SC", linked.title.get("en"), linked.title.get("km"), tuple(linked_items))
        )
    else:
        observed = tuple(i for i in linked_items if i.observation)
        if observed:
            groups.append(QuestionGroup("observed", *THEME_LABELS["observed"], observed))
    return tuple(g for g in groups if g.items)


def asked_items(plan: Sequence[QuestionGroup]) -> list[Item]:
    return [item for group in plan for item in group.items]


def respondent_items(plan: Sequence[QuestionGroup]) -> list[Item]:
    """What the person can be asked directly (not the officer's own observations)."""
    return [i for i in asked_items(plan) if not (isinstance(i, LinkedItem) and i.observation)]


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int
    present: int


def answer_progress(answers: Mapping[str, str | None]) -> Progress:
    """How far the questions asked have got: ``answers`` maps every asked item to its answer (None: none
    yet; "not asked" counts as dealt with)."""
    return Progress(
        answered=sum(1 for a in answers.values() if a is not None),
        total=len(answers),
        present=sum(1 for a in answers.values() if a == "present"),
    )

"""Interview steps 5–8, the assessment: indicators, needs and risks, intelligence, assessment and finalise.

Each method builds one step page from ``InterviewForm`` fields (the indicators from the pinned sets)
and returns its title and widget.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.line_breaks import breakable
from fieldapp.records import screening_record as schema
from fieldapp.screening import (
    RULE_VERSION,
    Indicator,
    LinkedItem,
    Outcome,
    raises_red_flag,
    verification_notes,
)
from ui.screens.interview_form import InterviewForm
from ui.screens.interview_record import Loaded
from ui.widgets import Column, IndicatorItem

_IMMEDIATE_NEEDS = ("food", "water", "shelter", "medical", "consular", "legal", "clothes", "phone_family")
_WISHES = ("return_home", "contact_family", "stay_in_cambodia", "shelter", "undecided")


class AssessmentSteps(QObject):
    """Builds the pages of steps 5–8. ``indicator_items`` (shared with the screen) gets every item;
    the last page ends with ``finalise_box``."""

    def __init__(
        self,
        form: InterviewForm,
        *,
        text_lang: str,
        indicator_items: dict[str, IndicatorItem],
        on_indicator_changed: Callable[[str], None],
        on_show_to_respondent: Callable[[str], None],
        on_answered_by_key: Callable[[str], None],
        on_source_chosen: Callable[[str], None],
        outcome_words: Callable[[str], str],
        finalise_box: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._text_lang = text_lang
        self.indicator_items = indicator_items
        self._on_indicator_changed = on_indicator_changed
        self._on_show_to_respondent = on_show_to_respondent
        self._on_answered_by_key = on_answered_by_key
        self._on_source_chosen = on_source_chosen
        # The screen fills and acts on these: answered so far, the respondent screen, "the rest not asked".
        self.progress = QLabel()
        self.progress.setObjectName("indicator_progress")
        self.respondent_button = QPushButton(self.tr("Respondent screen (F7)"))
        self.respondent_button.setObjectName("respondent_screen")
        self.respondent_button.setToolTip(
            self.tr("The questions and the consent script for the person, one at a time, in their language")
        )
        self.not_asked_button = QPushButton(self.tr("Mark the rest as not asked"))
        self.not_asked_button.setObjectName("mark_rest_not_asked")
        self._outcome_words = outcome_words
        self._finalise_box = finalise_box

    def indicators(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Indicators")
        page, layout = self._form.page(
            "indicators",
            title,
            self.tr(
                "One key answers and moves to the next question: 1 or Y present, 2 or N absent, 3 or D the "
                "person does not know, 4 or S skipped (the person chose not to answer). Press ? for help. "
                "The respondent screen (F7) shows the questions to the person in their own language."
            ),
        )
        lang = self._text_lang
        sets = (data.main_set, data.linked_set)
        notes = verification_notes([(s.set_id, s.verification.value) for s in sets], lang)
        if notes:
            status = QLabel(breakable("\n".join(notes)))
            status.setObjectName("set_verification")
            status.setWordWrap(True)
            layout.addWidget(status)
        layout.addWidget(self.progress)
        tools = QHBoxLayout()
        tools.addWidget(self.respondent_button)
        tools.addWidget(self.not_asked_button)
        tools.addStretch(1)
        layout.addLayout(tools)
        final = data.screening is not None and data.screening.status != "draft"
        rule_version = data.screening.pins.get("rule_version") if final and data.screening else RULE_VERSION
        groups = [(g.key, g.label(lang), g.items) for g in data.questions]
        asked = {item.id for group in data.questions for item in group.items}
        answered = (
            (data.screening.sections.get("indicators") or {}).get("answers", {}) if data.screening else {}
        )
        # Answers given to questions this interview no longer asks (another operation setting, an older
        # draft) stay visible: nothing recorded is ever hidden.
        everything: list[Indicator | LinkedItem] = [*data.linked_set.linked_items, *data.main_set.indicators]
        others = [item for item in everything if item.id in answered and item.id not in asked]
        if others:
            groups.append(("answered_elsewhere", self.tr("Also answered"), tuple(others)))
        for key, label, items in groups:
            box = QGroupBox(label)
            box.setObjectName(f"dimension_{key}")
            box_layout = QVBoxLayout(box)
            box_layout.setSpacing(3)
            for item in items:
                self._add_item(self._item(item, lang, rule_version), box_layout)
            layout.addWidget(box)
        first = next(iter(self.indicator_items.values()), None)
        if first is not None:
            self._form.first_field["indicators"] = first
        layout.addStretch(1)
        return title, page

    def _item(self, item: Indicator | LinkedItem, lang: str, rule_version: str | None) -> IndicatorItem:
        tags = []
        if isinstance(item, Indicator):
            strengths = {"strong": self.tr("strong"), "medium": self.tr("medium"), "weak": self.tr("weak")}
            tags.append(strengths[item.strength.value])
        elif item.maps_to:
            tags.append(self.tr("counts as %1").replace("%1", ", ".join(item.maps_to)))
        if raises_red_flag(item, rule_version):
            tags.append(self.tr("red flag"))
        observation = isinstance(item, LinkedItem) and item.observation
        return IndicatorItem(
            item.id,
            item.label.get(lang),
            item.help.get(lang),
            tags=" · ".join(tags),
            show_to_respondent=item.show_to_respondent,
            default_source="officer_observation" if observation else None,
        )

    def _add_item(self, widget: IndicatorItem, layout: QVBoxLayout) -> None:
        self.indicator_items[widget.item_id] = widget
        widget.changed.connect(self._on_indicator_changed)
        widget.show_requested.connect(self._on_show_to_respondent)
        widget.answered_by_key.connect(self._on_answered_by_key)
        widget.source_chosen.connect(self._on_source_chosen)
        layout.addWidget(widget)

    def needs(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Needs and risks")
        page, layout = self._form.page("needs", title)
        health = self._form.group(layout, self.tr("Health"))
        self._form.first_field["needs"] = self._form.text(
            health, "needs", "urgent_medical", self.tr("&Urgent medical needs")
        )
        self._form.text(health, "needs", "injuries", self.tr("&Injuries"))
        self._form.line(health, "needs", "medication", self.tr("&Medication"))
        self._form.yesno(health, "needs", "pregnant", self.tr("Pregnant"))
        self._form.line(health, "needs", "disability", self.tr("&Disability"))
        self._form.yesno(health, "needs", "psychosocial_distress", self.tr("Signs of distress"))
        safety = self._form.group(layout, self.tr("Safety"))
        self._form.text(
            safety, "needs", "safety_risk", self.tr("&Safety risks (threats to the person or family)")
        )
        risk = {
            "low": self.tr("Low"),
            "medium": self.tr("Medium"),
            "high": self.tr("High"),
            "unknown": self.tr("Not known"),
        }
        self._form.combo(
            safety,
            "needs",
            "retrafficking_risk",
            self.tr("&Risk of being trafficked again"),
            ("low", "medium", "high", "unknown"),
            risk,
        )
        wishes = {
            "return_home": self.tr("Go home"),
            "contact_family": self.tr("Contact family"),
            "stay_in_cambodia": self.tr("Stay in Cambodia"),
            "shelter": self.tr("Go to a shelter"),
            "undecided": self.tr("Not decided"),
        }
        needs = {
            "food": self.tr("Food"),
            "water": self.tr("Water"),
            "shelter": self.tr("Shelter"),
            "medical": self.tr("Medical care"),
            "consular": self.tr("Embassy help"),
            "legal": self.tr("Legal help"),
            "clothes": self.tr("Clothes"),
            "phone_family": self.tr("A call to family"),
        }
        wants = self._form.group(layout, self.tr("Wishes and immediate needs"), wrap_all=True)
        self._form.checklist(
            wants, "needs", "wishes", self.tr("The person &wishes to"), [(k, wishes[k]) for k in _WISHES]
        )
        self._form.checklist(
            wants,
            "needs",
            "immediate_needs",
            self.tr("N&eeds now"),
            [(k, needs[k]) for k in _IMMEDIATE_NEEDS],
        )
        layout.addStretch(1)
        return title, page

    def intelligence(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Intelligence (team leads only)")
        page, layout = self._form.page(
            "intelligence",
            title,
            self.tr(
                "Restricted: only team leads see or record this section. It never goes on a handover form."
            ),
        )
        form = self._form.group(layout, self.tr("Still inside"))
        self._form.first_field["intelligence"] = self._form.number(
            form, "intelligence", "others_inside", self.tr("Others &still inside"), 100_000
        )
        self._form.words(
            form,
            "intelligence",
            "others_nationalities",
            self.tr("Their n&ationalities"),
            self.tr("e.g. VNM, CHN"),
        )
        self._form.number(form, "intelligence", "children_inside", self.tr("C&hildren inside"), 100_000)
        people = self._form.group(layout, self.tr("Perpetrators and evidence"), wrap_all=True)
        roles = {
            "RecruiterOrIntermediary": self.tr("Recruiter"),
            "BrokerTravelAgent": self.tr("Broker or travel agent"),
            "Transporter": self.tr("Transporter"),
            "Exploiter": self.tr("Exploiter (boss)"),
            "Abuser": self.tr("Abuser"),
            "Kidnapper": self.tr("Kidnapper"),
            "Smuggler": self.tr("Smuggler"),
            "Other": self.tr("Other"),
        }
        columns = (
            Column("role", self.tr("Role"), tuple((r, roles.get(r, r)) for r in schema.PERPETRATOR_ROLES)),
            Column("name_or_description", self.tr("Name or description"), stretch=True),
            Column("nationality", self.tr("Nationality (3 letters)")),
        )
        self._form.table(
            people,
            "intelligence",
            "perpetrators",
            self.tr("&Perpetrators"),
            columns,
            self.tr("A&dd perpetrator"),
        )
        self._form.text(people, "intelligence", "evidence", self.tr("&Evidence (seized phones, links)"))
        layout.addStretch(1)
        return title, page

    def assessment(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Assessment and finalise")
        page, layout = self._form.page("assessment", title)
        form = self._form.group(layout, self.tr("The interview"))
        self._form.first_field["assessment"] = self._form.flag(
            form, "interview", "completed", self.tr("The interview is co&mplete")
        )
        self._form.text(form, "interview", "notes", self.tr("&Interview notes"))
        own = self._form.group(layout, self.tr("Your own assessment"))
        outcomes = {o.value: self._outcome_words(o.value) for o in Outcome}
        self._form.combo(
            own,
            "assessment",
            "officer_outcome",
            self.tr("&Your assessment"),
            tuple(o.value for o in Outcome),
            outcomes,
        )
        self._form.text(own, "assessment", "reasons", self.tr("&Reasons"))
        self._form.line(own, "assessment", "role_in_compound", self.tr("Ro&le in the compound"))
        formal = {
            "PossibleVictimOfTrafficking": self.tr("Possible victim"),
            "ActualVictimOfTrafficking": self.tr("Identified victim"),
            "NotAVictimOfTrafficking": self.tr("Not a victim"),
        }
        self._form.combo(
            own,
            "assessment",
            "formal_status",
            self.tr("Formal &status (if decided)"),
            schema.FORMAL_STATUSES,
            formal,
        )
        deciders = {
            "Police": self.tr("Police"),
            "NGO": self.tr("NGO"),
            "CourtOrProsecution": self.tr("Court or prosecutor"),
            "NonPoliceGovernmentalOrganization": self.tr("Other government body"),
            "Other": self.tr("Other"),
        }
        self._form.combo(own, "assessment", "decided_by", self.tr("&Decided by"), schema.DECIDERS, deciders)

        # Outside the form part: stays usable when the form is read-only.
        container = QWidget()
        container_layout = QVBoxLayout(container)
        container_layout.setContentsMargins(0, 0, 0, 0)
        container_layout.addWidget(page, 1)
        container_layout.addWidget(self._finalise_box)
        layout.addStretch(1)
        return title, container

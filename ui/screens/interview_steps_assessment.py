"""Interview steps 5–8, the assessment: indicators, needs and risks, intelligence, assessment and finalise.

Each method builds one step page from ``InterviewForm`` fields (the indicators from the pinned sets)
and returns its title and widget.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from fieldapp.records import screening_record as schema
from fieldapp.screening import RULE_VERSION, Outcome, raises_red_flag, verification_notes
from ui.screens.interview_form import InterviewForm
from ui.screens.interview_record import Loaded
from ui.widgets import Column, IndicatorItem

SC_GROUP = "SC"
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
        self._outcome_words = outcome_words
        self._finalise_box = finalise_box

    def indicators(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Indicators")
        page, layout = self._form.page(
            "indicators",
            title,
            self.tr(
                "Answer each item: 1 present, 2 absent, 3 unknown, 4 declined to answer. Press ? for help; "
                '"Show to person" shows the question in large type in the person\'s language.'
            ),
        )
        lang = self._text_lang
        sets = (data.main_set, data.linked_set)
        notes = verification_notes([(s.set_id, s.verification.value) for s in sets], lang)
        if notes:
            status = QLabel("\n".join(notes))
            status.setObjectName("set_verification")
            status.setWordWrap(True)
            layout.addWidget(status)
        final = data.screening is not None and data.screening.status != "draft"
        rule_version = data.screening.pins.get("rule_version") if final and data.screening else RULE_VERSION
        red_flag = self.tr("red flag")
        strengths = {"strong": self.tr("strong"), "medium": self.tr("medium"), "weak": self.tr("weak")}
        for dimension in data.main_set.dimensions:
            items = [i for i in data.main_set.indicators if i.dimension == dimension.id]
            if not items:
                continue
            box = QGroupBox(f"{dimension.id} · {dimension.label.get(lang)}")
            box.setObjectName(f"dimension_{dimension.id}")
            box_layout = QVBoxLayout(box)
            for indicator in items:
                tags = strengths.get(indicator.strength.value, indicator.strength.value)
                if raises_red_flag(indicator, rule_version):
                    tags = f"{tags} · {red_flag}"
                widget = IndicatorItem(
                    indicator.id,
                    indicator.label.get(lang),
                    indicator.help.get(lang),
                    tags=tags,
                    show_to_respondent=indicator.show_to_respondent,
                )
                self._add_item(widget, box_layout)
            layout.addWidget(box)
        if data.linked_set.linked_items:
            box = QGroupBox(data.linked_set.title.get(lang))
            box.setObjectName(f"dimension_{SC_GROUP}")
            box_layout = QVBoxLayout(box)
            for linked in data.linked_set.linked_items:
                if linked.retired:  # kept for old answers; never asked again
                    continue
                tags = red_flag if raises_red_flag(linked, rule_version) else ""
                if linked.maps_to:
                    counts = self.tr("counts as %1").replace("%1", ", ".join(linked.maps_to))
                    tags = f"{tags} · {counts}" if tags else counts
                widget = IndicatorItem(
                    linked.id,
                    linked.label.get(lang),
                    linked.help.get(lang),
                    tags=tags,
                    show_to_respondent=linked.show_to_respondent,
                    default_source="officer_observation" if linked.observation else None,
                )
                self._add_item(widget, box_layout)
            layout.addWidget(box)
        first = next(iter(self.indicator_items.values()), None)
        if first is not None:
            self._form.first_field["indicators"] = first
        layout.addStretch(1)
        return title, page

    def _add_item(self, widget: IndicatorItem, layout: QVBoxLayout) -> None:
        self.indicator_items[widget.item_id] = widget
        widget.changed.connect(self._on_indicator_changed)
        widget.show_requested.connect(self._on_show_to_respondent)
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
            self.tr("Needs &now"),
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
            form, "intelligence", "others_inside", self.tr("&Others still inside"), 100_000
        )
        self._form.words(
            form,
            "intelligence",
            "others_nationalities",
            self.tr("Their &nationalities"),
            self.tr("e.g. VNM, CHN"),
        )
        self._form.number(form, "intelligence", "children_inside", self.tr("&Children inside"), 100_000)
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
            self.tr("Add &perpetrator"),
        )
        self._form.text(people, "intelligence", "evidence", self.tr("&Evidence (seized phones, links)"))
        layout.addStretch(1)
        return title, page

    def assessment(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Assessment and finalise")
        page, layout = self._form.page("assessment", title)
        form = self._form.group(layout, self.tr("The interview"))
        self._form.first_field["assessment"] = self._form.flag(
            form, "interview", "completed", self.tr("The interview is &complete")
        )
        self._form.text(form, "interview", "notes", self.tr("Interview &notes"))
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
        self._form.line(own, "assessment", "role_in_compound", self.tr("Role in the c&ompound"))
        formal = {
            "PossibleVictimOfTrafficking": self.tr("Possible victim"),
            "ActualVictimOfTrafficking": self.tr("Identified victim"),
            "NotAVictimOfTrafficking": self.tr("Not a victim"),
        }
        self._form.combo(
            own,
            "assessment",
            "formal_status",
            self.tr("&Formal status (if decided)"),
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

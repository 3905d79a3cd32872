"""The screening interview: a step-by-step form over the full screening record, saved as it is typed.

Consent comes first and unlocks the rest. Every change is checked on the spot with the core's own field
checks, then saved (debounced, at most one save in flight, later changes queued) through
``Screenings.save`` on the database worker; the live outcome and its explanation follow each save.
A team lead finalises with their passphrase; a final screening is read-only until amended with a reason.

The screen puts together its parts, each in its own module:
- ``interview_record.ScreeningEditor``: loading the screening, the changes not saved yet, the saves,
  finalising and amending on the database worker;
- ``interview_header.RecordHeader``: title, record and save status, Amend… / Save amendment / Close;
- ``interview_navigation.StepNavigator``: the step list, the pages, Back and Next;
- ``interview_steps_account`` (steps 1–4) and ``interview_steps_assessment`` (steps 5–8): the pages,
  made of the fields of ``interview_form.InterviewForm``;
- ``interview_finalise.FinaliseBox`` and ``interview_dialogs``: finalising, the passphrase and reason.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from fieldapp.errors import FieldAppError, ValidationError
from fieldapp.records import screening_record as schema
from fieldapp.records.drafts import INTERVIEW_STEPS
from fieldapp.records.projections import possibly_minor
from fieldapp.records.screenings import Screening, Screenings
from fieldapp.screening import ScreeningResult
from fieldapp.screening.plan import answer_progress, respondent_items
from fieldapp.screening.respondent import respondent_language
from fieldapp.vault import audio_prompts
from fieldapp.vault.session import Session
from ui.errors import show_error, user_message
from ui.screens.interview_dialogs import PassphraseDialog, ReasonDialog
from ui.screens.interview_finalise import FinaliseBox
from ui.screens.interview_form import Field, InterviewForm
from ui.screens.interview_header import RecordHeader
from ui.screens.interview_navigation import StepNavigator
from ui.screens.interview_record import Explained, Loaded, ScreeningEditor
from ui.screens.interview_steps_account import AccountSteps
from ui.screens.interview_steps_assessment import AssessmentSteps
from ui.screens.respondent import RespondentWindow, VaultAudio
from ui.tasks import TaskRunner
from ui.widgets import ANSWERS, MISSING, IndicatorItem, OutcomePanel, YesNoChoice
from ui.widgets.child_alert import ChildAlert

__all__ = ["InterviewScreen", "PassphraseDialog", "ReasonDialog"]

logger = logging.getLogger(__name__)

STEP_KEYS = INTERVIEW_STEPS


class InterviewScreen(QWidget):
    """A screening of one person, new (``screening_id=None``: begun on the first change) or reopened."""

    closed = Signal()
    loaded = Signal()
    saved = Signal(object)  # Screening, after each successful save, finalise or amendment
    explained = Signal()

    def __init__(
        self,
        *,
        screenings: Screenings,
        session: Session,
        runner: TaskRunner,
        person_id: str,
        screening_id: str | None = None,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interview_screen")
        self._text_lang = language if language in ("en", "km") else "en"
        self._team_lead = session.officer.has_role("team_lead")
        self._session, self._runner, self._person_id = session, runner, person_id
        self.is_loaded = False
        self._loading = True
        self._editor = ScreeningEditor(
            screenings=screenings,
            session=session,
            runner=runner,
            person_id=person_id,
            screening_id=screening_id,
            parent=self,
        )
        self._editor.recorded.connect(self._after_record)
        self._editor.failed.connect(lambda error: show_error(self, error))
        self.autosave_timer = self._editor.autosave_timer
        self._form = InterviewForm(self._field_changed, self)
        self.indicator_items: dict[str, IndicatorItem] = {}
        self.step_keys: list[str] = [k for k in STEP_KEYS if k != "intelligence" or self._team_lead]
        self._respondent_lang = "en"
        self._last_source: str | None = None
        self._item_order: list[str] = []
        self._minor = False
        self._loaded_data: Loaded | None = None
        self.respondent_window: RespondentWindow | None = None

        self._build_frame()
        self._start_loading()

    @property
    def person_id(self) -> str:
        return self._person_id

    @property
    def screening(self) -> Screening | None:
        return self._editor.screening

    @property
    def reason_dialog(self) -> ReasonDialog | None:
        return self.header.reason_dialog

    # --- frame: header, step list, pages, navigation, outcome -------------------------------------

    def _build_frame(self) -> None:
        self.header = RecordHeader(self._editor, team_lead=self._team_lead, owner=self)
        self.header.amend_started.connect(self._apply_mode)
        self.header.save_amendment_button.clicked.connect(self.save_amendment)
        self.header.close_button.clicked.connect(self.close_screen)
        self._editor.state_changed.connect(self.header.show_save_status)
        self.title, self.record_status, self.save_status = (
            self.header.title,
            self.header.record_status,
            self.header.save_status,
        )
        self.amend_button, self.save_amendment_button, self.close_button = (
            self.header.amend_button,
            self.header.save_amendment_button,
            self.header.close_button,
        )

        self.navigator = StepNavigator(self.step_keys, self)
        self.navigator.step_shown.connect(self._on_step_shown)
        self.steps, self.pages = self.navigator.list, self.navigator.pages
        self.back_button, self.next_button = self.navigator.back_button, self.navigator.next_button
        self.loading_label = QLabel(self.tr("Opening the screening…"))
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.loading_label)

        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.pages, 1)
        centre_layout.addLayout(nav)

        self.outcome_panel = OutcomePanel()
        self.outcome_panel.setMinimumWidth(220)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("interview_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.steps)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.outcome_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([190, 560, 280])

        self.child_alert = ChildAlert()  # on every step: a child is not questioned like an adult
        layout = QVBoxLayout(self)
        layout.addLayout(self.header.layout)
        layout.addWidget(self.child_alert)
        layout.addWidget(self.splitter, 1)

    # --- loading ---------------------------------------------------------------------------------

    def _start_loading(self) -> None:
        self._editor.load(self._on_loaded, self._on_load_error)

    @Slot(object)
    def _on_load_error(self, error: Exception) -> None:
        self.loading_label.setText(
            self.tr("The screening could not be opened: %1").replace(
                "%1", user_message(error) if isinstance(error, FieldAppError) else type(error).__name__
            )
        )
        self.record_status.setText("")
        show_error(self, error)

    @Slot(object)
    def _on_loaded(self, data: Loaded) -> None:
        started = time.perf_counter()
        self._loaded_data = data
        person = data.person
        names = " · ".join(n for n in (person.name, person.name_own, person.temp_id) if n)
        self.title.setText(self.tr("Screening: %1").replace("%1", names))
        self._respondent_lang = respondent_language(data.person_fields.get("languages")) or "en"
        self._minor = possibly_minor(data.person_fields) or person.minor
        self.child_alert.show_for(self._minor)
        self._build_pages(data)
        self._show_progress()
        self._loading = True
        if data.screening is not None:
            self._show_screening(data.screening)
            self._request_explanation()
        else:  # a new screening: what the operation and the intake recorded, saved with its first save
            self._editor.prefill = self._form.show_prefill(data.prefill, data.prefill_sources)
        self._loading = False
        self.is_loaded = True
        self._apply_mode()
        self.header.show_save_status()
        self._show_first_step(data.last_step)
        logger.debug("interview screen built in %.0f ms", (time.perf_counter() - started) * 1000)
        self.loaded.emit()

    def _show_screening(self, screening: Screening) -> None:
        """Every saved value into its widget (emits no changes)."""
        self._editor.show(screening)
        for (section, name), field in self._form.fields.items():
            stored = screening.sections.get(section) or {}
            if name in stored:
                field.put(stored[name])
        if (screening.sections.get("interview") or {}).get("declined"):
            self._show_declined_recorded()
        answers = (screening.sections.get("indicators") or {}).get("answers") or {}
        for item_id, value in answers.items():
            item = self.indicator_items.get(item_id)
            if item is not None:
                item.set_value(value)
        self._show_progress()

    def _show_first_step(self, last_step: str | None) -> None:
        """A draft opens at the step it was left (if that step is open); anything else at the first."""
        if last_step in self.step_keys and self.is_step_enabled(last_step or ""):
            self.steps.setCurrentRow(self.step_keys.index(last_step or ""))
        else:
            self.steps.setCurrentRow(0)

    # --- pages -----------------------------------------------------------------------------------

    def _build_pages(self, data: Loaded) -> None:
        account = AccountSteps(
            self._form,
            minor=self._minor,
            record_declined=self.record_declined,
            open_respondent_screen=lambda: self.open_respondent_screen(),
            parent=self,
        )
        self.finalise_box = FinaliseBox(self._editor, team_lead=self._team_lead)
        self.finalise_box.finalising.connect(self._lock_for_finalising)
        self.finalise_box.reviewing.connect(self.flush)
        self.finalise_box.failed.connect(self._apply_mode)
        self.finalise_button, self.finalise_status = self.finalise_box.button, self.finalise_box.status
        assessment = AssessmentSteps(
            self._form,
            text_lang=self._text_lang,
            indicator_items=self.indicator_items,
            on_indicator_changed=self._indicator_changed,
            on_show_to_respondent=self.show_to_respondent,
            on_answered_by_key=self._next_item,
            on_source_chosen=self._remember_source,
            outcome_words=self.outcome_panel.words,
            finalise_box=self.finalise_box,
            parent=self,
        )
        builders: dict[str, Callable[[Loaded], tuple[str, QWidget]]] = {
            "consent": account.consent,
            "interpreter": account.interpreter,
            "recruitment": account.recruitment,
            "exploitation": account.exploitation,
            "indicators": assessment.indicators,
            "needs": assessment.needs,
            "intelligence": assessment.intelligence,
            "assessment": assessment.assessment,
        }
        self.pages.removeWidget(self.loading_label)
        self.loading_label.deleteLater()
        self.navigator.add_pages([(key, *builders[key](data)) for key in self.step_keys])

        # the widgets the screen acts on, from the pages that made them
        self.consent_choice = account.consent_choice
        self.declined_box = account.declined_box
        self.record_declined_button = account.record_declined_button
        self.interpreter_warning = account.interpreter_warning
        self.compounds_table = account.compounds_table
        self.indicator_progress = assessment.progress
        self.respondent_button = assessment.respondent_button
        self.not_asked_button = assessment.not_asked_button
        self.respondent_button.clicked.connect(lambda: self.open_respondent_screen())
        QShortcut(QKeySequence(Qt.Key.Key_F7), self, lambda: self.open_respondent_screen())
        self.not_asked_button.clicked.connect(self.mark_rest_not_asked)
        self._item_order = list(self.indicator_items)

    # --- steps -----------------------------------------------------------------------------------

    @property
    def current_step(self) -> str:
        return self.navigator.current

    def is_step_enabled(self, key: str) -> bool:
        return self.navigator.is_open(key)

    def go_to_step(self, key: str) -> bool:
        """Show a step; False when it is locked (consent not answered) or absent."""
        return self.navigator.go_to(key)

    @Slot(str)
    def _on_step_shown(self, key: str) -> None:
        self.flush()
        first = self._form.first_field.get(key)
        if first is not None and first.isEnabled():
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_gating(self) -> None:
        consent = self.consent_choice.value() if isinstance(self.consent_choice, YesNoChoice) else None
        final = self._editor.mode != "draft"
        declined = consent is False
        self.navigator.set_open(
            lambda row, key: row == 0 or final or consent is True or (declined and key == "assessment")
        )
        self.declined_box.setVisible(declined and not final)
        language = self._form.fields.get(("language", "interpreter_independent"))
        present = self._form.fields.get(("language", "interpreter_present"))
        if language is not None and present is not None:
            self.interpreter_warning.setVisible(bool(present.get()) and language.get() is False)

    # --- changes and saving ----------------------------------------------------------------------

    def field(self, section: str, name: str) -> QWidget:
        """The widget of one field (tests and the main window use it)."""
        return self._form.fields[(section, name)].widget

    def _field_changed(self, field: Field) -> None:
        if self._loading:
            return
        self._form.unmark(field)  # the officer's value now, not the one filled in
        self._editor.prefill.get(field.section, {}).pop(field.name, None)
        if field.section in ("consent", "language"):
            self._update_gating()
        if self._editor.mode == "final":
            return
        key = (field.section, field.name)
        value = field.get()
        if value is MISSING:
            self._editor.drop(field.section, field.name)
            self._set_invalid(field, "")
        else:
            try:
                schema.SECTIONS[field.section][field.name](field.widget.accessibleName(), value)
            except ValidationError as error:
                self._editor.drop(field.section, field.name)
                self._set_invalid(field, user_message(error))
            else:
                self._set_invalid(field, "")
                self._editor.put(field.section, field.name, value)
        self._changed(key)

    def _set_invalid(self, field: Field, message: str) -> None:
        key, invalid = (field.section, field.name), self._editor.invalid
        if message:
            invalid[key] = message
            field.widget.setToolTip(message)
            field.widget.setStyleSheet("border: 2px solid #b3261e;")
        elif key in invalid:
            del invalid[key]
            field.widget.setToolTip("")
            field.widget.setStyleSheet("")

    @Slot(str)
    def _indicator_changed(self, item_id: str) -> None:
        if not self._loading:
            self._show_progress()
        if self._loading or self._editor.mode == "final":
            return
        item = self.indicator_items[item_id]
        if self._last_source and item.answer() is not None and item.source.currentData() is None:
            item.source.setCurrentIndex(item.source.findData(self._last_source))
        value = item.value()
        if value is None:
            return
        self._editor.answer(item_id, value)
        self._changed(("indicators", item_id))

    @Slot(str)
    def _remember_source(self, source: str) -> None:
        """Answers after this one take the same source until the officer picks another."""
        self._last_source = source

    @Slot(str)
    def _next_item(self, item_id: str) -> None:
        """After a key answered an item, the next one takes the keys (the last one hands on to Next)."""
        index = self._item_order.index(item_id) + 1
        if index < len(self._item_order):
            following = self.indicator_items[self._item_order[index]]
            following.setFocus(Qt.FocusReason.TabFocusReason)
            page = self.pages.currentWidget()
            if isinstance(page, QScrollArea):
                page.ensureWidgetVisible(following, 0, 120)
        else:
            self.next_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _show_progress(self) -> None:
        counts = answer_progress({i: w.answer() for i, w in self.indicator_items.items()})
        self.indicator_progress.setText(
            self.tr("%1 of %2 answered, %3 present")
            .replace("%1", str(counts.answered))
            .replace("%2", str(counts.total))
            .replace("%3", str(counts.present))
        )
        self.not_asked_button.setEnabled(counts.answered < counts.total and self._editor.mode != "final")

    @Slot()
    def mark_rest_not_asked(self) -> None:
        """Every question not answered yet is recorded as not asked in this interview."""
        for item in self.indicator_items.values():
            if item.answer() is None:
                item.mark_not_asked()

    def _changed(self, _key: tuple[str, str]) -> None:
        editor = self._editor
        if editor.mode == "amend":
            self.save_amendment_button.setEnabled(bool(editor.pending) and not editor.invalid)
        elif editor.pending:
            self.autosave_timer.start()
        self.header.show_save_status()

    @property
    def has_unsaved_changes(self) -> bool:
        return self._editor.has_unsaved_changes

    @property
    def screening_id(self) -> str | None:
        return self._editor.screening_id

    def flush(self) -> None:
        """Save what is pending now (before a lock, a step change or closing); never waits."""
        editor = self._editor
        self.autosave_timer.stop()
        if editor.mode == "amend":
            if editor.pending and not editor.invalid:
                self.save_amendment()
            return
        editor.save_now(force=True)
        if self.is_loaded and self.current_step:
            editor.remember_step(self.current_step)

    @Slot(object)
    def _after_record(self, screening: Screening) -> None:
        self.header.show_save_status()
        self._apply_mode()
        self.saved.emit(screening)
        self._request_explanation()

    # --- outcome ---------------------------------------------------------------------------------

    def _request_explanation(self) -> None:
        self._editor.explain(self._text_lang, self._on_explained, self._on_explain_error)

    @Slot(object)
    def _on_explained(self, explained: Explained) -> None:
        lines = list(explained.lines)
        stored = self.screening.result.get("warnings", []) if self.screening is not None else []
        if "interpreter_not_independent" in stored:
            lines.insert(
                1, self.tr("The interpreter may not be independent of the compound or the employer.")
            )
        if "no_consent_to_interview" in stored:
            lines.insert(1, self.tr("The person did not agree to be interviewed."))
        self.outcome_panel.set_result(explained.result.outcome.value, lines)
        self._show_contradictions(explained.result)
        self.explained.emit()

    def _show_contradictions(self, result: ScreeningResult) -> None:
        """Mark each answer that contradicts another, naming the other, until the officer resolves it."""
        marks: dict[str, list[str]] = {}
        for c in result.contradictions:
            for mine, others in ((c.present, c.absent), (c.absent, c.present)):
                for item_id in mine:
                    marks.setdefault(item_id, []).extend(others)
        for item_id, widget in self.indicator_items.items():
            names = [
                self.indicator_items[o].label.text() if o in self.indicator_items else o
                for o in marks.get(item_id, [])
            ]
            text = self.tr("Contradicts: %1. Ask again and correct one of them.").replace(
                "%1", "; ".join(names)
            )
            widget.set_conflict(text if names else "")

    @Slot(object)
    def _on_explain_error(self, error: Exception) -> None:
        logger.warning("could not explain the screening: %r", error)

    # --- the respondent screen --------------------------------------------------------------------

    @Slot(str)
    def show_to_respondent(self, item_id: str) -> None:
        """The respondent screen, at this question."""
        self.open_respondent_screen(start_at=item_id)

    @Slot()
    def open_respondent_screen(self, start_at: str | None = None) -> None:
        """The questions, and the consent script while consent is not answered, for the person to read and
        answer in their own language; their answers come back here as they give them. Which recorded
        prompts exist is read on the worker first."""
        if self._loaded_data is None or self._editor.mode == "final":
            return
        session, runner = self._session, self._runner
        runner.run_db(
            lambda: audio_prompts.available(session),
            lambda found: self._open_respondent_window(start_at, VaultAudio(runner, session, found)),
            lambda error: show_error(self, error),
        )

    def _open_respondent_window(self, start_at: str | None, audio: VaultAudio) -> None:
        data = self._loaded_data
        if data is None:
            return
        questions = [item.id for item in respondent_items(data.questions)]
        answers = {i: str(w.answer()) for i, w in self.indicator_items.items() if w.answer() in ANSWERS}
        consent_open = not isinstance(self.consent_choice, YesNoChoice) or self.consent_choice.value() is None
        first_open = next((q for q in questions if q not in answers), None)
        window = RespondentWindow(
            questions,
            language=self._respondent_lang,
            answers=answers,
            with_consent=consent_open and start_at is None,
            start_at=start_at or (None if consent_open else first_open),
            audio=audio,
            parent=self,
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.answered.connect(self._answered_by_respondent)
        window.consent_answered.connect(self._consent_by_respondent)
        window.destroyed.connect(lambda: setattr(self, "respondent_window", None))
        self.respondent_window = window
        window.open_for_person(self.window())

    @Slot(str, str, str)
    def _answered_by_respondent(self, item_id: str, answer: str, language: str) -> None:
        item = self.indicator_items.get(item_id)
        if item is not None:
            item.set_from_respondent(answer, language)

    @Slot(bool, str)
    def _consent_by_respondent(self, agrees: bool, language: str) -> None:
        if isinstance(self.consent_choice, YesNoChoice):
            self.consent_choice.set_value(agrees)
        self._editor.put("consent", "script_language", language)
        self._changed(("consent", "script_language"))

    # --- declined, finalise, amend ---------------------------------------------------------------

    @Slot()
    def record_declined(self) -> None:
        self._loading = True
        completed = self._form.fields[("interview", "completed")]
        completed.put(False)
        self._loading = False
        self._editor.add({"interview": {"declined": True, "completed": False}})
        self.flush()
        self._show_declined_recorded()

    def _show_declined_recorded(self) -> None:
        self.record_declined_button.setEnabled(False)
        self.record_declined_button.setText(self.tr("The refusal is recorded. You can close this screening."))

    def _apply_mode(self) -> None:
        editor = self._editor
        editable = editor.mode in ("draft", "amend")
        for form in self._form.page_forms.values():
            form.setEnabled(editable)
        self.header.show_mode()
        if hasattr(self, "finalise_box"):
            self.finalise_box.show_mode()
        if hasattr(self, "consent_choice"):
            self._update_gating()
        self.header.show_save_status()

    @property
    def passphrase_dialog(self) -> PassphraseDialog | None:
        return self.finalise_box.passphrase_dialog if hasattr(self, "finalise_box") else None

    def finalise(self, passphrase: str) -> None:
        """Save what is pending, check the passphrase and finalise, all on the worker in that order."""
        self.finalise_box.finalise(passphrase)

    @Slot()
    def _lock_for_finalising(self) -> None:
        self.flush()
        for form in self._form.page_forms.values():
            form.setEnabled(False)  # nothing typed meanwhile would be accepted by a final screening

    @Slot()
    def save_amendment(self) -> None:
        """One amendment: the changed sections, with the reason given, as a new version."""
        if self._editor.send_amendment():
            self.save_amendment_button.setEnabled(False)
            self.header.show_save_status()

    @Slot()
    def close_screen(self) -> None:
        """Save what is pending and tell the owner to close this screen."""
        self.flush()
        self.closed.emit()

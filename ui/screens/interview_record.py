"""The screening the interview screen edits: loading it, what is typed and not yet saved, and its saves.

Changes come in already checked. In a draft they are saved after a pause (``autosave_timer``), at
most one save in flight and later changes queued, through ``Screenings.save`` on the database worker
(the first save begins the screening); a failed save puts its changes back, before anything typed
since, to go with the next change or flush. A final screening takes no changes until amending starts
with a reason; the amendment is saved as one new version when the officer asks. Finalising checks
the passphrase and finalises on the worker, after the saves queued before it.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from fieldapp.errors import FieldAppError, Term, ValidationError
from fieldapp.records.finalise_review import FinaliseReview
from fieldapp.records.prefill import screening_prefill
from fieldapp.records.screenings import NOTHING_RECORDED, Screening, Screenings
from fieldapp.records.service import PersonRow
from fieldapp.screening import IndicatorSet, ScreeningResult, explain, load_set
from fieldapp.screening.plan import QuestionGroup
from fieldapp.vault.session import Session
from ui.errors import user_message
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)

AUTOSAVE_MS = 500

Changes = dict[str, dict[str, Any]]


@dataclass(frozen=True)
class Loaded:
    """What the screen needs before it can show anything, read in one go on the database worker."""

    person: PersonRow
    person_fields: dict[str, Any]
    screening: Screening | None
    main_set: IndicatorSet
    linked_set: IndicatorSet
    questions: tuple[QuestionGroup, ...]  # what the indicators step asks, in order
    last_step: str | None = None  # a draft: the step it was left at
    # A new screening's values from the operation and the intake, and where each came from ("section.name")
    prefill: Changes = field(default_factory=dict)
    prefill_sources: dict[str, Term] = field(default_factory=dict)


@dataclass(frozen=True)
class Explained:
    result: ScreeningResult
    lines: list[str]


class _IdBox:
    """The screening id, written on the worker by ``begin`` so a save queued behind it finds it."""

    def __init__(self, screening_id: str | None) -> None:
        self.id = screening_id


def combine(older: Changes, newer: Changes) -> Changes:
    """Two batches of changes as one; the newer value of a field wins."""
    out: Changes = {section: dict(fields) for section, fields in older.items()}
    for section, fields in newer.items():
        if section == "indicators":
            answers = dict(out.get(section, {}).get("answers", {}))
            answers.update(fields.get("answers", {}))
            out[section] = {"answers": answers}
        else:
            out.setdefault(section, {}).update(fields)
    return out


class ScreeningEditor(QObject):
    """One screening of one person, new (``screening_id=None``: begun by the first save) or reopened.

    ``mode`` is "draft", "final" or "amend". ``pending`` holds the checked changes not sent yet,
    ``invalid`` the fields whose value was refused (by field, the message), ``in_flight`` the batches
    sent to the worker and not back yet.
    """

    recorded = Signal(object)  # Screening, after each successful save, finalise or amendment
    state_changed = Signal()  # a save went out or failed: the save status follows
    failed = Signal(object)  # Exception: a save failed unexpectedly (a bug, for the crash hook)

    def __init__(
        self,
        *,
        screenings: Screenings,
        session: Session,
        runner: TaskRunner,
        person_id: str,
        screening_id: str | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._screenings = screenings
        self._session = session
        self._runner = runner
        self._person_id = person_id
        self._ids = _IdBox(screening_id)
        self._officer_name = session.officer.name
        self.screening: Screening | None = None
        self.mode = "draft"
        self.amend_reason = ""
        self.pending: Changes = {}
        self.prefill: Changes = {}  # shown in a new screening; saved with its first save (what is typed wins)
        self.invalid: dict[tuple[str, str], str] = {}
        self.in_flight: deque[Changes] = deque()
        self.save_error = ""
        self._resave = False

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setObjectName("autosave_timer")
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.save_now)

    @property
    def saved_id(self) -> str | None:
        """The id of the screening once begun (set on the worker, before the save comes back)."""
        return self._ids.id

    @property
    def screening_id(self) -> str | None:
        return self.screening.id if self.screening is not None else self._ids.id

    @property
    def has_unsaved_changes(self) -> bool:
        return bool(self.pending) or bool(self.in_flight) or bool(self.invalid)

    def load(self, on_done: Callable[[Loaded], None], on_error: Callable[[Exception], None]) -> None:
        """Read the person, the screening (if any) and the indicator sets it pins, on the worker.

        Asked for a new screening of a person who has one in progress, it opens that draft instead, at
        the step it was left: a second, blank screening beside it would split the interview in two."""
        screenings, person_id, ids = self._screenings, self._person_id, self._ids

        def load() -> Loaded:
            records = screenings.records
            person = records.person(person_id)
            fields = records.person_fields(person_id)
            draft = screenings.draft(person_id)
            if ids.id is None and draft is not None:
                ids.id = draft.screening_id
            screening = screenings.get(ids.id) if ids.id else None
            pins = screening.pins if screening is not None else screenings.pins_for(person_id)
            main = load_set(pins["set_id"], pins["set_version"])
            linked = load_set(pins["linked_set_id"], pins["linked_set_version"])
            step = draft.step if draft is not None and draft.screening_id == ids.id else None
            questions = screenings.questions(person_id, pins)
            prefill, sources = screening_prefill(records, person_id) if screening is None else ({}, {})
            return Loaded(person, fields, screening, main, linked, questions, step, prefill, sources)

        self._runner.run_db(load, on_done, on_error)

    def show(self, screening: Screening) -> None:
        """The screening as loaded: final or draft."""
        self.screening = screening
        self.mode = "final" if screening.status == "final" else "draft"

    # --- changes ---------------------------------------------------------------------------------

    def put(self, section: str, name: str, value: Any) -> None:
        self.pending.setdefault(section, {})[name] = value

    def drop(self, section: str, name: str) -> None:
        fields = self.pending.get(section)
        if fields is not None:
            fields.pop(name, None)
            if not fields:
                del self.pending[section]

    def answer(self, item_id: str, value: Any) -> None:
        self.pending.setdefault("indicators", {}).setdefault("answers", {})[item_id] = value

    def add(self, changes: Changes) -> None:
        self.pending = combine(self.pending, changes)

    # --- saving a draft --------------------------------------------------------------------------

    @Slot()
    def save_now(self, force: bool = False) -> None:
        if not self.pending or self.mode != "draft":
            return
        if self.in_flight and not force:
            self._resave = True  # the queued changes go once the save in flight is back
            return
        batch, self.pending = self.pending, {}
        ids, screenings, person_id = self._ids, self._screenings, self._person_id
        if ids.id is None and not self.in_flight:
            batch = combine(self.prefill, batch)
            now = datetime.now(UTC).replace(microsecond=0).isoformat()
            meta = batch.setdefault("meta", {})
            meta.setdefault("screened_at", now)
            meta.setdefault("officers", [self._officer_name])

        def save() -> Screening:
            if ids.id is None:
                screening = screenings.begin(person_id, sections=batch)
                ids.id = screening.id
                return screening
            return screenings.save(ids.id, batch)

        self.in_flight.append(batch)
        self.state_changed.emit()
        self._runner.run_db(save, self._on_saved, self._on_save_error)

    @Slot(object)
    def _on_saved(self, screening: Screening) -> None:
        self.in_flight.popleft()
        self.save_error = ""
        self.record(screening)
        if self._resave and not self.in_flight:
            self._resave = False
            self.save_now()

    @Slot(object)
    def _on_save_error(self, error: Exception) -> None:
        batch = self.in_flight.popleft()
        self.pending = combine(batch, self.pending)  # kept: retried with the next change or flush
        self._resave = False
        if isinstance(error, FieldAppError):
            self.save_error = user_message(error)
            logger.info("autosave refused: %s", error.code)
        else:
            self.save_error = self.tr("Saving failed unexpectedly.")
            self.failed.emit(error)
        self.state_changed.emit()

    def record(self, screening: Screening) -> None:
        """A new version is in the vault."""
        self.screening = screening
        self._ids.id = screening.id
        self.recorded.emit(screening)

    # --- finalising and amending -----------------------------------------------------------------

    def send_finalise(
        self,
        passphrase: str,
        on_done: Callable[[Screening], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        """Check the passphrase and finalise on the worker, after the saves queued before."""
        ids, session, screenings = self._ids, self._session, self._screenings

        def work() -> Screening:
            session.verify_passphrase(passphrase)
            if ids.id is None:
                raise ValidationError(NOTHING_RECORDED)
            screenings.finalise(ids.id)
            return screenings.get(ids.id)

        self._runner.run_db(work, on_done, on_error)

    def send_review(
        self, on_done: Callable[[FinaliseReview], None], on_error: Callable[[Exception], None]
    ) -> None:
        """What finalising would sign and what does not fit together, read after the saves queued before."""
        ids, screenings = self._ids, self._screenings

        def work() -> FinaliseReview:
            if ids.id is None:
                raise ValidationError(NOTHING_RECORDED)
            return screenings.review(ids.id)

        self._runner.run_db(work, on_done, on_error)

    def remember_step(self, step: str) -> None:
        """A draft reopened resumes at this step (queued after the saves, so a new screening has its id)."""
        if self.mode != "draft":
            return
        ids, screenings = self._ids, self._screenings

        def remember() -> None:
            if ids.id is not None:  # nothing typed yet: no screening to remember a step of
                screenings.remember_step(ids.id, step)

        self._runner.run_db(remember)

    def finalised(self, screening: Screening) -> None:
        self.mode = "final"
        self.record(screening)

    def start_amending(self, reason: str) -> None:
        self.amend_reason = reason
        self.mode = "amend"

    def send_amendment(self) -> bool:
        """One amendment: the changed sections, with the reason given, as a new version; False when
        there is nothing to send (or it cannot go now)."""
        if self.mode != "amend" or not self.pending or self.invalid or self.in_flight:
            return False
        batch, self.pending = self.pending, {}
        screening_id, reason, screenings = self._ids.id, self.amend_reason, self._screenings
        assert screening_id is not None

        def work() -> Screening:
            return screenings.amend(screening_id, batch, reason)

        self.in_flight.append(batch)
        self._runner.run_db(work, self._on_amended, self._on_save_error)
        return True

    @Slot(object)
    def _on_amended(self, screening: Screening) -> None:
        self.in_flight.popleft()
        self.save_error = ""
        self.mode = "final"
        self.amend_reason = ""
        self.record(screening)

    # --- outcome ---------------------------------------------------------------------------------

    def explain(
        self, lang: str, on_done: Callable[[Explained], None], on_error: Callable[[Exception], None]
    ) -> None:
        """The outcome of the saved screening and its explanation in ``lang``, worked out on the worker."""
        screening_id = self._ids.id
        if screening_id is None:
            return
        screenings = self._screenings

        def work() -> Explained:
            result = screenings.explanation(screening_id)
            return Explained(result, explain(result, lang))

        self._runner.run_db(work, on_done, on_error)

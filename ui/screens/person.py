"""One person: identity at a glance, their screenings, the way into the interview, and the handover.

A person who is, or may be, under 18 gets the child alert under their name. Their registration details
are corrected here (edited while a draft, amended with a reason once final) and their history shows
every change. A screening in progress is continued, at the step it was left, never begun again.
"""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.photos.service import Photos
from fieldapp.records.handovers import Handover, Handovers
from fieldapp.records.screenings import DraftScreening, Screening, Screenings
from fieldapp.records.service import PersonRow, Records
from ui.errors import show_error
from ui.models.persons import outcome_label, sex_label, status_label
from ui.naming import named
from ui.screens.drafts import continue_draft_text, draft_step_text, new_screening_text
from ui.screens.handover import HandoverDialog
from ui.screens.history import HistoryDialog
from ui.screens.person_details import PersonDetailsDialog
from ui.screens.photos import PhotosPanel
from ui.screens.printing import PdfJob, PdfOutput, handover_job
from ui.tasks import TaskRunner
from ui.widgets.child_alert import ChildAlert
from ui.widgets.country_field import country_label, language_labels
from ui.widgets.person_links import LinksPanel
from ui.widgets.person_protection import ProtectionPanel


class PersonPage(QWidget):
    """Emits ``screen_requested(person_id, screening_id)`` (empty id: a new screening) and ``back``."""

    screen_requested = Signal(str, str)
    back = Signal()

    def __init__(
        self, *, records: Records, screenings: Screenings, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person_page")
        self._records, self._screenings, self._runner = records, screenings, runner
        self.person_id = ""
        self.person: PersonRow | None = None
        self._fields: dict[str, Any] = {}
        self.draft: DraftScreening | None = None
        self._team_lead = records.session.officer.has_role("team_lead")
        self.details_dialog: PersonDetailsDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self.child_alert = ChildAlert()
        self.title = named(QLabel(), "person_title")
        font = QFont(self.title.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QFormLayout()
        self.screening_list = named(QListWidget(), "person_screenings")
        self.screening_list.setAccessibleName(self.tr("Screenings"))
        self.screening_list.itemActivated.connect(
            lambda item: self.screen_requested.emit(self.person_id, item.data(Qt.ItemDataRole.UserRole))
        )
        self.new_screening = named(
            QPushButton(
                self.tr("&Screen this person"),
            ),
            "person_new_screening",
        )
        self.new_screening.clicked.connect(self.start_screening)
        self.edit_button = named(QPushButton(self.tr("&Edit details…")), "person_edit")
        self.edit_button.clicked.connect(self.edit_details)
        self.history_button = named(QPushButton(self.tr("Histor&y…")), "person_history")
        self.history_button.clicked.connect(self.show_history)
        back = named(
            QPushButton(
                self.tr("&Back to the list"),
            ),
            "person_back",
        )
        back.clicked.connect(self.back)
        self.photos = PhotosPanel(records=records, screenings=screenings, runner=runner)
        self.links = LinksPanel(records=records, runner=runner)
        self.protection = ProtectionPanel(records=records, runner=runner)
        self._handovers = Handovers(records)
        self._photo_service = Photos(records)
        self.handovers: list[Handover] = []
        self.handover_dialog: HandoverDialog | None = None
        self._detached = False  # locking: nothing more may be queued for the vault
        self.output = PdfOutput(self, runner=runner, session=records.session)
        self.handover_list = named(QListWidget(), "person_handovers")
        self.handover_list.setAccessibleName(self.tr("Handovers"))
        self.handover_list.setMaximumHeight(90)
        self.handover_list.itemActivated.connect(self._open_item)
        self.handover_list.currentRowChanged.connect(self._update_handover_buttons)
        self.handover_button = named(QPushButton(self.tr("&New handover…")), "person_handover")
        self.handover_button.clicked.connect(self.open_handover)
        self.handover_print = named(QPushButton(self.tr("&Print form…")), "person_handover_print")
        self.handover_print.clicked.connect(self.print_handover)
        self.handover_save_pdf = named(QPushButton(self.tr("Save form as P&DF…")), "person_handover_save_pdf")
        self.handover_save_pdf.clicked.connect(self.save_handover_pdf)
        handover_buttons = QHBoxLayout()
        for button in (self.handover_button, self.handover_print, self.handover_save_pdf):
            handover_buttons.addWidget(button)
        handover_buttons.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_screening)
        buttons.addStretch(1)
        buttons.addWidget(back)
        record_buttons = QHBoxLayout()
        record_buttons.addWidget(self.edit_button)
        record_buttons.addWidget(self.history_button)
        record_buttons.addStretch(1)
        # Everything about the person scrolls; screening and going back stay in view on a small screen.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.child_alert)
        layout.addLayout(self.details)
        layout.addLayout(record_buttons)
        layout.addWidget(self.photos)
        layout.addWidget(self.links)
        layout.addWidget(self.protection)
        layout.addWidget(QLabel(self.tr("Screenings")))
        layout.addWidget(self.screening_list)
        layout.addWidget(QLabel(self.tr("Handover")))
        layout.addWidget(self.handover_list)
        layout.addLayout(handover_buttons)
        layout.addStretch(1)
        scroll = named(QScrollArea(), "person_scroll")
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QVBoxLayout(self)
        page.addWidget(scroll, 1)
        page.addLayout(buttons)
        self._update_handover_buttons()

    def show_person(self, person_id: str) -> None:
        self.person_id = person_id
        records, screenings = self._records, self._screenings
        self._runner.run_db(
            lambda: (
                records.person(person_id),
                records.person_fields(person_id),
                screenings.for_person(person_id),
                screenings.draft(person_id),
            ),
            self._on_loaded,
            self._on_error,
        )
        self.photos.show_person(person_id)
        self.links.show_person(person_id)
        self.protection.show_person(person_id)
        self.load_handovers()

    def _on_error(self, error: Exception) -> None:
        show_error(self, error)

    def _on_loaded(
        self, loaded: tuple[PersonRow, dict[str, Any], list[Screening], DraftScreening | None]
    ) -> None:
        person, fields, screenings, draft = loaded
        if person.id != self.person_id:
            return  # another person was opened meanwhile
        self.person, self._fields, self.draft = person, fields, draft
        self.child_alert.show_for(person.minor)
        self.title.setText(f"{person.temp_id}   {person.name}   {person.name_own}".strip())
        while self.details.rowCount():
            self.details.removeRow(0)
        age = (
            ""
            if person.age is None
            else str(person.age) + (self.tr(" (estimated)") if fields.get("age_uncertain") else "")
        )
        for label, value in (
            (self.tr("Nationality"), country_label(person.nationality)),
            (self.tr("Sex"), sex_label(person.sex)),
            (self.tr("Age"), age),
            (self.tr("Languages"), language_labels(fields.get("languages") or [])),
            (self.tr("Passport / ID no."), person.document_no),
            (self.tr("Urgent needs"), fields.get("urgent_needs", "")),
            (
                self.tr("Record"),
                self.tr("{status}, version {version}").format(
                    status=status_label(person.status), version=person.version
                ),
            ),
        ):
            value_label = QLabel(value or "—")
            value_label.setWordWrap(True)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.details.addRow(label, value_label)
        self.screening_list.clear()
        for screening in screenings:
            text = self.tr("{outcome} — {status}, version {version}").format(
                outcome=outcome_label(screening.outcome),
                status=status_label(screening.status),
                version=screening.version,
            )
            if draft is not None and screening.id == draft.screening_id:
                text += " — " + draft_step_text(draft.step, self._team_lead)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, screening.id)
            self.screening_list.addItem(item)
        self.new_screening.setText(
            continue_draft_text(draft.step, self._team_lead)
            if draft is not None
            else new_screening_text(bool(screenings))
        )
        self._update_record_buttons()

    # --- screening --------------------------------------------------------------------------------

    def start_screening(self) -> None:
        """Continue the draft screening if there is one (at its step); otherwise begin a new one."""
        self.screen_requested.emit(self.person_id, self.draft.screening_id if self.draft else "")

    # --- registration details and history ---------------------------------------------------------

    def _update_record_buttons(self) -> None:
        person = self.person
        final = person is not None and person.status == "final"
        editable = person is not None and person.status in ("draft", "final")
        self.edit_button.setText(self.tr("A&mend details…") if final else self.tr("&Edit details…"))
        allowed = editable and (not final or self._team_lead)
        self.edit_button.setEnabled(allowed)
        if final and not self._team_lead:
            self.edit_button.setToolTip(self.tr("Only a team lead can amend a final record."))
        elif person is not None and not editable:
            self.edit_button.setToolTip(
                self.tr("This record is {status}: it can no longer be changed.").format(
                    status=status_label(person.status)
                )
            )
        else:
            self.edit_button.setToolTip("")
        self.history_button.setEnabled(person is not None)

    def edit_details(self) -> None:
        person = self.person
        if person is None or not self.edit_button.isEnabled():
            return
        dialog = PersonDetailsDialog(
            records=self._records,
            runner=self._runner,
            person_id=person.id,
            fields=self._fields,
            final=person.status == "final",
            parent=self,
        )
        dialog.saved.connect(lambda _version: self.show_person(person.id))
        dialog.finished.connect(functools.partial(self._dialog_closed, dialog))
        self.details_dialog = dialog
        dialog.open()

    def show_history(self) -> None:
        person, records = self.person, self._records
        if person is None:
            return
        self._runner.run_db(lambda: records.history("person", person.id), self._on_history, self._on_error)

    def _on_history(self, entries: list[Any]) -> None:
        if self._detached or self.person is None:
            return
        title = self.tr("History of {temp_id}").format(temp_id=self.person.temp_id)
        dialog = HistoryDialog(title, entries, self)
        dialog.finished.connect(functools.partial(self._dialog_closed, dialog))
        self.history_dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: QWidget, _result: int) -> None:
        if dialog is self.details_dialog:
            self.details_dialog = None
        if dialog is self.history_dialog:
            self.history_dialog = None
        dialog.deleteLater()

    # --- handover ---------------------------------------------------------------------------------

    def load_handovers(self) -> None:
        if self._detached:
            return
        handovers, person_id = self._handovers, self.person_id
        self._runner.run_db(lambda: handovers.for_person(person_id), self._on_handovers, self._on_error)

    def _on_handovers(self, handovers: list[Handover]) -> None:
        current = self.selected_handover()
        self.handovers = handovers
        self.handover_list.clear()
        for handover in handovers:
            d = handover.data
            kind = HandoverDialog.receiving_label(d["receiving_type"]) if d.get("receiving_type") else ""
            country = country_label(d.get("receiving_country", ""))
            body = " ".join(x for x in (kind, country, d.get("receiving_name", "")) if x)
            text = self.tr("{reference} — {status}, version {version} — to {body}").format(
                reference=handover.reference_no,
                status=status_label(handover.status),
                version=handover.version,
                body=body or self.tr("(receiving body not given yet)"),
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, handover.id)
            self.handover_list.addItem(item)
            if current is not None and handover.id == current.id:
                self.handover_list.setCurrentItem(item)
        self._update_handover_buttons()

    def selected_handover(self) -> Handover | None:
        """The handover picked in the list; else the draft in progress; else the latest final one."""
        row = self.handover_list.currentRow()
        if 0 <= row < len(self.handovers):
            return self.handovers[row]
        drafts = [h for h in self.handovers if h.status == "draft"]
        return drafts[-1] if drafts else (self.handovers[-1] if self.handovers else None)

    def _draft(self) -> Handover | None:
        drafts = [h for h in self.handovers if h.status == "draft"]
        return drafts[-1] if drafts else None

    def _update_handover_buttons(self, *_: object) -> None:
        draft = self._draft()
        self.handover_button.setText(self.tr("Co&ntinue handover…") if draft else self.tr("&New handover…"))
        has_any = bool(self.handovers)
        self.handover_print.setEnabled(has_any)
        self.handover_save_pdf.setEnabled(has_any)
        selected = self.selected_handover()
        tip = (
            self.tr("A draft prints marked DRAFT, with no verification code.")
            if selected is not None and selected.status == "draft"
            else ""
        )
        self.handover_print.setToolTip(tip)
        self.handover_save_pdf.setToolTip(tip)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_handover(str(item.data(Qt.ItemDataRole.UserRole)))

    def open_handover(self, handover_id: str | bool = "") -> None:
        """Open a handover (default: the draft in progress, or a new one)."""
        if not isinstance(handover_id, str) or not handover_id:
            draft = self._draft()
            handover_id = draft.id if draft else ""
        self.flush()
        if self.handover_dialog is not None:
            self.handover_dialog.close()
            self.handover_dialog.deleteLater()
        dialog = HandoverDialog(
            records=self._records,
            runner=self._runner,
            person_id=self.person_id,
            handover_id=handover_id or None,
            parent=self,
        )
        dialog.changed.connect(self.load_handovers)
        dialog.finished.connect(functools.partial(self._handover_closed, dialog))
        self.handover_dialog = dialog
        dialog.open()

    def _handover_closed(self, dialog: HandoverDialog, _result: int) -> None:
        if self.handover_dialog is dialog:
            self.handover_dialog = None
            dialog.deleteLater()
        self.load_handovers()

    def flush(self) -> None:
        """Save what is typed in an open handover (queued now, so ahead of anything queued later)."""
        if self.handover_dialog is not None:
            self.handover_dialog.flush()

    def detach(self) -> None:
        """Before a lock: save what is typed in an open handover, then queue nothing more; close the
        details and history dialogs (a correction not saved yet is dropped: it is not a draft)."""
        self.flush()
        if self.handover_dialog is not None:
            self.handover_dialog.detach()
        for dialog in (self.details_dialog, self.history_dialog):
            if dialog is not None:
                dialog.reject()
        self._detached = True

    def _with_job(self, then: str) -> None:
        handover = self.selected_handover()
        if handover is None:
            return
        session, handovers, photos = self._records.session, self._handovers, self._photo_service
        self._runner.run_db(
            lambda: handover_job(session, handovers, photos, handover.id),
            functools.partial(self._job_ready, then),
            self._on_error,
        )

    def _job_ready(self, then: str, job: PdfJob) -> None:
        if then == "print":
            self.output.print_job(job)
        else:
            self.output.save_as(job)

    def print_handover(self) -> None:
        self._with_job("print")

    def save_handover_pdf(self) -> None:
        self._with_job("save")

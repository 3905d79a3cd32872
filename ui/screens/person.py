"""One person: identity at a glance, their screenings, the way into the interview, and the handover."""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.photos.service import Photos
from fieldapp.records.handovers import Handover, Handovers
from fieldapp.records.screenings import Screening, Screenings
from fieldapp.records.service import Records
from ui.errors import show_error
from ui.models.persons import outcome_label, sex_label, status_label
from ui.naming import named
from ui.screens.handover import HandoverDialog
from ui.screens.photos import PhotosPanel
from ui.screens.printing import PdfJob, PdfOutput, handover_job
from ui.tasks import TaskRunner
from ui.widgets.country_field import country_label, language_labels


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
        self.new_screening.clicked.connect(lambda: self.screen_requested.emit(self.person_id, ""))
        back = named(
            QPushButton(
                self.tr("&Back to the list"),
            ),
            "person_back",
        )
        back.clicked.connect(self.back)
        self.photos = PhotosPanel(records=records, screenings=screenings, runner=runner)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.details)
        layout.addWidget(self.photos)
        layout.addWidget(QLabel(self.tr("Screenings")))
        layout.addWidget(self.screening_list)
        layout.addWidget(QLabel(self.tr("Handover")))
        layout.addWidget(self.handover_list)
        layout.addLayout(handover_buttons)
        layout.addLayout(buttons)
        self._update_handover_buttons()

    def show_person(self, person_id: str) -> None:
        self.person_id = person_id
        records, screenings = self._records, self._screenings
        self._runner.run_db(
            lambda: (
                records.person(person_id),
                records.person_fields(person_id),
                screenings.for_person(person_id),
            ),
            self._on_loaded,
            self._on_error,
        )
        self.photos.show_person(person_id)
        self.load_handovers()

    def _on_error(self, error: Exception) -> None:
        show_error(self, error)

    def _on_loaded(self, loaded: tuple[Any, dict[str, Any], list[Screening]]) -> None:
        person, fields, screenings = loaded
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
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, screening.id)
            self.screening_list.addItem(item)
        self.new_screening.setText(self.tr("&Screen again") if screenings else self.tr("&Screen this person"))

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
        self.handover_button.setText(self.tr("&Continue handover…") if draft else self.tr("&New handover…"))
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
        """Before a lock: save what is typed in an open handover, then queue nothing more."""
        self.flush()
        if self.handover_dialog is not None:
            self.handover_dialog.detach()
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

"""Hand a person over (docs/records.md): the draft form, the team lead's hand-over, the printed form.

The dialog edits one handover record. Nothing is written until the officer types: the first change
creates the draft (``Handovers.draft``), later ones update it with what changed, after a short pause
(autosave), on Save, on closing and on lock (``flush()``, called by the person page before the
session closes; saves are queued on the database worker in order, so the close runs after them).

"Hand over" is for a team lead (a screener sees it disabled, with the reason as tooltip): it saves,
asks the officer's passphrase, then on the worker checks it, finalises (the core refuses with a
plain list of what is missing), and issues the form (rendered, stored in the vault with the version
it shows, signed event) in one go; then Print / Preview / Save as PDF are offered.

The form's fields and property table are ``ui.screens.handover_form.HandoverForm``. A new handover
starts from what was recorded (``fieldapp.records.prefill``: the operation, the intake, the screening),
shown as filled in for the officer to confirm or change; so does any field a draft never had. The consent
to share follows the receiving body chosen, as the screening recorded it, until the officer sets it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ValidationError
from fieldapp.photos.service import Photos
from fieldapp.records.consent import ConsentMissing
from fieldapp.records.handovers import Handover, Handovers
from fieldapp.records.links import separations
from fieldapp.records.prefill import FROM_SCREENING, Prefill, handover_prefill
from fieldapp.records.service import Records
from fieldapp.reference.receiving_bodies import HQ_DIRECTORY_META, ReceivingBody, bodies
from fieldapp.reports.issued import Issued, IssuedDocuments
from fieldapp.vault.session import Session
from ui.errors import show_error, translated, user_message
from ui.naming import named
from ui.screens.handover_form import HandoverForm
from ui.screens.pdf_jobs import PdfJob, consented_portrait, handover_job, page_count
from ui.screens.printing import PdfOutput
from ui.screens.referral import ReferralDialog
from ui.tasks import TaskRunner
from ui.widgets.fit_screen import fit_to_screen
from ui.widgets.prefilled import PREFILLED_STYLE

logger = logging.getLogger(__name__)

AUTOSAVE_MS = 1500


def _tr(text: str) -> str:
    return QCoreApplication.translate("HandoverDialog", text)


AskPassphrase = Callable[[QWidget, Callable[[str], None]], None]


def ask_passphrase(parent: QWidget, answer: Callable[[str], None]) -> None:
    """Ask the signed-in officer's passphrase (no nested event loop); ``answer`` only on OK."""
    dialog = named(QInputDialog(parent), "handover_passphrase")
    dialog.setWindowTitle(_tr("Hand over"))
    dialog.setLabelText(_tr("Type your passphrase to sign the handover. It cannot be undone, only amended."))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.textValueSelected.connect(answer)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def ask_override_reason(parent: QWidget, refusal: str, answer: Callable[[str], None]) -> None:
    """Show why consent is missing and ask the team lead's written reason to go ahead anyway; ``answer``
    only on OK with a reason (an empty reason is no reason: nothing happens)."""
    dialog = named(QInputDialog(parent), "handover_override")
    dialog.setWindowTitle(_tr("Consent missing"))
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setLabelText(
        refusal
        + "\n\n"
        + _tr(
            "To hand over anyway, write why (it is signed with the handover and printed on every copy of "
            "the form). Otherwise cancel."
        )
    )
    dialog.textValueSelected.connect(lambda text: answer(text.strip()) if text.strip() else None)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


@dataclass(frozen=True)
class Loaded:
    """What the dialog needs: the handover (None: not drafted yet) and what was already recorded."""

    handover: Handover | None
    person_label: str
    prefill: Prefill
    bodies: list[ReceivingBody]  # HQ's directory of receiving bodies (the bundled one before enrolment)


@dataclass(frozen=True)
class HandedOver:
    handover: Handover
    job: PdfJob


class _Ids:
    """The handover id, set on the worker by the save that drafts it (later saves queued behind it
    read it there: the worker runs tasks in order)."""

    def __init__(self, handover_id: str | None) -> None:
        self.id = handover_id


class HandoverDialog(QDialog):
    """Edit a person's handover. ``changed`` is emitted after each save and after handing over."""

    changed = Signal()

    def __init__(
        self,
        *,
        records: Records,
        runner: TaskRunner,
        person_id: str,
        handover_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handover_dialog")
        self.setWindowTitle(self.tr("Hand over"))
        self._records = records
        self._session: Session = records.session
        self._handovers = Handovers(records)
        self._photos = Photos(records)
        self._runner = runner
        self.person_id = person_id
        self._ids = _Ids(handover_id)
        self.handover: Handover | None = None
        self._sent: dict[str, Any] = {}  # the fields as queued to the worker (what the record will hold)
        self._loading = True
        self._detached = False
        self.ask_passphrase: AskPassphrase = ask_passphrase
        self.ask_override_reason = ask_override_reason
        self.output = PdfOutput(self, runner=runner, session=self._session)
        self.job: PdfJob | None = None
        self.referral_dialog: ReferralDialog | None = None
        self.can_hand_over = self._session.officer.has_role("team_lead")

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.save)

        self.person_label = named(QLabel(), "handover_person")
        self.person_label.setWordWrap(True)
        font = self.person_label.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.person_label.setFont(font)
        self.status_label = named(QLabel(), "handover_status")
        self.status_label.setWordWrap(True)
        self.missing_label = named(QLabel(), "handover_missing")
        self.missing_label.setWordWrap(True)
        self.missing_label.setStyleSheet("color: #8a4b00")
        self.prefill_note = named(
            QLabel(
                self.tr(
                    "Fields in yellow were filled in from what was already recorded (the operation, the "
                    "intake, the screening). Check each one with the person and change what is wrong."
                )
            ),
            "handover_prefill_note",
        )
        self.prefill_note.setWordWrap(True)
        self.prefill_note.setStyleSheet(f"QLabel {{ {PREFILLED_STYLE} padding: 4px; }}")
        self.prefill_note.setVisible(False)
        self.prefill = Prefill()

        self.form = HandoverForm()
        self.form.edited.connect(self._edited)
        self.form.receiving_type.currentIndexChanged.connect(self._follow_sharing_consent)
        # the form's widgets, under the names the dialog has always offered
        form = self.form
        self.inputs, self.notes, self.flags, self.items = form.inputs, form.notes, form.flags, form.items
        self.date_time, self.receiving_type = form.date_time, form.receiving_type
        self.add_item_button, self.remove_item_button = form.add_item_button, form.remove_item_button

        self.save_button = named(QPushButton(self.tr("&Save draft")), "handover_save")
        self.save_button.clicked.connect(self.save)
        self.hand_over_button = named(QPushButton(self.tr("&Hand over…")), "handover_hand_over")
        self.hand_over_button.clicked.connect(self.hand_over)
        if not self.can_hand_over:
            self.hand_over_button.setEnabled(False)
            self.hand_over_button.setToolTip(
                self.tr("Only a team lead can hand a person over. You can fill in and save the draft.")
            )
        self.print_button = named(QPushButton(self.tr("&Print…")), "handover_print")
        self.print_button.clicked.connect(self.print_form)
        self.preview_button = named(QPushButton(self.tr("Pre&view…")), "handover_preview")
        self.preview_button.clicked.connect(self.preview_form)
        self.save_pdf_button = named(QPushButton(self.tr("Save as P&DF…")), "handover_save_pdf")
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.referral_button = named(QPushButton(self.tr("Referral stat&us…")), "handover_referral")
        self.referral_button.setToolTip(
            self.tr(
                "Record that the receiving body received or refused the person (their officer signs here)"
            )
        )
        self.referral_button.clicked.connect(self.open_referral)
        close = named(QPushButton(self.tr("&Close")), "handover_close")
        close.clicked.connect(self.close)

        self._build_layout(close)
        self._set_editable(False)
        self._show_outputs(False)
        fit_to_screen(self, 760, 820)  # the form scrolls; the buttons stay on a 768-pixel screen
        self._load()

    receiving_label = staticmethod(HandoverForm.receiving_label)

    def _build_layout(self, close: QPushButton) -> None:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        buttons = QHBoxLayout()
        for button in (
            self.save_button,
            self.hand_over_button,
            self.print_button,
            self.preview_button,
            self.save_pdf_button,
            self.referral_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.person_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.prefill_note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.missing_label)
        layout.addLayout(buttons)

    # --- loading ----------------------------------------------------------------------------------

    def _load(self) -> None:
        records, handovers, session = self._records, self._handovers, self._session
        person_id, handover_id = self.person_id, self._ids.id

        def load() -> Loaded:
            person = records.person(person_id)
            handover = handovers.get(handover_id) if handover_id else None
            prefill = handover_prefill(records, person_id, session.officer.name)
            label = "   ".join(x for x in (person.temp_id, person.name, person.name_own) if x)
            return Loaded(handover, label, prefill, bodies(session.meta(HQ_DIRECTORY_META)))

        self._runner.run_db(load, self._on_loaded, self._on_error)

    def _on_loaded(self, loaded: Loaded) -> None:
        self.person_label.setText(loaded.person_label)
        self.prefill = loaded.prefill
        self.form.bodies = loaded.bodies
        handover = loaded.handover
        self._loading = True
        try:
            if handover is None:
                self.form.fill(loaded.prefill.values)
                self._sent = {}
                missing = set(loaded.prefill.values)
            else:
                self.form.fill(handover.data)
                self._sent = self.fields()
                # what this draft never had (recorded since it was drafted) is filled in, to be saved
                missing = (
                    set() if handover.status != "draft" else set(loaded.prefill.values) - set(handover.data)
                )
            for name in sorted(missing):
                self.form.put(name, loaded.prefill.values[name])
                self.form.mark_prefilled(name, translated(loaded.prefill.sources[name]))
            if handover is None or (handover.status == "draft" and "consent_sharing" not in handover.data):
                self._follow_sharing_consent()
        finally:
            self._loading = False
        self._set_handover(handover)
        self.prefill_note.setVisible(bool(self.form.prefilled))
        if handover is None:
            self.status_label.setText(self.tr("New handover: it is saved as a draft as soon as you type."))
        elif missing:
            self._edited()  # the values filled in are saved with the draft, after the usual pause

    @Slot()
    def _follow_sharing_consent(self) -> None:
        """The consent to share with the body chosen, as the screening recorded it, unless the officer
        has set it here."""
        sharing = self.form.flags["consent_sharing"]
        final = self.handover is not None and self.handover.status != "draft"
        if (
            final
            or self.form.filling
            or ("consent_sharing" not in self.form.prefilled and sharing.currentData() is not None)
        ):
            return
        recorded = self.prefill.sharing_for(str(self.form.receiving_type.currentData() or ""))
        self.form.put("consent_sharing", recorded)
        if recorded is None:
            self.form.unmark("consent_sharing")
        else:
            self.form.mark_prefilled("consent_sharing", translated(FROM_SCREENING))
        self.prefill_note.setVisible(bool(self.form.prefilled))

    def _set_handover(self, handover: Handover | None) -> None:
        self.handover = handover
        final = handover is not None and handover.status != "draft"
        self._set_editable(not final)
        self._show_outputs(handover is not None)
        if handover is None:
            return
        if final:
            self.status_label.setText(
                self.tr("{reference}: handed over, version {version}. The form is kept in the vault.").format(
                    reference=handover.reference_no, version=handover.version
                )
            )
        else:
            self.status_label.setText(
                self.tr("{reference}: draft, saved.").format(reference=handover.reference_no)
            )
        self._update_missing()

    def _set_editable(self, editable: bool) -> None:
        self.form.set_editable(editable)
        self.save_button.setEnabled(editable)
        self.hand_over_button.setVisible(editable)
        if editable and self.can_hand_over:
            self.hand_over_button.setEnabled(True)

    def _show_outputs(self, shown: bool) -> None:
        for button in (self.print_button, self.preview_button, self.save_pdf_button):
            button.setVisible(shown)
        self.referral_button.setVisible(self.handover is not None and self.handover.status != "draft")

    @Slot()
    def open_referral(self) -> None:
        if self.handover is None:
            return
        dialog = ReferralDialog(
            records=self._records, runner=self._runner, handover_id=self.handover.id, parent=self
        )
        dialog.changed.connect(self.changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.referral_dialog = dialog

    @Slot()
    def _update_missing(self) -> None:
        if self.handover is not None and self.handover.status != "draft":
            self.missing_label.clear()
            return
        probe = Handover(self._ids.id or "", self.person_id, "draft", 0, self.fields())
        needs = self._handovers.missing(probe)  # a pure check of the fields: no database access
        self.missing_label.setText(
            self.tr("Still needed before handing over: {needs}.").format(needs=translated(needs))
            if needs
            else ""
        )

    # --- the property table -----------------------------------------------------------------------
    # --- saving -----------------------------------------------------------------------------------

    def fields(self) -> dict[str, Any]:
        """The handover fields as the form shows them now (the core's names and values)."""
        return self.form.fields()

    def item_rows(self) -> list[dict[str, Any]]:
        return self.form.item_rows()

    def pending(self) -> dict[str, Any]:
        """What changed since the last save was queued."""
        return {k: v for k, v in self.fields().items() if self._sent.get(k) != v}

    @Slot()
    def _edited(self, *_: object) -> None:
        if self._loading or (self.handover is not None and self.handover.status != "draft"):
            return
        self.autosave_timer.start()
        self._update_missing()

    @Slot()
    def save(self) -> None:
        """Queue the changes (drafting the handover on the first one); returns at once."""
        self.autosave_timer.stop()
        if self._detached or self._loading or (self.handover is not None and self.handover.status != "draft"):
            return
        changes = self.pending()
        if not changes:
            return
        self._sent = {**self._sent, **changes}
        handovers, ids, person_id = self._handovers, self._ids, self.person_id

        def work() -> Handover:
            if ids.id is None:  # the first save sends every field (nothing was sent before)
                handover = handovers.draft(person_id, **changes)
                ids.id = handover.id
                return handover
            return handovers.update(ids.id, **changes)

        self._runner.run_db(work, self._on_saved, self._on_save_failed)

    def _on_saved(self, handover: Handover) -> None:
        if self.handover is None or self.handover.status == "draft":
            self._set_handover(handover)
        self.changed.emit()

    def _on_save_failed(self, error: Exception) -> None:
        # What was not saved is still in the form: mark it pending again so the next save sends it.
        handover = self.handover
        self._sent = dict(handover.data) if handover is not None else {}
        show_error(self, error)

    def flush(self) -> None:
        """Save what is pending now (before a lock or closing); never waits."""
        self.save()

    def detach(self) -> None:
        """Locking: what was typed is queued already (``flush``); nothing more goes to the vault."""
        self.autosave_timer.stop()
        self._detached = True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.flush()
        super().done(result)

    # --- handing over -----------------------------------------------------------------------------

    @Slot()
    def hand_over(self) -> None:
        if not self.can_hand_over:
            return
        self.save()
        conn, person_id, fields = self._records.conn, self.person_id, self.fields()
        self._runner.run_db(
            lambda: separations(conn, person_id, fields),
            self._confirm_together,
            lambda e: show_error(self, e),
        )

    def _confirm_together(self, separated: list[ValidationError]) -> None:
        """Linked persons handed over elsewhere: say so, and go on only if the team lead says so."""
        if not separated:
            self.ask_passphrase(self, self._hand_over_with)
            return
        box = named(
            QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Kept together?"),
                "\n\n".join(user_message(s) for s in separated),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                self,
            ),
            "handover_separated",
        )
        go_on = box.button(QMessageBox.StandardButton.Yes)
        go_on.setText(self.tr("Hand over all the same"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(
            lambda clicked: self.ask_passphrase(self, self._hand_over_with) if clicked is go_on else None
        )
        box.finished.connect(box.deleteLater)
        box.open()

    def _hand_over_with(self, passphrase: str, override_reason: str = "") -> None:
        if not passphrase:
            return
        session, handovers, photos, ids = self._session, self._handovers, self._photos, self._ids
        person_id = self.person_id
        self.hand_over_button.setEnabled(False)
        self.status_label.setText(self.tr("Handing over and printing the form into the vault…"))

        def work() -> HandedOver:
            session.verify_passphrase(passphrase)
            if ids.id is None:
                ids.id = handovers.draft(person_id).id
            draft = handovers.get(ids.id)
            portrait = consented_portrait(photos, person_id)
            if portrait is not None and not handovers.missing(draft) and draft.status == "draft":
                handovers.update(ids.id, portrait_sha256=portrait[0])
            if override_reason:
                handovers.update(ids.id, consent_override_reason=override_reason)
            handovers.hand_over(ids.id)
            issued: Issued = IssuedDocuments(session).issue_handover(
                handovers, ids.id, portrait[1] if portrait else None
            )
            handover = handovers.get(ids.id)
            title = _tr("Handover form {reference}, version {version}").format(
                reference=handover.reference_no, version=handover.version
            )
            name = f"{handover.reference_no}-v{handover.version}.pdf"
            job = PdfJob(issued.pdf, title, name, page_count(issued.pdf), "handover", (handover.person_id,))
            return HandedOver(handover, job)

        def failed(error: Exception) -> None:
            if isinstance(error, ConsentMissing) and not override_reason:
                self._on_hand_over_failed(error, shown=False)
                self.ask_override_reason(
                    self, user_message(error), functools.partial(self._hand_over_with, passphrase)
                )
            else:
                self._on_hand_over_failed(error)

        self._runner.run_db(work, self._on_handed_over, failed)

    def _on_handed_over(self, done: HandedOver) -> None:
        self.job = done.job
        self._sent = dict(done.handover.data)
        self._set_handover(done.handover)
        self.changed.emit()
        self.output.offer(done.job)

    def _on_hand_over_failed(self, error: Exception, *, shown: bool = True) -> None:
        if self.can_hand_over and (self.handover is None or self.handover.status == "draft"):
            self.hand_over_button.setEnabled(True)
        if self.handover is not None:
            self._set_handover(self.handover)
        if shown:
            show_error(self, error)

    # --- printing ---------------------------------------------------------------------------------

    def _with_job(self, then: Callable[[PdfJob], None]) -> None:
        if self.job is not None and self.handover is not None and self.handover.status != "draft":
            then(self.job)
            return
        self.save()
        if self._ids.id is None and self.handover is None:
            return
        session, handovers, photos, ids = self._session, self._handovers, self._photos, self._ids
        self._runner.run_db(
            lambda: handover_job(session, handovers, photos, str(ids.id)),
            functools.partial(self._job_ready, then),
            self._on_error,
        )

    def _job_ready(self, then: Callable[[PdfJob], None], job: PdfJob) -> None:
        if self.handover is not None and self.handover.status != "draft":
            self.job = job
        then(job)

    @Slot()
    def print_form(self) -> None:
        self._with_job(self.output.print_job)

    @Slot()
    def preview_form(self) -> None:
        self._with_job(self.output.preview)

    @Slot()
    def save_pdf(self) -> None:
        self._with_job(self.output.save_as)

    def _on_error(self, error: Exception) -> None:
        show_error(self, error)

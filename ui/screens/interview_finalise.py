"""The Finalise box at the end of the interview: a team lead signs the screening with their passphrase.

It stays usable when the form above it is read-only. Finalise… saves what is pending (``reviewing``),
reads the summary on the worker (the outcome, how far the interview got, and every inconsistency the
record shows: fieldapp/records/finalise_review.py) and shows it above the passphrase. Signing saves
what is pending again (``finalising``), then checks the passphrase and finalises on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.errors import FieldAppError
from fieldapp.records.finalise_review import FinaliseReview
from fieldapp.records.screenings import Screening
from ui.errors import show_error, user_message
from ui.screens.interview_dialogs import PassphraseDialog
from ui.screens.interview_record import ScreeningEditor


class FinaliseBox(QGroupBox):
    """``finalising`` just before the passphrase goes to the worker (save and lock the form now);
    ``failed`` when it was refused (the form opens again)."""

    reviewing = Signal()
    finalising = Signal()
    failed = Signal()

    def __init__(self, editor: ScreeningEditor, *, team_lead: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Finalise"))
        self._editor = editor
        self._team_lead = team_lead
        self.passphrase_dialog: PassphraseDialog | None = None
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "When the interview is over, a team lead finalises the screening with their passphrase. "
                "After that it can only be amended, with a reason."
            )
        )
        text.setWordWrap(True)
        self.button = QPushButton(self.tr("&Finalise…"))
        self.button.setObjectName("finalise_button")
        self.button.clicked.connect(self._ask_passphrase)
        self.status = QLabel()
        self.status.setObjectName("finalise_status")
        self.status.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)

    def show_mode(self) -> None:
        """Open to a team lead in a draft; otherwise say why not."""
        mode = self._editor.mode
        self.button.setEnabled(self._team_lead and mode == "draft")
        if not self._team_lead:
            self.button.setToolTip(self.tr("Only a team lead can finalise a screening."))
            self.status.setText(self.tr("Only a team lead can finalise a screening."))
        elif mode != "draft":
            self.button.setToolTip(self.tr("This screening is final."))
        else:
            self.button.setToolTip(self.tr("Sign the screening with your passphrase"))

    @Slot()
    def _ask_passphrase(self) -> None:
        if self._editor.invalid:
            self.status.setText(self.tr("Correct the marked fields first."))
            return
        if self._editor.saved_id is None and not self._editor.pending:
            self.status.setText(self.tr("Nothing has been recorded yet."))
            return
        self.reviewing.emit()
        self.button.setEnabled(False)
        self.status.setText(self.tr("Checking the record…"))
        self._editor.send_review(self._show_summary, self._on_review_error)

    @Slot(object)
    def _show_summary(self, review: FinaliseReview) -> None:
        self.status.clear()
        self.show_mode()
        dialog = PassphraseDialog(self, review=review)
        dialog.accepted.connect(self._finalise_with_dialog)
        dialog.finished.connect(lambda _result: self._summary_closed(dialog))
        self.passphrase_dialog = dialog
        dialog.open()

    def _summary_closed(self, dialog: PassphraseDialog) -> None:
        if self.passphrase_dialog is dialog:
            self.passphrase_dialog = None
        dialog.deleteLater()

    @Slot(object)
    def _on_review_error(self, error: Exception) -> None:
        self.show_mode()
        if isinstance(error, FieldAppError):
            self.status.setText(user_message(error))
        else:
            show_error(self, error)

    @Slot()
    def _finalise_with_dialog(self) -> None:
        dialog = self.passphrase_dialog
        if dialog is not None:
            self.finalise(dialog.take_passphrase())

    def finalise(self, passphrase: str) -> None:
        """Save what is pending, check the passphrase and finalise, all on the worker in that order."""
        self.finalising.emit()
        self.button.setEnabled(False)
        self.status.setText(self.tr("Checking the passphrase…"))
        self._editor.send_finalise(passphrase, self._on_finalised, self._on_finalise_error)

    @Slot(object)
    def _on_finalised(self, screening: Screening) -> None:
        self.status.setText(self.tr("Finalised."))
        self._editor.finalised(screening)

    @Slot(object)
    def _on_finalise_error(self, error: Exception) -> None:
        message = user_message(error) if isinstance(error, FieldAppError) else self.tr("Finalising failed.")
        self.failed.emit()
        self.status.setText(self.tr("Not finalised: %1").replace("%1", message))
        if not isinstance(error, FieldAppError):
            show_error(self, error)  # a bug: the crash hook; expected failures are shown inline above

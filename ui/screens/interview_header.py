"""The top of the interview screen: who is screened, the state of the record (draft, final, amending)
and of its saves, and the Amend…, Save amendment and Close buttons.

Amending starts here: a team lead gives the reason (``ReasonDialog``), then ``amend_started``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.records.service import MIN_REASON
from ui.screens.interview_dialogs import ReasonDialog
from ui.screens.interview_record import ScreeningEditor


class RecordHeader(QObject):
    """The header's widgets, in ``layout`` for ``owner`` (the screen) to place; they follow ``editor``."""

    amend_started = Signal()

    def __init__(self, editor: ScreeningEditor, *, team_lead: bool, owner: QWidget) -> None:
        super().__init__(owner)
        self._owner = owner
        self._editor = editor
        self._team_lead = team_lead
        self.reason_dialog: ReasonDialog | None = None
        self.title = QLabel(self.tr("Screening"))
        self.title.setObjectName("interview_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.record_status = QLabel(self.tr("Loading…"))
        self.record_status.setObjectName("record_status")
        self.record_status.setWordWrap(True)
        self.save_status = QLabel()
        self.save_status.setObjectName("save_status")
        self.save_status.setWordWrap(True)
        self.amend_button = QPushButton(self.tr("Amend…"))
        self.amend_button.setObjectName("amend_button")
        self.amend_button.setVisible(False)
        self.amend_button.clicked.connect(self._ask_amend_reason)
        self.save_amendment_button = QPushButton(self.tr("Save amendment"))
        self.save_amendment_button.setObjectName("save_amendment_button")
        self.save_amendment_button.setVisible(False)
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setObjectName("close_button")
        self.close_button.setToolTip(self.tr("Save and close this screening"))

        status_row = QVBoxLayout()
        status_row.addWidget(self.title)
        status_row.addWidget(self.record_status)
        status_row.addWidget(self.save_status)
        self.layout = QHBoxLayout()
        self.layout.addLayout(status_row, 1)
        self.layout.addWidget(self.amend_button, 0, Qt.AlignmentFlag.AlignTop)
        self.layout.addWidget(self.save_amendment_button, 0, Qt.AlignmentFlag.AlignTop)
        self.layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

    def show_mode(self) -> None:
        """The record's state line and the amend buttons, for the editor's mode."""
        editor = self._editor
        screening = editor.screening
        if editor.mode == "draft":
            self.record_status.setText(self.tr("Draft: saved as you type"))
        else:
            version = str(screening.version if screening is not None else "")
            text = self.tr("Final, version %1").replace("%1", version)
            if editor.mode == "amend":
                text += " · " + self.tr("amending: %1").replace("%1", editor.amend_reason)
            self.record_status.setText(text)
        is_final = editor.mode == "final"
        self.amend_button.setVisible(is_final)
        self.amend_button.setEnabled(self._team_lead)
        self.amend_button.setToolTip(
            "" if self._team_lead else self.tr("Only a team lead can amend a screening.")
        )
        self.save_amendment_button.setVisible(editor.mode == "amend")
        self.save_amendment_button.setEnabled(bool(editor.pending) and not editor.invalid)

    @Slot()
    def show_save_status(self) -> None:
        editor = self._editor
        if editor.save_error:
            text = self.tr("Not saved: %1").replace("%1", editor.save_error)
        elif editor.invalid:
            text = self.tr("Not saved: %1").replace("%1", next(iter(editor.invalid.values())))
        elif editor.mode == "amend":
            text = self.tr('Changes are saved when you press "Save amendment".')
        elif editor.in_flight:
            text = self.tr("Saving…")
        elif editor.pending:
            text = self.tr("Changes not saved yet")
        elif editor.screening is not None:
            text = self.tr("All changes saved")
        else:
            text = self.tr("Nothing recorded yet")
        self.save_status.setText(text)

    @Slot()
    def _ask_amend_reason(self) -> None:
        dialog = ReasonDialog(self._owner)
        dialog.accepted.connect(self._start_amending)
        self.reason_dialog = dialog
        dialog.open()

    @Slot()
    def _start_amending(self) -> None:
        dialog = self.reason_dialog
        if dialog is None:
            return
        reason = dialog.reason.toPlainText().strip()
        if len(reason) < MIN_REASON:
            return
        self._editor.start_amending(reason)
        self.amend_started.emit()

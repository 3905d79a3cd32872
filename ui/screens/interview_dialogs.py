"""The two questions of the interview screen: the passphrase to finalise (below the summary of what is
signed and what does not fit together), the reason to amend."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.records.finalise_review import FinaliseReview
from fieldapp.records.service import MIN_REASON
from ui.errors import notice_text
from ui.models.persons import outcome_label

WARNINGS_STYLE = (
    "QLabel#finalise_warnings { background: #fdecea; color: #5f1410; border: 1px solid #d0473c; "
    "border-radius: 4px; padding: 6px 10px; }"
)


class PassphraseDialog(QDialog):
    """Asks the signed-in officer's passphrase before finalising, below ``review`` (the outcome, the
    progress of the interview and its inconsistencies) when given."""

    def __init__(self, parent: QWidget | None = None, *, review: FinaliseReview | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self.setWindowTitle(self.tr("Finalise the screening"))
        self.summary = QLabel()
        self.summary.setObjectName("finalise_summary")
        self.summary.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("finalise_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNINGS_STYLE)
        self.warnings.setVisible(False)
        self.notices: list[str] = []
        if review is not None:
            self._show_review(review)
        text = QLabel(
            self.tr(
                "A final screening can no longer be edited, only amended with a reason. "
                "Type your passphrase to sign it."
            )
        )
        text.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("finalise_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        label = QLabel(self.tr("&Passphrase"))
        label.setBuddy(self.passphrase)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Finalise"))
        ok.setObjectName("finalise_ok")
        back = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        back.setText(self.tr("Go back to the interview"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if review is not None:
            layout.addWidget(self.summary)
            layout.addWidget(self.warnings)
        layout.addWidget(text)
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.passphrase.setFocus()

    def _show_review(self, review: FinaliseReview) -> None:
        self.summary.setText(
            self.tr("Outcome to be signed: %1. Questions answered: %2 of %3 (%4 present).")
            .replace("%1", outcome_label(review.outcome))
            .replace("%2", str(review.answered))
            .replace("%3", str(review.total))
            .replace("%4", str(review.present))
        )
        self.notices = [notice_text(notice) for notice in review.notices]
        if self.notices:
            lines = "\n".join(f"• {line}" for line in self.notices)
            self.warnings.setText(self.tr("Check before you sign:") + "\n" + lines)
        else:
            self.warnings.setText(self.tr("Nothing in the record contradicts itself."))
            self.warnings.setStyleSheet("")
        self.warnings.setVisible(True)

    def take_passphrase(self) -> str:
        """The passphrase, emptied from the field as it is taken."""
        value = self.passphrase.text()
        self.passphrase.clear()
        return value


class ReasonDialog(QDialog):
    """Asks why a final screening is being amended; OK stays disabled until there is a reason."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(self.tr("Amend the screening"))
        text = QLabel(
            self.tr(
                "Say why this final screening is changed (for example: the person said more in a second "
                "interview). The reason is kept with the new version."
            )
        )
        text.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("amend_reason")
        self.reason.setTabChangesFocus(True)
        label = QLabel(self.tr("&Reason (required)"))
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Start amending"))
        self.ok.setObjectName("amend_ok")
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(
            lambda: self.ok.setEnabled(len(self.reason.toPlainText().strip()) >= MIN_REASON)
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if len(self.reason.toPlainText().strip()) < MIN_REASON:
            return
        super().accept()

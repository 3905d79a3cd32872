"""The two questions of the interview screen: the passphrase to finalise, the reason to amend."""

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

from fieldapp.records.service import MIN_REASON


class PassphraseDialog(QDialog):
    """Asks the signed-in officer's passphrase before finalising."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphrase_dialog")
        self.setWindowTitle(self.tr("Finalise the screening"))
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
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.buttons)

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

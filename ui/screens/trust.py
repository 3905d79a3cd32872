"""Two checks an officer makes by eye: HQ's key fingerprint at the first enrolment, and a paper form against
the record its code names. The core decides (fieldapp.vault.enrolment, fieldapp.reports.verify); these
dialogs show what to compare and run the work on the database worker.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldAppError, Said
from fieldapp.reports.verify import check_code, check_pdf_file
from fieldapp.vault.enrolment import enrol, preview
from fieldapp.vault.session import Session
from ui.errors import said_text, user_message
from ui.naming import named
from ui.tasks import TaskRunner


class EnrolDialog(QDialog):
    """Loads an enrolment file. The first one shows HQ's key fingerprint and is taken only once the admin
    typed the fingerprint HQ gave them apart from the file (the core compares); later files are checked
    against the key the laptop already trusts."""

    def __init__(
        self, *, session: Session, runner: TaskRunner, path: Path, first: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("enrol_dialog")
        self.setWindowTitle(self.tr("Enrol this laptop with HQ"))
        self.session, self._runner, self.path = session, runner, path
        self.enrolled: str | None = None
        self.intro = named(QLabel(), "enrol_intro")
        self.intro.setWordWrap(True)
        self.fingerprint = named(QLabel(), "enrol_fingerprint")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.fingerprint.setFont(mono)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.typed = named(QLineEdit(), "enrol_typed")
        self.typed.setPlaceholderText(self.tr("The fingerprint as HQ gave it to you"))
        self.outcome = named(QLabel(), "enrol_result")
        self.outcome.setWordWrap(True)
        self.load_button = named(QPushButton(self.tr("Enrol")), "enrol_button")
        self.load_button.clicked.connect(self.load)
        cancel = named(QPushButton(self.tr("Close")), "enrol_close")
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("HQ key fingerprint in the file:"), self.fingerprint)
        form.addRow(self.tr("Fingerprint HQ gave you:"), self.typed)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.load_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addLayout(buttons)
        self._first = first  # no HQ key pinned yet (the Sync screen read it on the worker)
        try:
            hq_name, fingerprint = preview(path)
        except FieldAppError as exc:
            self.outcome.setText(user_message(exc))
            self.load_button.setEnabled(False)
            return
        self.fingerprint.setText(fingerprint)
        if self._first:
            self.intro.setText(
                self.tr(
                    "First enrolment with {hq}. Compare HQ's key fingerprint below with the one HQ gave you by "
                    "phone or on paper (not in the same message as the file), and type that one here. If they "
                    "differ, do not enrol: the file may be forged."
                ).format(hq=hq_name)
            )
        else:
            self.intro.setText(
                self.tr("This laptop already trusts HQ's key: the file is checked against it.")
            )
            self.typed.setEnabled(False)

    def load(self) -> None:
        typed = self.typed.text().strip() if self._first else None
        if self._first and not typed:
            self.outcome.setText(self.tr("Type the fingerprint HQ gave you first."))
            return
        self.load_button.setEnabled(False)
        job = functools.partial(enrol, self.session, self.path, fingerprint=typed)
        self._runner.run_db(job, self._on_enrolled, self._on_failed)

    def _on_enrolled(self, hq_name: str) -> None:
        self.enrolled = hq_name
        self.outcome.setText(self.tr("Enrolled with {hq}.").format(hq=hq_name))

    def _on_failed(self, error: Exception) -> None:
        self.load_button.setEnabled(True)
        self.outcome.setText(user_message(error) if isinstance(error, FieldAppError) else str(error))


class HasConnection(Protocol):
    """A laptop's Session, or HQ's store seen the same way: what the verification reads (on the worker)."""

    conn: Any


class VerifyDialog(QDialog):
    """Checks a code typed or scanned from a paper form, or a PDF file, and shows what the record holds to
    compare with the paper (names in both scripts, temporary id, photo, receiving body, officers, date,
    reference number)."""

    def __init__(self, *, session: HasConnection, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verify_dialog")
        self.setWindowTitle(self.tr("Check a handover form"))
        self.session, self._runner = session, runner
        self.code = named(QLineEdit(), "verify_code")
        self.code.setPlaceholderText(self.tr("HV1-XXXX-XXXX-XXXX-XXXX-XXXX, or a scanned code"))
        self.code.returnPressed.connect(self.check_code)
        self.check_button = named(QPushButton(self.tr("Check the code")), "verify_button")
        self.check_button.clicked.connect(self.check_code)
        self.pdf_button = named(QPushButton(self.tr("Check a PDF file…")), "verify_pdf_button")
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.verdict = named(QLabel(), "verify_verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = named(QPushButton(self.tr("Close")), "verify_close")
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.check_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)

    def check_code(self) -> None:
        text = self.code.text().strip()
        if not text:
            return

        def job() -> list[Said]:
            return check_code(self.session.conn, text).lines

        self._runner.run_db(job, self._show, self._on_failed)

    def choose_pdf(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Check a PDF file"), "", self.tr("PDF files (*.pdf)")
        )
        if name:
            self.check_pdf(Path(name))

    def check_pdf(self, path: Path) -> None:
        def job() -> list[Said]:
            return check_pdf_file(self.session.conn, path).lines

        self._runner.run_db(job, self._show, self._on_failed)

    def _show(self, lines: list[Said]) -> None:
        # The core's verdict, then what to compare, as `fieldapp verify` prints them, in the app's language.
        self.verdict.setText("\n".join(said_text(line) for line in lines))

    def _on_failed(self, error: Exception) -> None:
        self.verdict.setText(user_message(error) if isinstance(error, FieldAppError) else str(error))

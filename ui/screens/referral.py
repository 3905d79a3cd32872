"""What the receiving body did with a referral, recorded on the laptop (``fieldapp.records.referrals``).

The receiving officer signs on the laptop: their name, role and signature mark (their initials as they
write them) go into a signed event, recorded by the officer signed in, on their behalf. A refusal and a
closing carry their reason. The steps so far are listed above the form.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.records.referrals import NEXT, Referrals, ReferralStep
from fieldapp.records.service import Records
from ui.errors import show_error
from ui.naming import named
from ui.tasks import TaskRunner


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReferralDialog", text)


def status_label(status: str) -> str:
    return {
        "sent": _tr("sent"),
        "received": _tr("received"),
        "refused": _tr("refused"),
        "closed": _tr("closed"),
        "": _tr("not handed over yet"),
    }.get(status, status)


def step_text(step: ReferralStep) -> str:
    """One step as a line: when, what, who signed for the receiving body, why, and who recorded it."""
    text = f"{step.at[:16].replace('T', ' ')}  {status_label(step.status)}"
    if step.receiving_officer:
        text += " — " + _tr("{name} ({role}), signed {mark}").format(
            name=step.receiving_officer, role=step.receiving_role or "–", mark=step.signature_mark or "–"
        )
    if step.reason:
        text += f" — {step.reason}"
    via = {"paper": _tr("from the signed copy at HQ"), "hq": _tr("by HQ")}.get(step.via, "")
    return (
        text
        + "  "
        + _tr("(recorded by {who}{via})").format(who=step.by or "–", via=f", {via}" if via else "")
    )


@dataclass(frozen=True)
class ReferralState:
    status: str
    steps: list[ReferralStep]


class ReferralDialog(QDialog):
    """The referral of one handover: its steps, and the next one to record. ``changed`` after recording."""

    changed = Signal()

    def __init__(
        self, *, records: Records, runner: TaskRunner, handover_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("referral_dialog")
        self.setWindowTitle(self.tr("Referral"))
        self._referrals = Referrals(records)
        self._runner = runner
        self.handover_id = handover_id
        self.status = "sent"
        self.status_line = named(QLabel(), "referral_status")
        self.history = named(QLabel(), "referral_history")
        self.history.setWordWrap(True)
        self.next_status = named(QComboBox(), "referral_next")
        self.next_status.currentIndexChanged.connect(self._update)
        self.officer = named(QLineEdit(), "referral_officer")
        self.role = named(QLineEdit(), "referral_role")
        self.mark = named(QLineEdit(), "referral_mark")
        self.mark.setPlaceholderText(self.tr("The receiving officer writes their initials here"))
        self.reason = named(QLineEdit(), "referral_reason")
        self.record_button = named(QPushButton(self.tr("&Record (signed)")), "referral_record")
        self.record_button.clicked.connect(self.record)
        close = named(QPushButton(self.tr("&Close")), "referral_close")
        close.clicked.connect(self.close)
        form = QFormLayout()
        for text, widget in (
            (self.tr("&What happened"), self.next_status),
            (self.tr("Receiving &officer"), self.officer),
            (self.tr("Their ro&le"), self.role),
            (self.tr("Their &signature mark"), self.mark),
            (self.tr("Reaso&n (refused or closed)"), self.reason),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        note = QLabel(
            self.tr(
                "Hand the laptop to the receiving officer: they type their name, role and initials. The step "
                "is signed by you, on their behalf."
            )
        )
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_line)
        layout.addWidget(self.history)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.load()

    def load(self) -> None:
        referrals, handover_id = self._referrals, self.handover_id

        def work() -> ReferralState:
            steps = referrals.steps(handover_id)
            return ReferralState(referrals.status(handover_id), steps)

        self._runner.run_db(work, self._on_loaded, lambda error: show_error(self, error))

    def _on_loaded(self, state: ReferralState) -> None:
        self.status = state.status
        self.status_line.setText(self.tr("Status: {status}").format(status=status_label(state.status)))
        self.history.setText("\n".join(step_text(step) for step in state.steps))
        self.next_status.blockSignals(True)
        self.next_status.clear()
        for status in NEXT.get(state.status, ()):
            self.next_status.addItem(status_label(status), status)
        self.next_status.blockSignals(False)
        self._update()

    @Slot()
    def _update(self) -> None:
        wanted = self.next_status.currentData()
        signs = wanted in ("received", "refused")
        for widget in (self.officer, self.role, self.mark):
            widget.setEnabled(signs)
        self.reason.setEnabled(wanted in ("refused", "closed"))
        self.record_button.setEnabled(wanted is not None)

    @Slot()
    def record(self) -> None:
        wanted = self.next_status.currentData()
        if wanted is None:
            return
        fields = {
            "receiving_officer": self.officer.text(),
            "receiving_role": self.role.text(),
            "signature_mark": self.mark.text(),
            "reason": self.reason.text(),
        }
        referrals, handover_id = self._referrals, self.handover_id
        self.record_button.setEnabled(False)
        self._runner.run_db(
            lambda: referrals.record(handover_id, str(wanted), **fields), self._on_recorded, self._on_failed
        )

    def _on_recorded(self, _step: ReferralStep) -> None:
        for widget in (self.officer, self.role, self.mark, self.reason):
            widget.clear()
        self.changed.emit()
        self.load()

    def _on_failed(self, error: Exception) -> None:
        self._update()
        show_error(self, error)

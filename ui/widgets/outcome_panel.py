"""The live screening outcome in plain words (colour helps, never carries the meaning alone) and why."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from fieldapp.line_breaks import breakable

# outcome -> (marker, background, border); the words come from ``OutcomePanel.words``.
_STYLE: dict[str, tuple[str, str, str]] = {
    "PRESUMED_VICTIM": ("‼", "#fde7e6", "#b3261e"),
    "PRESUMED_CHILD_VICTIM": ("‼", "#fde7e6", "#b3261e"),
    "POSSIBLE_VICTIM": ("!", "#fff3d6", "#9a6700"),
    "INDICATORS_BELOW_THRESHOLD": ("!", "#fff3d6", "#9a6700"),
    "NO_INDICATORS_FOUND": ("○", "#eef1f4", "#57606a"),
    "UNDETERMINED": ("?", "#e8f0fe", "#1a5fb4"),
}


class OutcomePanel(QFrame):
    """Outcome (``outcome_label``) and the explanation lines (``explanation``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcome_panel")
        self.outcome: str | None = None
        self.lines: list[str] = []
        title = QLabel(self.tr("Screening result"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("outcome_label")
        self.outcome_label.setWordWrap(True)
        big = self.outcome_label.font()
        big.setPointSizeF(big.pointSizeF() * 1.25)
        big.setBold(True)
        self.outcome_label.setFont(big)
        self.note = QLabel(self.tr("A screening result, not a legal decision."))
        self.note.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setObjectName("explanation")
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.explanation)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)
        self.set_result(None, [])

    def words(self, outcome: str | None) -> str:
        return {
            "PRESUMED_VICTIM": self.tr("Presumed victim of trafficking"),
            "PRESUMED_CHILD_VICTIM": self.tr("Presumed child victim of trafficking"),
            "POSSIBLE_VICTIM": self.tr("Possible victim of trafficking"),
            "INDICATORS_BELOW_THRESHOLD": self.tr("Possible victim: indicators below the threshold"),
            "NO_INDICATORS_FOUND": self.tr("No indicators found so far"),
            "UNDETERMINED": self.tr("Undetermined"),
        }.get(outcome or "", self.tr("Not scored yet"))

    def set_result(self, outcome: str | None, lines: Sequence[str]) -> None:
        self.outcome = outcome
        self.lines = list(lines)
        marker, background, border = _STYLE.get(outcome or "", ("–", "palette(window)", "palette(mid)"))
        self.outcome_label.setText(f"{marker}  {self.words(outcome)}")
        self.outcome_label.setAccessibleName(self.words(outcome))
        self.outcome_label.setStyleSheet(
            f"QLabel {{ background: {background}; border: 2px solid {border}; border-radius: 4px;"
            f" padding: 8px; color: #1f2328; }}"
        )
        self.explanation.setText("\n\n".join(f"• {breakable(line)}" for line in self.lines))

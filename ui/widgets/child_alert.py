"""The child alert: wherever a person who is, or may be, under 18 appears, the officer is told so.

A child is screened with the child set and the Palermo child rule, is referred to child protection,
and must not be questioned like an adult; missing that at a raid is the worst mistake the app could let
pass. The alert is the same everywhere: intake, the person's page (the persons list marks the age).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

STYLE = (
    "QLabel#child_alert { background: #fde3c0; color: #4a2600; border: 1px solid #d98a1c; "
    "border-radius: 4px; padding: 6px 10px; font-weight: bold; }"
)


class ChildAlert(QLabel):
    """Hidden until ``show_for(True)``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("child_alert")
        self.setWordWrap(True)
        self.setStyleSheet(STYLE)
        self.setText(
            self.tr(
                "Possibly a child (under 18, or the age is uncertain): screen with the child questions, refer "
                "to child protection (MoSVY) and keep the child with a social worker."
            )
        )
        self.setAccessibleName(self.tr("Child alert"))
        self.setVisible(False)

    def show_for(self, minor: bool) -> None:
        self.setVisible(minor)

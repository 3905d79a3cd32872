"""How a field filled in from what was already recorded looks: light yellow, with a tooltip naming where
its value came from, until the officer changes it (the handover form and the interview use it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

PREFILLED_STYLE = "background-color: #fff1b8;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("prefilled", text)


def mark_prefilled(widget: QWidget, source: str) -> None:
    """Show ``widget`` as filled in from ``source`` (already in the officer's language)."""
    tip = _tr("Filled in from {source}: check it with the person, and change it if it is wrong.").format(
        source=source
    )
    widget.setStyleSheet(PREFILLED_STYLE)
    widget.setToolTip(tip)
    widget.setAccessibleDescription(tip)


def unmark_prefilled(widget: QWidget) -> None:
    widget.setStyleSheet("")
    widget.setToolTip("")
    widget.setAccessibleDescription("")

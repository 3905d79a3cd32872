"""How a screening in progress is offered wherever the person appears: "Continue the draft screening
(step n of 8)", never a blank screening beside it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from fieldapp.records.drafts import step_position


def _tr(text: str) -> str:
    return QCoreApplication.translate("Drafts", text)


def continue_draft_text(step: str | None, team_lead: bool) -> str:
    """The button or menu entry that resumes a draft at the step it was left."""
    n, of = step_position(step, team_lead)
    return _tr("Continue the draft &screening (step %1 of %2)").replace("%1", str(n)).replace("%2", str(of))


def draft_step_text(step: str | None, team_lead: bool) -> str:
    """Where a draft was left, for lists: "step 3 of 8"."""
    n, of = step_position(step, team_lead)
    return _tr("step %1 of %2").replace("%1", str(n)).replace("%2", str(of))


def new_screening_text(screened_before: bool) -> str:
    return _tr("&Screen again") if screened_before else _tr("&Screen this person")

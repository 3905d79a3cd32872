"""The base of every HQ screen: the session, the task runner, a status line, and refresh (F5)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fieldapp.errors import FieldAppError
from ui.errors import show_error, user_message
from ui.hq.common import status_line
from ui.hq.session import HqSession
from ui.tasks import TaskRunner


class HqPage(QWidget):
    """A screen of the HQ window. ``refresh()`` reloads what it shows from the store (on the worker)."""

    def __init__(
        self, *, session: HqSession, runner: TaskRunner, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.session = session
        self.runner = runner
        self.status = status_line(f"{name}_status")
        self.loaded = False  # the first refresh happens when the screen is first shown

    def refresh(self) -> None:
        raise NotImplementedError

    def say(self, text: str) -> None:
        self.status.setText(text)

    def failed(self, error: Exception) -> None:
        """An expected failure in plain words on the status line and in a message box; a bug goes to the
        crash hook."""
        if isinstance(error, FieldAppError):
            self.say(user_message(error))
        show_error(self, error)

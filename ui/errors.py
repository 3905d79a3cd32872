"""The one place that shows errors: expected ones as plain words, anything else through one crash hook.

A ``FieldAppError`` carries a message an officer can act on; ``user_message`` is the one place that
translates it (by its code, through the same Qt translation file as every other text). Any other exception is a bug: the installed
excepthook logs the traceback and, unless ``FIELDAPP_NO_CRASH_DIALOG=1`` or ``--no-crash-dialog`` is
given (tests, CI), shows a short dialog with "Copy details". Nothing is ever sent anywhere.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import ERRORS_CONTEXT, FieldAppError, Notice, Said, Term

logger = logging.getLogger(__name__)

NO_CRASH_DIALOG_ENV = "FIELDAPP_NO_CRASH_DIALOG"
NO_CRASH_DIALOG_FLAG = "--no-crash-dialog"


def dialogs_disabled(argv: Sequence[str] | None = None) -> bool:
    """True when errors must only be logged (tests and CI: no window may wait for a click)."""
    if os.environ.get(NO_CRASH_DIALOG_ENV) == "1":
        return True
    return NO_CRASH_DIALOG_FLAG in (argv or ())


def user_message(error: FieldAppError) -> str:
    """The words shown for an expected failure, in the language the app is in.

    A declared message is looked up by its template and code in the "errors" context of the
    translation file; word parameters (``Term``) are translated in their own context. A message that
    was never declared, or a translation that does not fit its parameters, falls back to English.
    """
    if error.template is None:
        return error.message
    return _rendered(error.code, error.template, error.params, error.message)


def said_text(text: str) -> str:
    """A text from the core in the app's language: a ``Said`` (a declared message said, not raised) is
    translated like an error; any other string is shown as it is."""
    if isinstance(text, Said):
        return _rendered(text.code, text.template, text.params, str(text))
    return text


def _rendered(code: str, template: str, params: dict[str, object], english: str) -> str:
    translation = QCoreApplication.translate(ERRORS_CONTEXT, template, code)
    try:
        return translation.format(**{name: translated(value) for name, value in params.items()})
    except (KeyError, IndexError, ValueError):
        logger.warning("translation of %s does not fit its parameters", code)
        return english


def notice_text(notice: Notice) -> str:
    """A notice (a declared message that is no error) in the app's language, like ``user_message``."""
    return _rendered(notice.code, notice.message.english, notice.params, notice.text)


def translated(value: object) -> str:
    """A message parameter in the app's language: a Term translated, a list of them joined by "; "."""
    if isinstance(value, list | tuple):
        return "; ".join(translated(item) for item in value)
    if isinstance(value, Term):
        return QCoreApplication.translate(value.context, value.english)
    if isinstance(value, Said):
        return said_text(value)
    return str(value)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Show any error: a FieldAppError as a plain message box, anything else via the crash hook."""
    if not isinstance(error, FieldAppError):
        sys.excepthook(type(error), error, error.__traceback__)
        return
    message = user_message(error)
    logger.info("shown to the user: %s (%s)", error.code, type(error).__name__)
    if dialogs_disabled():
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QGuiApplication.translate("errors", "fieldapp"))
    box.setText(message)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()  # not exec(): no nested event loop


class CrashDialog(QDialog):
    """A short "something went wrong" with the traceback one click away, never sent anywhere."""

    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(self.tr("fieldapp: unexpected error"))
        self.details = details
        text = QLabel(
            self.tr(
                "Something went wrong that fieldapp did not expect. Your saved records are safe. "
                "If this keeps happening, copy the details and give them to your team lead."
            )
        )
        text.setWordWrap(True)
        summary_label = QLabel(summary)
        summary_label.setWordWrap(True)
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setObjectName("copy_details")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        show_button = QPushButton(self.tr("Show details"))
        buttons.addButton(show_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        show_button.clicked.connect(lambda: self.details_view.setVisible(True))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(summary_label)
        layout.addWidget(self.details_view)
        layout.addWidget(buttons)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


class CrashReporter(QObject):
    """The excepthook: logs every unexpected exception and shows each distinct one once.

    The hook may run on any thread; it only logs and emits ``crashed``, which reaches the GUI thread
    through a queued connection before any widget is made.
    """

    crashed = Signal(str, str, str)  # summary, details, group (type and place: one dialog per bug)

    def __init__(self, *, show_dialog: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_dialog = show_dialog
        self._seen: set[str] = set()
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._dialog: CrashDialog | None = None
        self.crashed.connect(self._on_crashed)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        logger.error("unexpected error", exc_info=(exc_type, exc, tb))
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        summary = f"{exc_type.__name__}: {exc}".strip()
        frames = traceback.extract_tb(tb)
        group = exc_type.__name__ + (f"@{frames[-1].filename}:{frames[-1].lineno}" if frames else "")
        self.crashed.emit(summary, details, group)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str, str)
    def _on_crashed(self, summary: str, details: str, group: str) -> None:
        first = group not in self._seen
        self._seen.add(group)
        if not first or not self.show_dialog:
            return
        self._dialog = CrashDialog(summary, details)
        self._dialog.open()


def install_excepthook(argv: Sequence[str] | None = None) -> CrashReporter:
    """Install the one crash hook; call ``uninstall()`` on the result when the app ends."""
    reporter = CrashReporter(show_dialog=not dialogs_disabled(argv))
    reporter.install()
    return reporter

"""The one way to run long work with progress and cancel (docs/layout.md, "Long work").

``run_with_progress(parent, runner, title, fn, on_success, on_error)`` runs ``fn(progress,
should_cancel)`` on the database worker (long work usually writes to the vault). The core function
calls ``progress(done, total, label)`` as it goes and polls ``should_cancel()`` between steps:

- a progress dialog appears only when the work takes longer than ``delay_ms`` (about half a second);
- progress reports from the worker reach the GUI thread through a queued signal, at most about
  twenty times a second, and only there touch the dialog;
- Cancel (the button, Escape or closing the dialog) sets a thread-safe flag that ``should_cancel()``
  reads; the dialog stays up saying "Cancelling…" until the work has really stopped;
- the work either returns (``on_success(result)``; a core summary says itself what was cancelled)
  or raises; ``Cancelled`` is for work that stops by raising, and reaches ``on_error`` with plain
  words, so ``show_error`` shows it as it is.

Each check-in of the work (``progress`` or ``should_cancel``) also lets the GUI thread run: see
``_let_the_window_run``.

The dialog's bar is set directly (``QProgressDialog.setValue`` would run a nested event loop when
the dialog is modal, and results could then arrive in the middle of an update).
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QProgressBar, QProgressDialog, QPushButton, QWidget

from fieldapp.work import Cancelled, Progress, ShouldCancel
from ui.errors import show_error
from ui.naming import named
from ui.tasks import TaskRunner

T = TypeVar("T")
__all__ = ["Cancelled", "LongWork", "Progress", "ProgressTask", "ShouldCancel", "run_with_progress"]

LongWork = Callable[[Progress, ShouldCancel], T]

_RUNNING: set[ProgressTask] = set()  # GUI thread only

DELAY_MS = 500
MIN_INTERVAL = 0.05  # seconds between two progress reports sent to the GUI thread (~20 per second)
HAND_OVER_EVERY = 0.02  # seconds of work between two pauses that let the GUI thread take the interpreter
HAND_OVER_PAUSE = 0.002

_worker_clock = threading.local()


def _let_the_window_run() -> None:
    """Pause the worker briefly when it has run ``HAND_OVER_EVERY`` without a pause.

    Python's interpreter lock passes to a waiting thread only after the holder has kept it 5 ms without
    letting go. Work that makes many short Qt calls (drawing a form) lets go and takes it back at each
    call, and the waiting GUI thread can then wait 100 ms and more: the window stutters. A short sleep
    at each check-in hands the lock over for certain; it costs the work a few percent."""
    now = time.monotonic()
    last = getattr(_worker_clock, "last", None)
    if last is None:
        _worker_clock.last = now
    elif now - last >= HAND_OVER_EVERY:
        time.sleep(HAND_OVER_PAUSE)
        _worker_clock.last = time.monotonic()


class ProgressTask(QObject):
    """One piece of long work and its (delayed) progress dialog; made by ``run_with_progress``.

    ``progressed(done, total, label)`` is emitted on the GUI thread for every update that reaches
    it; ``finished(cancelled)`` once, after ``on_success`` or ``on_error`` ran.
    """

    progressed = Signal(int, int, str)
    finished = Signal(bool)
    _report = Signal(int, int, str)  # emitted on the worker, delivered on the GUI thread

    def __init__(
        self,
        parent: QWidget,
        runner: TaskRunner,
        title: str,
        fn: LongWork[Any],
        on_success: Callable[[Any], None] | None,
        on_error: Callable[[Exception], None] | None,
        *,
        delay_ms: int = DELAY_MS,
        min_interval: float = MIN_INTERVAL,
        database: bool = True,
    ) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._title = title
        self._fn = fn
        self._on_success = on_success
        self._on_error = on_error
        self._min_interval = min_interval
        self._cancel_flag = threading.Event()
        self._ended = threading.Event()  # the work returned or raised
        self._lock = threading.Lock()
        self._last_sent = 0.0
        self._state: tuple[int, int, str] = (0, 0, "")
        self.dialog: QProgressDialog | None = None
        self.dialog_shown = False
        self._bar: QProgressBar | None = None
        self.done = False
        self._report.connect(self._on_report, Qt.ConnectionType.QueuedConnection)
        # A closed screen must not leave its work running for nothing.
        self.destroyed.connect(functools.partial(_gone, self))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_dialog)
        self._timer.start(max(0, delay_ms))
        _RUNNING.add(self)
        run = runner.run_db if database else runner.run_work
        run(self._work, self._succeeded, self._failed)

    # --- any thread -----------------------------------------------------------------------------

    def should_cancel(self) -> bool:
        _let_the_window_run()
        return self._cancel_flag.is_set()

    @property
    def cancelled(self) -> bool:
        return self._cancel_flag.is_set()

    def _work(self) -> Any:
        # On the database worker: never touch widgets, only emit.
        return self._fn(self._progress, self.should_cancel)

    def _progress(self, done: int, total: int, label: str) -> None:
        _let_the_window_run()
        now = time.monotonic()
        with self._lock:
            if now - self._last_sent < self._min_interval and not (total and done >= total):
                return
            self._last_sent = now
        self._report.emit(int(done), int(total), str(label))

    # --- GUI thread -----------------------------------------------------------------------------

    @Slot()
    def cancel(self) -> None:
        """Ask the work to stop at its next check (the Cancel button calls this)."""
        if self.done or self._cancel_flag.is_set():
            return
        self._cancel_flag.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling… the step in progress finishes first."))
            button_box_cancel = self.dialog.findChild(QWidget, "progress_cancel")
            if button_box_cancel is not None:
                button_box_cancel.setEnabled(False)

    def _assert_gui_thread(self) -> None:
        app = QApplication.instance()
        assert app is not None and QThread.currentThread() is app.thread(), "progress off the GUI thread"

    @Slot()
    def _show_dialog(self) -> None:
        if self.done:
            return
        self._assert_gui_thread()
        dialog = named(QProgressDialog(self._parent_widget), "progress_dialog")
        dialog.setWindowTitle(self._title)
        # Not modal: the panic lock and the rest of the window stay usable; screens disable what
        # must not run twice while their work is going.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        self._bar = named(QProgressBar(dialog), "progress_bar")
        dialog.setBar(self._bar)
        cancel_button = named(QPushButton(self.tr("Cancel")), "progress_cancel")
        dialog.setCancelButton(cancel_button)
        # Keep the dialog up after Cancel until the work has really stopped.
        dialog.canceled.disconnect(dialog.cancel)
        dialog.canceled.connect(self.cancel)
        dialog.setMinimumWidth(420)
        self.dialog = dialog
        self.dialog_shown = True
        self._apply(*self._state)
        if self._cancel_flag.is_set():
            dialog.setLabelText(self.tr("Cancelling… the step in progress finishes first."))
            cancel_button.setEnabled(False)
        dialog.show()

    @Slot(int, int, str)
    def _on_report(self, done: int, total: int, label: str) -> None:
        self._assert_gui_thread()
        if self.done:
            return
        self._state = (done, total, label)
        self._apply(done, total, label)
        self.progressed.emit(done, total, label)

    def _apply(self, done: int, total: int, label: str) -> None:
        if self.dialog is None or self._bar is None:
            return
        if total > 0:
            self._bar.setRange(0, total)
            self._bar.setValue(min(done, total))
        else:
            self._bar.setRange(0, 0)  # busy: the amount of work is not known yet
        if self._cancel_flag.is_set():
            return
        if total > 0:
            text = self.tr("{done} of {total}: {label}").format(done=done, total=total, label=label)
        else:
            text = label or self.tr("Working…")
        self.dialog.setLabelText(text)

    def _finish(self) -> None:
        self.done = True
        self._ended.set()
        _RUNNING.discard(self)
        self._timer.stop()
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None

    def _succeeded(self, result: Any) -> None:
        self._finish()
        try:
            if self._on_success is not None:
                self._on_success(result)
        finally:
            self.finished.emit(self.cancelled)
            self.deleteLater()

    def _failed(self, error: Exception) -> None:
        self._finish()
        try:
            if self._on_error is not None:
                self._on_error(error)
            else:
                show_error(self._parent_widget, error)
        finally:
            self.finished.emit(self.cancelled)
            self.deleteLater()


def _gone(task: ProgressTask, *_: object) -> None:
    """The screen (and so the task) was deleted before the work ended: tell the work to stop."""
    _RUNNING.discard(task)
    if not task._ended.is_set():
        task._cancel_flag.set()


def running() -> list[ProgressTask]:
    """The long work going on now (GUI thread)."""
    return list(_RUNNING)


def cancel_all() -> int:
    """Ask all long work to stop (call before locking: the session closes after the work ends).

    Returns how many pieces of work were asked.
    """
    tasks = running()
    for task in tasks:
        task.cancel()
    return len(tasks)


def run_with_progress(
    parent: QWidget,
    runner: TaskRunner,
    title: str,
    fn: LongWork[T],
    on_success: Callable[[T], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    *,
    delay_ms: int = DELAY_MS,
    min_interval: float = MIN_INTERVAL,
    database: bool = True,
) -> ProgressTask:
    """Run ``fn(progress, should_cancel)`` on the database worker (``database=False``: on the runner's
    other worker, for work that needs no database) with a delayed progress dialog.

    ``on_success`` / ``on_error`` run on the GUI thread; pass bound methods (or partials of them) of
    ``parent`` or its children, as for ``TaskRunner.run_db``. The returned task lives as long as the
    work (a child of ``parent``); ``task.cancel()`` cancels from code.
    """
    return ProgressTask(
        parent,
        runner,
        title,
        fn,
        on_success,
        on_error,
        delay_ms=delay_ms,
        min_interval=min_interval,
        database=database,
    )

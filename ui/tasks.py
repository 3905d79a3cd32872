"""The one way to leave the GUI thread: database work runs on one worker, results come back as signals.

One worker thread owns the SQLCipher connection (docs/layout.md, rule 2): unlocking creates the connection
there, and every later call that touches a Session goes through ``TaskRunner.run_db``. Tasks run in
the order they were submitted, so a ``session.close()`` queued after a page fetch runs after it.
Work that needs no database (rasterising pages for a printer, drawing charts) goes through
``TaskRunner.run_work`` on a second worker, so it neither blocks the GUI thread nor the database.

Workers never touch widgets: ``fn`` is a plain core call, and ``on_success`` / ``on_error`` are called
on the GUI thread through a queued signal.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

logger = logging.getLogger(__name__)

T = TypeVar("T")

DB_THREAD_NAME = "fieldapp-db"
WORK_THREAD_NAME = "fieldapp-work"


@dataclass
class _Outcome:
    """What a finished task carries back to the GUI thread."""

    on_success: Callable[[Any], None] | None
    on_error: Callable[[Exception], None] | None
    result: Any = None
    error: Exception | None = None


def _receiver_gone(callback: Callable[..., None] | None) -> bool:
    """True when ``callback`` is a method (or a ``functools.partial`` of one) of a Qt object already
    deleted: a screen closed meanwhile. Use bound methods or partials, not lambdas, for callbacks."""
    while isinstance(callback, functools.partial):
        callback = callback.func
    owner = getattr(callback, "__self__", None)
    return isinstance(owner, QObject) and not shiboken6.isValid(owner)


class TaskRunner(QObject):
    """Runs core calls off the GUI thread and hands their results back on it.

    ``pending`` counts tasks whose callbacks have not run yet; ``idle`` is emitted when it drops to
    zero (tests wait on it), ``busy_changed`` when the runner starts or stops having work.
    """

    _finished = Signal(object)
    busy_changed = Signal(bool)
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix=DB_THREAD_NAME)
        self._other = ThreadPoolExecutor(max_workers=1, thread_name_prefix=WORK_THREAD_NAME)
        self._pending = 0
        self._closed = False
        # Emitted from the worker, received on the thread this object lives in (the GUI thread).
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        return self._pending

    def run_db(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> Future[None]:
        """Run ``fn()`` on the database worker.

        ``on_success(result)`` or ``on_error(exception)`` runs later on the GUI thread. Without
        ``on_error``, an exception goes to ``sys.excepthook`` (the crash dialog of ui/errors.py).
        """
        return self._submit(self._db, fn, on_success, on_error)

    def run_work(
        self,
        fn: Callable[[], T],
        on_success: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> Future[None]:
        """Run ``fn()`` (no database: it must not touch a Session) on the other worker; as ``run_db``."""
        return self._submit(self._other, fn, on_success, on_error)

    def _submit(
        self,
        pool: ThreadPoolExecutor,
        fn: Callable[[], T],
        on_success: Callable[[T], None] | None,
        on_error: Callable[[Exception], None] | None,
    ) -> Future[None]:
        if self._closed:
            raise RuntimeError("The task runner has been shut down.")
        outcome = _Outcome(on_success, on_error)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        return pool.submit(self._work, fn, outcome)

    def _work(self, fn: Callable[[], Any], outcome: _Outcome) -> None:
        # On a worker thread: run the call, never touch widgets, only emit the signal.
        try:
            outcome.result = fn()
        except Exception as exc:  # handed to the GUI thread, where on_error or the crash hook sees it
            outcome.error = exc
        self._finished.emit(outcome)

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        try:
            if outcome.error is None and _receiver_gone(outcome.on_success):
                logger.debug("dropped a result for a widget that no longer exists")
            elif outcome.error is not None and _receiver_gone(outcome.on_error):
                logger.warning("an error arrived for a widget that no longer exists: %r", outcome.error)
            elif outcome.error is not None:
                if outcome.on_error is not None:
                    outcome.on_error(outcome.error)
                else:
                    error = outcome.error
                    sys.excepthook(type(error), error, error.__traceback__)
            elif outcome.on_success is not None:
                outcome.on_success(outcome.result)
        finally:
            self._pending -= 1
            if self._pending == 0:
                self.busy_changed.emit(False)
                self.idle.emit()

    def shutdown(self, *, wait: bool = True) -> None:
        """Stop taking work; with ``wait``, let queued tasks (such as a session close) finish first.

        Callbacks of tasks that finish after this are not delivered.
        """
        if self._closed:
            return
        self._closed = True
        self._db.shutdown(wait=wait)
        self._other.shutdown(wait=wait)
        try:
            self._finished.disconnect(self._deliver)
        except (RuntimeError, TypeError):  # already disconnected or the object is being destroyed
            logger.debug("task runner signal was already disconnected")

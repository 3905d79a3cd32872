"""The task runner (one DB thread, results on the GUI thread) and the one error exit."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.errors import ValidationError
from ui.errors import CrashDialog, CrashReporter, dialogs_disabled, show_error, user_message
from ui.tasks import DB_THREAD_NAME, TaskRunner


def test_db_work_runs_in_order_on_one_thread_and_returns_on_the_gui_thread(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    worker_threads: list[str] = []
    delivered_on: list[threading.Thread] = []
    results: list[int] = []

    def work(n: int) -> int:
        worker_threads.append(threading.current_thread().name)
        return n

    def done(n: int) -> None:
        delivered_on.append(threading.current_thread())
        results.append(n)

    with qtbot.waitSignal(runner.idle):
        for n in range(5):
            runner.run_db(lambda n=n: work(n), done)  # type: ignore[misc]
        assert runner.pending == 5
    assert results == [0, 1, 2, 3, 4]
    assert len(set(worker_threads)) == 1 and worker_threads[0].startswith(DB_THREAD_NAME)
    assert set(delivered_on) == {threading.main_thread()}
    assert runner.pending == 0


def test_errors_go_to_on_error_or_to_the_excepthook(qtbot: QtBot, runner: TaskRunner) -> None:
    def fail() -> None:
        raise ValidationError("The operation needs a name.")

    errors: list[Exception] = []
    with qtbot.waitSignal(runner.idle):
        runner.run_db(fail, on_error=errors.append)
    assert isinstance(errors[0], ValidationError)

    with qtbot.captureExceptions() as caught, qtbot.waitSignal(runner.idle):
        runner.run_db(lambda: 1 / 0)
    assert caught and caught[0][0] is ZeroDivisionError


def test_shutdown_runs_queued_work_then_refuses_more(qtbot: QtBot) -> None:
    task_runner = TaskRunner()
    ran = threading.Event()
    task_runner.run_db(ran.set)
    task_runner.shutdown(wait=True)
    assert ran.is_set()
    with pytest.raises(RuntimeError):
        task_runner.run_db(ran.set)


def test_crash_hook_logs_and_shows_no_dialog_in_tests(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    assert dialogs_disabled()
    reporter = CrashReporter(show_dialog=False)
    try:
        raise KeyError("boom")
    except KeyError as exc:
        with caplog.at_level(logging.ERROR, logger="ui.errors"), qtbot.waitSignal(reporter.crashed) as sig:
            reporter.excepthook(KeyError, exc, exc.__traceback__)
    assert "unexpected error" in caplog.text and "KeyError" in caplog.text
    summary, details, _group = sig.args
    assert summary.startswith("KeyError") and "Traceback" in details
    assert not any(w.objectName() == "crash_dialog" for w in QApplication.topLevelWidgets())


def test_crash_hook_installs_and_uninstalls(qapp: object) -> None:
    reporter = CrashReporter(show_dialog=False)
    before = sys.excepthook
    reporter.install()
    try:
        assert sys.excepthook == reporter.excepthook
    finally:
        reporter.uninstall()
    assert sys.excepthook is before


def test_crash_dialog_copies_details(qtbot: QtBot) -> None:
    dialog = CrashDialog("KeyError: 'boom'", "Traceback (most recent call last): ...")
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Traceback (most recent call last): ..."
    QGuiApplication.clipboard().clear()


def test_expected_errors_are_plain_words(qtbot: QtBot) -> None:
    error = ValidationError("The officer needs a name.")
    assert user_message(error) == "The officer needs a name."
    show_error(None, error)  # with dialogs disabled this only logs: nothing waits for a click


def test_emitting_does_not_drop_references_to_true() -> None:
    """PySide6 6.12.0's emit() dropped a reference to True on every call and the interpreter aborted
    after ~1,000 emits ("bool_dealloc"); pyproject pins below 6.12. Run in a child so a regression
    fails this test instead of killing the suite."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class Probe(QObject):\n    fired = Signal(int)\n"
        "p = Probe(); before = sys.getrefcount(True)\n"
        "for n in range(5000): p.fired.emit(n)\n"
        "assert abs(sys.getrefcount(True) - before) < 50\n"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0

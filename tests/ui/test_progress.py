"""Long work: a delayed progress dialog, updates only on the GUI thread, and a Cancel that stops the work."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ui.progress import Cancelled, Progress, ShouldCancel, run_with_progress
from ui.tasks import TaskRunner


class Sink(QWidget):
    """The parent screen; its bound methods receive results (as the runner requires)."""

    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []
        self.errors: list[Exception] = []
        self.updates: list[tuple[int, int, str, threading.Thread]] = []

    def on_success(self, result: object) -> None:
        self.results.append(result)

    def on_error(self, error: Exception) -> None:
        self.errors.append(error)

    def on_progress(self, done: int, total: int, label: str) -> None:
        self.updates.append((done, total, label, threading.current_thread()))


@pytest.fixture
def sink(qtbot: QtBot) -> Sink:
    widget = Sink()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    event = threading.Event()
    yield event
    event.set()  # never leave the worker waiting


def test_fast_work_shows_no_dialog(qtbot: QtBot, runner: TaskRunner, sink: Sink) -> None:
    task = run_with_progress(
        sink, runner, "Quick", lambda progress, cancel: 42, sink.on_success, sink.on_error
    )
    qtbot.waitUntil(lambda: sink.results == [42])
    assert task.done and not task.dialog_shown and task.dialog is None
    assert not task.cancelled and sink.errors == []


def test_slow_work_shows_the_dialog_with_progress(
    qtbot: QtBot, runner: TaskRunner, sink: Sink, gate: threading.Event
) -> None:
    def slow(progress: Progress, should_cancel: ShouldCancel) -> str:
        progress(1, 3, "IMG_0001.JPG")
        assert gate.wait(10)
        return "done"

    task = run_with_progress(sink, runner, "Importing photos", slow, sink.on_success, sink.on_error)
    assert task.dialog is None  # not at once: only after about half a second
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=5000)
    assert task.dialog is not None
    dialog = task.dialog
    qtbot.waitUntil(lambda: "1 of 3: IMG_0001.JPG" in dialog.labelText())
    assert task.dialog.windowTitle() == "Importing photos"
    gate.set()
    qtbot.waitUntil(lambda: sink.results == ["done"])
    assert task.dialog is None and task.dialog_shown


def test_cancel_stops_the_work(qtbot: QtBot, runner: TaskRunner, sink: Sink) -> None:
    steps: list[int] = []
    tick = threading.Event()

    def endless(progress: Progress, should_cancel: ShouldCancel) -> None:
        for n in range(100_000):
            if should_cancel():
                raise Cancelled()
            steps.append(n)
            progress(n, 100_000, f"item {n}")
            tick.wait(0.002)  # a step of real work
        raise AssertionError("never cancelled")

    task = run_with_progress(sink, runner, "Long", endless, sink.on_success, sink.on_error, delay_ms=0)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible())
    assert task.dialog is not None
    cancel = task.dialog.findChild(QPushButton, "progress_cancel")
    assert isinstance(cancel, QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert task.cancelled
    assert not cancel.isEnabled()  # the dialog stays, saying so, until the work has stopped
    assert task.dialog is None or "Cancelling" in task.dialog.labelText()
    qtbot.waitUntil(lambda: bool(sink.errors))
    assert isinstance(sink.errors[0], Cancelled) and sink.results == []
    assert "Cancelled" in sink.errors[0].message
    assert len(steps) < 100_000


def test_updates_land_on_the_gui_thread_and_are_throttled(
    qtbot: QtBot, runner: TaskRunner, sink: Sink
) -> None:
    worker: list[threading.Thread] = []

    def chatty(progress: Progress, should_cancel: ShouldCancel) -> int:
        worker.append(threading.current_thread())
        for n in range(1, 5001):
            progress(n, 5000, "x")
        return 5000

    task = run_with_progress(sink, runner, "Chatty", chatty, sink.on_success, sink.on_error)
    task.progressed.connect(sink.on_progress)
    qtbot.waitUntil(lambda: sink.results == [5000])
    assert worker and worker[0] is not threading.main_thread()
    assert sink.updates, "at least the final update arrives"
    assert {thread for *_, thread in sink.updates} == {threading.main_thread()}
    assert len(sink.updates) < 100  # ~20 a second, not 5000
    assert sink.updates[-1][:2] == (5000, 5000)  # the last step is always reported


def test_errors_reach_on_error_and_the_work_is_cancelled_with_its_screen(
    qtbot: QtBot, runner: TaskRunner, gate: threading.Event
) -> None:
    screen = Sink()
    seen: list[bool] = []

    def waits(progress: Progress, should_cancel: ShouldCancel) -> None:
        assert gate.wait(10)
        seen.append(should_cancel())

    task = run_with_progress(screen, runner, "Gone", waits, screen.on_success, screen.on_error)
    screen.deleteLater()
    qtbot.waitUntil(lambda: task.cancelled)  # the screen went away: the work is told to stop
    gate.set()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert seen == [True]

    other = Sink()
    qtbot.addWidget(other)

    def fails(progress: Progress, should_cancel: ShouldCancel) -> None:
        raise Cancelled("Stopped.")

    run_with_progress(other, runner, "Fails", fails, other.on_success, other.on_error)
    qtbot.waitUntil(lambda: bool(other.errors))
    assert str(other.errors[0]) == "Stopped."


def test_cancel_all_before_locking(
    qtbot: QtBot, runner: TaskRunner, sink: Sink, gate: threading.Event
) -> None:
    from ui.progress import cancel_all, running

    def waits(progress: Progress, should_cancel: ShouldCancel) -> bool:
        assert gate.wait(10)
        return should_cancel()

    task = run_with_progress(sink, runner, "Import", waits, sink.on_success, sink.on_error)
    assert running() == [task]
    assert cancel_all() == 1 and task.cancelled
    gate.set()
    qtbot.waitUntil(lambda: sink.results == [True])
    assert running() == []

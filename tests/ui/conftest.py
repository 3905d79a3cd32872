"""UI test setup: offscreen Qt, fast (insecure) key derivation, no dialogs; a real vault per test."""

from __future__ import annotations

import os

# Before Qt is imported or a QApplication exists.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["FIELDAPP_INSECURE_FAST_KDF"] = "1"
os.environ["FIELDAPP_NO_CRASH_DIALOG"] = "1"

import time  # noqa: E402
from collections.abc import (
    Callable,  # noqa: E402
    Iterator,  # noqa: E402
)
from pathlib import Path  # noqa: E402
from typing import Any, TypeVar  # noqa: E402

import pytest  # noqa: E402

from fieldapp.records.service import Records  # noqa: E402
from fieldapp.vault.session import Session, create_vault, unlock  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

OFFICER = "Sok Dara"
SCREENER, SCREENER_PASSPHRASE = "Chan Vanna", "screener passphrase here"
PASSPHRASE = "correct horse battery"
KHMER_NAME = "សុខ ស្រីពៅ"
CHINESE_NAME = "王小明"


class FakeClock:
    """A clock the test moves by hand, so back-off countdowns need no waiting."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    """A real vault with one operation and two persons (names in Khmer and Chinese script)."""
    data_dir = tmp_path / "v"
    session = create_vault(data_dir, OFFICER, PASSPHRASE, device_name="test-laptop")
    try:
        records = Records(session)
        operation = records.create_operation(name="Sihanoukville test raid")
        records.register_person(
            operation.id, name="Sok Sreypov", name_own_script=KHMER_NAME, nationality="KHM"
        )
        records.register_person(
            operation.id, name="Wang Xiaoming", name_own_script=CHINESE_NAME, nationality="CHN"
        )
    finally:
        session.close()
    return data_dir


@pytest.fixture(autouse=True, scope="session")
def bundled_fonts(qapp: object) -> None:
    """The app registers its bundled fonts at start (ui.app); so do the tests, which otherwise measured
    Khmer in whatever font the machine has (none here: the indicators page then looked too wide)."""
    from ui.i18n import load_fonts

    load_fonts()


@pytest.fixture
def runner(qapp: object) -> Iterator[TaskRunner]:
    task_runner = TaskRunner()
    yield task_runner
    task_runner.shutdown(wait=True)


def type_text(widget: object, text: str) -> None:
    """Type any script the way an input method commits it (qtbot.keyClicks aborts on non-ASCII)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def unlocked(qtbot: Any, vault_dir: Path, runner: TaskRunner) -> Iterator[Any]:
    """The real app window, unlocked as Sok Dara (admin), with the persons list loaded."""
    window = open_app(qtbot, vault_dir, runner)
    yield window
    window.lock()
    qtbot.waitUntil(lambda: runner.pending == 0)


@pytest.fixture(params=["en", "km"])
def language(request: Any, qapp: Any) -> Iterator[str]:
    """Each test taking it runs in English and in Khmer (the translation installed, then removed)."""
    from ui.i18n import set_language

    assert set_language(qapp, request.param)
    yield str(request.param)
    set_language(qapp, "en")


@pytest.fixture
def unlocked_in(qtbot: Any, vault_dir: Path, runner: TaskRunner, language: str) -> Iterator[Any]:
    """The real app window in ``language``, unlocked as Sok Dara (admin), the persons list loaded."""
    window = open_app(qtbot, vault_dir, runner, language)
    yield window
    window.lock()
    qtbot.waitUntil(lambda: runner.pending == 0)


def open_app(qtbot: Any, vault_dir: Path, runner: TaskRunner, language: str = "en", persons: int = 2) -> Any:
    """Start the app on ``vault_dir``, type the passphrase and Enter, wait for the persons list."""
    from PySide6.QtCore import Qt

    from ui.app import AppWindow
    from ui.models.persons import LOADING, Column

    window = AppWindow(data_dir=vault_dir, runner=runner, language=language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.keyClicks(window.unlock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.main_window is not None)
    model = window.main_window.persons_page.model
    qtbot.waitUntil(
        lambda: model.rowCount() == persons and model.index(persons - 1, Column.NAME).data() != LOADING
    )
    return window


T = TypeVar("T")


def on_worker(qtbot: Any, runner: TaskRunner, fn: Callable[[], T]) -> T:
    """Run a core call on the database worker, as the app does, and wait for its result."""
    box: dict[str, Any] = {}
    runner.run_db(fn, lambda result: box.__setitem__("ok", result), lambda exc: box.__setitem__("error", exc))
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    if "error" in box:
        raise box["error"]
    return box["ok"]  # type: ignore[no-any-return]


@pytest.fixture
def open_session(qtbot: Any, runner: TaskRunner, world: Any) -> Iterator[Callable[[str, str], Session]]:
    """Unlock as any officer of the test module's ``world`` vault, on the worker; closed afterwards."""
    sessions: list[Session] = []

    def open_as(officer: str, passphrase: str) -> Session:
        session = on_worker(qtbot, runner, lambda: unlock(world.data_dir, officer, passphrase))
        sessions.append(session)
        return session

    yield open_as
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    for session in sessions:
        on_worker(qtbot, runner, session.close)


@pytest.fixture
def lead(open_session: Callable[[str, str], Session]) -> Session:
    return open_session(OFFICER, PASSPHRASE)  # the first officer is an admin: a team lead and more


@pytest.fixture
def screener(open_session: Callable[[str, str], Session]) -> Session:
    return open_session(SCREENER, SCREENER_PASSPHRASE)

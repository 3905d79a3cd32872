"""Open every page and dialog of the real app, maximised on a small screen, and check that every button lies
on the screen; save a screenshot of each. Run under an X server with a window manager by
tests/ui/test_fit_xvfb.py:
    DISPLAY=:N QT_QPA_PLATFORM=xcb python tests/ui/fit_app.py OUT_DIR SIZE LANG
Prints one line per button out of view and exits 1 when there is any (or when something fails).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("FIELDAPP_INSECURE_FAST_KDF", "1")
os.environ.setdefault("FIELDAPP_NO_CRASH_DIALOG", "1")

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QPoint, QRect, QTimer  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QDialog, QWidget  # noqa: E402

from fieldapp.demo.build import DEMO_PASSPHRASE, build_demo  # noqa: E402
from ui.app import APP_NAME, AppWindow, quiet_font_lookup  # noqa: E402
from ui.i18n import load_fonts, set_language  # noqa: E402
from ui.models.persons import ID_ROLE, LOADING, Column  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

TIMEOUT = 20.0
problems: list[str] = []
checked: list[str] = []


def wait_until(app: QApplication, condition: Callable[[], Any], what: str, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)


def settle(app: QApplication, runner: TaskRunner, seconds: float = 0.4) -> None:
    wait_until(app, lambda: runner.pending == 0, "the database worker")
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)


def _scrolls(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def check(app: QApplication, runner: TaskRunner, window: QWidget, out: Path, tag: str, name: str) -> None:
    """Every visible button of ``window`` lies inside the screen and inside its own window; a screenshot."""
    settle(app, runner)
    screen = (window.screen() or app.primaryScreen()).availableGeometry()
    frame = window.frameGeometry()
    if not screen.contains(frame.adjusted(1, 1, -1, -1)) and not window.isFullScreen():
        problems.append(f"{name}: the window {frame.getRect()} is larger than the screen {screen.getRect()}")
    # Buttons inside a scrolling area are reached by scrolling; the others (actions, navigation, the
    # dialog's own buttons) must be on the screen as it is.
    buttons = [
        b
        for b in window.findChildren(QAbstractButton)
        if b.isVisible() and b.window() is window and not _scrolls(b, window)
    ]
    for button in buttons:
        top_left = button.mapToGlobal(QPoint(0, 0))
        where = QRect(top_left, button.size())
        inside_window = window.mapFromGlobal(top_left).y() + button.height() <= window.height() + 1
        if not screen.contains(where) or not inside_window:
            label = button.text().replace("&", "") or button.objectName() or type(button).__name__
            problems.append(
                f"{name}: button {label!r} at {where.getRect()} is outside the screen {screen.getRect()}"
            )
    checked.append(name)
    pixmap = (window.screen() or app.primaryScreen()).grabWindow(
        0
    )  # the whole screen, as the officer sees it
    pixmap.save(str(out / f"fit-{tag}-{name}.png"), "PNG")


def in_modal(
    app: QApplication, runner: TaskRunner, out: Path, tag: str, name: str, open_it: Callable[[], Any]
) -> None:
    """Check a dialog that runs its own event loop (exec), then cancel it."""

    def inspect() -> None:
        dialog = app.activeModalWidget()
        try:
            if dialog is None:
                problems.append(f"{name}: no dialog opened")
                return
            check(app, runner, dialog, out, tag, name)
        finally:
            if isinstance(dialog, QDialog):
                dialog.reject()

    QTimer.singleShot(300, inspect)
    open_it()


def newest_dialog(app: QApplication, before: set[int]) -> QWidget | None:
    for widget in app.topLevelWidgets():
        if widget.isVisible() and id(widget) not in before and isinstance(widget, QDialog):
            return widget
    return None


def opened(
    app: QApplication, runner: TaskRunner, out: Path, tag: str, name: str, open_it: Callable[[], Any]
) -> None:
    """Check a dialog opened with open() (it returns at once), then close it."""
    before = {id(w) for w in app.topLevelWidgets() if w.isVisible()}
    open_it()
    wait_until(app, lambda: newest_dialog(app, before) is not None, name)
    dialog = newest_dialog(app, before)
    assert dialog is not None
    check(app, runner, dialog, out, tag, name)
    if isinstance(dialog, QDialog):
        dialog.reject()
    else:
        dialog.close()


def run(app: QApplication, runner: TaskRunner, data_dir: Path, out: Path, tag: str, lang: str) -> None:
    window = AppWindow(data_dir=data_dir, runner=runner, language=lang)
    window.showMaximized()
    try:
        wait_until(app, window.isVisible, "the window")
        unlock = window.unlock_screen
        wait_until(app, lambda: unlock.officer.count() > 0, "the officers list")
        check(app, runner, window, out, tag, "unlock")
        unlock.passphrase.setText(DEMO_PASSPHRASE)
        unlock.attempt_unlock()
        wait_until(app, lambda: window.main_window is not None, "unlocking")
        main = window.main_window
        assert main is not None
        model = main.persons_page.model
        wait_until(
            app,
            lambda: model.rowCount() > 0 and model.index(0, Column.NAME).data() not in (None, LOADING),
            "the persons",
        )
        check(app, runner, window, out, tag, "persons")
        main.show_intake()
        check(app, runner, window, out, tag, "intake")
        person_id = str(model.index(0, 0).data(ID_ROLE))
        main.open_person(person_id)
        wait_until(app, lambda: main.person_page.title.text() != "", "the person page")
        check(app, runner, window, out, tag, "person")
        opened(app, runner, out, tag, "handover-dialog", main.person_page.open_handover)
        opened(app, runner, out, tag, "link-dialog", main.person_page.links.ask_link)
        opened(app, runner, out, tag, "person-edit", main.person_page.edit_details)
        opened(app, runner, out, tag, "person-history", main.person_page.show_history)
        main.open_interview(person_id, "")
        wait_until(app, lambda: main.interview is not None and main.interview.is_loaded, "the interview")
        interview = main.interview
        consent = interview.field("consent", "consents_to_interview")
        consent.set_value(True)
        consent.changed.emit()
        for step in interview.step_keys:
            interview.go_to_step(step)
            check(app, runner, window, out, tag, f"interview-{step}")
        main.show_persons()
        in_modal(app, runner, out, tag, "settings", main.settings_action.trigger)
        in_modal(app, runner, out, tag, "new-operation", main.new_operation_action.trigger)
        opened(app, runner, out, tag, "sync", main.show_sync)
        opened(app, runner, out, tag, "headcount", main.show_headcount)
        opened(app, runner, out, tag, "wristbands", main.print_wristbands)
        opened(app, runner, out, tag, "embassy-list", main.print_notification)
        opened(app, runner, out, tag, "edit-operation", main.edit_operation)
        opened(app, runner, out, tag, "operation-history", main.show_operation_history)
        opened(app, runner, out, tag, "verify", main.show_verify)
        in_modal(app, runner, out, tag, "about", main.show_about)
    finally:
        window.lock()
        settle(app, runner)
        window.close()
        window.deleteLater()
        app.processEvents()


def main(argv: list[str]) -> int:
    out, size, lang = Path(argv[1]).resolve(), argv[2], argv[3]
    out.mkdir(parents=True, exist_ok=True)
    quiet_font_lookup()
    app = QApplication([APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    load_fonts()
    if not set_language(app, lang):
        print(f"the {lang} translation could not be loaded", file=sys.stderr)
        return 1
    runner = TaskRunner()
    try:
        with tempfile.TemporaryDirectory(prefix="fieldapp-fit-") as tmp:
            data_dir = Path(tmp) / "demo"
            build_demo(data_dir, DEMO_PASSPHRASE, persons=12)
            run(app, runner, data_dir, out, f"{size}-{lang}", lang)
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        runner.shutdown(wait=True)
    print(f"checked {len(checked)} views: {', '.join(checked)}")
    for line in problems:
        print(line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

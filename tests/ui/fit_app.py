"""Open every page and dialog of the real app, maximised on a small screen, and check that every button lies
on the screen; save a screenshot of each. Run under an X server with a window manager by
tests/ui/test_fit_xvfb.py:
    DISPLAY=:N QT_QPA_PLATFORM=xcb python tests/ui/fit_app.py OUT_DIR SIZE LANG
Prints one line per button out of view and exits 1 when there is any (or when something fails).
"""

from __future__ import annotations

import os
import re
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

from PySide6.QtCore import QEventLoop, QPoint, QRect, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QWidget,
)

from fieldapp.demo.build import DEMO_PASSPHRASE, build_demo  # noqa: E402
from ui.app import APP_NAME, AppWindow  # noqa: E402
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


def rich_text(text: str) -> bool:
    from PySide6 import QtGui

    return bool(QtGui.Qt.mightBeRichText(text))  # mightBeRichText lives in QtGui's part of Qt


def _sideways(window: QWidget) -> list[str]:
    """Forms and texts that need sideways scrolling (a table or list may scroll sideways by design: its
    columns are the officer's to widen), and labels or buttons whose text is cut off."""
    found = []
    for area in window.findChildren(QAbstractScrollArea):
        if area.window() is not window or not area.isVisible() or isinstance(area, QAbstractItemView):
            continue
        bar = area.horizontalScrollBar()
        if bar is not None and bar.isVisible() and bar.maximum() > 0:
            found.append(f"{area.objectName() or type(area).__name__} scrolls sideways by {bar.maximum()} px")
    for label in window.findChildren(QLabel):
        if label.window() is not window or not label.isVisible() or label.wordWrap() or not label.text():
            continue
        if label.pixmap() is not None and not label.pixmap().isNull():
            continue
        if re.search(r"&\w", label.text()) and label.buddy() is None and not rich_text(label.text()):
            found.append(f"label {label.text()!r} shows its '&' (no buddy to give the Alt key to)")
        if label.width() + 2 < label.minimumSizeHint().width():
            text = label.text().replace("&", "")[:60]
            found.append(
                f"label {text!r} is cut off ({label.width()} of {label.minimumSizeHint().width()} px)"
            )
    for button in window.findChildren(QAbstractButton):
        if button.window() is not window or not button.isVisible() or not button.text():
            continue
        wanted = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
        if button.width() < wanted:
            text = button.text().replace("&", "")[:60]
            found.append(f"button {text!r} is cut off ({button.width()} of {wanted} px)")
    return found + _alt_clashes(window)


def _alt_clashes(window: QWidget) -> list[str]:
    """Alt+letter keys claimed twice in one window (Qt then only moves the focus between them)."""
    claimed: dict[str, list[str]] = {}
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            text = widget.text().replace("&&", "")
            if found := re.search(r"&([^&\s])", text):
                claimed.setdefault(found.group(1).lower(), []).append(text)
    return [f"Alt+{key.upper()} is claimed by {texts}" for key, texts in claimed.items() if len(texts) > 1]


def check(app: QApplication, runner: TaskRunner, window: QWidget, out: Path, tag: str, name: str) -> None:
    """Every visible button of ``window`` lies inside the screen and inside its own window, nothing needs
    sideways scrolling or is cut off; a screenshot."""
    settle(app, runner)
    problems.extend(f"{name}: {what}" for what in _sideways(window))
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


def newest_dialog(app: QApplication, before: set[int], kind: type[QWidget] = QDialog) -> QWidget | None:
    for widget in app.topLevelWidgets():
        if widget.isVisible() and id(widget) not in before and isinstance(widget, kind):
            return widget
    return None


def opened(
    app: QApplication,
    runner: TaskRunner,
    out: Path,
    tag: str,
    name: str,
    open_it: Callable[[], Any],
    kind: type[QWidget] = QDialog,
) -> None:
    """Check a dialog (or window of ``kind``) opened with open() or show() (it returns at once), then
    close it."""
    before = {id(w) for w in app.topLevelWidgets() if w.isVisible()}
    open_it()
    wait_until(app, lambda: newest_dialog(app, before, kind) is not None, name)
    dialog = newest_dialog(app, before, kind)
    assert dialog is not None
    check(app, runner, dialog, out, tag, name)
    if isinstance(dialog, QDialog):
        dialog.reject()
    else:
        dialog.close()
    settle(app, runner, 0.2)


def photo_jpeg(number: int, width: int = 1600, height: int = 1200) -> bytes:
    """A camera-sized JPEG (a coloured frame with a number), as a phone or camera card holds."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor.fromHsv((number * 67) % 360, 120, 200))
    painter = QPainter(image)
    font = painter.font()
    font.setPixelSize(height // 4)
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, str(number))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG")  # type: ignore[call-overload]
    return bytes(data.data())


def on_worker(app: QApplication, runner: TaskRunner, fn: Callable[[], Any]) -> Any:
    box: dict[str, Any] = {}
    runner.run_db(fn, lambda result: box.__setitem__("ok", result), lambda exc: box.__setitem__("error", exc))
    wait_until(app, lambda: bool(box), "the database worker")
    if "error" in box:
        raise box["error"]
    return box.get("ok")


def photo_views(app: QApplication, runner: TaskRunner, main: Any, out: Path, tag: str, card: Path) -> None:
    """The photo viewer, the photo type and consent dialog, the camera (no camera here) and the camera-card
    picker, from the person page's photos panel."""
    from fieldapp.photos.service import Photos
    from ui.screens.photos import PhotosPanel
    from ui.widgets.card_picker import CardPickerDialog
    from ui.widgets.photo_camera import CameraDialog
    from ui.widgets.photo_options import PhotoOptionsDialog
    from ui.widgets.photo_viewer import PhotoViewer

    panel: PhotosPanel = main.person_page.photos
    person_id = str(panel.person_id)
    if not panel.rows:  # a person with a photo, taken with consent
        records = main.records
        on_worker(
            app,
            runner,
            lambda: Photos(records).attach(person_id, photo_jpeg(1), kind="portrait", consent=True),
        )
        panel.reload()
        wait_until(app, lambda: bool(panel.rows), "the photos")
    panel.strip.setCurrentRow(0)
    opened(app, runner, out, tag, "photo-viewer", panel.view_selected, PhotoViewer)
    opened(
        app,
        runner,
        out,
        tag,
        "photo-options",
        lambda: panel.attach_captured(photo_jpeg(2)),
        PhotoOptionsDialog,
    )
    opened(app, runner, out, tag, "camera", lambda: CameraDialog(main).open(), CameraDialog)
    folder = card / "DCIM" / "100CANON"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(3, 9):
        (folder / f"IMG_{n:04d}.JPG").write_bytes(photo_jpeg(n))
    panel.progress_delay_ms = 60_000  # the card is read at once: no progress window in the way
    opened(
        app, runner, out, tag, "card-picker", lambda: panel._card_chosen(person_id, card), CardPickerDialog
    )


def run(app: QApplication, runner: TaskRunner, data_dir: Path, out: Path, tag: str, lang: str) -> None:
    from ui.screens.interview_dialogs import PassphraseDialog
    from ui.screens.possible_duplicate import PossibleDuplicateDialog
    from ui.screens.respondent import RespondentWindow
    from ui.widgets.band_camera import BandCameraDialog

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
        intake = main.intake_page
        intake.name.setText(str(model.index(0, Column.NAME).data()))  # a person already registered
        intake.sex.set_value("unknown")
        opened(app, runner, out, tag, "possible-duplicate", intake.save, PossibleDuplicateDialog)
        intake.name.clear()
        intake.sex.set_value(None)
        person_id = str(model.index(0, 0).data(ID_ROLE))
        main.open_person(person_id)
        wait_until(app, lambda: main.person_page.title.text() != "", "the person page")
        check(app, runner, window, out, tag, "person")
        photo_views(app, runner, main, out, tag, data_dir.parent / "card")
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
        opened(
            app,
            runner,
            out,
            tag,
            "finalise-summary",
            interview.finalise_box._ask_passphrase,
            PassphraseDialog,
        )
        opened(app, runner, out, tag, "respondent", interview.open_respondent_screen, RespondentWindow)
        main.show_persons()
        in_modal(app, runner, out, tag, "settings", main.settings_action.trigger)
        in_modal(app, runner, out, tag, "new-operation", main.new_operation_action.trigger)
        opened(app, runner, out, tag, "sync", main.show_sync)
        opened(app, runner, out, tag, "headcount", main.show_headcount)
        opened(
            app,
            runner,
            out,
            tag,
            "band-camera",
            lambda: BandCameraDialog(runner, main).open(),
            BandCameraDialog,
        )
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

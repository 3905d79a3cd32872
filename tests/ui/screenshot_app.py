"""Start the real app on a small demo vault and save screenshots of the main screens, in English and Khmer.

Run under an X server by tests/ui/test_screenshots_xvfb.py:
    DISPLAY=:N QT_QPA_PLATFORM=xcb FIELDAPP_INSECURE_FAST_KDF=1 python tests/ui/screenshot_app.py OUT_DIR
Writes OUT_DIR/screens-<lang>-<name>.png for lang in en, km and exits 0, or prints what failed and exits 1.
The app is driven through its public attributes, as an officer would click through it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

os.environ.setdefault("FIELDAPP_INSECURE_FAST_KDF", "1")
os.environ.setdefault("FIELDAPP_NO_CRASH_DIALOG", "1")

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtGui import QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from fieldapp.demo.build import DEMO_PASSPHRASE, build_demo  # noqa: E402
from fieldapp.demo.hq import DEMO_HQ_PASSPHRASE, build_demo_hq  # noqa: E402
from ui.app import APP_NAME, AppWindow  # noqa: E402
from ui.hq.window import HqAppWindow  # noqa: E402
from ui.i18n import load_fonts, set_language  # noqa: E402
from ui.models.persons import ID_ROLE, LOADING, Column, outcome_label  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

LANGUAGES = ("en", "km")
PERSONS = 40
TIMEOUT = 20.0
SHOTS = ("unlock", "persons", "intake", "person", "interview-consent", "interview-indicators")
HQ_SHOTS = (
    "hq-unlock",
    "hq-bundles",
    "hq-review",
    "hq-persons",
    "hq-duplicates",
    "hq-dashboard",
    "hq-devices",
    "hq-disclosures",
    "hq-followup",
)

errors: list[str] = []


def _record_error(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Exceptions raised in slots: Qt only prints them; here they fail the run."""
    errors.append("".join(traceback.format_exception(kind, value, tb)))
    sys.__excepthook__(kind, value, tb)


def wait_until(app: QApplication, condition: Callable[[], Any], what: str, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if errors:
            raise RuntimeError(f"error while waiting for {what}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)


def settle(app: QApplication, runner: TaskRunner) -> None:
    """Let queued database work finish and the window repaint."""
    wait_until(app, lambda: runner.pending == 0, "the database worker")
    end = time.monotonic() + 0.3
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)


def shoot(app: QApplication, runner: TaskRunner, window: QWidget, out: Path, lang: str, name: str) -> Path:
    settle(app, runner)
    screen = window.screen() or app.primaryScreen()
    pixmap: QPixmap = screen.grabWindow(window.winId())  # the real X window, as an officer sees it
    if pixmap.isNull() or pixmap.width() < 100:
        pixmap = window.grab()
    path = out / f"screens-{lang}-{name}.png"
    if not pixmap.save(str(path), "PNG"):
        raise OSError(f"could not save {path}")
    print(f"saved {path} ({pixmap.width()}x{pixmap.height()})", flush=True)
    return path


def pick_person(window: AppWindow) -> str:
    """A person with a screening if the first page has one (the person page shows more), else the first."""
    model = window.main_window.persons_page.model  # type: ignore[union-attr]
    first = ""
    for row in range(min(model.rowCount(), 30)):
        person_id = model.index(row, 0).data(ID_ROLE)
        if not person_id:
            continue
        first = first or person_id
        outcome = model.index(row, Column.OUTCOME).data()
        if outcome and outcome not in (LOADING, outcome_label(None)):
            return str(person_id)
    if not first:
        raise RuntimeError("the persons list shows no person")
    return str(first)


def run_language(app: QApplication, runner: TaskRunner, data_dir: Path, out: Path, lang: str) -> None:
    if not set_language(app, lang):
        raise RuntimeError(f"the {lang} translation could not be loaded")
    window = AppWindow(data_dir=data_dir, runner=runner, language=lang)
    window.resize(1100, 720)
    window.show()
    try:
        wait_until(app, window.isVisible, "the window")
        unlock = window.unlock_screen
        wait_until(app, lambda: unlock.officer.count() > 0, "the officers list")
        shoot(app, runner, window, out, lang, "unlock")

        unlock.passphrase.setText(DEMO_PASSPHRASE)
        unlock.attempt_unlock()
        wait_until(app, lambda: window.main_window is not None, "unlocking")
        main = window.main_window
        assert main is not None
        model = main.persons_page.model
        wait_until(
            app,
            lambda: model.rowCount() > 0 and model.index(0, Column.NAME).data() not in (None, LOADING),
            "the persons list",
        )
        shoot(app, runner, window, out, lang, "persons")

        main.show_intake()
        shoot(app, runner, window, out, lang, "intake")

        person_id = pick_person(window)
        main.open_person(person_id)
        wait_until(app, lambda: main.person_page.title.text() != "", "the person page")
        shoot(app, runner, window, out, lang, "person")

        main.open_interview(person_id, "")
        wait_until(app, lambda: main.interview is not None and main.interview.is_loaded, "the interview")
        interview = main.interview
        interview.go_to_step("consent")
        shoot(app, runner, window, out, lang, "interview-consent")

        consent = interview.field("consent", "consents_to_interview")
        consent.set_value(True)
        consent.changed.emit()
        wait_until(app, lambda: interview.is_step_enabled("indicators"), "the steps after consent")
        if not interview.go_to_step("indicators"):
            raise RuntimeError("the indicators step could not be shown")
        shoot(app, runner, window, out, lang, "interview-indicators")
    finally:
        window.lock()
        settle(app, runner)
        window.close()
        window.deleteLater()
        app.processEvents()


def run_hq_language(app: QApplication, runner: TaskRunner, hq_dir: Path, out: Path, lang: str) -> None:
    """HQ mode: the unlock screen, then each screen with what the demo HQ holds."""
    if not set_language(app, lang):
        raise RuntimeError(f"the {lang} translation could not be loaded")
    window = HqAppWindow(hq_dir=hq_dir, runner=runner, language=lang)
    window.resize(1200, 760)
    window.show()
    try:
        wait_until(app, window.isVisible, "the HQ window")
        shoot(app, runner, window, out, lang, "hq-unlock")
        window.unlock_screen.passphrase.setText(DEMO_HQ_PASSPHRASE)
        window.unlock_screen.attempt_unlock()
        wait_until(app, lambda: window.main_window is not None, "unlocking HQ")
        main = window.main_window
        assert main is not None
        wait_until(app, lambda: main.bundles.bundles.rowCount() > 0, "the bundles")
        shoot(app, runner, window, out, lang, "hq-bundles")
        main.show_page(1)
        wait_until(app, lambda: main.review.table.rowCount() > 0, "the review queue")
        main.review.side_b.choose.setChecked(True)
        reason = "Passport copy shows this age" if lang == "en" else "ច្បាប់ចម្លងលិខិតឆ្លងដែន"
        main.review.reason.setText(reason)
        shoot(app, runner, window, out, lang, "hq-review")
        main.show_page(2)
        model = main.persons.model
        wait_until(
            app,
            lambda: model.rowCount() > 0 and model.index(0, Column.NAME).data() not in (None, LOADING),
            "the HQ persons list",
        )
        shoot(app, runner, window, out, lang, "hq-persons")
        main.show_page(3)
        main.duplicates.find_duplicates()
        wait_until(app, lambda: not main.duplicates.searching, "the duplicate search")
        if main.duplicates.table.rowCount():
            main.duplicates.table.selectRow(0)
            wait_until(app, lambda: main.duplicates.panel_b.facts.text() != "", "the side-by-side view")
        shoot(app, runner, window, out, lang, "hq-duplicates")
        main.show_page(4)
        wait_until(app, lambda: len(main.dashboard.charts) > 0, "the dashboard")
        shoot(app, runner, window, out, lang, "hq-dashboard")
        main.show_page(5)
        wait_until(app, lambda: main.devices.table.rowCount() > 0, "the devices")
        team = next(r.device for r in main.devices.rows if r.device.name == "team-sihanoukville")
        main.devices.select(team.device_id)
        wait_until(app, lambda: main.devices.officers_table.rowCount() > 0, "a laptop's officers")
        shoot(app, runner, window, out, lang, "hq-devices")
        main.show_page(6)  # the persons opened above and the demo team's printed manifest
        wait_until(app, lambda: main.disclosures.table.rowCount() > 0, "the disclosures")
        shoot(app, runner, window, out, lang, "hq-disclosures")
        # The demo HQ hands persons over and records their statuses: the list has rows to show.
        main.show_page(8)
        wait_until(app, lambda: main.followup.table.rowCount() > 0, "the follow-up list")
        main.followup.table.selectRow(  # a person with a status recorded, for the history beside the list
            next(n for n, item in enumerate(main.followup.items) if item.status != "handed_over")
        )
        wait_until(app, lambda: main.followup.history.text() != "", "a person's status history")
        shoot(app, runner, window, out, lang, "hq-followup")
    finally:
        window.lock()
        settle(app, runner)
        window.close()
        window.deleteLater()
        app.processEvents()


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else ROOT / "tests" / "artifacts").resolve()
    out.mkdir(parents=True, exist_ok=True)
    sys.excepthook = _record_error
    app = QApplication([APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    families = load_fonts()
    if "Noto Sans Khmer" not in families:
        print(f"the bundled Khmer font did not load: {families}", file=sys.stderr)
        return 1
    runner = TaskRunner()
    try:
        with tempfile.TemporaryDirectory(prefix="fieldapp-screens-") as tmp:
            data_dir = Path(tmp) / "demo"
            started = time.monotonic()
            build_demo(data_dir, DEMO_PASSPHRASE, persons=PERSONS)
            print(f"demo vault built in {time.monotonic() - started:.1f} s", flush=True)
            for lang in LANGUAGES:
                run_language(app, runner, data_dir, out, lang)
            from fieldapp.hq import importer

            # Screenshots show the review queue with a conflict, as an HQ store from before 0.2 holds one
            # (a change to another laptop's record is refused with an alarm since).
            checked = importer.check_ownership
            importer.check_ownership = lambda *_: None  # type: ignore[assignment]
            try:
                build_demo_hq(Path(tmp) / "hq", persons=12)
            finally:
                importer.check_ownership = checked  # type: ignore[assignment]
            for lang in LANGUAGES:
                run_hq_language(app, runner, Path(tmp) / "hq", out, lang)
            runner.shutdown(wait=True)
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        runner.shutdown(wait=True)
    if errors:
        print(f"{len(errors)} error(s) raised inside the app:\n" + "\n".join(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

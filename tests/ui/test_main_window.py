"""The main window: operations, fast intake with the keyboard alone, search and filters, locking."""

from __future__ import annotations

from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from fieldapp.records.service import PersonFilter, Records
from tests.ui.conftest import PASSPHRASE, on_worker, type_text
from ui.locking import INTERVIEW_IDLE_FACTOR
from ui.models.persons import ID_ROLE, LOADING, Column
from ui.tasks import TaskRunner


def test_create_an_operation_and_make_it_current(qtbot: QtBot, unlocked: Any, runner: TaskRunner) -> None:
    main = unlocked.main_window

    def fill_and_accept() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        qtbot.keyClicks(dialog.name, "Poipet raid")
        qtbot.keyClicks(dialog.place, "Casino compound K")
        dialog.accept()

    qtbot.waitUntil(lambda: main.operation_picker.count() == 1)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, fill_and_accept)
    main.new_operation_action.trigger()
    qtbot.waitUntil(lambda: main.operation_picker.count() == 2)
    qtbot.waitUntil(lambda: main.operation_picker.currentText() == "Poipet raid")
    session = unlocked.session
    operations = on_worker(qtbot, runner, lambda: Records(session).operations())
    poipet = next(o for o in operations if o.name == "Poipet raid")
    assert poipet.data["place"] == "Casino compound K" and poipet.data["province"]
    assert main.operation_id == poipet.id


def test_intake_with_the_keyboard_alone(qtbot: QtBot, unlocked: Any, runner: TaskRunner) -> None:
    main = unlocked.main_window
    qtbot.keyClick(main, Qt.Key.Key_F3)
    page = main.intake_page
    assert main.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.save_button.isEnabled())
    assert page.name.hasFocus()
    for n, (name, own) in enumerate((("NGUYEN VAN MINH", "Nguyễn Văn Minh"), ("SOK DARA", "សុខ ដារ៉ា"))):
        qtbot.keyClicks(page.name, name)
        qtbot.keyClick(page.name, Qt.Key.Key_Tab)
        assert page.name_own.hasFocus()
        type_text(page.name_own, own)
        page.nationality.setFocus()
        page.nationality.lineEdit().selectAll()  # it keeps the previous person's: typing replaces it
        qtbot.keyClicks(page.nationality, "VNM" if n == 0 else "KHM")
        qtbot.keyClick(page.nationality, Qt.Key.Key_Tab)
        qtbot.keyClick(page.sex, Qt.Key.Key_M)  # M: male, and on to the age
        assert page.age.hasFocus()
        qtbot.keyClicks(page.age, "27")
        page.urgent_needs.setFocus()
        qtbot.keyClicks(page.urgent_needs, "insulin")
        qtbot.keyClick(page.urgent_needs, Qt.Key.Key_Return)  # Enter saves and starts the next person
        qtbot.waitUntil(lambda n=n: page.last_id.text().endswith(f"{n + 3:05d}"))
        assert page.name.text() == "" and page.name.hasFocus()
    session = unlocked.session
    people = on_worker(qtbot, runner, lambda: Records(session).persons(search="Nguyễn"))
    assert [(p.name, p.name_own, p.nationality, p.sex, p.age) for p in people] == [
        ("NGUYEN VAN MINH", "Nguyễn Văn Minh", "VNM", "male", 27)
    ]
    assert [
        p.nationality for p in on_worker(qtbot, runner, lambda: Records(session).persons(search="SOK DARA"))
    ] == ["KHM"]
    fields = on_worker(qtbot, runner, lambda: Records(session).person_fields(people[0].id))
    assert fields["urgent_needs"] == "insulin"

    assert page.photo_button.isVisibleTo(page)  # the portrait of the person just registered, one key away
    qtbot.keyClick(page.name, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: main.pages.currentWidget() is main.person_page)
    assert main.person_page.photos.person_id == main.person_page.person_id != ""


def test_search_filters_and_opening_a_person(qtbot: QtBot, unlocked: Any) -> None:
    main = unlocked.main_window
    page = main.persons_page
    model = page.model
    type_text(page.search, "王小明")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    qtbot.waitUntil(lambda: model.index(0, Column.NAME).data() == "Wang Xiaoming")
    page.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    page.nationality.setCurrentIndex(page.nationality.findData("KHM"))
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, Column.NAME).data() == "Sok Sreypov")
    assert page.current_filter() == PersonFilter(operation_id=main.operation_id, search="", nationality="KHM")
    page.outcome.setCurrentIndex(page.outcome.findData("PRESUMED_VICTIM"))
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    page.outcome.setCurrentIndex(0)
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.index(0, Column.NAME).data() != LOADING)

    page.table.setFocus()
    page.table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.pages.currentWidget() is main.person_page)
    qtbot.waitUntil(lambda: "Sok Sreypov" in main.person_page.title.text())
    assert main.person_page.person_id == model.index(0, 0).data(ID_ROLE)


def test_idle_timeout_locks(qtbot: QtBot, unlocked: Any) -> None:
    main = unlocked.main_window
    session = unlocked.session
    main.idle_lock.timer.setInterval(50)  # instead of minutes
    main.idle_lock.timer.start()
    qtbot.waitUntil(lambda: unlocked.currentWidget() is unlocked.unlock_screen, timeout=5_000)
    assert not session.is_open and unlocked.main_window is None


def test_panic_lock_works_from_anywhere_in_the_app(qtbot: QtBot, unlocked: Any) -> None:
    main = unlocked.main_window
    session = unlocked.session
    qtbot.keyClick(
        main.persons_page.search,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: unlocked.currentWidget() is unlocked.unlock_screen)
    assert not session.is_open
    qtbot.keyClicks(unlocked.unlock_screen.passphrase, PASSPHRASE)  # and the officer carries on
    qtbot.keyClick(unlocked.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: unlocked.main_window is not None)


@pytest.mark.parametrize("keys", ["Ctrl+L", "Ctrl+Shift+L"])
def test_lock_keys_work_inside_a_modal_dialog_and_close_it(qtbot: QtBot, unlocked: Any, keys: str) -> None:
    """The Sync dialog over a list of names, or the settings (a modal exec loop): the lock key closes them
    and locks, where the main window's own shortcuts were blocked."""
    from PySide6.QtCore import QTimer

    main = unlocked.main_window
    session = unlocked.session
    main.show_sync()
    sync = next(
        w for w in QApplication.topLevelWidgets() if w.objectName() == "sync_dialog" and w.isVisible()
    )
    modifiers = Qt.KeyboardModifier.ControlModifier | (
        Qt.KeyboardModifier.ShiftModifier if "Shift" in keys else Qt.KeyboardModifier.NoModifier
    )
    pressed: list[bool] = []

    def press_in_settings() -> None:  # runs inside the settings dialog's own event loop
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        qtbot.keyClick(dialog, Qt.Key.Key_L, modifiers)
        pressed.append(True)

    QTimer.singleShot(0, press_in_settings)
    main.settings_action.trigger()  # exec(): returns once the lock rejected it
    assert pressed
    qtbot.waitUntil(lambda: unlocked.currentWidget() is unlocked.unlock_screen, timeout=5_000)
    assert not session.is_open
    assert not (shiboken6.isValid(sync) and sync.isVisible()) and QApplication.activeModalWidget() is None


def test_unlocking_returns_the_officer_to_the_interview_step(
    qtbot: QtBot, unlocked: Any, runner: TaskRunner
) -> None:
    from ui.widgets import YesNoChoice

    main = unlocked.main_window
    person_id = main.persons_page.model.person_id_at(0)
    officer = unlocked.session.officer.name
    main.open_interview(person_id, "")
    interview = main.interview
    qtbot.waitUntil(lambda: interview.is_loaded, timeout=10_000)
    assert main.idle_lock.timer.interval() == main.idle_lock.minutes * INTERVIEW_IDLE_FACTOR * 60_000
    consent = interview.field("consent", "consents_to_interview")
    assert isinstance(consent, YesNoChoice)
    consent.set_value(True)
    assert interview.go_to_step("exploitation")
    qtbot.keyClick(
        interview.field("exploitation", "quota"), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: unlocked.currentWidget() is unlocked.unlock_screen, timeout=10_000)
    unlock = unlocked.unlock_screen
    assert unlock.officer.currentText() == officer  # the officer who was working, not the first by name
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: unlocked.main_window is not None)
    main = unlocked.main_window
    qtbot.waitUntil(lambda: main.interview is not None and main.interview.is_loaded, timeout=10_000)
    qtbot.waitUntil(lambda: main.interview.current_step == "exploitation", timeout=5_000)
    assert main.interview.person_id == person_id
    assert "Your draft was saved" in main.statusBar().currentMessage()


def test_settings_are_kept_in_the_vault(qtbot: QtBot, unlocked: Any, runner: TaskRunner) -> None:
    from PySide6.QtCore import QTimer

    from fieldapp.records import settings

    main = unlocked.main_window

    def change() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        dialog.idle.setValue(7)
        dialog.accept()

    QTimer.singleShot(0, change)
    main.settings_action.trigger()
    qtbot.waitUntil(lambda: main.idle_lock.timer.interval() == 7 * 60_000)
    from ui.screens.dialogs import SettingsDialog

    dialog = SettingsDialog(idle_minutes=4, printer="", retention_days=30)
    assert (
        "waits 20 minutes" in dialog.interview_note.text()
    )  # an interview extends the idle time: said in Settings
    session = unlocked.session
    assert on_worker(qtbot, runner, lambda: settings.get_int(session, settings.IDLE_LOCK_MINUTES)) == 7


def test_auto_lock_and_panic_lock_keep_the_interview_draft(
    qtbot: QtBot, unlocked: Any, runner: TaskRunner
) -> None:
    """Typed, not yet autosaved, then the laptop locks: the view is cleared and nothing typed is lost."""
    from fieldapp.records.screenings import Screenings
    from ui.widgets import YesNoChoice

    main = unlocked.main_window
    person_id = main.persons_page.model.person_id_at(0)
    for lock in ("idle", "panic"):
        main = unlocked.main_window
        main.open_interview(person_id, "")
        interview = main.interview
        qtbot.waitUntil(lambda interview=interview: interview.is_loaded, timeout=10_000)
        consent = interview.field("consent", "consents_to_interview")
        assert isinstance(consent, YesNoChoice)
        consent.setFocus()
        qtbot.keyClick(consent, Qt.Key.Key_Y)
        interview.go_to_step("interpreter")
        name = interview.field("language", "interpreter_name")
        name.selectAll()  # the second time round the draft is continued: typing replaces the name
        type_text(name, f"Lê Thị Hoa {lock}")  # typed a moment ago: the debounced autosave has not run
        assert interview.has_unsaved_changes
        if lock == "idle":
            main.idle_lock.timer.setInterval(10)
            main.idle_lock.timer.start()
        else:
            qtbot.keyClick(
                name, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            )
        qtbot.waitUntil(lambda: unlocked.currentWidget() is unlocked.unlock_screen, timeout=10_000)
        assert unlocked.main_window is None  # the view and its models are gone

        qtbot.keyClicks(unlocked.unlock_screen.passphrase, PASSPHRASE)
        qtbot.keyClick(unlocked.unlock_screen.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: unlocked.main_window is not None)
        session = unlocked.session
        drafts = on_worker(
            qtbot, runner, lambda session=session: Screenings(Records(session)).for_person(person_id)
        )
        names = [s.sections.get("language", {}).get("interpreter_name") for s in drafts]
        assert names == [f"Lê Thị Hoa {lock}"]  # one draft, continued rather than begun again
        qtbot.waitUntil(lambda: unlocked.main_window.persons_page.model.rowCount() == 2)


def test_intake_nationality_stores_only_what_was_chosen(
    qtbot: QtBot, unlocked: Any, runner: TaskRunner
) -> None:
    """Typing "China" after a Vietnamese person once stored VNM; "Mongolia" was refused; "vie" stored."""
    main = unlocked.main_window
    qtbot.keyClick(main, Qt.Key.Key_F3)
    page = main.intake_page
    qtbot.waitUntil(lambda: page.save_button.isEnabled())
    session = unlocked.session

    def register(name: str, nationality: str) -> None:
        page.name.setText(name)
        page.sex.set_value("female")
        page.nationality.setCurrentIndex(page.nationality.findData("VNM"))  # the previous person's
        page.nationality.setEditText(nationality)
        page.save()

    for name, typed, stored in (
        ("ZHANG WEI", "China", "CHN"),
        ("BAATAR", "Mongolia", "MNG"),
        ("LI NA", "ចិន", "CHN"),
        ("TRAN MAI", "vnm", "VNM"),
    ):
        register(name, typed)
        qtbot.waitUntil(lambda name=name: page.message.text().startswith(f"Registered {name}"))
        people = on_worker(qtbot, runner, lambda name=name: Records(session).persons(search=name))
        assert [p.nationality for p in people] == [stored], typed
    before = on_worker(qtbot, runner, lambda: len(Records(session).persons()))
    register("NOBODY", "vie")
    qtbot.waitUntil(lambda: "not a country code" in page.message.text())
    assert "choose the country from the list" in page.message.text()
    assert on_worker(qtbot, runner, lambda: len(Records(session).persons())) == before


def test_intake_languages_are_typed_by_name_or_code_and_stored_as_codes(
    qtbot: QtBot, unlocked: Any, runner: TaskRunner
) -> None:
    """Intake took only codes ("e.g. vi, zh, en"); an officer types "Vietnamese" or "ចិន" too."""
    main = unlocked.main_window
    qtbot.keyClick(main, Qt.Key.Key_F3)
    page = main.intake_page
    qtbot.waitUntil(lambda: page.save_button.isEnabled())
    session = unlocked.session
    page.name.setText("PHAM LAN")
    page.sex.set_value("female")
    page.languages.setText("Vietnamese, ចិន, en")
    page.save()
    qtbot.waitUntil(lambda: page.message.text().startswith("Registered PHAM LAN"))
    records = Records(session)
    people = on_worker(qtbot, runner, lambda: records.persons(search="PHAM LAN"))
    assert on_worker(qtbot, runner, lambda: records.person_fields(people[0].id))["languages"] == [
        "vi",
        "zh",
        "en",
    ]
    before = on_worker(qtbot, runner, lambda: len(Records(session).persons()))
    page.name.setText("NOBODY")
    page.sex.set_value("male")
    page.languages.setText("Vietnamese, Klingon")
    page.save()
    assert "Not a language this app knows: Klingon" in page.message.text()
    assert page.name.text() == "NOBODY" and page.languages.text() == "Vietnamese, Klingon"  # nothing lost
    assert on_worker(qtbot, runner, lambda: len(Records(session).persons())) == before

"""The keyboard all the way, in any UI language and keyboard layout (issue 20, item 5).

Keys go to whichever widget has the focus, as a keyboard sends them, so a test fails when focus lands
in the wrong place. A Khmer keyboard layout is played as X11 delivers it: the key's Khmer text with the
key's scan code (the platform is reported as X11 for those tests only, since they run offscreen).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMenuBar, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.records.service import Records
from tests.ui.conftest import on_worker
from ui.app import AppWindow
from ui.tasks import TaskRunner
from ui.widgets import answer_keys

# What an X11 Khmer layout sends for the keys a quick intake uses: (Khmer text, X11 key code).
KHMER_M = ("ម", 58)
KHMER_F = ("ថ", 41)
KHMER_2, KHMER_7 = ("២", 11), ("៧", 16)


class Keys:
    """Presses keys on the focused widget and counts them."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot, self.count = qtbot, 0

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focused(), key, modifier)
        self.count += 1

    def native(self, text: str, scan_code: int) -> None:
        """One key of a non-Latin layout: its text and, as X11 reports it, the key's scan code."""
        widget = self.focused()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, ord(text), Qt.KeyboardModifier.NoModifier, scan_code, 0, 0, text)
            QApplication.sendEvent(widget, event)
        self.count += 1


@pytest.fixture
def khmer_layout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answer_keys, "platform", lambda: "xcb")


def _intake(qtbot: QtBot, window: AppWindow) -> Any:
    main = window.main_window
    assert main is not None
    qtbot.keyClick(main, Qt.Key.Key_F3)
    page = main.intake_page
    qtbot.waitUntil(lambda: page.save_button.isEnabled())
    assert page.name.hasFocus()
    return page


def _persons(qtbot: QtBot, runner: TaskRunner, window: AppWindow, name: str) -> list[Any]:
    session = window.session
    return on_worker(qtbot, runner, lambda: Records(session).persons(search=name))  # type: ignore[arg-type]


# --- start-up ------------------------------------------------------------------------------------


def test_at_start_up_the_passphrase_has_the_focus_not_the_language_list(
    qtbot: QtBot, vault_dir: Path, runner: TaskRunner, language: str
) -> None:
    window = AppWindow(data_dir=vault_dir, runner=runner, language=language)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.unlock_screen.passphrase)
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_C)  # the first letter of a passphrase goes into the passphrase field
    assert window.unlock_screen.passphrase.text() == "c"
    assert window.unlock_screen.language.currentData() == language
    keys.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # the picker is still reachable
    assert window.unlock_screen.officer.hasFocus()


# --- intake ----------------------------------------------------------------------------------------


def test_a_quick_intake_takes_the_name_and_at_most_seven_keys(
    qtbot: QtBot, unlocked_in: AppWindow, runner: TaskRunner, language: str
) -> None:
    page = _intake(qtbot, unlocked_in)
    page.nationality.setEditText("CHN")  # the group's nationality, typed for the first person
    keys = Keys(qtbot)
    for name, age in (("LI QIANG", "27"), ("ZHAO MING", "34")):
        qtbot.keyClicks(page.name, name)  # the name is not counted
        keys.count = 0
        keys.press(Qt.Key.Key_Tab)  # past the name in own script
        keys.press(Qt.Key.Key_Tab)
        assert page.sex.hasFocus()
        keys.press(Qt.Key.Key_M)  # male, and on to the age
        assert page.age.hasFocus()
        for digit in age:
            keys.press(Qt.Key(Qt.Key.Key_0 + int(digit)))
        keys.press(Qt.Key.Key_Return)
        assert keys.count <= 7, f"a quick intake took {keys.count} keys"
        qtbot.waitUntil(lambda: page.name.text() == "" and page.name.hasFocus())
        [person] = _persons(qtbot, runner, unlocked_in, name)
        assert (person.sex, person.age, person.nationality) == ("male", int(age), "CHN")


@pytest.mark.usefixtures("khmer_layout")
def test_sex_and_age_keys_work_under_a_khmer_keyboard_layout(
    qtbot: QtBot, unlocked_in: AppWindow, runner: TaskRunner, language: str
) -> None:
    """The Khmer layout types ម on the M key and ២ on the 2 key: they still mean male and 2."""
    page = _intake(qtbot, unlocked_in)
    keys = Keys(qtbot)
    for name, (sex_key, sex) in (("SOK DARA", (KHMER_M, "male")), ("KEO SREYMOM", (KHMER_F, "female"))):
        qtbot.keyClicks(page.name, name)
        keys.press(Qt.Key.Key_Tab)
        keys.press(Qt.Key.Key_Tab)
        keys.native(*sex_key)
        assert page.sex.value() == sex and page.age.hasFocus()
        keys.native(*KHMER_2)
        keys.native(*KHMER_7)
        assert page.age.age() == 27
        keys.press(Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.name.text() == "")
        [person] = _persons(qtbot, runner, unlocked_in, name)
        assert (person.sex, person.age) == (sex, 27)


def test_khmer_digits_count_on_any_platform(qtbot: QtBot) -> None:
    from ui.widgets.person_fields import AgeBox, SexChoice

    age, sex = AgeBox(), SexChoice()
    qtbot.addWidget(age)
    qtbot.addWidget(sex)
    for text in "៣៤":
        QApplication.sendEvent(
            age, QKeyEvent(QEvent.Type.KeyPress, ord(text), Qt.KeyboardModifier.NoModifier, text)
        )
    assert age.age() == 34
    QApplication.sendEvent(
        sex, QKeyEvent(QEvent.Type.KeyPress, ord("២"), Qt.KeyboardModifier.NoModifier, "២")
    )
    assert sex.value() == "male"  # 2: male, in Khmer digits too


def test_windows_reads_the_letter_from_the_virtual_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(answer_keys, "platform", lambda: "windows")
    # A Khmer layout on Windows: the M key types ម, its virtual-key code is still VK_M (0x4D).
    event = QKeyEvent(QEvent.Type.KeyPress, ord("ម"), Qt.KeyboardModifier.NoModifier, 50, 0x4D, 0, "ម")
    assert answer_keys.latin_key(event) == "m"
    arrow = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier, 108, 0x28, 0, "")
    assert answer_keys.latin_key(arrow) == ""


@pytest.mark.parametrize(
    "field", ["name", "name_own", "sex", "age", "age_uncertain", "nationality", "languages", "urgent_needs"]
)
def test_enter_saves_from_every_intake_field(
    qtbot: QtBot, unlocked: AppWindow, runner: TaskRunner, field: str
) -> None:
    page = _intake(qtbot, unlocked)
    name = f"ENTER FROM {field.upper()}"
    qtbot.keyClicks(page.name, name)
    page.sex.set_value("female")
    widget = getattr(page, field)
    widget.setFocus()
    Keys(qtbot).press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last_id.text() != "")
    assert [p.name for p in _persons(qtbot, runner, unlocked, name)] == [name]


def test_the_sex_is_never_saved_as_a_silent_default(
    qtbot: QtBot, unlocked_in: AppWindow, runner: TaskRunner, language: str
) -> None:
    page = _intake(qtbot, unlocked_in)
    qtbot.keyClicks(page.name, "NO SEX CHOSEN")
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_Return)
    assert page.sex.hasFocus() and page.message.text() != ""
    assert page.sex.value() is None
    assert _persons(qtbot, runner, unlocked_in, "NO SEX CHOSEN") == []
    keys.press(Qt.Key.Key_U)  # "not known", chosen on purpose
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.name.text() == "")
    assert [p.sex for p in _persons(qtbot, runner, unlocked_in, "NO SEX CHOSEN")] == ["unknown"]


# --- the persons list --------------------------------------------------------------------------------


def test_a_temporary_id_typed_or_scanned_then_enter_opens_the_person(
    qtbot: QtBot, unlocked: AppWindow, runner: TaskRunner
) -> None:
    main = unlocked.main_window
    assert main is not None
    page = main.persons_page
    session = unlocked.session
    people = on_worker(qtbot, runner, lambda: Records(session).persons())  # type: ignore[arg-type]
    target = people[1]
    page.search.setFocus()
    qtbot.keyClicks(page.search, target.temp_id.lower(), delay=0)  # a scanner: fast, any case
    Keys(qtbot).press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.pages.currentWidget() is main.person_page)
    assert main.person_page.person_id == target.id

    main.show_persons()
    page.search.clear()
    qtbot.keyClicks(page.search, "Sreypov")  # not an id, but only one person matches
    Keys(qtbot).press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.pages.currentWidget() is main.person_page)
    qtbot.waitUntil(lambda: "Sok Sreypov" in main.person_page.title.text())


def test_down_and_enter_from_the_search_box_reach_the_results(qtbot: QtBot, unlocked: AppWindow) -> None:
    main = unlocked.main_window
    assert main is not None
    page = main.persons_page
    page.search.setFocus()
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_Down)
    assert page.table.hasFocus() and page.table.currentIndex().row() == 0
    keys.press(Qt.Key.Key_Down)
    assert page.table.currentIndex().row() == 1
    second = page.model.person_id_at(1)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.pages.currentWidget() is main.person_page)
    assert main.person_page.person_id == second

    main.show_persons()
    qtbot.keyClicks(page.search, "o")  # both persons match: Enter goes to the results
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.hasFocus())
    assert main.pages.currentWidget() is page


# --- Alt+letter ------------------------------------------------------------------------------------


def ambiguous_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Alt+letter keys that two visible controls of ``window`` claim (buttons, labels with a buddy, the
    menu bar's menus). Qt does not press an ambiguous one: it only moves the focus between them."""
    claimed: dict[str, list[str]] = defaultdict(list)
    texts = [
        w.text()
        for w in window.findChildren(QWidget)
        if w.isVisible() and (isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy()))
    ]
    texts += [a.text() for bar in window.findChildren(QMenuBar) if bar.isVisible() for a in bar.actions()]
    for text in texts:
        if found := re.search(r"&([^&\s])", text.replace("&&", "")):
            claimed[found.group(1).lower()].append(text)
    return {key: texts for key, texts in claimed.items() if len(texts) > 1}


def test_no_alt_key_is_claimed_twice_on_any_page_or_interview_step(
    qtbot: QtBot, unlocked_in: AppWindow, language: str
) -> None:
    """Alt+C was both "Close" and "The interview is complete"; every page and step is checked."""
    from ui.widgets import YesNoChoice

    main = unlocked_in.main_window
    assert main is not None
    clashes = {"persons": ambiguous_mnemonics(unlocked_in)}
    main.show_intake()
    clashes["intake"] = ambiguous_mnemonics(unlocked_in)
    person_id = main.persons_page.model.person_id_at(0)
    main.open_person(person_id)
    qtbot.waitUntil(lambda: main.person_page.person is not None)
    clashes["person"] = ambiguous_mnemonics(unlocked_in)
    main.open_interview(person_id, "")
    interview = main.interview
    assert interview is not None
    qtbot.waitUntil(lambda: interview.is_loaded, timeout=10_000)
    consent = interview.field("consent", "consents_to_interview")
    assert isinstance(consent, YesNoChoice)
    consent.setFocus()
    qtbot.keyClick(consent, Qt.Key.Key_Y)  # the other steps open
    for step in interview.step_keys:
        assert interview.go_to_step(step)
        clashes[step] = ambiguous_mnemonics(unlocked_in)
    assert "assessment" in clashes and "intelligence" in clashes  # a team lead sees every step
    assert {page: found for page, found in clashes.items() if found} == {}

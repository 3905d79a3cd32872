"""The interview at raid speed and the respondent screen, driven through the real widgets: one question
per fact, one key per answer (counted), nothing typed ever lost, and the person answering in their own
language on a screen that shows nothing of the assessment."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.line_breaks import ZWSP
from fieldapp.records import screening_record as schema
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.screening import PROTECT_AND_REFER, load_set
from fieldapp.screening.respondent import shown
from fieldapp.vault.session import Session
from tests.ui.conftest import on_worker
from tests.ui.test_interview import ARTIFACTS, World, core_get, make_screen, make_world, wait_saved
from ui.screens.interview import InterviewScreen
from ui.screens.respondent import RespondentWindow
from ui.tasks import TaskRunner
from ui.widgets import IndicatorItem, YesNoChoice


@pytest.fixture
def world(vault_dir: Path) -> World:
    return make_world(vault_dir)


class Keys:
    """Presses keys on the focused widget, as an officer's keyboard does, and counts them."""

    def __init__(self, qtbot: QtBot, screen: QWidget) -> None:
        self.qtbot, self.screen, self.count = qtbot, screen, 0

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        target = QApplication.focusWidget()
        assert target is not None, "nothing has the keyboard focus"
        self.qtbot.keyClick(target, key, modifier)
        self.count += 1

    def next_step(self) -> None:
        self.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)


def _focused_item(screen: InterviewScreen) -> IndicatorItem | None:
    widget = QApplication.focusWidget()
    while widget is not None and not isinstance(widget, IndicatorItem):
        widget = widget.parentWidget()
    return widget if widget is not None and widget.item_id in screen.indicator_items else None


def test_a_full_screening_takes_at_most_150_keys(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    """Consent, interpreter, every question of a scam-compound interview and "interview completed", by keys
    alone; each answer is one key and moves on by itself."""
    screen = make_screen(qtbot, runner, lead, world.vietnamese_id)
    screen.activateWindow()
    qtbot.waitActive(screen)
    keys = Keys(qtbot, screen)
    names = (*schema.CONSENT_ITEMS, *schema.SHARE_WITH, *schema.PHOTO_CONSENT)
    consent_fields = [screen.field("consent", name) for name in names]
    assert QApplication.focusWidget() is screen.field("consent", "consents_to_interview").focusProxy()
    for _ in consent_fields:  # every consent question: Y, and the next one takes the keys
        keys.press(Qt.Key.Key_Y)
    assert all(isinstance(f, YesNoChoice) and f.value() is True for f in consent_fields)

    keys.next_step()
    assert screen.current_step == "interpreter"
    for name in ("interpreter_needed", "interpreter_present"):
        box = screen.field("language", name)
        assert isinstance(box, QCheckBox)
        box.setFocus()  # the officer tabs to it; counted below as one key each
        keys.count += 1
        keys.press(Qt.Key.Key_Space)
    keys.next_step()
    keys.next_step()
    keys.next_step()
    assert screen.current_step == "indicators"
    asked = list(screen.indicator_items)
    assert _focused_item(screen) is screen.indicator_items[asked[0]]
    pattern = (Qt.Key.Key_Y, Qt.Key.Key_N, Qt.Key.Key_N, Qt.Key.Key_D, Qt.Key.Key_1, Qt.Key.Key_2)
    for index, item_id in enumerate(asked):
        assert _focused_item(screen) is screen.indicator_items[item_id], f"focus lost before {item_id}"
        keys.press(pattern[index % len(pattern)])
    assert all(w.answer() is not None for w in screen.indicator_items.values())
    assert (
        screen.indicator_progress.text()
        == f"{len(asked)} of {len(asked)} answered, "
        + f"{sum(1 for w in screen.indicator_items.values() if w.answer() == 'present')} present"
    )
    assert QApplication.focusWidget() is screen.next_button
    keys.next_step()
    keys.next_step()
    keys.next_step()
    assert screen.current_step == "assessment"
    keys.press(Qt.Key.Key_Space)  # "the interview is complete" has the focus when the step opens
    assert keys.count <= 150, keys.count

    screening_id = wait_saved(qtbot, screen)
    stored = core_get(qtbot, runner, lead, screening_id)
    assert set(stored.sections["indicators"]["answers"]) == set(asked)
    assert stored.sections["interview"]["completed"] is True
    assert stored.outcome in {o.value for o in PROTECT_AND_REFER}


def test_each_fact_is_asked_once_in_a_scam_compound_operation(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    screen = make_screen(qtbot, runner, lead, world.vietnamese_id)
    sc = load_set("scam_compound")
    asked = set(screen.indicator_items)
    assert not asked & set(sc.replaces)  # the ILO items the scam-compound items ask in full are left out
    assert "CD.violence" in asked  # ... the others stay
    assert "SC.passport_taken" in asked and "SC.threats_sale_organs_prostitution" not in asked
    themes = [
        box.objectName() for box in screen.findChildren(QWidget) if box.objectName().startswith("dimension_")
    ]
    assert themes[:3] == ["dimension_recruitment", "dimension_travel", "dimension_arrival"]


def test_another_operation_asks_the_ilo_list_by_dimension(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    def other_person() -> str:
        records = Records(lead)
        operation = records.create_operation(name="Fishing boat inspection", setting="other")
        return records.register_person(operation.id, name="SOK DARA", nationality="KHM", age=40).id

    person = on_worker(qtbot, runner, other_person)
    screen = make_screen(qtbot, runner, lead, person)
    asked = set(screen.indicator_items)
    assert {i.id for i in load_set("ilo2009_adult_labour").indicators} <= asked
    assert not any(
        i.startswith("SC.")
        for i in asked - {"SC.observed_injuries", "SC.observed_malnutrition", "SC.minor_present"}
    )


@pytest.mark.parametrize("target", ["answer", "source", "help", "note"])
def test_no_digit_is_lost_whatever_has_focus(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World, target: str
) -> None:
    screen = make_screen(qtbot, runner, lead, world.vietnamese_id)
    screen.go_to_step("consent")
    consent = screen.field("consent", "consents_to_interview")
    assert isinstance(consent, YesNoChoice)
    consent.set_value(True)
    assert screen.go_to_step("indicators")
    item = screen.indicator_items["SC.quota"]
    widget = {"answer": item.buttons[2], "source": item.source, "help": item.help_button, "note": item.note}[
        target
    ]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_1)
    if target == "note":
        assert item.note.text() == "1" and item.answer() is None  # text in the note stays text
    else:
        assert item.answer() == "present"
        assert (
            isinstance(item.source, QComboBox) and item.source.currentIndex() == 0
        )  # the combo kept nothing
    wait_saved(qtbot, screen)


def test_mark_the_rest_not_asked_and_the_source_follows_the_last_answer(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    screen = make_screen(qtbot, runner, lead, world.vietnamese_id)
    consent = screen.field("consent", "consents_to_interview")
    assert isinstance(consent, YesNoChoice)
    consent.set_value(True)
    assert screen.go_to_step("indicators")
    total = len(screen.indicator_items)
    assert screen.indicator_progress.text() == f"0 of {total} answered, 0 present"
    first = screen.indicator_items["SC.passport_taken"]
    first.setFocus()
    qtbot.keyClick(first.buttons[0], Qt.Key.Key_Y)
    first.source.setCurrentIndex(first.source.findData("document"))
    first.source.activated.emit(first.source.currentIndex())
    later = screen.indicator_items["SC.phone_taken_monitored"]
    later.setFocus()
    qtbot.keyClick(later.buttons[0], Qt.Key.Key_Y)
    assert later.value() == {"answer": "present", "source": "document", "note": ""}
    observed = screen.indicator_items["SC.observed_injuries"]
    observed.setFocus()
    qtbot.keyClick(observed.buttons[0], Qt.Key.Key_N)
    assert observed.value() == {"answer": "absent", "source": "officer_observation", "note": ""}
    assert screen.indicator_progress.text() == f"3 of {total} answered, 2 present"
    screen.not_asked_button.click()
    assert screen.indicator_progress.text() == f"{total} of {total} answered, 2 present"
    assert not screen.not_asked_button.isEnabled()
    screening_id = wait_saved(qtbot, screen)
    answers = core_get(qtbot, runner, lead, screening_id).sections["indicators"]["answers"]
    assert answers["SC.quota"]["answer"] == "not_asked"
    assert answers["SC.passport_taken"]["answer"] == "present"


def test_answers_given_elsewhere_stay_visible_and_contradictions_show(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    """A screening that answered an ILO item the scam-compound interview no longer asks still shows it,
    and a contradiction between the two lists is marked on both answers."""

    def begin() -> str:
        answers = {"SC.passport_taken": "present", "CD.confiscation_docs": "absent"}
        sections = {"consent": {"consents_to_interview": True}, "indicators": {"answers": answers}}
        return Screenings(Records(lead)).begin(world.vietnamese_id, sections=sections).id

    screening_id = on_worker(qtbot, runner, begin)
    screen = make_screen(qtbot, runner, lead, world.vietnamese_id, screening_id)
    assert screen.go_to_step("indicators")
    status = screen.findChild(QLabel, "set_verification")
    assert status is not None and "not yet checked against the ILO brochure" in status.text()
    ilo, passport = (
        screen.indicator_items["CD.confiscation_docs"],
        screen.indicator_items["SC.passport_taken"],
    )
    assert screen.findChild(QWidget, "dimension_answered_elsewhere").isAncestorOf(ilo)
    assert "red flag" in ilo.tags.text() and "red flag" in passport.tags.text()
    assert "red flag" in screen.indicator_items["SC.forced_scamming"].tags.text()
    assert "red flag" not in screen.indicator_items["SC.quota"].tags.text()
    qtbot.waitUntil(lambda: ilo.conflict.isVisibleTo(ilo), timeout=10_000)
    assert passport.label.text() in ilo.conflict.text() and ilo.label.text() in passport.conflict.text()
    ilo.setFocus()
    qtbot.keyClick(ilo.buttons[0], Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: not ilo.conflict.isVisibleTo(ilo), timeout=10_000)
    wait_saved(qtbot, screen)


# --- the respondent screen ------------------------------------------------------------------------------------


@pytest.fixture
def respondent(qtbot: QtBot, runner: TaskRunner, lead: Session, world: World) -> Iterator[InterviewScreen]:
    screen = make_screen(qtbot, runner, lead, world.vietnamese_id)
    yield screen
    if screen.respondent_window is not None:
        screen.respondent_window.close()


def open_respondent(qtbot: QtBot, screen: InterviewScreen, start_at: str | None = None) -> RespondentWindow:
    screen.open_respondent_screen(start_at=start_at)
    qtbot.waitUntil(lambda: screen.respondent_window is not None, timeout=5_000)
    assert screen.respondent_window is not None
    return screen.respondent_window


def _texts_of(widget: QWidget) -> str:
    return (
        " ".join(label.text() for label in widget.findChildren(QLabel))
        + " "
        + " ".join(
            b.text() for b in widget.findChildren(QWidget) if hasattr(b, "text") and not isinstance(b, QLabel)
        )
    )


def test_the_person_reads_the_consent_script_and_answers_in_their_language(
    qtbot: QtBot, runner: TaskRunner, lead: Session, respondent: InterviewScreen
) -> None:
    screen = respondent
    window = open_respondent(qtbot, screen)
    assert window.isFullScreen()
    assert window.language == "vi"  # the person's first recorded language
    assert window.text.text().replace(ZWSP, "") == shown("consent.who_we_are", "vi").text
    assert window.note.text() == shown("ui.draft", "vi").text  # a draft translation says so
    while window.page.kind == "script":
        window.next_button.click()
    assert window.text.text().replace(ZWSP, "") == shown("consent.agree", "vi").text
    window.answer_buttons[0].click()  # the person agrees
    consent = screen.field("consent", "consents_to_interview")
    assert isinstance(consent, YesNoChoice) and consent.value() is True
    first = window.page.key
    assert window.text.text().replace(ZWSP, "") == shown(first, "vi").text
    window.answer_buttons[0].click()  # yes
    window.answer_buttons[3].click()  # the next one: "I don't want to answer"
    second = window.pages[window.index - 1].key
    # nothing of the officer's assessment is ever on the person's screen
    words = _texts_of(window)
    for forbidden in ("victim", "Outcome", "red flag", "indicator", "strong", "medium", "DR.", "CD.", "SC."):
        assert forbidden not in words, forbidden
    assert screen.outcome_panel not in window.findChildren(QWidget)
    window.close()
    screening_id = wait_saved(qtbot, screen)
    stored = core_get(qtbot, runner, lead, screening_id)
    answers = stored.sections["indicators"]["answers"]
    assert answers[first] == {"answer": "present", "source": "respondent", "note": "", "language": "vi"}
    assert answers[second]["answer"] == "declined" and answers[second]["source"] == "respondent"
    assert stored.sections["consent"]["consents_to_interview"] is True
    assert stored.sections["consent"]["script_language"] == "vi"


def test_a_language_without_a_text_falls_back_visibly(
    qtbot: QtBot,
    runner: TaskRunner,
    lead: Session,
    respondent: InterviewScreen,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = respondent
    consent = screen.field("consent", "consents_to_interview")
    assert isinstance(consent, YesNoChoice)
    consent.set_value(True)
    window = open_respondent(qtbot, screen, "SC.quota")
    window.set_language("bn")
    bn = shown("SC.quota", "bn")
    if bn.fell_back:  # no Bengali text for it: English, and the screen says so in words a reader can check
        assert window.note.text().startswith("Not available in বাংলা; showing English.")
        assert window.shown_language == "en"
    else:
        assert window.shown_language == "bn" and window.text.text().replace(ZWSP, "") == bn.text
    window.answer_buttons[1].click()
    window.close()
    screening_id = wait_saved(qtbot, screen)
    answer = core_get(qtbot, runner, lead, screening_id).sections["indicators"]["answers"]["SC.quota"]
    assert answer["language"] == window.shown_language and answer["answer"] == "absent"


@pytest.mark.parametrize("language", ["zh-Hant", "my", "bn", "am", "ur", "km"])
def test_respondent_screen_in_the_persons_script(
    qtbot: QtBot, respondent: InterviewScreen, language: str
) -> None:
    screen = respondent
    consent = screen.field("consent", "consents_to_interview")
    assert isinstance(consent, YesNoChoice)
    consent.set_value(True)
    window = open_respondent(qtbot, screen, "SC.passport_taken")
    window.set_language(language)
    text = shown("SC.passport_taken", language)
    assert window.text.text().replace(ZWSP, "") == text.text
    assert (window.text.layoutDirection() == Qt.LayoutDirection.RightToLeft) == (text.language == "ur")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(ARTIFACTS / f"respondent-{language}.png"))


def test_recorded_prompts_play_in_the_persons_language(
    qtbot: QtBot, runner: TaskRunner, lead: Session, respondent: InterviewScreen, tmp_path: Path
) -> None:
    from fieldapp.vault.audio_prompts import PromptFile, build_pack, load_pack
    from tests.core.test_audio_prompts import tone
    from tests.core.test_sync import Hq

    sound = tone(440)
    hq = Hq(tmp_path / "hq")
    try:
        pack = tmp_path / "prompts.zip"
        files = [PromptFile("bn", "SC.passport_taken", "audio/wav", sound)]
        pack.write_bytes(build_pack(hq.identity.hq_id, files, hq.identity.sign))

        def load() -> int:
            hq.enrol(lead)
            return load_pack(lead, pack)

        assert on_worker(qtbot, runner, load) == 1
    finally:
        hq.store.close()
    screen = respondent
    consent = screen.field("consent", "consents_to_interview")
    assert isinstance(consent, YesNoChoice)
    consent.set_value(True)
    window = open_respondent(qtbot, screen, "SC.passport_taken")
    assert not window.play_button.isVisible()  # Vietnamese: nothing recorded
    window.set_language("bn")
    assert window.play_button.isVisible()
    qtbot.waitUntil(lambda: window.fetched is not None, timeout=5_000)
    assert window.fetched == ("SC.passport_taken", "bn", sound)
    if QMediaDevices.audioOutputs():  # a laptop with a speaker plays it
        qtbot.waitUntil(lambda: window.playing == ("SC.passport_taken", "bn"), timeout=5_000)
    else:  # CI has none: said in plain words, nothing hangs
        assert "No speaker found" in window.note.text()
    window.fetched = None
    window.play_button.click()  # "play again"
    qtbot.waitUntil(lambda: window.fetched is not None, timeout=5_000)
    window.next_button.click()
    assert not window.play_button.isVisible()

"""The screening interview driven like an officer would: consent first, keys for answers, autosave, finalise."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.line_breaks import ZWSP
from fieldapp.records.screenings import Screening, Screenings
from fieldapp.records.service import Records
from fieldapp.screening import load_set
from fieldapp.vault.session import Session, unlock
from tests.support import add_officer
from tests.ui.conftest import KHMER_NAME, OFFICER, PASSPHRASE, SCREENER, SCREENER_PASSPHRASE, on_worker
from ui.screens.interview import InterviewScreen
from ui.tasks import TaskRunner
from ui.widgets import EntryTable, YesNoChoice

T = TypeVar("T")

VIETNAMESE_NAME = "Nguyễn Thị Lan"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
# Enough for the adult rule: recruitment (DR), exploitation (EX) and coercion at destination (CD).
PRESUMED = (
    "SC.promised_other_job",
    "SC.promised_salary_not_paid",
    "SC.long_hours",
    "SC.confined_guarded",
    "SC.punished",
)


@dataclass(frozen=True)
class World:
    data_dir: Path
    vietnamese_id: str
    khmer_id: str


@pytest.fixture
def world(vault_dir: Path) -> World:
    return make_world(vault_dir)


def make_world(vault_dir: Path) -> World:
    """The shared vault plus a Vietnamese-speaking adult and a screener."""
    session = unlock(vault_dir, OFFICER, PASSPHRASE)
    try:
        records = Records(session)
        operation = records.operations()[0]
        person = records.register_person(
            operation.id,
            name="Nguyen Thi Lan",
            name_own_script=VIETNAMESE_NAME,
            nationality="VNM",
            sex="female",
            age=24,
            languages=["vi", "en"],
        )
        khmer = next(p for p in records.persons() if p.name_own == KHMER_NAME)
        records.update_person(khmer.id, age=30)
        add_officer(session, SCREENER, "screener", SCREENER_PASSPHRASE)
    finally:
        session.close()
    return World(vault_dir, person.id, khmer.id)


def make_screen(
    qtbot: QtBot,
    runner: TaskRunner,
    session: Session,
    person_id: str,
    screening_id: str | None = None,
    language: str = "en",
) -> InterviewScreen:
    screen = InterviewScreen(
        screenings=Screenings(Records(session)),
        session=session,
        runner=runner,
        person_id=person_id,
        screening_id=screening_id,
        language=language,
    )
    qtbot.addWidget(screen)
    screen.resize(1180, 760)
    screen.show()
    qtbot.waitExposed(screen)
    qtbot.waitUntil(lambda: screen.is_loaded, timeout=10_000)
    return screen


def core_get(qtbot: QtBot, runner: TaskRunner, session: Session, screening_id: str) -> Screening:
    return on_worker(qtbot, runner, lambda: Screenings(Records(session)).get(screening_id))


def commit_text(widget: QWidget, text: str) -> None:
    """Type like a Khmer or Vietnamese input method does (QTest key clicks are ASCII-only)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def answer_yes(qtbot: QtBot, screen: InterviewScreen, name: str) -> None:
    choice = screen.field("consent", name)
    assert isinstance(choice, YesNoChoice)
    choice.setFocus()
    qtbot.keyClick(choice, Qt.Key.Key_Y)
    assert choice.value() is True


def press_on_item(qtbot: QtBot, screen: InterviewScreen, item_id: str, key: Qt.Key) -> None:
    item = screen.indicator_items[item_id]
    item.buttons[0].setFocus()
    qtbot.keyClick(item.buttons[0], key)  # the radio button ignores digits; the item takes them


def wait_saved(qtbot: QtBot, screen: InterviewScreen) -> str:
    qtbot.waitUntil(
        lambda: not screen.has_unsaved_changes and screen.screening_id is not None, timeout=10_000
    )
    assert screen.screening_id is not None
    return screen.screening_id


def shoot(screen: InterviewScreen, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    screen.grab().save(str(ARTIFACTS / f"interview-{name}.png"))


def test_a_screening_by_keyboard_reaches_presumed_victim(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    screen = make_screen(qtbot, runner, lead, world.vietnamese_id)
    assert screen.current_step == "consent"
    assert screen.outcome_panel.outcome is None
    shoot(screen, "0-start")

    for name in ("consents_to_interview", "told_purpose", "told_uses_of_data", "told_how_to_withdraw"):
        answer_yes(qtbot, screen, name)
    assert screen.is_step_enabled("interpreter")
    shoot(screen, "1-consent")

    screen.activateWindow()
    qtbot.waitActive(screen)
    qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert screen.current_step == "interpreter"
    for name in ("interpreter_needed", "interpreter_present"):
        box = screen.field("language", name)
        assert isinstance(box, QCheckBox)
        box.setFocus()
        qtbot.keyClick(box, Qt.Key.Key_Space)
    commit_text(screen.field("language", "interpreter_name"), KHMER_NAME)
    independent = screen.field("language", "interpreter_independent")
    independent.setFocus()
    qtbot.keyClick(independent, Qt.Key.Key_Y)
    shoot(screen, "2-interpreter")

    qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert screen.current_step == "recruitment"
    job = screen.field("recruitment", "promised_job")
    job.setFocus()
    qtbot.keyClicks(job, "Hotel receptionist")
    shoot(screen, "3-recruitment")
    qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert screen.current_step == "exploitation"
    shoot(screen, "4-exploitation")
    qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert screen.current_step == "indicators"

    for item_id in PRESUMED:
        press_on_item(qtbot, screen, item_id, Qt.Key.Key_1)
        assert screen.indicator_items[item_id].answer() == "present"
    press_on_item(qtbot, screen, "VR.family_situation", Qt.Key.Key_3)
    assert screen.indicator_items["VR.family_situation"].answer() == "unknown"

    qtbot.waitUntil(lambda: screen.outcome_panel.outcome == "PRESUMED_VICTIM", timeout=10_000)
    assert "Presumed victim" in screen.outcome_panel.outcome_label.text()
    lines = screen.outcome_panel.lines
    assert lines[0].startswith("Outcome: presumed victim of trafficking")
    assert any(line.startswith("The adult rule is met") for line in lines)
    assert "The adult rule is met" in screen.outcome_panel.explanation.text()
    passport = screen.indicator_items["SC.passport_taken"]
    passport.help_button.click()
    assert passport.help.isVisibleTo(passport)
    page = screen.pages.currentWidget()
    assert isinstance(page, QScrollArea)
    page.ensureWidgetVisible(passport, 0, 200)
    shoot(screen, "5-indicators")

    qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert screen.current_step == "needs"
    shoot(screen, "6-needs")
    qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert screen.current_step == "intelligence"  # a team lead sees it
    shoot(screen, "7-intelligence")
    qtbot.keyClick(screen.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert screen.current_step == "assessment"
    completed = screen.field("interview", "completed")
    assert screen.focusWidget() is completed
    qtbot.keyClick(completed, Qt.Key.Key_Space)
    shoot(screen, "8-assessment")

    screening_id = wait_saved(qtbot, screen)
    stored = core_get(qtbot, runner, lead, screening_id)
    assert stored.outcome == "PRESUMED_VICTIM"
    assert stored.sections["language"]["interpreter_name"] == KHMER_NAME
    assert stored.sections["interview"]["completed"] is True
    assert stored.sections["indicators"]["answers"]["VR.family_situation"]["answer"] == "unknown"


def test_draft_is_saved_automatically_and_reopens(
    qtbot: QtBot, runner: TaskRunner, screener: Session, world: World
) -> None:
    screen = make_screen(qtbot, runner, screener, world.vietnamese_id)
    answer_yes(qtbot, screen, "consents_to_interview")
    assert screen.has_unsaved_changes  # waiting for the debounce
    with qtbot.waitSignal(screen.saved, timeout=5_000):
        pass  # the autosave timer fires by itself
    screening_id = wait_saved(qtbot, screen)
    assert screen.go_to_step("interpreter")
    commit_text(screen.field("language", "interpreter_name"), KHMER_NAME)
    assert screen.go_to_step("recruitment")  # a step change saves at once
    job = screen.field("recruitment", "promised_job")
    assert isinstance(job, QLineEdit)
    job.setText("Casino marketing")
    country = screen.field("recruitment", "country")
    assert isinstance(country, QLineEdit)
    country.setText("Viet")  # names no country exactly: marked, not sent
    assert screen.has_unsaved_changes
    assert "not a country code" in screen.save_status.text()
    country.setText("Vietnam")  # stored as VNM
    assert screen.go_to_step("exploitation")
    table = screen.field("exploitation", "compounds")
    assert isinstance(table, EntryTable)
    table.add_button.click()
    table.set_cell(0, "name", "KK Park building 5")
    table.set_cell(0, "arrived", "2025-03-01")
    assert screen.go_to_step("indicators")
    press_on_item(qtbot, screen, "SC.passport_taken", Qt.Key.Key_1)
    press_on_item(qtbot, screen, "DR.contract", Qt.Key.Key_2)
    screen.indicator_items["DR.contract"].note.setText("Paid as promised for one month")
    screen.indicator_items["DR.contract"].note.textEdited.emit("Paid as promised for one month")

    with qtbot.waitSignal(screen.closed):
        screen.close_button.click()
    qtbot.waitUntil(lambda: not screen.has_unsaved_changes and runner.pending == 0, timeout=10_000)
    screen.close()

    sections = core_get(qtbot, runner, screener, screening_id).sections
    assert sections["consent"]["consents_to_interview"] is True
    assert sections["language"]["interpreter_name"] == KHMER_NAME
    assert sections["recruitment"]["promised_job"] == "Casino marketing"
    assert sections["recruitment"]["country"] == "VNM"
    assert sections["exploitation"]["compounds"] == [{"name": "KK Park building 5", "arrived": "2025-03-01"}]
    answers = sections["indicators"]["answers"]
    assert answers["SC.passport_taken"]["answer"] == "present"
    assert answers["DR.contract"] == {
        "answer": "absent",
        "source": None,
        "note": "Paid as promised for one month",
    }
    assert "intelligence" not in sections

    again = make_screen(qtbot, runner, screener, world.vietnamese_id, screening_id)
    assert not again.has_unsaved_changes
    consent = again.field("consent", "consents_to_interview")
    assert isinstance(consent, YesNoChoice) and consent.value() is True
    assert again.is_step_enabled("indicators")
    name = again.field("language", "interpreter_name")
    assert isinstance(name, QLineEdit) and name.text() == KHMER_NAME
    assert isinstance(job := again.field("recruitment", "promised_job"), QLineEdit)
    assert job.text() == "Casino marketing"
    table = again.field("exploitation", "compounds")
    assert isinstance(table, EntryTable) and table.value() == [
        {"name": "KK Park building 5", "arrived": "2025-03-01"}
    ]
    assert again.indicator_items["SC.passport_taken"].answer() == "present"
    assert again.indicator_items["DR.contract"].note.text() == "Paid as promised for one month"
    qtbot.waitUntil(lambda: again.outcome_panel.outcome is not None, timeout=5_000)
    assert again.outcome_panel.outcome == "POSSIBLE_VICTIM"  # a red flag alone


def test_steps_after_consent_are_locked_until_it_is_answered(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    screen = make_screen(qtbot, runner, lead, world.khmer_id)
    for key in screen.step_keys[1:]:
        assert not screen.is_step_enabled(key)
    assert not screen.go_to_step("indicators")
    screen.next_button.click()
    assert screen.current_step == "consent"
    assert not screen.has_unsaved_changes  # nothing begun before an answer

    consent = screen.field("consent", "consents_to_interview")
    assert isinstance(consent, YesNoChoice)
    consent.setFocus()
    qtbot.keyClick(consent, Qt.Key.Key_N)
    assert not screen.is_step_enabled("indicators")
    assert screen.is_step_enabled("assessment")  # the officer may still record an assessment
    assert screen.declined_box.isVisibleTo(screen)
    shoot(screen, "1-consent-declined")
    screen.record_declined_button.click()
    screening_id = wait_saved(qtbot, screen)
    stored = core_get(qtbot, runner, lead, screening_id)
    assert stored.sections["interview"]["declined"] is True
    assert stored.sections["consent"]["consents_to_interview"] is False
    assert stored.outcome == "UNDETERMINED"
    qtbot.waitUntil(lambda: screen.outcome_panel.outcome == "UNDETERMINED", timeout=5_000)
    assert any("declined" in line for line in screen.outcome_panel.lines)

    consent.set_value(True)  # the person changes their mind
    consent.changed.emit()
    assert screen.is_step_enabled("indicators")


def test_a_screener_sees_no_intelligence_and_cannot_finalise(
    qtbot: QtBot, runner: TaskRunner, screener: Session, world: World
) -> None:
    screen = make_screen(qtbot, runner, screener, world.vietnamese_id)
    assert "intelligence" not in screen.step_keys
    assert len(screen.step_keys) == 7
    answer_yes(qtbot, screen, "consents_to_interview")
    assert screen.go_to_step("assessment")
    assert not screen.finalise_button.isEnabled()
    assert "team lead" in screen.finalise_button.toolTip()
    assert "team lead" in screen.finalise_status.text()
    wait_saved(qtbot, screen)


def finalise(qtbot: QtBot, screen: InterviewScreen, passphrase: str) -> None:
    assert screen.go_to_step("assessment")
    screen.finalise_button.click()
    qtbot.waitUntil(lambda: screen.passphrase_dialog is not None, timeout=10_000)
    dialog = screen.passphrase_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.passphrase.setFocus()
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.passphrase.text() == ""


def test_finalise_needs_the_right_passphrase_and_amend_needs_a_reason(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    screen = make_screen(qtbot, runner, lead, world.vietnamese_id)
    answer_yes(qtbot, screen, "consents_to_interview")
    assert screen.go_to_step("indicators")
    press_on_item(qtbot, screen, "SC.confined_guarded", Qt.Key.Key_1)
    screening_id = wait_saved(qtbot, screen)

    finalise(qtbot, screen, "not my passphrase")
    qtbot.waitUntil(lambda: "Not finalised" in screen.finalise_status.text(), timeout=10_000)
    assert "passphrase is not right" in screen.finalise_status.text()
    assert core_get(qtbot, runner, lead, screening_id).status == "draft"
    assert screen.finalise_button.isEnabled()

    finalise(qtbot, screen, PASSPHRASE)
    qtbot.waitUntil(lambda: screen.record_status.text().startswith("Final"), timeout=10_000)
    stored = core_get(qtbot, runner, lead, screening_id)
    assert stored.status == "final"
    assert screen.record_status.text() == f"Final, version {stored.version}"
    assert not screen.field("consent", "told_purpose").isEnabled()  # read-only now
    assert not screen.indicator_items["SC.confined_guarded"].isEnabled()
    assert not screen.finalise_button.isEnabled()
    assert screen.amend_button.isVisible()
    shoot(screen, "9-final")

    screen.amend_button.click()
    dialog = screen.reason_dialog
    assert dialog is not None
    assert not dialog.ok.isEnabled()  # a reason is required
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, "typo")
    assert not dialog.ok.isEnabled()
    dialog.accept()
    assert screen.record_status.text() == f"Final, version {stored.version}"  # nothing started
    qtbot.keyClicks(dialog.reason, " in the reasons field")
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    assert "amending" in screen.record_status.text()
    reasons = screen.field("assessment", "reasons")
    assert isinstance(reasons, QPlainTextEdit) and reasons.isEnabled()
    assert not screen.save_amendment_button.isEnabled()
    reasons.setPlainText("Guarded by armed men; seen by the team.")
    assert screen.save_amendment_button.isEnabled()
    shoot(screen, "10-amending")
    screen.save_amendment_button.click()
    qtbot.waitUntil(
        lambda: screen.record_status.text() == f"Final, version {stored.version + 1}", timeout=10_000
    )
    amended = core_get(qtbot, runner, lead, screening_id)
    assert amended.version == stored.version + 1
    assert amended.status == "final"
    assert amended.sections["assessment"]["reasons"] == "Guarded by armed men; seen by the team."
    assert not reasons.isEnabled()


def test_khmer_labels_and_explanation(qtbot: QtBot, runner: TaskRunner, lead: Session, world: World) -> None:
    screen = make_screen(qtbot, runner, lead, world.khmer_id, language="km")
    answer_yes(qtbot, screen, "consents_to_interview")
    assert screen.go_to_step("indicators")
    label = load_set("ilo2009_adult_labour").get("DR.contract")
    assert label is not None
    assert screen.indicator_items["DR.contract"].label.text().replace(ZWSP, "") == label.label.get("km")
    press_on_item(qtbot, screen, "DR.contract", Qt.Key.Key_1)
    qtbot.waitUntil(lambda: screen.outcome_panel.outcome is not None, timeout=10_000)
    assert screen.outcome_panel.lines[0].startswith("លទ្ធផល")
    shoot(screen, "5-indicators-km")
    wait_saved(qtbot, screen)


def test_below_the_threshold_is_shown_as_a_possible_victim(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    screen = make_screen(qtbot, runner, lead, world.vietnamese_id)
    answer_yes(qtbot, screen, "consents_to_interview")
    assert screen.go_to_step("indicators")
    press_on_item(qtbot, screen, "SC.drugs", Qt.Key.Key_1)
    qtbot.waitUntil(lambda: screen.outcome_panel.outcome == "INDICATORS_BELOW_THRESHOLD", timeout=10_000)
    assert "Possible victim" in screen.outcome_panel.outcome_label.text()
    assert screen.outcome_panel.lines[1] == "Because: given drugs or alcohol to keep them compliant."
    wait_saved(qtbot, screen)

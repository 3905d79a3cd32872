"""Correcting what was recorded, in the app (issue 20 items 2, 3, 7, 12): a person's details edited while
a draft and amended with a reason once final, with their history; an operation corrected from its menu;
the possible-duplicate warning at intake; a draft screening continued at its step wherever it is offered;
the summary before finalising; the child alert wherever a possible minor appears."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from fieldapp.records.screenings import Screenings
from fieldapp.records.service import PersonRow, Records
from tests.ui.conftest import PASSPHRASE, on_worker
from ui.app import AppWindow
from ui.models.persons import Column
from ui.screens.history import HistoryDialog
from ui.screens.main_window import MainWindow
from ui.screens.person_details import PersonDetailsDialog
from ui.screens.possible_duplicate import PossibleDuplicateDialog
from ui.tasks import TaskRunner


def _main(window: AppWindow) -> MainWindow:
    assert window.main_window is not None
    return window.main_window


def _records(window: AppWindow) -> Records:
    assert window.session is not None
    return Records(window.session)


def _person(qtbot: QtBot, runner: TaskRunner, window: AppWindow, name: str) -> PersonRow:
    records = _records(window)
    [person] = on_worker(qtbot, runner, lambda: records.persons(search=name))
    return person


def _open_person(qtbot: QtBot, main: MainWindow, person_id: str) -> None:
    main.open_person(person_id)
    page = main.person_page
    qtbot.waitUntil(lambda: page.person is not None and page.person.id == person_id)


def _history(qtbot: QtBot, main: MainWindow) -> list[list[str]]:
    """The person's history dialog, opened with its button: its rows, newest first."""
    page = main.person_page
    page.history_button.click()
    qtbot.waitUntil(lambda: page.history_dialog is not None)
    dialog = page.history_dialog
    assert isinstance(dialog, HistoryDialog) and dialog.isVisible()
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    dialog.reject()
    return rows


# --- item 2: edit while a draft, amend with a reason once final ------------------------------------


def test_a_draft_persons_details_are_edited_and_the_history_shows_the_change(
    qtbot: QtBot, unlocked: AppWindow, runner: TaskRunner
) -> None:
    main = _main(unlocked)
    person = _person(qtbot, runner, unlocked, "Sok Sreypov")
    _open_person(qtbot, main, person.id)
    page = main.person_page
    assert page.edit_button.isEnabled() and page.edit_button.text() == "&Edit details…"
    assert not page.child_alert.isVisible()
    page.edit_button.click()
    dialog = page.details_dialog
    assert isinstance(dialog, PersonDetailsDialog) and not dialog.reason.isVisible()
    dialog.age.setFocus()
    qtbot.keyClicks(dialog.age, "16")
    qtbot.keyClick(dialog.ok, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.details_dialog is None)
    qtbot.waitUntil(lambda: page.person is not None and page.person.age == 16)
    assert page.child_alert.isVisible()  # 16: the alert appears under the name
    assert _person(qtbot, runner, unlocked, "Sok Sreypov").version == 1  # a draft: edited, no new version
    newest = _history(qtbot, main)[0]
    assert "Sok Dara" in newest[1] and "test-laptop" in newest[1]
    assert newest[2] == "Edited (version 1)" and newest[3] == "Age: — → 16" and newest[4] == ""


def test_a_final_person_is_amended_only_with_a_reason(
    qtbot: QtBot, unlocked: AppWindow, runner: TaskRunner
) -> None:
    main = _main(unlocked)
    person = _person(qtbot, runner, unlocked, "Wang Xiaoming")
    records = _records(unlocked)
    on_worker(qtbot, runner, lambda: records.finalise("person", person.id))
    _open_person(qtbot, main, person.id)
    page = main.person_page
    assert page.edit_button.text() == "A&mend details…"
    page.edit_button.click()
    dialog = page.details_dialog
    assert isinstance(dialog, PersonDetailsDialog) and dialog.reason.isVisible()
    dialog.age.set_age(29)
    assert not dialog.ok.isEnabled()  # no reason yet
    dialog.reason.setPlainText("passport seen")
    assert dialog.ok.isEnabled()
    dialog.age.set_age(person.age)  # a reason, but nothing changed: refused beside the fields
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert page.details_dialog is dialog and dialog.isVisible()
    dialog.age.set_age(29)
    dialog.ok.click()
    qtbot.waitUntil(lambda: page.details_dialog is None)
    qtbot.waitUntil(lambda: page.person is not None and page.person.version == 2)
    newest = _history(qtbot, main)[0]
    assert newest[2] == "Amended (version 2)" and newest[3] == "Age: — → 29" and newest[4] == "passport seen"


def test_languages_and_document_type_show_names_and_store_codes(
    qtbot: QtBot, unlocked: AppWindow, runner: TaskRunner
) -> None:
    """The details dialog shows "Bangla, English" and "Passport", not "bn, en" and "passport"; what it saves
    is the same codes, so a correction that leaves them alone changes nothing there."""
    main = _main(unlocked)
    person = _person(qtbot, runner, unlocked, "Wang Xiaoming")
    records = _records(unlocked)
    on_worker(
        qtbot,
        runner,
        lambda: records.edit("person", person.id, {"languages": ["bn", "en"], "document_type": "passport"}),
    )
    _open_person(qtbot, main, person.id)
    page = main.person_page

    def details() -> PersonDetailsDialog:
        page.edit_button.click()
        dialog = page.details_dialog
        assert isinstance(dialog, PersonDetailsDialog)
        return dialog

    def saved(dialog: PersonDetailsDialog) -> dict[str, Any]:
        dialog.ok.click()
        qtbot.waitUntil(lambda: page.details_dialog is None)
        return dict(on_worker(qtbot, runner, lambda: records.person_fields(person.id)))

    dialog = details()
    assert dialog.languages.text() == "Bangla, English" and dialog.document_type.currentText() == "Passport"
    dialog.age.set_age(33)
    fields = saved(dialog)
    assert (
        fields["languages"] == ["bn", "en"] and fields["document_type"] == "passport" and fields["age"] == 33
    )
    assert _history(qtbot, main)[0][3] == "Age: — → 33"  # only the age changed

    dialog = details()
    dialog.languages.setText("Bangla, Klingon")
    dialog.ok.click()  # refused beside the fields, nothing saved, nothing lost
    assert "Klingon" in dialog.error.text() and dialog.isVisible()
    dialog.languages.setText("Thai, vi, Thai")  # a name or a code, once each
    dialog.document_type.setCurrentIndex(dialog.document_type.findData("national_id"))
    dialog.document_status.setCurrentIndex(dialog.document_status.findData("confiscated"))
    fields = saved(dialog)
    assert fields["languages"] == ["th", "vi"] and fields["document_type"] == "national_id"
    # The history says it in words too, never "bn, en → th, vi" or "passport → national_id".
    assert sorted(_history(qtbot, main)[0][3].splitlines()) == [
        "Document status: — → confiscated",
        "Document type: Passport → National ID card",
        "Languages: Bangla, English → Thai, Vietnamese",
    ]

    dialog = details()
    assert (
        dialog.languages.text() == "Thai, Vietnamese"
        and dialog.document_type.currentText() == "National ID card"
    )
    dialog.document_type.setEditText("Seafarer's book")  # another kind: kept as typed
    assert saved(dialog)["document_type"] == "Seafarer's book"
    assert details().document_type.currentText() == "Seafarer's book"
    page.details_dialog.reject()


def test_an_operation_is_corrected_from_its_menu_and_its_history_shown(
    qtbot: QtBot, unlocked: AppWindow, runner: TaskRunner
) -> None:
    main = _main(unlocked)
    qtbot.waitUntil(lambda: main.operation_id is not None)

    main.edit_operation_action.trigger()
    qtbot.waitUntil(lambda: main.operation_dialog is not None and main.operation_dialog.isVisible())
    dialog = main.operation_dialog
    assert dialog is not None and dialog.name.text() == "Sihanoukville test raid"
    dialog.place.setText("Golden Fortune compound, Building B")
    dialog.accept()
    records, operation_id = _records(unlocked), main.operation_id
    assert operation_id is not None
    operation = on_worker(qtbot, runner, lambda: records.operation(operation_id))
    assert operation.data["place"] == "Golden Fortune compound, Building B"
    assert operation.name == "Sihanoukville test raid"
    main.operation_history_action.trigger()
    qtbot.waitUntil(lambda: main.history_dialog is not None and main.history_dialog.isVisible())
    table = main.history_dialog.table
    assert table.item(0, 2).text() == "Edited (version 1)"
    assert "Golden Fortune compound, Building B" in table.item(0, 3).text()
    assert table.item(table.rowCount() - 1, 2).text() == "Registered (version 1)"
    main.history_dialog.reject()


# --- item 3: the possible-duplicate warning at intake -----------------------------------------------


def _intake(qtbot: QtBot, main: MainWindow) -> Any:
    qtbot.keyClick(main, Qt.Key.Key_F3)
    page = main.intake_page
    qtbot.waitUntil(lambda: page.save_button.isEnabled())
    return page


def _register_wang_lei(qtbot: QtBot, page: Any) -> None:
    from tests.ui.conftest import type_text

    page.name.setFocus()
    qtbot.keyClicks(page.name, "WANG LEI")
    type_text(page.name_own, "王磊")
    page.sex.set_value("male")
    page.age.set_age(31)
    page.nationality.setEditText("CHN")
    page.name.setFocus()
    qtbot.keyClick(page.name, Qt.Key.Key_Return)


def test_registering_wang_lei_twice_warns_and_opens_the_existing_person_by_default(
    qtbot: QtBot, unlocked: AppWindow, runner: TaskRunner
) -> None:
    main = _main(unlocked)
    page = _intake(qtbot, main)
    _register_wang_lei(qtbot, page)
    qtbot.waitUntil(lambda: page.last_id.text() != "")
    first = _person(qtbot, runner, unlocked, "WANG LEI")

    _register_wang_lei(qtbot, page)  # the same worker queued twice
    qtbot.waitUntil(lambda: page.duplicate_dialog is not None)
    dialog = page.duplicate_dialog
    assert isinstance(dialog, PossibleDuplicateDialog) and dialog.isVisible()
    assert dialog.open_button.isDefault() and dialog.open_button.hasFocus()
    assert first.temp_id in dialog.matches.item(0).text() and "same name" in dialog.matches.item(0).text()
    qtbot.keyClick(dialog.open_button, Qt.Key.Key_Return)  # Enter: the default
    qtbot.waitUntil(lambda: main.pages.currentWidget() is main.person_page)
    assert main.person_page.person_id == first.id
    assert _person(qtbot, runner, unlocked, "WANG LEI").id == first.id  # still one

    page = _intake(qtbot, main)
    _register_wang_lei(qtbot, page)
    qtbot.waitUntil(lambda: page.duplicate_dialog is not None)
    page.duplicate_dialog.reject()  # Go back: nothing saved, nothing typed lost
    assert page.name.text() == "WANG LEI" and page.age.age() == 31
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.duplicate_dialog is not None)
    page.duplicate_dialog.anyway_button.click()  # someone else with the same name
    qtbot.waitUntil(lambda: page.name.text() == "")
    records = _records(unlocked)
    both = on_worker(qtbot, runner, lambda: records.persons(search="WANG LEI"))
    assert len(both) == 2


# --- item 7: a draft is continued at its step, wherever it is offered --------------------------------


def test_a_draft_screening_is_continued_at_its_step_from_the_person_page_and_the_list(
    qtbot: QtBot, unlocked: AppWindow, runner: TaskRunner
) -> None:
    from ui.widgets import YesNoChoice

    main = _main(unlocked)
    person = _person(qtbot, runner, unlocked, "Sok Sreypov")
    _open_person(qtbot, main, person.id)
    page = main.person_page
    assert page.new_screening.text() == "&Screen this person"
    page.new_screening.click()
    interview = main.interview
    assert interview is not None
    qtbot.waitUntil(lambda: interview.is_loaded, timeout=10_000)
    consent = interview.field("consent", "consents_to_interview")
    assert isinstance(consent, YesNoChoice)
    consent.setFocus()
    qtbot.keyClick(consent, Qt.Key.Key_Y)
    assert interview.go_to_step("indicators")
    interview.close_button.click()  # called away: the draft is saved where it was left
    qtbot.waitUntil(lambda: main.pages.currentWidget() is page)
    continue_text = "Continue the draft &screening (step 5 of 8)"
    qtbot.waitUntil(lambda: page.new_screening.text() == continue_text)
    assert "step 5 of 8" in page.screening_list.item(0).text()
    records = _records(unlocked)
    [draft] = on_worker(qtbot, runner, lambda: Screenings(records).for_person(person.id))

    page.new_screening.click()
    interview = main.interview
    assert interview is not None
    qtbot.waitUntil(lambda: interview.is_loaded, timeout=10_000)
    assert interview.screening_id == draft.id and interview.current_step == "indicators"
    main.show_persons()

    persons = main.persons_page
    row = next(r for r in range(persons.model.rowCount()) if persons.model.person_id_at(r) == person.id)
    where = persons.table.visualRect(persons.model.index(row, Column.NAME)).center()
    persons.table.customContextMenuRequested.emit(QPoint(where))
    qtbot.waitUntil(lambda: persons.context_menu is not None)
    menu = persons.context_menu
    assert menu is not None
    texts = [action.text() for action in menu.actions()]
    assert continue_text in texts
    menu.actions()[texts.index(continue_text)].trigger()
    interview = main.interview
    assert interview is not None
    qtbot.waitUntil(lambda: interview.is_loaded, timeout=10_000)
    assert interview.screening_id == draft.id and interview.current_step == "indicators"
    assert len(on_worker(qtbot, runner, lambda: Screenings(records).for_person(person.id))) == 1


# --- item 12: the summary before finalising, the child alert ----------------------------------------


def test_finalising_shows_the_summary_and_warns_of_an_adult_marked_may_be_under_18(
    qtbot: QtBot, unlocked_in: AppWindow, runner: TaskRunner, language: str
) -> None:
    """The issue's case: a 31-year-old marked "may be under 18" became a presumed child victim silently."""
    main = _main(unlocked_in)
    person = _person(qtbot, runner, unlocked_in, "Wang Xiaoming")
    records = _records(unlocked_in)
    sections = {
        "consent": {"consents_to_interview": True},
        "interview": {"completed": True},
        "indicators": {"answers": {"SC.minor_present": "present"}},
    }

    def begin() -> str:
        records.edit("person", person.id, {"age": 31})
        return Screenings(records).begin(person.id, sections=sections).id

    screening_id = on_worker(qtbot, runner, begin)
    _open_person(qtbot, main, person.id)
    main.person_page.new_screening.click()
    interview = main.interview
    assert interview is not None
    qtbot.waitUntil(lambda: interview.is_loaded, timeout=10_000)
    assert interview.screening_id == screening_id
    assert not interview.child_alert.isVisible()  # 31, not uncertain: the record, not the age, says child
    assert interview.go_to_step("assessment")
    interview.finalise_button.click()
    qtbot.waitUntil(lambda: interview.passphrase_dialog is not None, timeout=10_000)
    dialog = interview.passphrase_dialog
    assert dialog is not None and dialog.isVisible() and dialog.warnings.isVisible()
    warning = next(text for text in dialog.notices if "31" in text)
    if language == "en":
        assert "under 18" in warning and "check the age or the answer" in warning
        assert dialog.summary.text().startswith("Outcome to be signed: ")
    else:
        assert "under 18" not in warning and "ពិនិត្យ" in warning  # in Khmer, the age kept
        assert "Outcome" not in dialog.summary.text()
    dialog.passphrase.setFocus()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # a warning, not a refusal
    qtbot.waitUntil(
        lambda: on_worker(qtbot, runner, lambda: Screenings(records).get(screening_id)).status == "final",
        timeout=10_000,
    )


def test_a_possible_child_is_alerted_at_intake_on_the_list_and_in_the_interview(
    qtbot: QtBot, unlocked: AppWindow, runner: TaskRunner
) -> None:
    main = _main(unlocked)
    page = _intake(qtbot, main)
    qtbot.keyClicks(page.name, "CHAN DARA")
    page.sex.setFocus()
    qtbot.keyClick(page.sex, Qt.Key.Key_M)
    assert not page.child_alert.isVisible()
    qtbot.keyClicks(page.age, "16")
    assert page.child_alert.isVisible()  # as soon as the age is typed
    page.age.set_age(19)
    assert not page.child_alert.isVisible()
    page.age_uncertain.setChecked(True)  # an estimated 19 may be under 18
    assert page.child_alert.isVisible()
    page.age.set_age(16)
    page.age_uncertain.setChecked(False)
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.last_id.text() != "")
    assert page.message.text().startswith("Possibly a child")
    child = _person(qtbot, runner, unlocked, "CHAN DARA")

    main.show_persons()
    model = main.persons_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    row = next(r for r in range(model.rowCount()) if model.person_id_at(r) == child.id)
    qtbot.waitUntil(lambda: model.index(row, Column.AGE).data() == "16 child?")
    assert model.index(row, Column.AGE).data(Qt.ItemDataRole.ToolTipRole).startswith("Possibly a child")

    _open_person(qtbot, main, child.id)
    assert main.person_page.child_alert.isVisible()
    main.person_page.new_screening.click()
    interview = main.interview
    assert interview is not None
    qtbot.waitUntil(lambda: interview.is_loaded, timeout=10_000)
    assert interview.child_alert.isVisible()
    for step in ("consent", "indicators", "assessment"):
        interview.go_to_step(step)
        assert interview.child_alert.isVisible()

"""The handover dialog and the interview start from what was recorded, shown as filled in, for the officer
to confirm or change (issue 20 item 9), in English and Khmer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.vault.session import Session, unlock
from tests.core.test_prefill import SCREENED
from tests.ui.conftest import OFFICER, PASSPHRASE, type_text
from tests.ui.test_handover_ui import (
    LEAD,
    LEAD_PASSPHRASE,
    World,
    add_officers,
    handovers_of,
    make_base_world,
    make_page,
    open_dialog,
)
from tests.ui.test_interview import answer_yes, core_get, make_screen, wait_saved
from ui.tasks import TaskRunner

KHMER = range(0x1780, 0x1800)
COMPOUND = "Orchid Heights Resort Block 2"


@pytest.fixture
def world(vault_dir: Path) -> World:
    """The handover tests' vault; Wang was screened with an interpreter, injuries and consents to share."""
    found = add_officers(make_base_world(vault_dir))
    session = unlock(vault_dir, OFFICER, PASSPHRASE)
    try:
        Screenings(Records(session)).begin(found.wang_id, sections=SCREENED)
    finally:
        session.close()
    return found


@pytest.fixture
def lead(open_session: Callable[[str, str], Session]) -> Session:
    return open_session(LEAD, LEAD_PASSPHRASE)


@pytest.fixture(params=["en", "km"])
def language(request: Any, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from ui.i18n import set_language

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert set_language(qapp, request.param)
    yield request.param
    set_language(qapp, "en")


def test_the_handover_is_filled_in_from_the_screening_and_marked(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World, language: str
) -> None:
    page = make_page(qtbot, runner, lead, world.wang_id)
    dialog = open_dialog(qtbot, page)
    form = dialog.form
    assert dialog.inputs["interpreter_name"].text() == "Lê Thị Hoa"
    assert dialog.inputs["interpreter_language"].text() == "vi–km"
    assert dialog.notes["health_notes"].toPlainText() == "Bruised arms; Insulin twice a day"
    assert dialog.notes["safety_notes"].toPlainText() == "Recruiter still at large"
    assert dialog.notes["urgent_needs"].toPlainText() == "food; clothes"
    assert dialog.inputs["place"].text() == "Sihanoukville"  # from the operation
    # a long value (an agency's full name) shows its beginning, not its end
    assert [n for n, line in dialog.inputs.items() if line.text() and line.cursorPosition() != 0] == []
    assert {"interpreter_name", "health_notes", "place", "transferring_officer"} <= set(form.prefilled)
    assert dialog.prefill_note.isVisibleTo(dialog)
    tip = dialog.inputs["interpreter_name"].toolTip()
    assert "background-color" in dialog.inputs["interpreter_name"].styleSheet()
    if language == "km":
        assert any(ord(ch) in KHMER for ch in tip) and "screening" not in tip
        assert any(ord(ch) in KHMER for ch in dialog.prefill_note.text())
    else:
        assert tip.startswith("Filled in from the screening: check it with the person")

    # the consent to share follows the receiving body, as the screening recorded it
    sharing = dialog.flags["consent_sharing"]
    assert sharing.currentData() is None  # no body chosen yet
    for kind, expected in (("embassy", True), ("mosvy", False), ("hospital", None), ("embassy", True)):
        dialog.receiving_type.setCurrentIndex(dialog.receiving_type.findData(kind))
        assert sharing.currentData() is expected, kind
        assert ("consent_sharing" in form.prefilled) == (expected is not None)
    sharing.setCurrentIndex(2)  # the officer asks again: "No"; it is theirs now
    assert "consent_sharing" not in form.prefilled
    dialog.receiving_type.setCurrentIndex(dialog.receiving_type.findData("mosvy"))
    assert sharing.currentData() is False and "consent_sharing" not in form.prefilled
    dialog.receiving_type.setCurrentIndex(dialog.receiving_type.findData("embassy"))
    assert sharing.currentData() is False  # not overwritten by what the screening said

    # changing a filled-in value makes it the officer's
    dialog.inputs["interpreter_name"].clear()
    type_text(dialog.inputs["interpreter_name"], "Lê Thị Hoà")
    qtbot.keyClicks(dialog.inputs["interpreter_name"], " (by phone)")
    assert "interpreter_name" not in form.prefilled and dialog.inputs["interpreter_name"].styleSheet() == ""
    dialog.save()
    qtbot.waitUntil(lambda: runner.pending == 0 and dialog.handover is not None, timeout=10_000)
    [draft] = handovers_of(qtbot, runner, lead, world.wang_id)
    assert draft.data["health_notes"] == "Bruised arms; Insulin twice a day"  # confirmed by saving
    assert draft.data["interpreter_name"] == "Lê Thị Hoà (by phone)"
    assert draft.data["consent_sharing"] is False and draft.data["interpreter_language"] == "vi–km"
    dialog.close()

    again = open_dialog(qtbot, page, draft.id)  # a saved draft: nothing is "filled in" any more
    assert again.form.prefilled == {} and not again.prefill_note.isVisibleTo(again)
    assert again.inputs["interpreter_name"].text() == "Lê Thị Hoà (by phone)"
    assert again.inputs["interpreter_name"].cursorPosition() == 0


def test_a_new_screening_takes_the_place_compound_and_languages(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    session = unlock(world.data_dir, OFFICER, PASSPHRASE)
    try:
        records = Records(session)
        records.update_operation(
            world.operation_id,
            place=COMPOUND,
            district="Prey Nob",
            province="Preah Sihanouk",
            lead_agency="GDI",
        )
        person = records.register_person(
            world.operation_id,
            name="Nguyen Thi Lan",
            nationality="VNM",
            sex="female",
            age=24,
            languages=["vi", "en"],
        )
    finally:
        session.close()
    screen = make_screen(qtbot, runner, lead, person.id)
    compound, place = screen.field("meta", "compound"), screen.field("meta", "place")
    preferred = screen.field("language", "preferred")
    assert compound.text() == COMPOUND and place.text() == "Prey Nob, Preah Sihanouk"  # type: ignore[attr-defined]
    assert preferred.text() == "vi, en"  # type: ignore[attr-defined]
    assert compound.cursorPosition() == place.cursorPosition() == 0  # type: ignore[attr-defined]
    assert compound.toolTip().startswith("Filled in from the operation")
    assert preferred.toolTip().startswith("Filled in from the intake")
    assert screen.screening_id is None  # nothing saved by opening the screen

    place.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(place, "Police station")
    assert place.toolTip() == "" and "background-color" not in place.styleSheet()
    answer_yes(qtbot, screen, "consents_to_interview")
    saved = core_get(qtbot, runner, lead, wait_saved(qtbot, screen))
    assert saved.sections["meta"]["compound"] == COMPOUND  # saved with the first save
    assert saved.sections["meta"]["place"] == "Police station"  # what the officer typed wins
    assert saved.sections["language"]["preferred"] == ["vi", "en"]

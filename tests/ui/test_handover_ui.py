"""Handover on the person page: draft, hand over (team lead, passphrase), issued PDF, print, save, manifest."""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.errors import NotAllowed
from fieldapp.photos.service import Photos
from fieldapp.records import disclosures
from fieldapp.records.handovers import Handover, Handovers
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reports.issued import IssuedDocuments
from fieldapp.vault.session import Session, unlock
from fieldapp.work import Cancelled
from tests.support import add_officer
from tests.ui.conftest import OFFICER, PASSPHRASE, SCREENER, SCREENER_PASSPHRASE, on_worker
from ui.screens import handover as handover_module
from ui.screens.handover import HandoverDialog
from ui.screens.person import PersonPage
from ui.screens.printing import PdfJob, PdfOutput, manifest_work
from ui.tasks import TaskRunner

T = TypeVar("T")
LEAD, LEAD_PASSPHRASE = "Keo Sophal", "team lead passphrase"
AGENCY = "Anti-Human Trafficking and Juvenile Protection Police"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def portrait_jpeg() -> bytes:
    image = Image.new("RGB", (600, 800), "#9bb")
    ImageDraw.Draw(image).ellipse((150, 150, 450, 550), fill="#e8c8a8", outline="#333", width=6)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


@dataclass(frozen=True)
class World:
    data_dir: Path
    operation_id: str
    sok_id: str
    wang_id: str


def make_base_world(vault_dir: Path) -> World:
    """The conftest vault with the operation's lead agency and place, and Sok's consented portrait."""
    session = unlock(vault_dir, OFFICER, PASSPHRASE)
    try:
        records = Records(session)
        operation = records.operations()[0]
        records.update_operation(operation.id, lead_agency=AGENCY, place="Sihanoukville")
        sok = next(p for p in records.persons() if p.name == "Sok Sreypov")
        wang = next(p for p in records.persons() if p.name == "Wang Xiaoming")
        Screenings(records).begin(sok.id, sections={"consent": {"photo_portrait": True}})
        Photos(records).attach(sok.id, portrait_jpeg(), kind="portrait", consent=True)
    finally:
        session.close()
    return World(vault_dir, operation.id, sok.id, wang.id)


def add_officers(world: World) -> World:
    """... with a team lead and a screener (the app's unlock screen would then preselect another officer)."""
    session = unlock(world.data_dir, OFFICER, PASSPHRASE)
    try:
        add_officer(session, LEAD, "team_lead", LEAD_PASSPHRASE)
        add_officer(session, SCREENER, "screener", SCREENER_PASSPHRASE)
    finally:
        session.close()
    return world


@pytest.fixture
def base_world(vault_dir: Path) -> World:
    return make_base_world(vault_dir)


@pytest.fixture
def world(base_world: World) -> World:
    return add_officers(base_world)


@pytest.fixture
def lead(open_session: Callable[[str, str], Session]) -> Session:
    return open_session(LEAD, LEAD_PASSPHRASE)  # a team lead who is not an admin


class Answers:
    """Answers the print / save questions at once and remembers the order they were asked in."""

    def __init__(self, output: PdfOutput, save_to: Path | None = None, print_to: Path | None = None) -> None:
        self.asked: list[str] = []
        self.confirm = True
        self.purpose = "court hearing"
        self.save_to = save_to
        self.print_to = print_to
        self.jobs: list[PdfJob] = []
        self.next = ""
        output.questions.confirm_unencrypted = self.confirm_unencrypted
        output.questions.save_path = self.save_path
        output.questions.printer = self.printer
        output.questions.what_next = self.what_next

    def confirm_unencrypted(self, _parent: QWidget, answer: Callable[[str], None]) -> None:
        self.asked.append("warning")
        if self.confirm:
            answer(self.purpose)

    def save_path(self, _parent: QWidget, suggested: str, answer: Callable[[str], None]) -> None:
        self.asked.append(f"path:{suggested}")
        answer(str(self.save_to))

    def printer(self, _parent: QWidget, printer: QPrinter, answer: Callable[[], None]) -> None:
        self.asked.append("printer")
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_to))
        answer()

    def what_next(self, _parent: QWidget, job: PdfJob, answer: Callable[[str], None]) -> None:
        self.asked.append("what_next")
        self.jobs.append(job)
        answer(self.next)


def make_page(qtbot: QtBot, runner: TaskRunner, session: Session, person_id: str) -> PersonPage:
    records = Records(session)
    page = PersonPage(records=records, screenings=Screenings(records), runner=runner)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    qtbot.waitExposed(page)
    page.show_person(person_id)
    qtbot.waitUntil(lambda: bool(page.title.text()) and runner.pending == 0, timeout=10_000)
    return page


def open_dialog(qtbot: QtBot, page: PersonPage, handover_id: str = "") -> HandoverDialog:
    page.open_handover(handover_id)
    dialog = page.handover_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.person_label.text()), timeout=10_000)
    return dialog


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill_required(qtbot: QtBot, dialog: HandoverDialog) -> None:
    qtbot.keyClicks(dialog.inputs["place"], "Provincial police station, Sihanoukville")
    dialog.receiving_type.setCurrentIndex(dialog.receiving_type.findData("embassy"))
    qtbot.keyClicks(dialog.inputs["receiving_country"], "China")
    qtbot.keyClicks(dialog.inputs["receiving_officer"], "Li Wei")
    qtbot.keyClicks(dialog.inputs["receiving_position"], "Consul")
    dialog.flags["consent_referral"].setCurrentIndex(1)  # yes
    dialog.flags["consent_sharing"].setCurrentIndex(1)  # yes: their embassy may have the form


def handovers_of(qtbot: QtBot, runner: TaskRunner, session: Session, person_id: str) -> list[Handover]:
    handovers = Handovers(Records(session))
    return on_worker(qtbot, runner, lambda: handovers.for_person(person_id))


def hand_over(qtbot: QtBot, runner: TaskRunner, page: PersonPage, passphrase: str) -> HandoverDialog:
    dialog = open_dialog(qtbot, page)
    fill_required(qtbot, dialog)
    dialog.ask_passphrase = lambda _parent, answer: answer(passphrase)
    answers = Answers(dialog.output)
    click(qtbot, dialog.hand_over_button)
    qtbot.waitUntil(lambda: dialog.job is not None, timeout=20_000)
    assert answers.asked == ["what_next"]  # Print / Preview / Save as PDF offered once issued
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    return dialog


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


# --- tests -------------------------------------------------------------------------------------


def test_draft_is_saved_and_reloaded(
    qtbot: QtBot, runner: TaskRunner, screener: Session, world: World
) -> None:
    page = make_page(qtbot, runner, screener, world.sok_id)
    assert page.handover_button.text().replace("&", "") == "New handover…"
    assert not page.handover_print.isEnabled()
    dialog = open_dialog(qtbot, page)
    # transferring agency and officer come from the operation and the signed-in officer
    assert dialog.inputs["transferring_agency"].text() == AGENCY
    assert dialog.inputs["transferring_officer"].text() == SCREENER
    assert dialog.inputs["place"].text() == "Sihanoukville"
    assert not dialog.inputs["receiving_country"].isEnabled()  # only for an embassy
    dialog.inputs["place"].clear()
    fill_required(qtbot, dialog)
    assert dialog.inputs["receiving_country"].isEnabled()
    qtbot.keyClicks(dialog.inputs["interpreter_name"], "Ly Mei")
    qtbot.keyClicks(dialog.inputs["interpreter_language"], "Mandarin")
    dialog.flags["consent_sharing"].setCurrentIndex(2)  # no
    qtbot.keyClicks(dialog.notes["safety_notes"], "Recruiter still at large")
    click(qtbot, dialog.add_item_button)
    dialog.items.item(0, 1).setText("Passport E12345678")  # type: ignore[union-attr]
    click(qtbot, dialog.add_item_button)
    dialog.items.item(1, 1).setText("Phone, black")  # type: ignore[union-attr]
    dialog.items.setCurrentCell(1, 1)
    click(qtbot, dialog.add_item_button)
    dialog.items.setCurrentCell(2, 1)
    click(qtbot, dialog.remove_item_button)  # the empty third row goes again
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    assert dialog.pending() == {}
    assert "draft" in dialog.status_label.text()

    [saved] = handovers_of(qtbot, runner, screener, world.sok_id)
    assert saved.status == "draft" and saved.reference_no.startswith("HO-")
    d = saved.data
    assert d["place"] == "Provincial police station, Sihanoukville"
    assert (d["receiving_type"], d["receiving_country"], d["receiving_officer"]) == (
        "embassy",
        "CHN",  # typed "China": stored as the code, shown as the name
        "Li Wei",
    )
    assert d["transferring_agency"] == AGENCY and d["transferring_officer"] == SCREENER
    assert (d["consent_referral"], d["consent_sharing"]) == (True, False)
    assert d["interpreter_name"] == "Ly Mei" and d["safety_notes"] == "Recruiter still at large"
    assert [i["description"] for i in d["items"]] == ["Passport E12345678", "Phone, black"]

    dialog.close()
    qtbot.waitUntil(lambda: page.handover_list.count() == 1, timeout=10_000)
    assert "draft" in page.handover_list.item(0).text()
    assert page.handover_button.text().replace("&", "") == "Continue handover…"
    again = open_dialog(qtbot, page)  # continues the draft
    assert again.inputs["place"].text() == "Provincial police station, Sihanoukville"
    assert again.receiving_type.currentData() == "embassy"
    assert again.flags["consent_sharing"].currentData() is False
    assert again.item_rows()[1] == {"kind": "belongings", "description": "Phone, black", "quantity": 1}
    assert again.notes["safety_notes"].toPlainText() == "Recruiter still at large"
    assert again.pending() == {} and again.missing_label.text() == ""


def test_a_screener_cannot_hand_over(
    qtbot: QtBot, runner: TaskRunner, screener: Session, world: World
) -> None:
    page = make_page(qtbot, runner, screener, world.sok_id)
    dialog = open_dialog(qtbot, page)
    fill_required(qtbot, dialog)
    assert not dialog.hand_over_button.isEnabled()
    assert "team lead" in dialog.hand_over_button.toolTip()
    dialog.save()
    qtbot.waitUntil(lambda: runner.pending == 0 and dialog.handover is not None, timeout=10_000)
    handovers = Handovers(Records(screener))
    assert dialog.handover is not None
    handover_id = dialog.handover.id
    with pytest.raises(NotAllowed):
        on_worker(qtbot, runner, lambda: handovers.hand_over(handover_id))


def test_missing_fields_and_a_wrong_passphrase_keep_the_draft(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(handover_module, "show_error", lambda _parent, error: shown.append(str(error)))
    page = make_page(qtbot, runner, lead, world.wang_id)
    dialog = open_dialog(qtbot, page)
    qtbot.keyClicks(dialog.inputs["receiving_name"], "Poipet transit centre")
    assert "the receiving officer" in dialog.missing_label.text()
    dialog.ask_passphrase = lambda _parent, answer: answer(LEAD_PASSPHRASE)
    click(qtbot, dialog.hand_over_button)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown[0].startswith("Before handing over, fill in:") and "the receiving officer" in shown[0]
    fill_required(qtbot, dialog)
    dialog.ask_passphrase = lambda _parent, answer: answer("not my passphrase at all")
    click(qtbot, dialog.hand_over_button)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    [draft] = handovers_of(qtbot, runner, lead, world.wang_id)
    assert draft.status == "draft" and dialog.hand_over_button.isEnabled()


def test_team_lead_hands_over_and_the_form_is_issued(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    page = make_page(qtbot, runner, lead, world.sok_id)
    dialog = hand_over(qtbot, runner, page, LEAD_PASSPHRASE)
    [final] = handovers_of(qtbot, runner, lead, world.sok_id)
    assert final.status == "final" and final.version == 1
    assert final.data["person"]["name"] == "Sok Sreypov"  # the snapshot the core copies in
    assert len(final.data["portrait_sha256"]) == 64  # the consented portrait printed is named
    issued = IssuedDocuments(lead)
    [document] = on_worker(qtbot, runner, lambda: issued.for_record(final.id, 1))
    stored = on_worker(qtbot, runner, lambda: issued.pdf(document.id))
    assert dialog.job is not None and dialog.job.pdf == stored and dialog.job.pages == 3
    # the dialog is now read-only, with the outputs
    assert dialog.inputs["place"].isReadOnly() and not dialog.hand_over_button.isVisible()
    assert dialog.print_button.isVisible() and "version 1" in dialog.status_label.text()
    dialog.close()
    qtbot.waitUntil(lambda: page.handover_list.count() == 1 and "final" in page.handover_list.item(0).text())
    assert "China" in page.handover_list.item(0).text()
    assert page.handover_button.text().replace("&", "") == "New handover…"


def test_without_consent_the_team_lead_is_asked_for_a_reason_and_it_is_signed(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    page = make_page(qtbot, runner, lead, world.sok_id)
    dialog = open_dialog(qtbot, page)
    fill_required(qtbot, dialog)
    dialog.flags["consent_sharing"].setCurrentIndex(2)  # no: she does not want her embassy told
    dialog.ask_passphrase = lambda _parent, answer: answer(LEAD_PASSPHRASE)
    asked: list[str] = []
    dialog.ask_override_reason = lambda _parent, refusal, answer: asked.append(refusal)
    click(qtbot, dialog.hand_over_button)
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert "at this handover they said no to sharing their data with their embassy or consulate" in asked[0]
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    [draft] = handovers_of(qtbot, runner, lead, world.sok_id)
    assert draft.status == "draft" and dialog.hand_over_button.isEnabled()  # cancelled: nothing handed over
    reason = "Her passport is at the embassy; she asked us to take her there"
    dialog.ask_override_reason = lambda _parent, _refusal, answer: answer(reason)
    Answers(dialog.output)
    click(qtbot, dialog.hand_over_button)
    qtbot.waitUntil(lambda: dialog.job is not None, timeout=20_000)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    [final] = handovers_of(qtbot, runner, lead, world.sok_id)
    assert final.status == "final" and final.data["consent_override"]["reason"] == reason
    assert final.data["consent_override"]["by"] == lead.officer.name
    dialog.close()


@needs_poppler
def test_save_as_pdf_writes_exactly_the_stored_bytes_after_the_warning(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World, tmp_path: Path
) -> None:
    page = make_page(qtbot, runner, lead, world.sok_id)
    hand_over(qtbot, runner, page, LEAD_PASSPHRASE).close()
    qtbot.waitUntil(lambda: page.handover_save_pdf.isEnabled(), timeout=10_000)
    target = tmp_path / "chosen" / "form.pdf"
    target.parent.mkdir()
    answers = Answers(page.output, save_to=target)

    answers.confirm = False  # the officer backs out at the warning: nothing is written
    page.save_handover_pdf()
    qtbot.waitUntil(lambda: answers.asked == ["warning"], timeout=10_000)
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert not target.exists() and os.listdir(target.parent) == []

    answers.confirm, answers.asked = True, []
    with qtbot.waitSignal(page.output.saved, timeout=10_000) as saved:
        click(qtbot, page.handover_save_pdf)
    assert saved.args == [str(target)]
    assert (
        answers.asked[0] == "warning" and answers.asked[1].startswith("path:HO-") and len(answers.asked) == 2
    )
    [final] = handovers_of(qtbot, runner, lead, world.sok_id)
    issued = IssuedDocuments(lead)
    [document] = on_worker(qtbot, runner, lambda: issued.for_record(final.id, 1))
    assert target.read_bytes() == on_worker(qtbot, runner, lambda: issued.pdf(document.id))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert os.listdir(target.parent) == ["form.pdf"]  # no temporary file left beside it
    assert "Sok Sreypov" in pdftotext(target)
    # One signed disclosure for the one copy saved (none for the attempt backed out of), and the form
    # issued once: saving it did not issue it again.
    [copy] = on_worker(qtbot, runner, lambda: disclosures.recorded(lead))
    assert (copy.payload["kind"], copy.payload["what"], copy.payload["persons"]) == (
        "copy",
        "handover",
        [world.sok_id],
    )
    assert copy.payload["purpose"] == "court hearing" and copy.officer_id == lead.officer.id
    assert copy.payload["sha256"] == document.sha256


@needs_poppler
def test_print_to_a_pdf_printer(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World, tmp_path: Path
) -> None:
    page = make_page(qtbot, runner, lead, world.sok_id)
    hand_over(qtbot, runner, page, LEAD_PASSPHRASE).close()
    qtbot.waitUntil(lambda: page.handover_print.isEnabled(), timeout=10_000)
    printed = tmp_path / "printed.pdf"
    answers = Answers(page.output, print_to=printed)
    # This machine has no print system: a stand-in printer reaches Qt's print dialog, where Answers
    # picks "Print to file (PDF)" (tests/ui/test_handover_preview.py covers the case without one).
    page.output.printers = lambda: ["stand-in printer"]
    with qtbot.waitSignal(page.output.printed, timeout=20_000) as done:
        click(qtbot, page.handover_print)
    assert done.args == [3]
    assert answers.asked == ["printer", "warning"]  # "Print to file (PDF)" is an unencrypted copy too
    assert "Sok Sreypov" in pdftotext(printed)
    [final] = handovers_of(qtbot, runner, lead, world.sok_id)
    issued = IssuedDocuments(lead)
    [document] = on_worker(qtbot, runner, lambda: issued.for_record(final.id, 1))
    assert printed.read_bytes() == on_worker(qtbot, runner, lambda: issued.pdf(document.id))
    [copy] = on_worker(qtbot, runner, lambda: disclosures.recorded(lead))  # a file: a copy, not a print
    assert copy.payload["kind"] == "copy" and copy.payload["persons"] == [world.sok_id]

    # What a paper printer gets: the stored pages rasterised at the printer's resolution.
    rastered = tmp_path / "raster.pdf"
    answers.print_to, answers.asked = rastered, []
    page.output.raster_pdf_files = True
    with qtbot.waitSignal(page.output.printed, timeout=30_000) as done:
        click(qtbot, page.handover_print)
    assert done.args == [3] and answers.asked == ["printer"]
    info = subprocess.run(["pdfinfo", str(rastered)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.MULTILINE) and "(A4)" in info
    png = tmp_path / "raster-page"
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(rastered), str(png)], check=True
    )
    [rendered] = list(tmp_path.glob("raster-page*.png"))
    with Image.open(rendered) as image:
        dark = image.convert("L").point(lambda v: 255 if v < 128 else 0).histogram()[255]
    assert dark > 500  # the form's ink is there
    kinds = [e.payload["kind"] for e in on_worker(qtbot, runner, lambda: disclosures.recorded(lead))]
    assert kinds == ["copy", "print"]  # one event per act
    assert len(on_worker(qtbot, runner, lambda: issued.for_record(final.id))) == 1  # issued once


def test_a_draft_prints_as_a_draft_and_is_not_stored(
    qtbot: QtBot, runner: TaskRunner, screener: Session, world: World, tmp_path: Path
) -> None:
    page = make_page(qtbot, runner, screener, world.sok_id)
    dialog = open_dialog(qtbot, page)
    fill_required(qtbot, dialog)
    dialog.close()
    qtbot.waitUntil(
        lambda: page.handover_list.count() == 1 and page.handover_print.isEnabled(), timeout=10_000
    )
    target = tmp_path / "draft.pdf"
    Answers(page.output, save_to=target)
    with qtbot.waitSignal(page.output.saved, timeout=10_000):
        page.save_handover_pdf()
    assert target.read_bytes().startswith(b"%PDF")
    [draft] = handovers_of(qtbot, runner, screener, world.sok_id)
    issued = IssuedDocuments(screener)
    assert on_worker(qtbot, runner, lambda: issued.for_record(draft.id)) == []


def test_typing_then_locking_at_once_loses_nothing(qtbot: QtBot, base_world: World, unlocked: Any) -> None:
    world = base_world
    main = unlocked.main_window
    main.open_person(world.wang_id)
    page = main.person_page
    qtbot.waitUntil(lambda: bool(page.title.text()), timeout=10_000)
    dialog = open_dialog(qtbot, page)
    qtbot.keyClicks(dialog.inputs["receiving_officer"], "Officer typed just before the lock")
    assert dialog.autosave_timer.isActive()  # not saved yet
    unlocked.lock()
    qtbot.waitUntil(lambda: unlocked.main_window is None, timeout=10_000)
    session = unlock(world.data_dir, OFFICER, PASSPHRASE)
    try:
        [draft] = Handovers(Records(session)).for_person(world.wang_id)
    finally:
        session.close()
    assert draft.data["receiving_officer"] == "Officer typed just before the lock"


@needs_poppler
def test_manifest_and_all_forms_from_the_operation_menu(
    qtbot: QtBot, base_world: World, unlocked: Any, tmp_path: Path
) -> None:
    world = base_world
    main = unlocked.main_window
    qtbot.waitUntil(lambda: main.operation_id == world.operation_id, timeout=10_000)
    menu = main.findChild(QWidget, "operation_menu")
    assert menu is not None and main.manifest_action in menu.actions() and main.forms_action in menu.actions()
    answers = Answers(main.output, save_to=tmp_path / "manifest.pdf")
    answers.next = "save"
    progressed: list[tuple[int, int, str]] = []
    main.manifest_action.trigger()
    assert main.batch is not None and not main.manifest_action.isEnabled()  # not twice at once
    main.batch.progressed.connect(lambda *args: progressed.append(args))
    with qtbot.waitSignal(main.output.saved, timeout=20_000):
        pass
    assert main.manifest_action.isEnabled()
    [job] = answers.jobs
    assert job.title.startswith("Manifest") and job.pages >= 1
    text = pdftotext(tmp_path / "manifest.pdf")
    assert "Sok Sreypov" in text and "Wang Xiaoming" in text
    assert answers.asked[:2] == ["what_next", "warning"]

    # all handover forms: nobody is handed over yet, which is said in plain words
    shown: list[str] = []
    main._on_error = lambda error: shown.append(str(error))  # type: ignore[method-assign]
    main.forms_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "No one in this operation has been handed over yet" in shown[0]


def test_the_manifest_work_stops_on_cancel(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    records = Records(lead)
    work = manifest_work(records, Handovers(records), Photos(records), world.operation_id, by_body=True)
    with pytest.raises(Cancelled):
        on_worker(qtbot, runner, lambda: work(lambda *_: None, lambda: True))
    job = on_worker(qtbot, runner, lambda: work(lambda *_: None, lambda: False))
    assert job.pdf.startswith(b"%PDF") and job.file_name.endswith("-by-body.pdf")


def test_screenshots_of_the_dialog_and_the_person_page(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World
) -> None:
    page = make_page(qtbot, runner, lead, world.sok_id)
    dialog = open_dialog(qtbot, page)
    dialog.inputs["place"].clear()
    fill_required(qtbot, dialog)
    qtbot.keyClicks(dialog.inputs["interpreter_name"], "Ly Mei")
    click(qtbot, dialog.add_item_button)
    dialog.items.item(0, 1).setText("Passport E12345678")  # type: ignore[union-attr]
    dialog.items.cellWidget(0, 0).setCurrentIndex(0)  # type: ignore[union-attr]
    dialog.save()
    qtbot.waitUntil(lambda: runner.pending == 0 and dialog.handover is not None, timeout=10_000)
    dialog.resize(760, 1500)
    ARTIFACTS.mkdir(exist_ok=True)
    dialog.grab().save(str(ARTIFACTS / "handover-dialog.png"))
    dialog.close()
    qtbot.waitUntil(lambda: page.handover_list.count() == 1, timeout=10_000)
    page.handover_list.setCurrentRow(0)
    page.grab().save(str(ARTIFACTS / "person-handover.png"))

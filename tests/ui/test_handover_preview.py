"""Preview and print on a laptop with no print system (issue 20 item 1), in English and Khmer.

"Preview…" used to hand Qt's print preview a QPrinter that Python freed as soon as the click handler
returned: the next paint in the event loop crashed the app (segmentation fault). The preview is now the
app's own (the stored PDF's pages drawn by QtPdf), and Print with no printer says so in plain words.
This machine has no CUPS: these tests see exactly what an officer's laptop without a printer shows.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.vault.session import Session
from tests.ui.test_handover_ui import (
    LEAD,
    LEAD_PASSPHRASE,
    Answers,
    World,
    add_officers,
    click,
    fill_required,
    hand_over,
    make_base_world,
    make_page,
    open_dialog,
)
from ui.screens.handover import HandoverDialog
from ui.screens.pdf_preview import PdfPreviewDialog
from ui.screens.printing import no_printer_text
from ui.tasks import TaskRunner

KHMER = range(0x1780, 0x1800)


@pytest.fixture
def world(vault_dir: Path) -> World:
    return add_officers(make_base_world(vault_dir))


@pytest.fixture
def lead(open_session: Callable[[str, str], Session]) -> Session:
    return open_session(LEAD, LEAD_PASSPHRASE)


@pytest.fixture(params=["en", "km"])
def language(request: Any, qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from ui.i18n import set_language

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the .qm is compiled there
    assert set_language(qapp, request.param)
    yield request.param
    set_language(qapp, "en")


@pytest.fixture
def no_print_system() -> None:
    if QPrinterInfo.availablePrinterNames():
        pytest.skip("this computer has a printer set up: the no-printer case cannot be seen here")


def khmer(text: str) -> bool:
    return any(ord(ch) in KHMER for ch in text)


def ink(widget: QWidget) -> int:
    """Dark pixels in what the widget shows now (every third pixel of every third row)."""
    image = widget.grab().toImage()
    return sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixelColor(x, y).lightness() < 110
    )


def wait_preview(qtbot: QtBot, dialog: HandoverDialog) -> PdfPreviewDialog:
    qtbot.waitUntil(lambda: dialog.output.preview_dialog is not None, timeout=20_000)
    preview = dialog.output.preview_dialog
    assert preview is not None
    qtbot.waitExposed(preview)
    return preview


def no_printer_box(qtbot: QtBot) -> QMessageBox:
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "no_printer" and w.isVisible()
        ]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[0]


def button(box: QMessageBox, role: QMessageBox.ButtonRole) -> QPushButton:
    [found] = [b for b in box.buttons() if box.buttonRole(b) == role and isinstance(b, QPushButton)]
    return found


def test_preview_shows_the_pages_and_needs_no_printer(
    qtbot: QtBot, runner: TaskRunner, lead: Session, world: World, language: str, no_print_system: None
) -> None:
    page = make_page(qtbot, runner, lead, world.sok_id)
    dialog = open_dialog(qtbot, page)
    fill_required(qtbot, dialog)
    dialog.save()
    qtbot.waitUntil(lambda: runner.pending == 0 and dialog.handover is not None, timeout=10_000)
    assert dialog.preview_button.isVisible()
    click(qtbot, dialog.preview_button)  # the draft, rendered as a draft
    preview = wait_preview(qtbot, dialog)
    assert preview.document.pageCount() == 3  # three copies of a one-page form
    qtbot.waitUntil(lambda: ink(preview.view.viewport()) > 400, timeout=20_000)
    # What crashed before: the garbage collector and a few rounds of painting in the event loop.
    gc.collect()
    preview.view.verticalScrollBar().setValue(preview.view.verticalScrollBar().maximum())
    qtbot.wait(300)
    preview.zoom(1.25)
    qtbot.wait(300)
    assert preview.isVisible() and ink(preview.view.viewport()) > 400
    if language == "km":
        assert khmer(preview.windowTitle()) and khmer(preview.print_button.text())
        assert khmer(preview.pages_label.text())
    else:
        assert preview.windowTitle().startswith("Preview: DRAFT handover form HO-")
        assert preview.pages_label.text() == "Pages: 3"
    preview.close()
    qtbot.waitUntil(lambda: dialog.output.preview_dialog is None, timeout=5_000)

    # handed over: the issued form, previewed from the dialog
    dialog.close()
    handed = hand_over(qtbot, runner, page, LEAD_PASSPHRASE)
    click(qtbot, handed.preview_button)
    issued = wait_preview(qtbot, handed)
    assert handed.job is not None and issued.job.pdf == handed.job.pdf
    qtbot.waitUntil(lambda: ink(issued.view.viewport()) > 400, timeout=20_000)
    gc.collect()
    qtbot.wait(200)
    assert issued.isVisible()
    issued.close()


def test_print_without_a_printer_says_so_and_offers_save_or_preview(
    qtbot: QtBot,
    runner: TaskRunner,
    lead: Session,
    world: World,
    language: str,
    no_print_system: None,
    tmp_path: Path,
) -> None:
    page = make_page(qtbot, runner, lead, world.sok_id)
    dialog = hand_over(qtbot, runner, page, LEAD_PASSPHRASE)
    target = tmp_path / "form.pdf"
    answers = Answers(dialog.output, save_to=target)  # the warning and the file name; not the no-printer box

    click(qtbot, dialog.print_button)
    box = no_printer_box(qtbot)
    assert box.text() == no_printer_text()
    if language == "km":
        assert khmer(box.text()) and "printer" not in box.text()
        assert all(khmer(b.text()) for b in box.buttons())
    else:
        assert box.text().startswith("No printer is set up on this computer")
        assert "Save it as a PDF" in box.text() and "preview" in box.text()
    assert answers.asked == []  # no print dialog, nothing printed
    save = button(box, QMessageBox.ButtonRole.AcceptRole)
    assert box.defaultButton() is save
    with qtbot.waitSignal(dialog.output.saved, timeout=10_000):
        click(qtbot, save)
    assert answers.asked[0] == "warning" and answers.asked[1].startswith("path:HO-")
    assert dialog.job is not None and target.read_bytes() == dialog.job.pdf

    click(qtbot, dialog.print_button)
    box = no_printer_box(qtbot)
    click(qtbot, button(box, QMessageBox.ButtonRole.ActionRole))  # Preview…
    preview = wait_preview(qtbot, dialog)
    qtbot.waitUntil(lambda: ink(preview.view.viewport()) > 400, timeout=20_000)

    click(qtbot, preview.print_button)  # Print… from the preview: the same plain answer
    box = no_printer_box(qtbot)
    click(qtbot, button(box, QMessageBox.ButtonRole.RejectRole))  # Close
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=5_000)
    gc.collect()
    qtbot.wait(200)
    assert preview.isVisible()
    preview.close()


def test_the_preview_closes_when_the_app_locks(qtbot: QtBot, unlocked: Any, runner: TaskRunner) -> None:
    """The preview shows a person's data in a window of its own: the idle lock closes it with the rest."""
    main = unlocked.main_window
    main.output.questions.what_next = lambda _parent, _job, answer: answer("preview")
    main.print_manifest()  # the operation's manifest, made on a worker, then previewed
    qtbot.waitUntil(lambda: main.output.preview_dialog is not None, timeout=20_000)
    preview = main.output.preview_dialog
    assert preview is not None
    qtbot.waitExposed(preview)
    qtbot.waitUntil(lambda: ink(preview.view.viewport()) > 100, timeout=20_000)
    main.idle_lock.timer.setInterval(50)  # instead of minutes
    main.idle_lock.timer.start()
    qtbot.waitUntil(lambda: unlocked.currentWidget() is unlocked.unlock_screen, timeout=5_000)
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if isinstance(w, PdfPreviewDialog))

"""Print a stored PDF, preview it, or save an unencrypted copy where the officer chooses.

The PDF printed is the one kept in the vault (for a handed-over form: the issued bytes, version and
hash recorded), never a new rendering:

- to a paper printer, each page is rasterised with QtPdf (``QPdfDocument``, pdfium) by a print process
  of its own (``ui.print_process``), at the printer's resolution capped at 600 dpi, in horizontal bands
  so a page never needs more than ~12 MB of image memory (a whole A4 page at 600 dpi would be 139 MB) — measured:
  about 0.07 s per page at 600 dpi, 0.04 s at 300 dpi;
- when the officer picks "Print to file (PDF)" in the print dialog, the stored bytes are written to
  that file as they are (after the same warning as Save as PDF): a raster copy would lose the text
  layer and fail ``fieldapp verify FILE.pdf``, the exact bytes pass it;
- the preview shows the stored pages in the app's own dialog (``ui.screens.pdf_preview``): no printer is
  needed, and none is touched;
- with no printer set up on the computer, Print says so in plain words and offers Save as PDF and the
  preview instead of an empty print dialog.

Questions to the officer (warning, file name, printer, what to do with a finished PDF) are
replaceable callables that answer through a callback: tests answer them directly, and no nested
event loop runs (a lock may come in the middle of any question).

What is printed (a ``PdfJob``: one handover form, an operation's manifest or all its forms) is gathered
in ``ui.screens.pdf_jobs``; those names are re-exported here for the screens that print.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.atomic import write_atomic
from fieldapp.errors import FieldAppError
from fieldapp.records import disclosures, settings
from fieldapp.work import Cancelled, Progress, ShouldCancel
from ui.errors import show_error
from ui.naming import named
from ui.print_process import PrinterSettings, PrintFailed, print_in_process
from ui.progress import run_with_progress
from ui.screens.pdf_jobs import (
    PdfJob,
    consented_portrait,
    consented_thumbnail,
    destination,
    forms_work,
    handover_job,
    manifest_work,
    notification_work,
    page_count,
    reconciliation_work,
    wristbands_work,
)
from ui.screens.pdf_preview import PdfPreviewDialog
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from fieldapp.vault.session import Session

__all__ = [  # what is printed comes from ui.screens.pdf_jobs; the screens import it from here too
    "PdfJob",
    "PdfOutput",
    "PrintFailed",
    "Questions",
    "consented_portrait",
    "consented_thumbnail",
    "destination",
    "forms_work",
    "handover_job",
    "manifest_work",
    "page_count",
    "print_pdf",
    "notification_work",
    "reconciliation_work",
    "wristbands_work",
    "write_pdf",
]

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)


def writes_pdf_file(printer: QPrinter) -> bool:
    """True when the printer chosen is "Print to file (PDF)"."""
    return printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(printer.outputFileName())


def print_pdf(
    printer: QPrinter,
    pdf: bytes,
    *,
    raster: bool = False,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> int:
    """Print ``pdf`` on ``printer``: to a PDF file, the exact bytes; to paper (or with ``raster``), page images.

    Runs on a worker, never on the GUI thread; the pages are rasterised and painted by a print process of
    their own (``ui.print_process``: those Qt calls hold Python's global lock for long stretches)."""
    if writes_pdf_file(printer) and not raster:
        write_pdf(printer.outputFileName(), pdf)
        return page_count(pdf)
    return print_in_process(PrinterSettings.of(printer), pdf, progress=progress, should_cancel=should_cancel)


def write_pdf(path: str, pdf: bytes) -> None:
    """Write the PDF where the officer said, readable by the owner only; nothing else is written."""
    try:
        write_atomic(Path(path), pdf, mode=0o600)
    except OSError as exc:
        raise FieldAppError(
            _tr("Cannot write {path}: {reason}.").format(path=path, reason=exc.strerror or str(exc))
        ) from exc


def make_printer(printer_name: str = "") -> QPrinter:
    """A printer set to A4, on the printer named in the settings when it exists here."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    if printer_name and printer_name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(printer_name)
    return printer


# --- questions (replaceable) -------------------------------------------------------------------


def unencrypted_warning() -> str:
    return _tr(
        "The PDF file will NOT be encrypted. It holds personal data of a person at risk: "
        "anyone who gets the file or the disk can read it. The copy kept in the vault stays "
        "the reference for verification. Save it only on an encrypted disk or USB stick, keep it "
        "only as long as needed, and delete it once printed."
    )


class UnencryptedCopyDialog(QDialog):
    """The warning, and the purpose of the copy (recorded, signed, with the persons it holds)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("unencrypted_warning")
        self.setWindowTitle(_tr("Save an unencrypted copy?"))
        warning = QLabel(unencrypted_warning())
        warning.setWordWrap(True)
        self.purpose = named(QLineEdit(), "copy_purpose")
        self.purpose.setMaxLength(disclosures.MAX_PURPOSE)
        self.purpose.setPlaceholderText(_tr("for example: court hearing, NGO referral"))
        label = QLabel(_tr("&Purpose of this copy (recorded with the names it holds):"))
        label.setBuddy(self.purpose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save = buttons.addButton(_tr("Save unencrypted copy"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setEnabled(False)
        self.purpose.textChanged.connect(
            lambda text: self.save.setEnabled(len(text.strip()) >= disclosures.MIN_PURPOSE)
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(label)
        layout.addWidget(self.purpose)
        layout.addWidget(buttons)


def ask_confirm_unencrypted(parent: QWidget, answer: Callable[[str], None]) -> None:
    """Warn, and ask the purpose; ``answer(purpose)`` once the officer chose to save."""
    dialog = UnencryptedCopyDialog(parent)

    def done(result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            answer(dialog.purpose.text().strip())
        dialog.deleteLater()

    dialog.finished.connect(done)
    dialog.open()


def ask_save_path(parent: QWidget, suggested: str, answer: Callable[[str], None]) -> None:
    dialog = named(QFileDialog(parent, _tr("Save as PDF"), suggested, _tr("PDF files (*.pdf)")), "save_pdf")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix("pdf")
    dialog.selectFile(suggested)
    dialog.fileSelected.connect(answer)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()


def ask_printer(parent: QWidget, printer: QPrinter, answer: Callable[[], None]) -> None:
    dialog = named(QPrintDialog(printer, parent), "print_dialog")
    dialog.accepted.connect(answer)
    dialog.finished.connect(dialog.deleteLater)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()  # as open(): no nested event loop


def ask_what_next(parent: QWidget, job: PdfJob, answer: Callable[[str], None]) -> None:
    """Offer Print / Preview / Save as PDF for a PDF just made; answers "print", "preview", "save" or ""."""
    box = named(QMessageBox(parent), "pdf_ready")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(job.title)
    box.setText(_tr("{title} is ready: {pages} pages.").format(title=job.title, pages=job.pages))
    buttons: dict[QPushButton, str] = {
        box.addButton(_tr("&Print…"), QMessageBox.ButtonRole.AcceptRole): "print",
        box.addButton(_tr("Pre&view…"), QMessageBox.ButtonRole.ActionRole): "preview",
        box.addButton(_tr("Save as &PDF…"), QMessageBox.ButtonRole.ActionRole): "save",
    }
    box.addButton(QMessageBox.StandardButton.Close)

    def done(_result: int) -> None:
        clicked = box.clickedButton()
        choice = buttons.get(clicked, "") if isinstance(clicked, QPushButton) else ""
        box.deleteLater()
        answer(choice)

    box.finished.connect(done)
    box.open()


def no_printer_text() -> str:
    return _tr(
        "No printer is set up on this computer, so the form cannot be printed from here. Save it as "
        "a PDF (on an encrypted USB stick) and print it from a computer that has a printer, or look "
        "at it in the preview."
    )


def ask_without_printer(parent: QWidget, job: PdfJob, answer: Callable[[str], None]) -> None:
    """There is no printer: say so, and offer Save as PDF or the preview; answers "save", "preview" or ""."""
    box = named(QMessageBox(parent), "no_printer")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_tr("No printer"))
    box.setText(no_printer_text())
    buttons: dict[QPushButton, str] = {
        box.addButton(_tr("Save as &PDF…"), QMessageBox.ButtonRole.AcceptRole): "save",
        box.addButton(_tr("Pre&view…"), QMessageBox.ButtonRole.ActionRole): "preview",
    }
    close = box.addButton(QMessageBox.StandardButton.Close)
    close.setText(_tr("&Close"))
    box.setDefaultButton(next(iter(buttons)))

    def done(_result: int) -> None:
        clicked = box.clickedButton()
        choice = buttons.get(clicked, "") if isinstance(clicked, QPushButton) else ""
        box.deleteLater()
        answer(choice)

    box.finished.connect(done)
    box.open()


@dataclass
class Questions:
    confirm_unencrypted: Callable[[QWidget, Callable[[str], None]], None] = ask_confirm_unencrypted
    save_path: Callable[[QWidget, str, Callable[[str], None]], None] = ask_save_path
    printer: Callable[[QWidget, QPrinter, Callable[[], None]], None] = ask_printer
    what_next: Callable[[QWidget, PdfJob, Callable[[str], None]], None] = ask_what_next
    without_printer: Callable[[QWidget, PdfJob, Callable[[str], None]], None] = ask_without_printer


# --- the object screens use --------------------------------------------------------------------


class PdfOutput(QObject):
    """Print, preview or save a PdfJob for a screen. ``saved(path)`` and ``printed(pages)`` tell tests."""

    saved = Signal(str)
    printed = Signal(int)

    def __init__(self, parent: QWidget, *, runner: TaskRunner, session: Session | None) -> None:
        super().__init__(parent)
        self._widget = parent
        self._runner = runner
        self._session = session
        self.questions = Questions()
        self.raster_pdf_files = False  # tests: paint even "Print to file (PDF)" through QtPdf
        # The printers this computer has (Qt asks the print system: CUPS, Windows). Tests with no print
        # system name a stand-in to reach the print dialog, where they choose "Print to file (PDF)".
        self.printers: Callable[[], list[str]] = QPrinterInfo.availablePrinterNames
        self.preview_dialog: PdfPreviewDialog | None = None
        self._printing: QPrinter | None = None  # kept alive while a dialog or a worker uses it

    def offer(self, job: PdfJob) -> None:
        self.questions.what_next(self._widget, job, lambda choice: self._chosen(job, choice))

    def _chosen(self, job: PdfJob, choice: str, over: QWidget | None = None) -> None:
        if choice == "print":
            self.print_job(job, over)
        elif choice == "preview":
            self.preview(job)
        elif choice == "save":
            self.save_as(job, over)

    # --- save -----------------------------------------------------------------------------------

    def save_as(self, job: PdfJob, over: QWidget | None = None) -> None:
        """Warn that the file is not encrypted, ask where, write the exact bytes there. The questions
        open over ``over`` (the preview, when asked from it), else over the screen."""
        parent = over or self._widget
        self.questions.confirm_unencrypted(
            parent,
            lambda purpose: self.questions.save_path(
                parent, job.file_name, lambda path: self._save(job, path, purpose)
            ),
        )

    def _save(self, job: PdfJob, path: str, purpose: str) -> None:
        if not path:
            return
        try:
            disclosures.check_purpose("copy", purpose)  # before anything is written
            write_pdf(path, job.pdf)
        except FieldAppError as error:
            show_error(self._widget, error)
            return
        logger.info("saved an unencrypted PDF copy (%d bytes)", len(job.pdf))
        self._record("copy", job, purpose, lambda: self.saved.emit(path))

    def _record(self, kind: str, job: PdfJob, purpose: str, then: Callable[[], None]) -> None:
        """One signed ``disclosure.record`` event for this print or copy (records.disclosures), on the
        database worker; ``then`` once it is in the log."""
        session = self._session
        if session is None or not session.is_open:
            then()  # locked meanwhile: the vault cannot record it (nor can anyone print from it now)
            return
        what = job.kind or "pdf"
        self._runner.run_db(
            lambda: disclosures.record(session, kind, what, job.persons, purpose=purpose, pdf=job.pdf),
            lambda _event: then(),
            self._failed,
        )

    # --- print ----------------------------------------------------------------------------------

    def print_job(self, job: PdfJob, over: QWidget | None = None) -> None:
        """Ask the printer (the one in the settings is preselected), then print the stored pages; with no
        printer on this computer, say so and offer Save as PDF or the preview (questions over ``over``)."""
        parent = over or self._widget
        if not self.printers():
            self.questions.without_printer(parent, job, lambda choice: self._chosen(job, choice, over))
            return
        session = self._session
        if session is None or not session.is_open:
            self._with_printer(job, "", parent)
            return
        self._runner.run_db(
            lambda: settings.get(session, settings.PRINTER),
            lambda name: self._with_printer(job, name, parent),
            self._failed,
        )

    def _failed(self, error: Exception) -> None:
        show_error(self._widget, error)

    def _with_printer(self, job: PdfJob, printer_name: str, parent: QWidget) -> None:
        printer = make_printer(printer_name)
        printer.setDocName(job.title)
        self._printing = printer  # the print dialog only borrows it
        self.questions.printer(parent, printer, lambda: self._print(job, printer, parent))

    def _print(self, job: PdfJob, printer: QPrinter, parent: QWidget) -> None:
        if writes_pdf_file(printer) and not self.raster_pdf_files:
            self.questions.confirm_unencrypted(parent, lambda purpose: self._print_now(job, printer, purpose))
        else:
            self._print_now(job, printer)

    def _print_now(self, job: PdfJob, printer: QPrinter, purpose: str | None = None) -> None:
        """Print; ``purpose`` is given for a print to a PDF file, which is recorded as a copy."""
        if purpose is not None:
            try:
                disclosures.check_purpose("copy", purpose)  # before anything is written
            except FieldAppError as error:
                show_error(self._widget, error)
                return
        # Rasterising hundreds of pages takes a while: on the task runner's other worker, with
        # progress and cancel, so the window keeps answering (tests/bench/gui_stall.py measures it).
        raster = self.raster_pdf_files
        self._printing = printer  # kept alive until the work is done

        def work(progress: Progress, should_cancel: ShouldCancel) -> int:
            return print_pdf(printer, job.pdf, raster=raster, progress=progress, should_cancel=should_cancel)

        run_with_progress(
            self._widget,
            self._runner,
            _tr("Printing {title}").format(title=job.title),
            work,
            lambda pages: self._printed(job, pages, purpose),
            self._print_failed,
            database=False,
        )

    def _printed(self, job: PdfJob, pages: int, purpose: str | None) -> None:
        self._printing = None
        # A print to a PDF file wrote the bytes to disk: a copy, never also a print (one act, one event).
        kind, said = ("print", "") if purpose is None else ("copy", purpose)
        self._record(kind, job, said, lambda: self.printed.emit(pages))

    def _print_failed(self, error: Exception) -> None:
        self._printing = None
        if isinstance(error, Cancelled):
            return
        show_error(self._widget, error)

    # --- preview --------------------------------------------------------------------------------

    def preview(self, job: PdfJob) -> None:
        """The stored pages in the app's own preview (no printer needed); Print and Save as PDF from there."""
        if self.preview_dialog is not None:
            self.preview_dialog.close()
        try:
            dialog = PdfPreviewDialog(job, self._widget)
        except FieldAppError as error:
            show_error(self._widget, error)
            return
        dialog.print_asked.connect(lambda: self.print_job(job, dialog))
        dialog.save_asked.connect(lambda: self.save_as(job, dialog))
        dialog.finished.connect(lambda _result: self._preview_closed(dialog))
        self.preview_dialog = dialog
        dialog.show()

    def _preview_closed(self, dialog: PdfPreviewDialog) -> None:
        if self.preview_dialog is dialog:
            self.preview_dialog = None

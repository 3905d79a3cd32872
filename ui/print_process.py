"""Rasterising a PDF onto a printer, in a process of its own.

QtPdf's page rendering and QPainter's drawing onto a printer are long C++ calls that keep Python's global
lock: a 600 dpi band of a page holds it for 0.2–0.8 s, and while a worker thread of the app's own process
does that, the window cannot repaint or take a key (``tests/bench/gui_stall.py``). So the pages are
rendered and painted by a child process with its own interpreter; the app's worker only waits on a pipe.

- The child gets the printer's settings (``PrinterSettings``, read from the print dialog's printer) and
  the PDF's bytes over the pipe; nothing of the PDF is written to disk by the app on the way (the printer
  output itself is what the officer asked for).
- It reports each page done; the app's ``progress`` and ``should_cancel`` (one long-work contract) work
  as before: a cancel is sent down the pipe, the child tells the printer to drop the job and stops.
- A child that dies (killed, out of memory) is a plain ``PrintFailed``; the vault is never touched by
  printing, so nothing is lost.
- The child speaks in keys, never in words: the app's worker puts them in the officer's language.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from multiprocessing.connection import Connection

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRect, QSize
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from fieldapp.errors import FieldAppError
from fieldapp.work import Cancelled, Progress, ShouldCancel, process_context

PRINT_DPI_CAP = 600
BAND_BYTES = 12 * 1024 * 1024  # image memory for one band of a page
POLL_SECONDS = 0.1  # how often the app's worker looks at the pipe and at the cancel flag
CANCEL_GRACE_SECONDS = 15.0  # a child that does not stop after a cancel is ended


def _tr(text: str) -> str:
    return QCoreApplication.translate("printing", text)  # the context of ui.screens.printing: one glossary


class PrintFailed(FieldAppError):
    code = "print_failed"
    key = ""  # for the print process: which failure, said again in words on the app's side


def _failed(key: str) -> PrintFailed:
    error = PrintFailed(_failure(key))
    error.key = key
    return error


def _failure(key: str) -> str:
    """What a failure key from the child means, in the officer's language."""
    if key == "unreadable":
        return _tr("The stored PDF could not be read for printing.")
    if key == "printer":
        return _tr("The printer could not be started. Check that it is on and connected.")
    return _tr(
        "The printing process stopped unexpectedly; nothing more was sent to the printer. Try printing again."
    )


def cancelled_printing() -> Cancelled:
    return Cancelled(_tr("Printing was cancelled; the printer was told to drop the job."))


def load_pdf(pdf: bytes) -> QPdfDocument:
    """A QPdfDocument reading ``pdf`` from memory (no temporary file)."""
    document = QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise _failed("unreadable")
    return document


@dataclass(frozen=True)
class PrinterSettings:
    """What the print dialog set on a QPrinter, to set the same on the child's own printer."""

    printer_name: str
    output_file: str
    pdf_output: bool
    page_size: int  # QPageSize.PageSizeId
    orientation: int  # QPageLayout.Orientation
    margins_mm: tuple[float, float, float, float]
    resolution: int
    copies: int
    collate: bool
    duplex: int  # QPrinter.DuplexMode
    color: int  # QPrinter.ColorMode
    doc_name: str
    from_page: int
    to_page: int

    @classmethod
    def of(cls, printer: QPrinter) -> PrinterSettings:
        layout = printer.pageLayout()
        margins = layout.margins(QPageLayout.Unit.Millimeter)
        return cls(
            printer_name=printer.printerName(),
            output_file=printer.outputFileName(),
            pdf_output=printer.outputFormat() == QPrinter.OutputFormat.PdfFormat,
            page_size=layout.pageSize().id().value,
            orientation=layout.orientation().value,
            margins_mm=(margins.left(), margins.top(), margins.right(), margins.bottom()),
            resolution=printer.resolution(),
            copies=printer.copyCount(),
            collate=printer.collateCopies(),
            duplex=printer.duplex().value,
            color=printer.colorMode().value,
            doc_name=printer.docName(),
            from_page=printer.fromPage(),
            to_page=printer.toPage(),
        )

    def printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.pdf_output:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        elif self.printer_name:
            printer.setPrinterName(self.printer_name)
        if self.output_file:
            printer.setOutputFileName(self.output_file)
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId(self.page_size)),
                QPageLayout.Orientation(self.orientation),
                QMarginsF(*self.margins_mm),
                QPageLayout.Unit.Millimeter,
            )
        )
        printer.setResolution(self.resolution)
        printer.setCopyCount(self.copies)
        printer.setCollateCopies(self.collate)
        printer.setDuplex(QPrinter.DuplexMode(self.duplex))
        printer.setColorMode(QPrinter.ColorMode(self.color))
        printer.setDocName(self.doc_name)
        if self.from_page or self.to_page:
            printer.setFromTo(self.from_page, self.to_page)
        return printer


def paint_pdf(
    printer: QPrinter,
    pdf: bytes,
    *,
    dpi_cap: int = PRINT_DPI_CAP,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> int:
    """Rasterise every page of ``pdf`` onto ``printer`` (fitted to its paper, centred); returns pages.

    Pages are rendered at the printer's resolution up to ``dpi_cap``, band by band. This holds Python's
    global lock for long stretches: the app calls it only in the print process (``print_in_process``).
    """
    document = load_pdf(pdf)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise _failed("printer")
    pages = document.pageCount()
    try:
        device_dpi = max(72, printer.resolution())
        dpi = min(device_dpi, dpi_cap)
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        for index in range(pages):
            if should_cancel is not None and should_cancel():
                printer.abort()
                raise cancelled_printing()
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            scale = min(paper.width() / points.width(), paper.height() / points.height())
            target_w, target_h = points.width() * scale, points.height() * scale
            left = (paper.width() - target_w) / 2
            top = (paper.height() - target_h) / 2
            render_w = max(1, round(points.width() * dpi / 72))
            render_h = max(1, round(points.height() * dpi / 72))
            factor = target_w / render_w
            band = max(64, BAND_BYTES // (render_w * 4))
            for y in range(0, render_h, band):
                rows = min(band, render_h - y)
                options = QPdfDocumentRenderOptions()
                options.setScaledSize(QSize(render_w, render_h))
                options.setScaledClipRect(QRect(0, y, render_w, rows))
                image = document.render(index, QSize(render_w, rows), options)
                painter.drawImage(
                    QRect(
                        round(left),
                        round(top + y * factor),
                        round(target_w),
                        round(top + (y + rows) * factor) - round(top + y * factor),
                    ),
                    image,
                )
            if progress is not None:
                progress(index + 1, pages, "")
    finally:
        painter.end()
    return pages


# --- the app's side --------------------------------------------------------------------------------


def print_in_process(
    settings: PrinterSettings,
    pdf: bytes,
    *,
    dpi_cap: int = PRINT_DPI_CAP,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> int:
    """Rasterise ``pdf`` onto the printer ``settings`` describe, in a child process; returns pages.

    Runs on a worker of the app (it waits on a pipe, so the GUI thread keeps the interpreter); raises
    ``Cancelled`` after a cancel, ``PrintFailed`` when the child fails or dies."""
    context = process_context()
    ours, theirs = context.Pipe()
    child = context.Process(
        target=_child, args=(theirs, settings, dpi_cap), name="fieldapp-print", daemon=True
    )
    child.start()
    theirs.close()
    asked_to_stop: float | None = None
    try:
        ours.send_bytes(pdf)
        while True:
            if asked_to_stop is None and should_cancel is not None and should_cancel():
                ours.send(("cancel",))
                asked_to_stop = 0.0
            if not ours.poll(POLL_SECONDS):
                if asked_to_stop is not None:
                    asked_to_stop += POLL_SECONDS
                    if asked_to_stop > CANCEL_GRACE_SECONDS:
                        raise cancelled_printing()
                if not child.is_alive() and not ours.poll():
                    raise _failed("died")
                continue
            kind, *rest = ours.recv()
            if kind == "page" and progress is not None:
                done, total = rest
                progress(done, total, _tr("page {page} of {pages}").format(page=done, pages=total))
            elif kind == "done":
                return int(rest[0])
            elif kind == "cancelled":
                raise cancelled_printing()
            elif kind == "failed":
                raise _failed(str(rest[0]))
    except (EOFError, BrokenPipeError, ConnectionResetError, OSError) as exc:
        raise _failed("died") from exc
    finally:
        ours.close()
        child.join(1.0)
        if child.is_alive():  # a cancel it did not heed in time, or the app's worker stopped waiting
            child.terminate()
            child.join(2.0)


# --- the child's side ------------------------------------------------------------------------------


def _child(conn: Connection, settings: PrinterSettings, dpi_cap: int) -> None:
    """The print process: one QGuiApplication without a window, one printer, one PDF."""
    # It never shows anything: offscreen even when the app's own platform (xcb, wayland) was set in the
    # environment, so the print process needs no display connection of its own.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "nice"):  # background work: on a two-core laptop the window gets the processor first
        os.nice(10)
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "fieldapp-print"])
    stop = False

    def should_cancel() -> bool:
        nonlocal stop
        while not stop and conn.poll():
            stop = conn.recv()[0] == "cancel"
        return stop

    def progress(done: int, total: int, _what: str) -> None:
        conn.send(("page", done, total))

    try:
        pdf = conn.recv_bytes()
        pages = paint_pdf(
            settings.printer(), pdf, dpi_cap=dpi_cap, progress=progress, should_cancel=should_cancel
        )
    except Cancelled:
        conn.send(("cancelled",))
    except PrintFailed as exc:
        conn.send(("failed", exc.key or "printer"))
    else:
        conn.send(("done", pages))
    finally:
        conn.close()
        del app

"""Printing in a process of its own: the pages arrive, cancel stops it, a killed child is a plain error.

QtPdf's rendering and QPainter's drawing hold Python's global lock for long stretches, so the app paints
printed pages in a child process (``ui.print_process``); these tests print a real PDF through it.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import signal
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from fieldapp.work import Cancelled
from ui.print_process import PrinterSettings, PrintFailed, print_in_process

pytestmark = pytest.mark.usefixtures("qapp")


def _pdf(folder: Path, pages: int) -> bytes:
    path = folder / "source.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.setFont(QFont("Sans", 12))
    for page in range(pages):
        if page:
            writer.newPage()
        painter.drawText(400, 800, f"Handover form page {page + 1}")
    painter.end()
    data = path.read_bytes()
    path.unlink()
    return data


def _settings(output: Path, dpi: int = 150) -> PrinterSettings:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(output))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setResolution(dpi)
    printer.setDocName("Forms")
    return PrinterSettings.of(printer)


def test_the_pages_are_painted_by_the_child_with_the_dialogs_settings(tmp_path: Path) -> None:
    output = tmp_path / "printed.pdf"
    seen: list[tuple[int, int, str]] = []
    pages = print_in_process(
        _settings(output), _pdf(tmp_path, 3), progress=lambda d, t, w: seen.append((d, t, w))
    )
    assert pages == 3 and [(d, t) for d, t, _ in seen] == [(1, 3), (2, 3), (3, 3)]
    assert seen[-1][2] == "page 3 of 3"
    info = subprocess.run(["pdfinfo", str(output)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.MULTILINE) and "(A4)" in info
    assert "Forms" in info  # the document name set in the print dialog reached the child's printer


def test_cancel_reaches_the_child_and_stops_it(tmp_path: Path) -> None:
    asked: list[int] = []

    def progress(done: int, _total: int, _what: str) -> None:
        asked.append(done)

    with pytest.raises(Cancelled, match="Printing was cancelled"):
        print_in_process(
            _settings(tmp_path / "printed.pdf"),
            _pdf(tmp_path, 40),
            progress=progress,
            should_cancel=lambda: bool(asked),
        )
    assert asked and max(asked) < 40
    assert not [p for p in multiprocessing.active_children() if p.name == "fieldapp-print"]


def test_a_killed_print_process_is_a_plain_error(tmp_path: Path) -> None:
    def kill_the_child(_done: int, _total: int, _what: str) -> None:
        for child in multiprocessing.active_children():
            if child.name == "fieldapp-print" and child.pid is not None:
                os.kill(child.pid, signal.SIGKILL)

    with pytest.raises(PrintFailed, match="stopped unexpectedly"):
        print_in_process(_settings(tmp_path / "printed.pdf"), _pdf(tmp_path, 40), progress=kill_the_child)


def test_a_damaged_pdf_is_said_in_words_by_the_app_not_the_child(tmp_path: Path) -> None:
    with pytest.raises(PrintFailed, match="could not be read for printing"):
        print_in_process(_settings(tmp_path / "printed.pdf"), b"%PDF-1.4 not really")

"""The frozen build's print smoke check (``fieldapp --smoke-gui``), run from the source tree.

packaging/smoke.sh runs the same check on the frozen build; here it shows that the check passes on a
working print process and that its reading of the printed file tells a blank or missing page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

from ui.smoke import SMOKE_PAGES, check_printing, printed_pages

pytestmark = pytest.mark.usefixtures("qapp")


def test_a_page_printed_through_the_print_process_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_printing() == []
    assert f"smoke: printed {SMOKE_PAGES} pages through the print process" in capsys.readouterr().out


def test_a_missing_a_non_pdf_and_a_blank_printout_are_told_apart(tmp_path: Path) -> None:
    assert printed_pages(tmp_path / "none.pdf") == (0, 0)
    (tmp_path / "text.pdf").write_text("not a PDF")
    assert printed_pages(tmp_path / "text.pdf") == (0, 0)
    blank = tmp_path / "blank.pdf"
    writer = QPdfWriter(str(blank))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    writer.newPage()
    painter.end()
    assert printed_pages(blank) == (2, 0)

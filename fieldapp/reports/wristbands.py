"""Wristband labels: the temporary id, its check character and a QR code of both; nothing else.

No name, no photo, no colour and no mark: a victim's band looks like a suspect's, so a band seen by the
wrong person tells them nothing. Three stocks: an A4 sheet of 24 labels (3 x 8, 70 x 37 mm), a 50 x 25 mm
thermal label, and a 25 mm thermal wristband (one band a page, the code twice so it reads from either
side of the wrist).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QFont

from fieldapp.records.wristbands import band_code
from fieldapp.reports.pdf import Canvas, guarded
from fieldapp.reports.qr import qr_svg_matrix
from fieldapp.work import Progress, ShouldCancel


@dataclass(frozen=True)
class Stock:
    """A label stock: the page (mm), the labels on it (columns x rows of w x h mm from x0, y0)."""

    name: str
    page: tuple[float, float]
    columns: int
    rows: int
    label: tuple[float, float]
    origin: tuple[float, float] = (0.0, 0.0)


STOCKS = {
    "a4": Stock("A4 sheet, 24 labels of 70 x 37 mm", (210.0, 297.0), 3, 8, (70.0, 37.0), (0.0, 0.5)),
    "thermal-50x25": Stock("thermal label 50 x 25 mm", (50.0, 25.0), 1, 1, (50.0, 25.0)),
    "wristband-25": Stock("thermal wristband 25 x 250 mm", (250.0, 25.0), 1, 1, (250.0, 25.0)),
}


def _label(c: Canvas, x: float, y: float, w: float, h: float, temp_id: str, font: QFont) -> None:
    code = band_code(temp_id)
    matrix = qr_svg_matrix(code)
    edge = 1.5  # inside the label's cut
    module = (h - 2 * edge) / (len(matrix) + 8)  # with the quiet zone of four modules a reader needs
    size = module * len(matrix)
    c.qr(x + edge + 4 * module, y + edge + 4 * module, size, matrix)
    text_x = x + edge + 8 * module + size + 1.0
    text_w = w - (text_x - x) - edge
    c.text(text_x, y + edge + 4 * module, text_w, size * 0.55, temp_id, font, wrap=False)
    c.text(text_x, y + edge + 4 * module + size * 0.55, text_w, size * 0.45, code, c.f.value, wrap=False)


def render_wristbands(
    temp_ids: Sequence[str],
    stock: str = "a4",
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> bytes:
    """Labels for ``temp_ids`` on the chosen stock, in order, as one PDF."""
    chosen = STOCKS[stock]
    c = Canvas(f"Wristbands ({len(temp_ids)})", page_mm=chosen.page)
    font = QFont(c.f.heading)
    font.setPointSizeF(13 if stock == "wristband-25" else 11)
    font.setStyleHint(QFont.StyleHint.Monospace)
    per_page = chosen.columns * chosen.rows
    lw, lh = chosen.label
    with guarded(progress, should_cancel, len(temp_ids), c) as step:
        for n, temp_id in enumerate(temp_ids):
            step(n, temp_id)
            slot = n % per_page
            if slot == 0:
                c.new_page()
            x = chosen.origin[0] + (slot % chosen.columns) * lw
            y = chosen.origin[1] + (slot // chosen.columns) * lh
            if stock == "wristband-25":  # the code twice along the band: readable whichever way it turns
                for start in (30.0, 150.0):
                    _label(c, start, y, 80.0, lh, temp_id, font)
            else:
                _label(c, x, y, lw, lh, temp_id, font)
        step(len(temp_ids), "done")
    return c.finish()

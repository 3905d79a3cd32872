"""Dashboard charts (QtGui only): horizontal bars for categories, columns (or a line) over time.

One painter routine draws a chart into a rectangle of any paint device, so the PNG (a QImage) and the
PDF (QPdfWriter, vector) look the same. Sizes are fractions of a base text size ``u`` in device units.
Colours are the Okabe–Ito palette, which stays distinguishable for the common colour-vision deficiencies;
each chart has one colour (the colour carries no meaning of its own) and "other" is grey.
Titles are bilingual: English, then Khmer, drawn with the bundled Noto fonts.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QPolygonF,
)

from fieldapp.atomic import write_atomic
from fieldapp.hq.dashboard import CONSULAR_TITLE, Dashboard, Section
from fieldapp.records.consular import ConsularCount
from fieldapp.reports import fonts

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")  # yellow and black left out
OTHER = QColor("#9A9A9A")
INK = QColor(25, 25, 25)
MUTED = QColor(95, 95, 95)
GRID = QColor(225, 225, 225)
BACKGROUND = QColor(255, 255, 255)
TOP_N = 10  # bars shown; the rest are summed into "other"
ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
ALIGN_CENTRE = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
PERIODS = {
    "week": "per week (from Monday) / ក្នុងមួយសប្ដាហ៍",
    "month": "per month / ក្នុងមួយខែ",
    "year": "per year / ក្នុងមួយឆ្នាំ",
}
SECTION_ORDER = (
    "operation",
    "province",
    "nationality",
    "sex",
    "age_band",
    "outcome",
    "referral",
    "over_time",
)


def colour_of(key: str) -> QColor:
    index = SECTION_ORDER.index(key) if key in SECTION_ORDER else len(key)
    return QColor(OKABE_ITO[index % len(OKABE_ITO)])


def top_rows(rows: list[tuple[str, int]], n: int = TOP_N) -> list[tuple[str, int, bool]]:
    """The first ``n - 1`` rows and one "other" row summing the rest (rows come in the order to show)."""
    if len(rows) <= n:
        return [(label, count, False) for label, count in rows]
    rest = sum(count for _, count in rows[n - 1 :])
    return [(label, count, False) for label, count in rows[: n - 1]] + [
        (f"Other ({len(rows) - n + 1})", rest, True)
    ]


def _font(px: float, *, bold: bool = False) -> QFont:
    f = fonts.font(10, bold=bold)
    f.setPixelSize(max(1, round(px)))
    f.setFeature(QFont.Tag("liga"), 0)  # "fi" as one glyph would make the PDF's text unsearchable for "final"
    return f


def _number(n: int) -> str:
    return f"{n:,}"


class _Painter:
    """Text helpers bound to one painter (metrics on its own device, so PDF sizes come out right)."""

    def __init__(self, p: QPainter) -> None:
        self.p = p

    def metrics(self, font: QFont) -> QFontMetricsF:
        return QFontMetricsF(font, self.p.device())

    def text(self, rect: QRectF, text: str, font: QFont, colour: QColor, align: Qt.AlignmentFlag) -> None:
        self.p.setFont(font)
        self.p.setPen(colour)
        shown = self.metrics(font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        self.p.drawText(rect, int(align) | int(Qt.TextFlag.TextDontClip), shown)


def draw_chart(p: QPainter, rect: QRectF, section: Section, u: float) -> None:
    """Draw one section's chart inside ``rect``; ``u`` is the base text size in device units."""
    tp = _Painter(p)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    pad = u * 0.8
    inner = rect.adjusted(pad, pad, -pad, -pad)
    title_en, title_km = _font(u * 1.15, bold=True), _font(u * 1.05)
    line_en = tp.metrics(title_en).height()
    line_km = tp.metrics(title_km).height() * 1.15  # Khmer subscripts hang below the line
    tp.text(
        QRectF(inner.left(), inner.top(), inner.width(), line_en), section.title_en, title_en, INK, ALIGN_LEFT
    )
    tp.text(
        QRectF(inner.left(), inner.top() + line_en, inner.width(), line_km),
        section.title_km,
        title_km,
        MUTED,
        ALIGN_LEFT,
    )
    period = PERIODS.get(section.period, "") if section.kind == "time" else ""
    if period:
        tp.text(
            QRectF(inner.left(), inner.top(), inner.width(), line_en),
            period,
            _font(u * 0.85),
            MUTED,
            ALIGN_RIGHT,
        )
    body = QRectF(inner.left(), inner.top() + line_en + line_km + u * 0.6, inner.width(), 0)
    body.setBottom(inner.bottom())
    if not section.rows or not any(n for _, n in section.rows):
        tp.text(body, "No persons / គ្មានបុគ្គល", _font(u), MUTED, ALIGN_CENTRE)
    elif section.kind == "time":
        _time_chart(tp, body, section, u)
    else:
        _bar_chart(tp, body, section, u)
    p.restore()


def _bar_chart(tp: _Painter, box: QRectF, section: Section, u: float) -> None:
    p = tp.p
    rows = top_rows(section.rows)
    total = sum(n for _, n, _ in rows)
    label_font, value_font = _font(u), _font(u * 0.95, bold=True)
    label_w = min(box.width() * 0.42, max(tp.metrics(label_font).horizontalAdvance(r[0]) for r in rows) + u)
    # The scale is the largest named row: a big "other" would squash them all; it is drawn cut instead.
    widest = max((n for _, n, other in rows if not other), default=0) or max(n for _, n, _ in rows)
    value_w = (
        tp.metrics(value_font).horizontalAdvance(f"{_number(max(n for _, n, _ in rows))} · 100%") + u * 0.6
    )
    bar_x, bar_span = box.left() + label_w, max(u, box.width() - label_w - value_w)
    row_h = min(box.height() / len(rows), u * 2.4)
    colour = colour_of(section.key)
    for i, (label, count, other) in enumerate(rows):
        y = box.top() + i * row_h
        tp.text(QRectF(box.left(), y, label_w - u * 0.5, row_h), label, label_font, INK, ALIGN_RIGHT)
        cut = count > widest
        length = bar_span if cut else bar_span * count / widest
        bar = QRectF(bar_x, y + row_h * 0.18, max(length, 1.0 if count else 0.0), row_h * 0.64)
        p.fillRect(bar, OTHER if other else colour)
        if cut:  # a white double slash near the end: this bar is longer than the scale
            p.setPen(QPen(BACKGROUND, max(2.0, u / 5)))
            for dx in (u * 1.6, u * 2.2):
                x = bar.right() - dx
                p.drawLine(QPointF(x, bar.bottom() + 1), QPointF(x + u * 0.5, bar.top() - 1))
        value = f"{_number(count)} · {round(100 * count / total)}%" if count else "0"
        tp.text(
            QRectF(bar.right() + u * 0.4, y, value_w, row_h),
            value,
            value_font,
            INK if count else MUTED,
            ALIGN_LEFT,
        )
    p.setPen(QPen(MUTED, max(1.0, u / 12)))
    p.drawLine(QPointF(bar_x, box.top()), QPointF(bar_x, box.top() + row_h * len(rows)))


CONSULAR_COLUMNS = (
    ("Nationality", "សញ្ជាតិ"),
    ("Waiting to be notified", "កំពុងរង់ចាំការជូនដំណឹង"),
    ("Notified", "បានជូនដំណឹង"),
    ("Median hours to notification", "ម៉ោងមធ្យមរហូតដល់ការជូនដំណឹង"),
)
CONSULAR_NOTE = (
    "Persons who consented to sharing with their embassy, not protected by a “do not notify” flag; "
    "hours from registration to notification."
)


def _consular_lines(u: float) -> tuple[float, float]:
    """(height of the title block and column heads, height of one row)."""
    return u * 9.6, u * 1.9


def consular_fits(height: float, u: float) -> int:
    """How many table rows fit under the consular title in ``height``."""
    head, row = _consular_lines(u)
    return max(1, int((height - head - u * 1.6) // row))


def draw_consular(p: QPainter, rect: QRectF, rows: list[tuple[str, ConsularCount]], u: float) -> None:
    """The consular desk as a table: per nationality, waiting, notified, median hours (bilingual heads)."""
    tp = _Painter(p)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pad = u * 0.8
    inner = rect.adjusted(pad, pad, -pad, -pad)
    title_en, title_km, small = _font(u * 1.15, bold=True), _font(u * 1.05), _font(u * 0.85)
    line_en = tp.metrics(title_en).height()
    line_km = tp.metrics(title_km).height() * 1.15
    tp.text(
        QRectF(inner.left(), inner.top(), inner.width(), line_en),
        CONSULAR_TITLE[0],
        title_en,
        INK,
        ALIGN_LEFT,
    )
    y = inner.top() + line_en
    tp.text(QRectF(inner.left(), y, inner.width(), line_km), CONSULAR_TITLE[1], title_km, MUTED, ALIGN_LEFT)
    y += line_km
    tp.text(QRectF(inner.left(), y, inner.width(), u * 1.3), CONSULAR_NOTE, small, MUTED, ALIGN_LEFT)
    y += u * 1.8
    row_h = _consular_lines(u)[1]
    first_w = inner.width() * 0.34
    other_w = (inner.width() - first_w) / 3
    lefts = [inner.left(), *(inner.left() + first_w + i * other_w for i in range(3))]
    widths = [first_w, other_w, other_w, other_w]
    head_en, head_km = _font(u * 0.95, bold=True), _font(u * 0.9)
    for (en, km), x, w in zip(CONSULAR_COLUMNS, lefts, widths, strict=True):
        align = ALIGN_LEFT if x == inner.left() else ALIGN_RIGHT
        tp.text(QRectF(x, y, w - u * 0.6, u * 1.5), en, head_en, INK, align)
        tp.text(QRectF(x, y + u * 1.5, w - u * 0.6, u * 1.7), km, head_km, MUTED, align)
    y += u * 3.5
    p.setPen(QPen(MUTED, max(1.0, u / 12)))
    p.drawLine(QPointF(inner.left(), y), QPointF(inner.right(), y))
    if not rows:
        tp.text(
            QRectF(inner.left(), y, inner.width(), row_h * 1.5),
            "Nobody consented to sharing with their embassy yet / មិនទាន់មាននរណាយល់ព្រមចែករំលែកជាមួយស្ថានទូតទេ",
            _font(u),
            MUTED,
            ALIGN_LEFT,
        )
    cell = _font(u)
    for i, (name, count) in enumerate(rows):
        top = y + i * row_h
        if i % 2:
            p.fillRect(QRectF(inner.left(), top, inner.width(), row_h), QColor(246, 246, 246))
        hours = "—" if count.median_hours is None else f"{count.median_hours:.1f}"
        values = (name, _number(count.pending), _number(count.notified), hours)
        for text, x, w in zip(values, lefts, widths, strict=True):
            align = ALIGN_LEFT if x == inner.left() else ALIGN_RIGHT
            colour = INK if text not in ("0", "—") else MUTED
            tp.text(QRectF(x, top, w - u * 0.6, row_h), text, cell, colour, align)
    p.restore()


def _nice_step(top: int, ticks: int = 4) -> int:
    raw = max(1.0, top / ticks)
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * magnitude:
            return max(1, int(m * magnitude))
    return int(10 * magnitude)


def _time_chart(tp: _Painter, box: QRectF, section: Section, u: float) -> None:
    p = tp.p
    rows = section.rows
    small, value_font = _font(u * 0.85), _font(u * 0.8, bold=True)
    top = max(n for _, n in rows)
    step = _nice_step(top)
    axis_top = step * math.ceil(top / step)
    axis_w = tp.metrics(small).horizontalAdvance(_number(axis_top)) + u * 0.6
    label_h = tp.metrics(small).height() * 1.3
    plot = QRectF(
        box.left() + axis_w, box.top() + u * 1.2, box.width() - axis_w, box.height() - label_h - u * 1.2
    )
    p.setPen(QPen(GRID, max(1.0, u / 14)))
    for tick in range(0, axis_top + 1, step):
        y = plot.bottom() - plot.height() * tick / axis_top
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        tp.text(QRectF(box.left(), y - u, axis_w - u * 0.4, 2 * u), _number(tick), small, MUTED, ALIGN_RIGHT)
    colour = colour_of(section.key)
    slot = plot.width() / len(rows)
    points = []
    for i, (_, count) in enumerate(rows):
        x = plot.left() + slot * i
        h = plot.height() * count / axis_top
        points.append(QPointF(x + slot / 2, plot.bottom() - h))
        if len(rows) <= 60:
            p.fillRect(QRectF(x + slot * 0.12, plot.bottom() - h, slot * 0.76, h), colour)
    if len(rows) > 60:  # too many periods for columns: a filled line
        area = QPainterPath()
        area.addPolygon(
            QPolygonF(
                [QPointF(points[0].x(), plot.bottom()), *points, QPointF(points[-1].x(), plot.bottom())]
            )
        )
        fill = QColor(colour)
        fill.setAlpha(70)
        p.fillPath(area, QBrush(fill))
        p.setPen(QPen(colour, max(1.5, u / 6)))
        p.drawPolyline(QPolygonF(points))
    # Value labels where they fit above the columns; the peak is always labelled.
    widest = tp.metrics(value_font).horizontalAdvance(_number(top))
    for i, (_, count) in enumerate(rows):
        if count and (widest + u * 0.8 <= slot or count == top):
            r = QRectF(points[i].x() - max(slot, widest) / 2, points[i].y() - u * 1.15, max(slot, widest), u)
            tp.text(r, _number(count), value_font, INK, ALIGN_CENTRE)
    # Period labels, thinned to what fits.
    label_w = max(tp.metrics(small).horizontalAdvance(label) for label, _ in rows) + u * 0.8
    every = max(1, math.ceil(label_w / slot))
    for i in range(0, len(rows), every):
        x = min(max(points[i].x() - label_w / 2, box.left()), box.right() - label_w)  # inside the chart
        tp.text(QRectF(x, plot.bottom() + u * 0.2, label_w, label_h), rows[i][0], small, MUTED, ALIGN_CENTRE)
    p.setPen(QPen(MUTED, max(1.0, u / 12)))
    p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))


def chart_image(section: Section, width: int, height: int) -> QImage:
    """One chart as an image (white background); text scales with the smaller side."""
    fonts.load_fonts()
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(BACKGROUND)
    p = QPainter(image)
    try:
        draw_chart(p, QRectF(0, 0, width, height), section, _unit(width, height))
    finally:
        p.end()
    return image


def _unit(width: float, height: float) -> float:
    return max(9.0, min(width / 48, height / 26))


def _header(tp: _Painter, rect: QRectF, board: Dashboard, hq_name: str, u: float, page: str = "") -> None:
    big, small = _font(u * 1.5, bold=True), _font(u * 0.95)
    line = tp.metrics(big).height() * 1.2
    title = f"{hq_name} — Dashboard / ផ្ទាំងព័ត៌មាន" if hq_name else "Dashboard / ផ្ទាំងព័ត៌មាន"
    tp.text(QRectF(rect.left(), rect.top(), rect.width(), line), title, big, INK, ALIGN_LEFT)
    facts = f"{_number(board.total)} persons · {board.filter_text} · generated {board.generated_at}"
    tp.text(QRectF(rect.left(), rect.top() + line, rect.width(), u * 1.4), facts, small, MUTED, ALIGN_LEFT)
    if page:
        tp.text(QRectF(rect.left(), rect.top(), rect.width(), line), page, small, MUTED, ALIGN_RIGHT)
    tp.p.setPen(QPen(GRID, max(1.0, u / 10)))
    tp.p.drawLine(QPointF(rect.left(), rect.bottom()), QPointF(rect.right(), rect.bottom()))


def dashboard_image(board: Dashboard, *, hq_name: str = "", cell: tuple[int, int] = (800, 460)) -> QImage:
    """Every chart in one image: a header, then a grid two charts wide."""
    fonts.load_fonts()
    w, h = cell
    rows = math.ceil(len(board.sections) / 2)
    head = int(h * 0.24)
    u = _unit(w, h)
    title, row_h = _consular_lines(u)
    consular = board.consular_rows()
    table = math.ceil(title + row_h * max(1.5, len(consular)) + u * 2) if board.consular is not None else 0
    image = QImage(2 * w, head + rows * h + table, QImage.Format.Format_ARGB32)
    image.fill(BACKGROUND)
    p = QPainter(image)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        _header(_Painter(p), QRectF(u, u * 0.6, 2 * w - 2 * u, head - u * 1.2), board, hq_name, u)
        for i, section in enumerate(board.sections):
            draw_chart(p, QRectF((i % 2) * w, head + (i // 2) * h, w, h), section, u)
        if board.consular is not None:
            draw_consular(p, QRectF(0, head + rows * h, 2 * w, table), consular, u)
    finally:
        p.end()
    return image


def write_dashboard_png(board: Dashboard, path: Path, *, hq_name: str = "") -> None:
    image = dashboard_image(board, hq_name=hq_name)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs say bytes; PySide6 wants str
        raise OSError("The dashboard image could not be encoded as PNG.")
    buffer.close()
    write_atomic(path, bytes(data.data()), mode=0o600)


PDF_RESOLUTION = 300
CHARTS_PER_PAGE = 4


def dashboard_pdf(board: Dashboard, *, hq_name: str = "") -> bytes:
    """A4 landscape pages, four charts each, then the consular table; every page headed with HQ, the
    filter and the time."""
    fonts.load_fonts()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(f"{hq_name} dashboard".strip())
    writer.setCreator("fieldapp")
    mm = PDF_RESOLUTION / 25.4
    page_w, page_h = 297 * mm, 210 * mm
    margin, u = 10 * mm, 3.2 * mm
    head = QRectF(margin, margin, page_w - 2 * margin, 17 * mm)
    body_h = page_h - head.bottom() - margin
    chart_pages = max(1, math.ceil(len(board.sections) / CHARTS_PER_PAGE))
    consular = board.consular_rows()
    per_page = consular_fits(body_h, u)
    tables = [consular[i : i + per_page] for i in range(0, len(consular), per_page)] or [[]]
    if board.consular is None:
        tables = []
    pages = chart_pages + len(tables)
    p = QPainter(writer)
    try:
        tp = _Painter(p)
        for page in range(pages):
            if page:
                writer.newPage()
            _header(tp, head, board, hq_name, u, f"page {page + 1} of {pages}")
            if page >= chart_pages:
                body = QRectF(margin, head.bottom(), page_w - 2 * margin, body_h)
                draw_consular(p, body, tables[page - chart_pages], u)
                continue
            cell_w, cell_h = (page_w - 2 * margin) / 2, body_h / 2
            for i, section in enumerate(
                board.sections[page * CHARTS_PER_PAGE : (page + 1) * CHARTS_PER_PAGE]
            ):
                r = QRectF(margin + (i % 2) * cell_w, head.bottom() + (i // 2) * cell_h, cell_w, cell_h)
                draw_chart(p, r, section, u)
    finally:
        p.end()
    buffer.close()
    return bytes(data.data())


def write_dashboard_pdf(board: Dashboard, path: Path, *, hq_name: str = "") -> None:
    write_atomic(path, dashboard_pdf(board, hq_name=hq_name), mode=0o600)

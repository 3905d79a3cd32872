"""The "nobody lost" reconciliation: at the end of an operation, everyone not handed over, with where and
when they were last seen, the unaccounted first; above it the headcount. English and Khmer."""

from __future__ import annotations

from datetime import datetime

from fieldapp.records.handover_fields import RECEIVING_LABELS
from fieldapp.records.stations import Headcount, PersonCount, Station
from fieldapp.reports.footer import Footer, draw_footer
from fieldapp.reports.pdf import (
    FOOTER_H,
    GREY,
    MARGIN,
    PAGE_H,
    PAGE_W,
    SHADE,
    Canvas,
    guarded,
)
from fieldapp.work import Progress, ShouldCancel

W = PAGE_W - 2 * MARGIN
BOTTOM = PAGE_H - MARGIN - FOOTER_H
ROW_H = 9.5  # two lines: a Khmer station name wraps under the English
COLUMNS = (  # (width in mm, English, Khmer)
    (32.0, "Temp ID", "លេខបណ្ដោះអាសន្ន"),
    (62.0, "Name", "ឈ្មោះ"),
    (50.0, "Last seen at", "ឃើញចុងក្រោយនៅ"),
    (38.0, "Last seen (time)", "ឃើញចុងក្រោយ (ម៉ោង)"),
)
STATION_LABELS = {
    "intake": ("Intake", "ការចុះឈ្មោះ"),
    "interview": ("Interview", "ការសម្ភាសន៍"),
    "medical": ("Medical care", "ការថែទាំសុខភាព"),
    "handover": ("Handover", "ការប្រគល់"),
    "vehicle": ("Vehicle", "យានយន្ត"),
}
UNACCOUNTED = ("Unaccounted: seen at intake only", "មិនទាន់ដឹងនៅឯណា៖ ឃើញតែពេលចុះឈ្មោះ")


def station_label(station: Station) -> str:
    en, km = STATION_LABELS.get(station.name, (station.name, station.name))
    number = f" {station.vehicle}" if station.vehicle else ""
    return f"{en}{number} / {km}{number}"


def _local(at: str) -> str:
    try:
        return datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return at


def _totals(board: Headcount) -> list[str]:
    lines = [
        f"Registered / បានចុះឈ្មោះ: {board.registered}",
        f"Screened / បានពិនិត្យ: {board.screened}",
        f"Handed over / បានប្រគល់: {sum(board.handed_over.values())}",
    ]
    for kind, count in sorted(board.handed_over.items()):
        en, km = RECEIVING_LABELS.get(kind, (kind, kind))
        lines.append(f"    {en} / {km}: {count}")
    for vehicle, count in sorted(board.in_vehicle.items()):
        lines.append(f"In vehicle {vehicle} / នៅក្នុងយានយន្ត {vehicle}: {count}")
    lines.append(f"{UNACCOUNTED[0]} / {UNACCOUNTED[1]}: {len(board.unaccounted)}")
    return lines


def render_reconciliation(
    operation: str,
    board: Headcount,
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> bytes:
    """One PDF: the headcount, then everyone not handed over (the unaccounted first)."""
    c = Canvas(f"Nobody lost: {operation}")
    rows: list[PersonCount] = sorted(
        board.not_handed_over, key=lambda p: (p.last.station.name != "intake", p.last.at, p.temp_id)
    )
    footer = Footer.for_payload(
        None, f"Nobody lost · {operation}", "Printed from the records and the wristband scans."
    )
    page_no = 0
    y = BOTTOM + 1

    def head(first: bool) -> float:
        nonlocal page_no
        if page_no:
            draw_footer(c, footer, f"page {page_no}")
        c.new_page()
        page_no += 1
        c.text(
            MARGIN,
            MARGIN,
            W,
            7,
            "Nobody lost: reconciliation / គ្មាននរណាម្នាក់បាត់ខ្លួន៖ ការផ្ទៀងផ្ទាត់",
            c.f.title,
            wrap=False,
        )
        c.text(
            MARGIN,
            MARGIN + 8,
            W,
            5,
            f"{operation} · {datetime.now().astimezone():%Y-%m-%d %H:%M}",
            c.f.value,
            color=GREY,
            wrap=False,
        )
        yy = MARGIN + 15
        if first:
            for line in _totals(board):
                c.text(MARGIN, yy, W, 5, line, c.f.value, wrap=False)
                yy += 5.5
            yy += 3
            title = f"Not handed over ({len(rows)}) / មិនទាន់បានប្រគល់ ({len(rows)})"
            c.text(MARGIN, yy, W, 6, title, c.f.heading, wrap=False)
            yy += 7
        x = MARGIN
        for width, en, km in COLUMNS:
            c.box(x, yy, width, 8, fill=SHADE)
            c.text(x + 1, yy + 0.5, width - 2, 7, f"{en}\n{km}", c.f.label)
            x += width
        return yy + 8

    with guarded(progress, should_cancel, len(rows), c) as step:
        y = head(True)
        for done, person in enumerate(rows):
            if y + ROW_H > BOTTOM:
                y = head(False)
            step(done, person.temp_id)
            where = station_label(person.last.station)
            if person.last.station.name == "intake":
                where = "UNACCOUNTED / មិនទាន់ដឹងនៅឯណា"
            values = [person.temp_id, person.name, where, _local(person.last.at)]
            x = MARGIN
            for (width, _, _), value in zip(COLUMNS, values, strict=True):
                c.box(x, y, width, ROW_H)
                c.text(x + 1, y + 0.8, width - 2, ROW_H - 1.2, value, c.f.fit)
                x += width
            y += ROW_H
        draw_footer(c, footer, f"page {page_no}")
        step(len(rows), "done")
    return c.finish()

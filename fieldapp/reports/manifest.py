"""Batch outputs for an operation: the manifest of all persons, a list per receiving body, and all
handover forms of a selection in one PDF. Each takes ``progress(done, total, label)`` and ``should_cancel()``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fieldapp.reference.countries import country_name
from fieldapp.reports.data import FormData, portrait_image
from fieldapp.reports.handover import render_handover
from fieldapp.reports.labels import OUTCOMES, L
from fieldapp.reports.pdf import (
    FOOTER_H,
    GREY,
    MARGIN,
    PAGE_H,
    PAGE_W,
    SHADE,
    Canvas,
    Footer,
    draw_footer,
    guarded,
)
from fieldapp.work import Progress, ShouldCancel

W = PAGE_W - 2 * MARGIN
BOTTOM = PAGE_H - MARGIN - FOOTER_H
ROW_H = 13.0
COLUMNS = (  # (width in mm, English, Khmer)
    (12.0, "Photo", "រូបថត"),
    (27.0, "Temp ID", "លេខបណ្ដោះអាសន្ន"),
    (52.0, "Name", "ឈ្មោះ"),
    (16.0, "Nat.", "សញ្ជាតិ"),
    (13.0, "Sex", "ភេទ"),
    (10.0, "Age", "អាយុ"),
    (28.0, "Outcome", "លទ្ធផល"),
    (28.0, "Destination", "ទិសដៅ"),
)


@dataclass(frozen=True)
class ManifestRow:
    temp_id: str
    name: str
    name_own: str
    nationality: str
    sex: str
    age: int | None
    outcome: str | None
    destination: str  # the receiving body, or "" when not handed over yet
    thumbnail: bytes | None = None


def _table(
    c: Canvas,
    title: tuple[str, str],
    subtitle: str,
    rows: Sequence[ManifestRow],
    step: Callable[[int, str], None],
    start: int,
    total: int,
) -> int:
    footer = Footer.for_payload(
        None,
        f"{title[0]} · {subtitle}",
        "Manifest pages carry no record code; each handover form has its own.",
    )
    page_no = 0
    y = BOTTOM + 1

    def head() -> float:
        nonlocal page_no
        if page_no:
            draw_footer(c, footer, f"page {page_no}")
        c.new_page()
        page_no += 1
        c.text(MARGIN, MARGIN, W, 7, f"{title[0]} / {title[1]}", c.f.title, wrap=False)
        c.text(MARGIN, MARGIN + 8, W, 5, subtitle, c.f.value, color=GREY, wrap=False)
        yy, x = MARGIN + 15, MARGIN
        for width, en, km in COLUMNS:
            c.box(x, yy, width, 8, fill=SHADE)
            c.text(x + 1, yy + 0.5, width - 2, 7, f"{en}\n{km}", c.f.label)
            x += width
        return yy + 8

    done = start
    for row in rows:
        if y + ROW_H > BOTTOM:
            y = head()
        step(done, row.temp_id)
        x = MARGIN
        image = portrait_image(row.thumbnail) if row.thumbnail else None
        out_en = OUTCOMES.get(row.outcome or "", (row.outcome or "", ""))[0]
        values = [
            "",
            row.temp_id,
            f"{row.name}\n{row.name_own}",
            country_name(row.nationality),
            row.sex,
            "" if row.age is None else str(row.age),
            out_en,
            row.destination,
        ]
        for (width, _, _), value in zip(COLUMNS, values, strict=True):
            c.box(x, y, width, ROW_H)
            if value:
                c.text(x + 1, y + 0.8, width - 2, ROW_H - 1.2, value, c.f.fit)
            x += width
        if image is not None:
            c.image(MARGIN + 0.5, y + 0.5, COLUMNS[0][0] - 1, ROW_H - 1, image)
        y += ROW_H
        done += 1
    if page_no == 0:
        head()
    draw_footer(c, footer, f"page {page_no}")
    return done


def render_manifest(
    operation: str,
    rows: Sequence[ManifestRow],
    *,
    by_body: bool = False,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> bytes:
    """All persons of an operation; with ``by_body``, one list per receiving body, each starting a page."""
    c = Canvas(f"Manifest {operation}")
    with guarded(progress, should_cancel, len(rows), c) as step:
        if by_body:
            groups: dict[str, list[ManifestRow]] = {}
            for row in rows:
                groups.setdefault(row.destination or "(not handed over yet)", []).append(row)
            done = 0
            for body in sorted(groups):
                done = _table(
                    c,
                    L["by_body"],
                    f"{operation} · {body} · {len(groups[body])}",
                    groups[body],
                    step,
                    done,
                    len(rows),
                )
        else:
            _table(c, L["manifest"], f"{operation} · {len(rows)} persons", rows, step, 0, len(rows))
        step(len(rows), "done")
    return c.finish()


def render_forms(
    forms: Sequence[FormData], *, progress: Progress | None = None, should_cancel: ShouldCancel | None = None
) -> bytes:
    """All handover forms of a selection (three copies each) in one PDF."""
    return render_handover(forms, progress=progress, should_cancel=should_cancel)

"""Batch outputs for an operation: the manifest of all persons, a list per receiving body, and all
handover forms of a selection in one PDF. Each takes ``progress(done, total, label)`` and ``should_cancel()``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fieldapp.reference.countries import country_name
from fieldapp.reports.data import FormData, portrait_image
from fieldapp.reports.footer import Footer, draw_footer
from fieldapp.reports.handover import render_handover
from fieldapp.reports.labels import OUTCOMES, SEX, L
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
ROW_H = 13.0  # the least height of a row (a thumbnail); rows with long values grow
COLUMNS = (  # (width in mm, English, Khmer); every value is printed in both languages
    (12.0, "Photo", "រូបថត"),
    (24.0, "Temp ID", "លេខបណ្ដោះអាសន្ន"),
    (45.0, "Name", "ឈ្មោះ"),
    (20.0, "Nat.", "សញ្ជាតិ"),
    (13.0, "Sex", "ភេទ"),
    (9.0, "Age", "អាយុ"),
    (32.0, "Outcome", "លទ្ធផល"),
    (31.0, "Destination", "ទិសដៅ"),
)
NOT_HANDED_OVER = ("(not handed over yet)", "(មិនទាន់បានប្រគល់)")


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
    destination_km: str = ""  # the same in Khmer
    thumbnail: bytes | None = None
    links: str = ""  # the people kept together with this person ("child of GB-5A-00002")

    def values(self) -> list[str]:
        """The row's cells (after the photo), each in English over Khmer."""
        sex = SEX.get(self.sex, (self.sex, self.sex))
        outcome = OUTCOMES.get(self.outcome or "", (self.outcome or "", ""))
        return [
            self.temp_id,
            "\n".join(part for part in (self.name, self.name_own, self.links) if part),
            _both(country_name(self.nationality), country_name(self.nationality, "km")),
            _both(*sex),
            "" if self.age is None else str(self.age),
            _both(*outcome),
            _both(self.destination, self.destination_km),
        ]


def _both(en: str, km: str) -> str:
    return en if not km or km == en else f"{en}\n{km}"


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
        f"{title[0]} · {subtitle.split(' · ')[0]}",
        "Manifest pages carry no record code; each handover form has its own.",
    )
    page_no = 0
    y = BOTTOM + 1
    subtitle_h = c.fit_height(W, subtitle, c.f.value)  # a long receiving body's name wraps
    heading_h = max(8.0, *(c.text_height(w - 2, f"{en}\n{km}", c.f.label) + 1 for w, en, km in COLUMNS))

    def head() -> float:
        nonlocal page_no
        if page_no:
            draw_footer(c, footer, f"page {page_no}")
        c.new_page()
        page_no += 1
        c.text(MARGIN, MARGIN, W, 7, f"{title[0]} / {title[1]}", c.f.title, wrap=False)
        used = c.text(MARGIN, MARGIN + 8, W, subtitle_h, subtitle, c.f.value, color=GREY)
        yy, x = MARGIN + 8 + max(5.0, used) + 2, MARGIN
        for width, en, km in COLUMNS:
            c.box(x, yy, width, heading_h, fill=SHADE)
            c.text(x + 1, yy + 0.5, width - 2, heading_h - 1, f"{en}\n{km}", c.f.label)
            x += width
        return yy + heading_h

    done = start
    for row in rows:
        values = ["", *row.values()]
        height = max(
            ROW_H,
            *(
                c.fit_height(width - 2, value, c.f.fit) + 1.6
                for (width, _, _), value in zip(COLUMNS, values, strict=True)
            ),
        )
        if y + height > BOTTOM:
            y = head()
        step(done, row.temp_id)
        x = MARGIN
        image = portrait_image(row.thumbnail) if row.thumbnail else None
        for (width, _, _), value in zip(COLUMNS, values, strict=True):
            c.box(x, y, width, height)
            if value:
                c.text(x + 1, y + 0.8, width - 2, height - 1.6, value, c.f.fit)
            x += width
        if image is not None:
            c.image(MARGIN + 0.5, y + 0.5, COLUMNS[0][0] - 1, ROW_H - 1, image)
        y += height
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
            groups: dict[tuple[str, str], list[ManifestRow]] = {}
            for row in rows:
                body = (row.destination, row.destination_km) if row.destination else NOT_HANDED_OVER
                groups.setdefault(body, []).append(row)
            done = 0
            for body in sorted(groups):
                done = _table(
                    c,
                    L["by_body"],
                    f"{operation} · {_both(*body).replace(chr(10), ' / ')} · {len(groups[body])}",
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

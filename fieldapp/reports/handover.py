"""The handover form (docs/records.md): bilingual Khmer + English, three copies in one PDF.

Boxes, lines, the photo and the QR code are drawn with QPainter; short labels and values with
QPainter.drawText, wrapped paragraphs with QTextDocument laid out on the writer (see pdf.py).
Every box is measured before it is drawn: a long value wraps and shrinks (see ``Canvas.fit``), and a
row grows when even the smallest size does not fit, so nothing on the form is cut off. Names are
printed, not codes (countries, languages, known agencies in English and Khmer). The person's own copy
ends with a short summary in their language (``fieldapp.reports.own_language``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from fieldapp.line_breaks import breakable
from fieldapp.reports.data import FormData, display_names
from fieldapp.reports.footer import Footer, draw_footer
from fieldapp.reports.labels import (
    COPIES,
    DOCUMENT_STATUS,
    DOCUMENT_TYPES,
    OUTCOMES,
    SEX,
    L,
    agency_names,
    bilingual,
    both,
    language_list,
    language_words,
    link_words,
    nationality_name,
    non_punishment,
    receiving_body_names,
    receiving_label,
)
from fieldapp.reports.layout import Recorder
from fieldapp.reports.own_language import lay_out_own_language
from fieldapp.reports.pdf import (
    FOOTER_H,
    GREY,
    INK,
    MARGIN,
    PAGE_H,
    PAGE_W,
    SHADE,
    Canvas,
    esc,
    guarded,
)
from fieldapp.work import Progress, ShouldCancel

W = PAGE_W - 2 * MARGIN
BOTTOM = PAGE_H - MARGIN - FOOTER_H
LABEL_H = 3.4  # one line of a cell's label
ROW = 6.0  # one row of the property table
VALUE_GAP = 0.4  # between a cell's label and its value
CELL_FOOT = 0.6  # below a cell's value


def _yes_no(value: Any) -> str:
    key = "not_asked" if value is None else ("yes" if value else "no")
    return both(key)


HEADER_H = 14.0


def draw_header(c: Canvas, copy: tuple[str, str, str], final: bool) -> None:
    """The title and the copy box at the top of every page (and the DRAFT mark on drafts)."""
    c.text(MARGIN, MARGIN, W * 0.62, 7, L["title"][0], c.f.title, wrap=False)
    c.text(MARGIN, MARGIN + 6.6, W * 0.62, 6.4, L["title"][1], c.f.title_km, wrap=False)
    cw = W * 0.36
    c.box(PAGE_W - MARGIN - cw, MARGIN, cw, 12.5, fill=SHADE, pen=SHADE)
    c.text(
        PAGE_W - MARGIN - cw + 2,
        MARGIN + 1.2,
        cw - 4,
        5,
        copy[1],
        c.f.heading,
        align=Qt.AlignmentFlag.AlignRight,
        wrap=False,
    )
    c.text(
        PAGE_W - MARGIN - cw + 2,
        MARGIN + 6.0,
        cw - 4,
        6.4,
        copy[2],
        c.f.value,
        align=Qt.AlignmentFlag.AlignRight,
        wrap=False,
    )
    if not final:
        c.watermark("DRAFT")


class FormPage:
    """Lays out the body of one form (the same on every copy), page by page, with a y cursor in mm.
    The drawing is recorded (layout.Recorder) and replayed for each copy under its own header and footer."""

    def __init__(self, c: Recorder, form: FormData) -> None:
        self.c, self.form = c, form
        self.y = MARGIN
        self.page_no = 0

    def start_page(self) -> None:
        self.c.new_page()
        self.page_no += 1
        self.y = MARGIN + HEADER_H

    def ensure(self, height: float) -> None:
        if self.y + height > BOTTOM:
            self.start_page()

    def section(self, key: str, *, keep_with: float = 8.0) -> None:
        """A shaded section title, kept on the page with the first ``keep_with`` mm of what follows."""
        c = self.c
        text = both(key, "  ·  ")
        height = max(5.6, c.text_height(W - 3, text, c.f.heading) + 0.8)
        self.ensure(height + 1 + keep_with)
        c.box(MARGIN, self.y, W, height, fill=SHADE, pen=SHADE)
        c.text(MARGIN + 1.5, self.y + 0.7, W - 3, height - 0.8, text, c.f.heading)
        self.y += height + 1

    # --- cells: a label over a value, in a box that grows to what it holds ------------------------

    def label_height(self, w: float, label: str) -> float:
        measured = self.c.text_height(w - 2.4, label, self.c.f.label)
        return LABEL_H if measured < LABEL_H + 0.5 else measured + 0.3

    def cell_height(self, w: float, label: str, value: str, font: QFont) -> float:
        """The least height of a cell: its label, and its value shrunk to its floor."""
        return self.label_height(w, label) + self.c.fit_height(w - 2.4, value, font) + CELL_FOOT

    def cell(self, x: float, y: float, w: float, h: float, label: str, value: str, font: QFont) -> None:
        c = self.c
        c.box(x, y, w, h)
        label_h = self.label_height(w, label)
        c.text(x + 1.2, y + 0.5, w - 2.4, label_h, label, c.f.label, color=GREY)
        c.text(x + 1.2, y + label_h + VALUE_GAP, w - 2.4, h - label_h - CELL_FOOT, value, font)

    def grid(
        self,
        rows: Sequence[Sequence[tuple[float, str, str]]],
        x: float,
        w: float,
        *,
        h: float = 8.8,
        fonts_by_key: dict[str, QFont] | None = None,
    ) -> None:
        """Rows of cells, each (share of the width, label key, value); a row is as tall as its fullest cell."""
        fonts = fonts_by_key or {}
        for row in rows:
            cells = [
                (w * share, both(key), value, fonts.get(key, self.c.f.value)) for share, key, value in row
            ]
            height = max(h, *(self.cell_height(cw, label, value, font) for cw, label, value, font in cells))
            self.ensure(height)
            cx = x
            for cw, label, value, font in cells:
                self.cell(cx, self.y, cw, height, label, value, font)
                cx += cw
            self.y += height

    # --- sections --------------------------------------------------------------------------------

    def header_fields(self) -> None:
        d = self.form.data
        when = str(d.get("date_time", "")).replace("T", " ")
        self.grid(
            [
                [
                    (0.22, "ref", str(d.get("reference_no", ""))),
                    (0.24, "datetime", when[:16] + (f" ({when[16:]})" if when[16:] else "")),
                    (0.36, "place", str(d.get("place", ""))),
                    (
                        0.18,
                        "screening_id",
                        str(self.form.screening.get("id", d.get("screening_id", "")))[-12:],
                    ),
                ]
            ],
            MARGIN,
            W,
        )
        self.y += 2

    def person(self) -> None:
        c, p, d = self.c, self.form.person, self.form.data
        self.section("person", keep_with=40)
        photo_w, photo_h = 30.0, 40.0
        top = self.y
        c.box(MARGIN, top, photo_w, photo_h)
        if self.form.portrait is not None:
            c.image(MARGIN + 0.5, top + 0.5, photo_w - 1, photo_h - 1, self.form.portrait)
        else:
            c.text(
                MARGIN + 2,
                top + photo_h / 2 - 4,
                photo_w - 4,
                10,
                both("no_photo", "\n"),
                c.f.label,
                color=GREY,
                align=Qt.AlignmentFlag.AlignHCenter,
            )
        name, own = display_names(p)
        sex_en, sex_km = SEX.get(str(p.get("sex", "unknown")), SEX["unknown"])
        age = str(p.get("age") if p.get("age") is not None else "?")
        if p.get("age_uncertain"):
            age += f" ({L['uncertain'][0]} / {L['uncertain'][1]})"
        dob = f"{p.get('dob')} · {age}" if p.get("dob") else age
        nat_en, nat_km = nationality_name(str(p.get("nationality", "")))
        doc_en, doc_km = DOCUMENT_STATUS.get(
            str(p.get("document_status", "unknown")), DOCUMENT_STATUS["unknown"]
        )
        kind = str(p.get("document_type") or "")
        kind_words = bilingual(*DOCUMENT_TYPES[kind]) if kind in DOCUMENT_TYPES else kind
        document = " ".join(part for part in (kind_words, str(p.get("document_no") or "")) if part)
        document = f"{document} · {doc_en} / {doc_km}" if document else f"{doc_en} / {doc_km}"
        langs = bilingual(*language_list(list(p.get("languages") or []))) or "–"
        minor = bool(p.get("age") is not None and int(p["age"]) < 18) or bool(p.get("age_uncertain"))
        minor_text = both("yes" if minor else "no") + (f" · {d['guardian']}" if d.get("guardian") else "")
        x, w = MARGIN + photo_w + 2, W - photo_w - 2
        self.y = top
        aliases = ", ".join(p.get("aliases") or []) or "–"
        self.grid(
            [
                [(0.66, "name", name), (0.34, "temp_id", str(p.get("temp_id", "")))],
                [(0.66, "name_own", own), (0.34, "sex", f"{sex_en} / {sex_km}")],
            ],
            x,
            w,
            h=10.5,
            fonts_by_key={"name": c.f.big, "name_own": c.f.big},
        )
        self.grid(
            [
                [
                    (0.34, "age", dob),
                    (0.33, "nationality", f"{nat_en} / {nat_km}"),
                    (0.33, "minor", minor_text),
                ],
                [(0.5, "document", document), (0.25, "languages", langs), (0.25, "aliases", aliases)],
            ],
            x,
            w,
            h=9.5,
        )
        self.y = max(self.y, top + photo_h) + 1.5

    def outcome(self) -> None:
        """The outcome on a line of its own in each language (shrunk to fit one line, wrapped only when
        even that is not enough), the screening's date beside it, the red flags below, full width."""
        c, s = self.c, self.form.screening
        code = str(s.get("outcome", ""))
        en, km = OUTCOMES.get(code, (code, code))
        date_w = 46.0
        left = W - date_w - 2
        heights = []
        for text, font in ((en, c.f.big), (km, c.f.title_km)):
            line = c.text_height(left, "Ag", font)
            heights.append(line if c.fits(left, line, text, font) else c.fit_height(left, text, font))
        en_h, km_h = heights
        flags = [
            f"• {bilingual(str(f.get('en', '')), str(f.get('km', '')))}" for f in s.get("red_flags") or []
        ]
        red = f"{both('red_flags')}: " + ("\n" + "\n".join(flags) if flags else "–")
        red_h = c.text_height(W - 2, red, c.f.label)
        self.section("outcome", keep_with=min(en_h + km_h + red_h, 30.0))
        top = self.y
        c.text(MARGIN + 1, top, left, en_h, en, c.f.big)
        c.text(MARGIN + 1, top + en_h, left, km_h, km, c.f.title_km)
        screened = f"{both('screened_on')}: {s.get('date', '–')}"
        c.text(
            MARGIN + W - date_w,
            top + 0.5,
            date_w,
            c.fit_height(date_w, screened, c.f.label),
            screened,
            c.f.label,
            color=GREY,
            align=Qt.AlignmentFlag.AlignRight,
        )
        self.y = top + en_h + km_h + 0.5
        if red_h > BOTTOM - self.y:  # a very long list of red flags runs over pages
            self._long_text(red, c.f.label, GREY)
        else:
            c.text(MARGIN + 1, self.y, W - 2, red_h, red, c.f.label, color=GREY)
            self.y += red_h + 1.5
        sentence = non_punishment(code)
        if sentence is None:
            return
        en_s, km_s = sentence
        html = f"<p style='margin:0'>{esc(en_s)}</p><p style='margin-top:4px'>{esc(breakable(km_s))}</p>"
        height = c.text_height(W - 6, en_s, c.f.fit) + c.text_height(W - 6, breakable(km_s), c.f.fit) + 3
        self.ensure(height + 4)
        c.box(MARGIN, self.y, W, height + 3, pen=INK, width=0.4)
        used = c.block(MARGIN + 3, self.y + 1.5, W - 6, html, c.f.fit)
        self.y += max(height, used) + 4

    def _long_text(self, text: str, font: QFont, color: QColor) -> None:
        """Text that may run over pages: one line at a time."""
        for line in text.split("\n"):
            height = self.c.text_height(W - 2, line, font)
            self.ensure(height)
            self.c.text(MARGIN + 1, self.y, W - 2, height, line, font, color=color)
            self.y += height
        self.y += 1

    def agencies(self) -> None:
        d = self.form.data
        half = (W - 3) / 2
        recv_en, recv_km = receiving_label(
            str(d.get("receiving_type", "")), str(d.get("receiving_country", ""))
        )
        agency = bilingual(*agency_names(str(d.get("transferring_agency", ""))))
        body = bilingual(*receiving_body_names(d)) or "–"
        columns = (
            (
                MARGIN,
                "transferring",
                [
                    [(1.0, "agency", agency)],
                    [
                        (0.55, "officer", str(d.get("transferring_officer", ""))),
                        (0.45, "position", str(d.get("transferring_position", ""))),
                    ],
                    [
                        (0.55, "id_no", str(d.get("transferring_id_no", ""))),
                        (0.45, "phone", str(d.get("transferring_phone", ""))),
                    ],
                ],
            ),
            (
                MARGIN + half + 3,
                "receiving",
                [
                    [(1.0, "body_type", bilingual(recv_en, recv_km))],
                    [(1.0, "body_name", body)],
                    [
                        (0.55, "officer", str(d.get("receiving_officer", ""))),
                        (0.45, "position", str(d.get("receiving_position", ""))),
                    ],
                ],
            ),
        )
        heights = [
            sum(
                max(
                    8.8,
                    *(self.cell_height(half * share, both(key), v, self.c.f.value) for share, key, v in row),
                )
                for row in rows
            )
            for _, _, rows in columns
        ]
        self.ensure(6.6 + max(heights))
        top, ends = self.y, []
        for x, key, rows in columns:
            self.y = top
            c = self.c
            c.box(x, self.y, half, 5.6, fill=SHADE, pen=SHADE)
            c.text(x + 1.5, self.y + 0.7, half - 3, 5, both(key, " · "), c.f.heading, wrap=False)
            self.y += 6.6
            self.grid(rows, x, half)
            ends.append(self.y)
        self.y = max(ends) + 1.5

    def needs(self) -> None:
        c, d = self.c, self.form.data
        entries = [(both(k), str(d.get(k) or "–")) for k in ("urgent_needs", "health_notes", "safety_notes")]
        w = W / 3
        h = max(10.0, *(self.cell_height(w, label, value, c.f.value) for label, value in entries))
        self.section("needs", keep_with=min(h, 20.0))
        if h > 40:  # long notes: one under the other, full width
            for label, value in entries:
                hh = max(8.8, self.cell_height(W, label, value, c.f.value))
                self.ensure(hh)
                self.cell(MARGIN, self.y, W, hh, label, value, c.f.value)
                self.y += hh
        else:
            self.ensure(h)
            for i, (label, value) in enumerate(entries):
                self.cell(MARGIN + i * w, self.y, w, h, label, value, c.f.value)
            self.y += h
        self.y += 1.5

    def items(self) -> None:
        c = self.c
        rows: list[dict[str, Any]] = list(self.form.data.get("items") or [])
        self.section("items", keep_with=5 + ROW * min(len(rows), 2))
        cols = [
            (8.0, "#"),
            (W - 8 - 16 - 55, both("item_desc")),
            (16.0, both("item_qty")),
            (55.0, both("item_receipt")),
        ]
        if not rows:
            c.text(MARGIN + 1, self.y, W - 2, 5, both("no_items"), c.f.value)
            self.y += 7
            return
        head = max(5.0, *(c.text_height(width - 2, title, c.f.label) + 1.2 for width, title in cols))

        def heading() -> None:
            x = MARGIN
            for width, title in cols:
                c.box(x, self.y, width, head, fill=SHADE)
                c.text(x + 1, self.y + 0.6, width - 2, head - 1, title, c.f.label)
                x += width
            self.y += head

        self.ensure(head + ROW)
        heading()
        for n, item in enumerate(rows, 1):
            values = [str(n), str(item.get("description", "")), str(item.get("quantity", "")), ""]
            height = max(
                ROW,
                *(
                    c.fit_height(width - 2, value, c.f.value) + 1.6
                    for (width, _), value in zip(cols, values, strict=True)
                ),
            )
            if self.y + height > BOTTOM:
                self.start_page()
                heading()
            x = MARGIN
            for (width, _), value in zip(cols, values, strict=True):
                c.box(x, self.y, width, height)
                c.text(x + 1, self.y + 0.9, width - 2, height - 1.6, value, c.f.value)
                x += width
            self.y += height
        self.y += 2

    def consent(self) -> None:
        d = self.form.data
        interpreter = str(d.get("interpreter_name") or "–")
        if d.get("interpreter_language"):
            interpreter += f" ({bilingual(*language_words(str(d['interpreter_language'])))})"
        self.section("consent", keep_with=10.5 + 1.5 + 21)
        self.grid(
            [
                [
                    (0.3, "consent_referral", _yes_no(d.get("consent_referral"))),
                    (0.42, "consent_sharing", _yes_no(d.get("consent_sharing"))),
                    (0.28, "interpreter", interpreter),
                ]
            ],
            MARGIN,
            W,
            h=10.5,
        )
        self.y += 1.5
        override = d.get("consent_override")
        if isinstance(override, dict):
            self.consent_override(override)
        links = [link for link in d.get("links") or [] if isinstance(link, dict)]
        if links:
            self.ensure(10.5 + 1.5)
            self.grid([[(1.0, "links", "; ".join(link_words(link) for link in links))]], MARGIN, W, h=10.5)
            self.y += 1.5

    def consent_override(self, override: dict[str, Any]) -> None:
        """A handover without a consent says so on the paper, with whose reason."""
        missing = [
            both("override_referral" if m.get("key") == "consent_referral" else f"override_{m.get('when')}")
            for m in override.get("missing") or []
            if m.get("key") == "consent_referral" or m.get("when") in ("screening", "handover", "never")
        ]
        self.section("override_heading", keep_with=2 * 10.5 + 1.5)
        self.grid(
            [
                [(1.0, "override_missing", "\n".join(missing))],
                [
                    (0.3, "override_by", str(override.get("by", ""))),
                    (0.7, "override_reason", str(override.get("reason", ""))),
                ],
            ],
            MARGIN,
            W,
            h=10.5,
        )
        self.y += 1.5

    def signatures(self) -> None:
        c = self.c
        minor = bool(self.form.data.get("guardian"))
        keys = [
            "sign_person",
            "sign_transferring",
            "sign_receiving",
            "sign_guardian" if minor else "sign_interpreter",
        ]
        w = (W - 3 * 2.5) / 4
        label_w = {key: w - (17 if key == "sign_person" else 2.4) for key in keys}
        label_h = max(7.0, *(c.text_height(label_w[key], both(key, "\n"), c.f.label) for key in keys))
        h = max(19.0, label_h + 1 + 8)  # room to sign under the label
        self.ensure(h + 2)
        for i, key in enumerate(keys):
            x = MARGIN + i * (w + 2.5)
            c.box(x, self.y, w, h, pen=INK, width=0.3)
            c.text(x + 1.2, self.y + 0.8, label_w[key], label_h, both(key, "\n"), c.f.label, color=GREY)
            c.line(x + 2, self.y + h - 4, x + w - (17 if key == "sign_person" else 2), self.y + h - 4)
            if key == "sign_person":
                c.box(x + w - 15, self.y + 1.5, 13.5, h - 3, dashed=True)
                c.text(
                    x + w - 15,
                    self.y + 2,
                    13.5,
                    7,
                    both("thumb", "\n"),
                    c.f.label,
                    color=GREY,
                    align=Qt.AlignmentFlag.AlignHCenter,
                )
        self.y += h + 2

    def draw(self) -> None:
        self.start_page()
        self.header_fields()
        self.person()
        self.outcome()
        self.agencies()
        self.needs()
        self.items()
        self.consent()
        self.signatures()


def draw_form(c: Canvas, form: FormData) -> None:
    """The three copies (person / transferring / receiving) of one form: laid out once, its QR code
    made once, then each page drawn per copy under that copy's header and footer. The person's copy
    also carries the summary in their language, below the body or on a page of its own."""
    body = Recorder(c)
    page = FormPage(body, form)
    page.draw()
    extra = Recorder(c)
    on_last_page = lay_out_own_language(extra, form.data, page.y, top=MARGIN + HEADER_H) is not None
    note = "" if form.final else "DRAFT: no verification code until the person is handed over."
    first = Footer.for_payload(form.payload, "", note)
    for copy in COPIES:
        footer = replace(first, left=f"{form.data.get('reference_no', '')}  ·  {copy[1]}")
        own = copy[0] == "person"
        pages = len(body.pages) + (1 if own and not on_last_page else 0)
        for number in range(pages):
            c.new_page()
            draw_header(c, copy, form.final)
            if number < len(body.pages):
                body.replay(c, number)
            if own and (number == pages - 1):
                extra.replay(c, 0)
            draw_footer(c, footer, f"{copy[1].split(' · ')[0]} · page {number + 1}")


def render_handover(
    forms: Sequence[FormData], *, progress: Progress | None = None, should_cancel: ShouldCancel | None = None
) -> bytes:
    """Every form (three copies each) in one PDF, in memory."""
    first = forms[0].data.get("reference_no", "") if forms else ""
    payloads = [f.payload.text() for f in forms if f.payload is not None and f.payload.signature]
    c = Canvas(f"Handover form {first}" if len(forms) == 1 else f"Handover forms ({len(forms)})", payloads)
    with guarded(progress, should_cancel, len(forms), c) as step:
        for n, form in enumerate(forms):
            step(n, str(form.person.get("temp_id", "")))
            draw_form(c, form)
        step(len(forms), "done")
    return c.finish()

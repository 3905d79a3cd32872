"""The handover form (docs/records.md): bilingual Khmer + English, three copies in one PDF.

Boxes, lines, the photo and the QR code are drawn with QPainter; short labels and values with
QPainter.drawText, wrapped paragraphs with QTextDocument laid out on the writer (see pdf.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from fieldapp.reference.languages import language_names
from fieldapp.reports.data import FormData, display_names
from fieldapp.reports.labels import (
    COPIES,
    DOCUMENT_STATUS,
    OUTCOMES,
    SEX,
    L,
    both,
    nationality_name,
    non_punishment,
    receiving_label,
)
from fieldapp.reports.layout import Recorder
from fieldapp.reports.pdf import (
    FOOTER_H,
    GREY,
    INK,
    MARGIN,
    PAGE_H,
    PAGE_W,
    SHADE,
    Canvas,
    Footer,
    draw_footer,
    esc,
    guarded,
)
from fieldapp.work import Progress, ShouldCancel

W = PAGE_W - 2 * MARGIN
BOTTOM = PAGE_H - MARGIN - FOOTER_H
LABEL_H = 3.4
ROW = 6.0  # one row of the property table


def _yes_no(value: Any) -> str:
    key = "not_asked" if value is None else ("yes" if value else "no")
    return both(key)


HEADER_H = 14.0


def draw_header(c: Canvas, copy: tuple[str, str, str], final: bool) -> None:
    """The title and the copy box at the top of every page (and the DRAFT mark on drafts)."""
    c.text(MARGIN, MARGIN, W * 0.62, 7, L["title"][0], c.f.title, wrap=False)
    c.text(MARGIN, MARGIN + 6.6, W * 0.62, 6, L["title"][1], c.f.title_km, wrap=False)
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
        6,
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

    def section(self, key: str) -> None:
        self.ensure(14)
        c = self.c
        c.box(MARGIN, self.y, W, 5.6, fill=SHADE, pen=SHADE)
        c.text(MARGIN + 1.5, self.y + 0.7, W - 3, 5, both(key, "  ·  "), c.f.heading, wrap=False)
        self.y += 6.6

    def cell(
        self,
        x: float,
        y: float,
        w: float,
        key: str,
        value: str,
        *,
        h: float = 8.8,
        font: QFont | None = None,
        label: str | None = None,
    ) -> None:
        c = self.c
        c.box(x, y, w, h)
        text = label or both(key)
        label_h = LABEL_H if c.text_height(w - 2.4, text, c.f.label) < LABEL_H + 0.5 else 2 * LABEL_H - 0.4
        c.text(x + 1.2, y + 0.5, w - 2.4, label_h, text, c.f.label, color=GREY)
        y += label_h - LABEL_H
        room = h - label_h - 0.6
        chosen = font or c.f.value
        if c.text_height(w - 2.4, value, chosen) > room + 0.3:
            chosen = c.f.fit  # a long value: smaller, wrapped, and cut at the box if still too long
        c.text(x + 1.2, y + LABEL_H + 0.4, w - 2.4, room, value, chosen)

    def grid(
        self,
        rows: Sequence[Sequence[tuple[float, str, str]]],
        x: float,
        w: float,
        *,
        h: float = 8.8,
        fonts_by_key: dict[str, QFont] | None = None,
    ) -> None:
        """Rows of cells; each cell is (share of the width, label key, value)."""
        for row in rows:
            self.ensure(h)
            cx = x
            for share, key, value in row:
                cw = w * share
                self.cell(cx, self.y, cw, key, value, h=h, font=(fonts_by_key or {}).get(key))
                cx += cw
            self.y += h

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
        self.section("person")
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
        document = " ".join(str(p.get(k, "")) for k in ("document_type", "document_no") if p.get(k))
        document = f"{document} · {doc_en} / {doc_km}" if document else f"{doc_en} / {doc_km}"
        langs = language_names(p.get("languages") or []) or "–"
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
        c, s = self.c, self.form.screening
        self.section("outcome")
        code = str(s.get("outcome", ""))
        en, km = OUTCOMES.get(code, (code, code))
        self.ensure(12)
        c.text(MARGIN + 1, self.y, W * 0.6, 6, en, c.f.big, wrap=False)
        c.text(MARGIN + 1, self.y + 6, W * 0.6, 6, km, c.f.title_km, wrap=False)
        flags = "; ".join(f"{f.get('en', '')} / {f.get('km', '')}" for f in s.get("red_flags") or []) or "–"
        info = f"{both('screened_on')}: {s.get('date', '–')}\n{both('red_flags')}: {flags}"
        c.text(MARGIN + W * 0.6, self.y, W * 0.4, 12, info, c.f.label, color=GREY)
        self.y += 13
        sentence = non_punishment(code)
        if sentence is None:
            return
        en_s, km_s = sentence
        html = f"<p style='margin:0'>{esc(en_s)}</p><p style='margin-top:4px'>{esc(km_s)}</p>"
        height = c.text_height(W - 6, en_s, c.f.fit) + c.text_height(W - 6, km_s, c.f.fit) + 3
        self.ensure(height + 4)
        c.box(MARGIN, self.y, W, height + 3, pen=INK, width=0.4)
        used = c.block(MARGIN + 3, self.y + 1.5, W - 6, html, c.f.fit)
        self.y += max(height, used) + 4

    def agencies(self) -> None:
        d = self.form.data
        self.ensure(40)
        half = (W - 3) / 2
        top = self.y
        recv_en, recv_km = receiving_label(
            str(d.get("receiving_type", "")), str(d.get("receiving_country", ""))
        )
        for x, key, rows in (
            (
                MARGIN,
                "transferring",
                [
                    [(1.0, "agency", str(d.get("transferring_agency", "")))],
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
                    [
                        (
                            1.0,
                            "agency",
                            f"{recv_en} / {recv_km}"
                            + (f" · {d['receiving_name']}" if d.get("receiving_name") else ""),
                        )
                    ],
                    [
                        (0.55, "officer", str(d.get("receiving_officer", ""))),
                        (0.45, "position", str(d.get("receiving_position", ""))),
                    ],
                ],
            ),
        ):
            self.y = top
            c = self.c
            c.box(x, self.y, half, 5.6, fill=SHADE, pen=SHADE)
            c.text(x + 1.5, self.y + 0.7, half - 3, 5, both(key, " · "), c.f.heading, wrap=False)
            self.y += 6.6
            self.grid(rows, x, half)
        self.y = top + 6.6 + 3 * 8.8 + 1.5

    def needs(self) -> None:
        c, d = self.c, self.form.data
        entries = [(k, str(d.get(k) or "–")) for k in ("urgent_needs", "health_notes", "safety_notes")]
        self.section("needs")
        w = W / 3
        h = max(10.0, *(c.text_height(w - 2.4, v, c.f.fit) + LABEL_H + 1.4 for _, v in entries))
        if h > 40:  # long notes: one under the other, full width
            for key, value in entries:
                hh = max(8.8, c.text_height(W - 2.4, value, c.f.fit) + LABEL_H + 1.4)
                self.ensure(hh)
                self.cell(MARGIN, self.y, W, key, value, h=hh)
                self.y += hh
        else:
            self.ensure(h)
            for i, (key, value) in enumerate(entries):
                self.cell(MARGIN + i * w, self.y, w, key, value, h=h)
            self.y += h
        self.y += 1.5

    def items(self) -> None:
        c = self.c
        rows: list[dict[str, Any]] = list(self.form.data.get("items") or [])
        self.ensure(6.6 + 5 + ROW * min(len(rows), 2))
        self.section("items")
        cols = [
            (8.0, "#"),
            (W - 8 - 16 - 55, both("item_desc")),
            (16.0, both("item_qty")),
            (55.0, both("item_receipt")),
        ]
        if not rows:
            c.text(MARGIN + 1, self.y, W, 5, both("no_items"), c.f.value)
            self.y += 7
            return
        self.ensure(6 + 8)
        x = MARGIN
        for width, title in cols:
            c.box(x, self.y, width, 5, fill=SHADE)
            c.text(x + 1, self.y + 0.8, width - 2, 4, title, c.f.label, wrap=False)
            x += width
        self.y += 5
        for n, item in enumerate(rows, 1):
            self.ensure(ROW)
            x = MARGIN
            values = [str(n), str(item.get("description", "")), str(item.get("quantity", "")), ""]
            for (width, _), value in zip(cols, values, strict=True):
                c.box(x, self.y, width, ROW)
                c.text(x + 1, self.y + 0.9, width - 2, ROW - 1, value, c.f.value, wrap=False)
                x += width
            self.y += ROW
        self.y += 2

    def consent(self) -> None:
        d = self.form.data
        self.ensure(6.6 + 10.5 + 1.5 + 19)
        self.section("consent")
        interpreter = str(d.get("interpreter_name") or "–")
        if d.get("interpreter_language"):
            interpreter += f" ({d['interpreter_language']})"
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

    def signatures(self) -> None:
        c = self.c
        minor = bool(self.form.data.get("guardian"))
        keys = [
            "sign_person",
            "sign_transferring",
            "sign_receiving",
            "sign_guardian" if minor else "sign_interpreter",
        ]
        h = 19.0
        self.ensure(h + 2)
        w = (W - 3 * 2.5) / 4
        for i, key in enumerate(keys):
            x = MARGIN + i * (w + 2.5)
            c.box(x, self.y, w, h, pen=INK, width=0.3)
            c.text(
                x + 1.2,
                self.y + 0.8,
                w - (17 if key == "sign_person" else 2.4),
                7,
                both(key, "\n"),
                c.f.label,
                color=GREY,
            )
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
                    wrap=False,
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
    made once, then each page drawn per copy under that copy's header and footer."""
    body = Recorder(c)
    FormPage(body, form).draw()
    note = "" if form.final else "DRAFT: no verification code until the person is handed over."
    first = Footer.for_payload(form.payload, "", note)
    for copy in COPIES:
        footer = replace(first, left=f"{form.data.get('reference_no', '')}  ·  {copy[1]}")
        for page in range(len(body.pages)):
            c.new_page()
            draw_header(c, copy, form.final)
            body.replay(c, page)
            draw_footer(c, footer, f"{copy[1].split(' · ')[0]} · page {page + 1}")


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

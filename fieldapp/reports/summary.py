"""Screening summary for one person: the outcome and, dimension by dimension, the indicators behind it."""

from __future__ import annotations

from typing import Any

from fieldapp.line_breaks import breakable
from fieldapp.reference.countries import country_name
from fieldapp.reports.footer import Footer, draw_footer
from fieldapp.reports.labels import OUTCOMES, SEX, L, bilingual, both, non_punishment
from fieldapp.reports.pdf import (
    FOOTER_H,
    GREY,
    MARGIN,
    PAGE_H,
    PAGE_W,
    SHADE,
    Canvas,
    esc,
)
from fieldapp.reports.qr import Payload
from fieldapp.screening import ScreeningResult
from fieldapp.screening.explain import explanation

W = PAGE_W - 2 * MARGIN
BOTTOM = PAGE_H - MARGIN - FOOTER_H


def render_summary(
    person: dict[str, Any], result: ScreeningResult, *, screening_id: str = "", payload: Payload | None = None
) -> bytes:
    """One or more A4 pages: who, the outcome (EN + KM), the standard sentence, then each dimension."""
    c = Canvas(
        f"Screening summary {person.get('temp_id', '')}",
        [payload.text()] if payload and payload.signature else [],
    )
    footer = Footer.for_payload(payload, f"{person.get('temp_id', '')} · {L['summary'][0]}")
    pages = [0]

    def page() -> float:
        if pages[0]:
            draw_footer(c, footer, f"page {pages[0]}")
        c.new_page()
        pages[0] += 1
        c.text(MARGIN, MARGIN, W, 7, L["summary"][0], c.f.title, wrap=False)
        c.text(MARGIN, MARGIN + 6.6, W, 6, L["summary"][1], c.f.heading, wrap=False)
        return MARGIN + 15

    y = page()
    names = " / ".join(str(person.get(k)) for k in ("name", "name_own_script") if person.get(k))
    y += c.text(MARGIN, y, W, 8, names, c.f.big) + 1
    nationality = str(person.get("nationality", ""))
    sex = SEX.get(str(person.get("sex") or "unknown"), SEX["unknown"])
    info = (
        f"{person.get('temp_id', '')} · {bilingual(country_name(nationality), country_name(nationality, 'km'))}"
        f" · {bilingual(*sex)} · {both('age')}: {person.get('age', '?')} · {both('screening_id')}: "
        f"{screening_id[-12:]}"
    )
    y += c.text(MARGIN, y, W, 5, info, c.f.label, color=GREY) + 3
    code = result.outcome.value
    en, km = OUTCOMES.get(code, (code, code))
    c.box(MARGIN, y, W, 13, fill=SHADE, pen=SHADE)
    c.text(MARGIN + 2, y + 0.8, W - 4, 6, en, c.f.big, wrap=False)
    c.text(MARGIN + 2, y + 6.6, W - 4, 6, km, c.f.heading, wrap=False)
    y += 15
    sentence = non_punishment(code)
    if sentence:
        html = "".join(f"<p style='margin:0 0 3px 0'>{esc(s)}</p>" for s in sentence)
        y += c.block(MARGIN, y, W, html, c.f.fit) + 3
    # The plain-words reasons first (English over Khmer), then the details: each dimension and the
    # indicators behind it, the sets and the rule.
    words_en, words_km = explanation(result, "en"), explanation(result, "km")
    blocks: list[tuple[str, str]] = list(zip(words_en.reasons, words_km.reasons, strict=True))
    blocks.append((words_en.details_heading, words_km.details_heading))
    for index, d in enumerate(result.dimensions):
        blocks.append((words_en.details[index], words_km.details[index]))
        for ind in d.indicators:
            via = f" via {', '.join(ind.via)}" if ind.via else ""
            blocks.append(
                (f"    • {ind.id} ({ind.strength.value}{via}): {ind.label_en}", f"      {ind.label_km}")
            )
    blocks.append((words_en.details[-1], words_km.details[-1]))
    for en_line, km_text in blocks:
        km_line = breakable(km_text)
        html = "".join(f"<p style='margin:0'>{esc(t)}</p>" for t in (en_line, km_line) if t)
        height = sum(c.text_height(W, t, c.f.fit) for t in (en_line, km_line) if t) + 1.5
        if y + height > BOTTOM:
            y = page()
        y += c.block(MARGIN, y, W, html, c.f.fit) + 1.5
    draw_footer(c, footer, f"page {pages[0]}")
    return c.finish()

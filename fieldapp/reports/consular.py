"""The notification list for one nationality's mission, English and Khmer: who consented to their embassy
being told, with what the mission needs to issue travel documents, and nothing more."""

from __future__ import annotations

from datetime import datetime

from fieldapp.records.consular import NotificationList
from fieldapp.reference.countries import country_name
from fieldapp.reports.footer import Footer, draw_footer
from fieldapp.reports.labels import SEX
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
ROW_H = 11.0
COLUMNS = (  # (width in mm, English, Khmer)
    (30.0, "Temp ID", "លេខបណ្ដោះអាសន្ន"),
    (62.0, "Name (passport) / own script", "ឈ្មោះ (លិខិតឆ្លងដែន) / អក្សរផ្ទាល់"),
    (22.0, "Sex, age", "ភេទ អាយុ"),
    (36.0, "Document no.", "លេខឯកសារ"),
    (36.0, "Handed over", "បានប្រគល់"),
)


def render_notification_list(
    listing: NotificationList,
    operation: str,
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> bytes:
    mission = listing.mission
    c = Canvas(f"Notification to {mission.name_en}")
    footer = Footer.for_payload(
        None,
        f"{mission.name_en} · {len(listing.persons)}",
        "Only persons who consented to their embassy being told. Keep this list with the mission's receipt.",
    )
    page_no = 0

    def head(first: bool) -> float:
        nonlocal page_no
        if page_no:
            draw_footer(c, footer, f"page {page_no}")
        c.new_page()
        page_no += 1
        c.text(MARGIN, MARGIN, W, 7, "Notification of nationals / ការជូនដំណឹងអំពីពលរដ្ឋ", c.f.title, wrap=False)
        c.text(MARGIN, MARGIN + 8, W, 6, f"{mission.name_en} / {mission.name_km}", c.f.heading, wrap=False)
        stamp = f"{operation} · {datetime.now().astimezone():%Y-%m-%d %H:%M}"
        c.text(MARGIN, MARGIN + 14, W, 5, stamp, c.f.value, color=GREY, wrap=False)
        y = MARGIN + 21
        if first:
            lines = [
                f"Nationality / សញ្ជាតិ: {country_name(mission.nationality)} / {country_name(mission.nationality, 'km')}",
                "Contacts / ទំនាក់ទំនង: "
                + ("; ".join(mission.contacts) if mission.contacts else "—")
                + (
                    ""
                    if mission.verified
                    else "  (not verified by HQ: confirm with the mission / មិនទាន់បានផ្ទៀងផ្ទាត់ដោយទីស្នាក់ការកណ្តាល)"
                ),
            ]
            if mission.travel_documents:
                lines.append(f"Travel documents: {mission.travel_documents}")
            if mission.note:
                lines.append(mission.note)
            for line in lines:
                y += c.text(MARGIN, y, W, 10, line, c.f.value) + 1
            y += 2
        x = MARGIN
        for width, en, km in COLUMNS:
            c.box(x, y, width, 8, fill=SHADE)
            c.text(x + 1, y + 0.5, width - 2, 7, f"{en}\n{km}", c.f.label)
            x += width
        return y + 8

    with guarded(progress, should_cancel, len(listing.persons), c) as step:
        y = head(True)
        for done, person in enumerate(listing.persons):
            if y + ROW_H > BOTTOM:
                y = head(False)
            step(done, person.temp_id)
            sex = SEX.get(person.sex, (person.sex, ""))[0]
            values = [
                person.temp_id,
                "\n".join(part for part in (person.name, person.name_own) if part),
                f"{sex}, {person.age}" if person.age is not None else sex,
                person.document_no or "—",
                "yes / បាទ/ចាស" if person.handed_over else "not yet / មិនទាន់",
            ]
            x = MARGIN
            for (width, _, _), value in zip(COLUMNS, values, strict=True):
                c.box(x, y, width, ROW_H)
                c.text(x + 1, y + 0.8, width - 2, ROW_H - 1.2, value, c.f.fit)
                x += width
            y += ROW_H
        draw_footer(c, footer, f"page {page_no}")
        step(len(listing.persons), "done")
    return c.finish()

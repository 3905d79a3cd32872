"""The person's own copy of the handover form carries a short summary in their language.

Laid out (``lay_out_own_language``) below the form's body on the person's copy, or on a page of its own.

The words are the respondent texts (``fieldapp.screening.respondent``): the outcome in plain words, the
non-punishment sentence of the consent script, and what happens next. A text that is still a draft
translation says so (in the person's language and in English); a language with no text yet is shown in
English, and the form says that too, so an officer knows to explain it through the interpreter.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldapp.line_breaks import breakable
from fieldapp.reference.languages import language_names
from fieldapp.reports.labels import L
from fieldapp.reports.layout import Recorder
from fieldapp.reports.pdf import FOOTER_H, INK, MARGIN, PAGE_H, PAGE_W, esc
from fieldapp.screening.respondent import (
    SOURCE_LANGUAGE,
    Shown,
    language_name,
    respondent_language,
    right_to_left,
    shown,
)

# The plain-words outcome shown for each screening outcome (a below-threshold result reads as possible).
OUTCOME_TEXTS = {
    "PRESUMED_VICTIM": "summary.outcome.presumed",
    "PRESUMED_CHILD_VICTIM": "summary.outcome.presumed_child",
    "POSSIBLE_VICTIM": "summary.outcome.possible",
    "INDICATORS_BELOW_THRESHOLD": "summary.outcome.possible",
    "NO_INDICATORS_FOUND": "summary.outcome.none_found",
    "UNDETERMINED": "summary.outcome.undetermined",
}
VICTIM_OUTCOMES = frozenset(
    {"PRESUMED_VICTIM", "PRESUMED_CHILD_VICTIM", "POSSIBLE_VICTIM", "INDICATORS_BELOW_THRESHOLD"}
)
W = PAGE_W - 2 * MARGIN
BOTTOM = PAGE_H - MARGIN - FOOTER_H


@dataclass(frozen=True)
class OwnSummary:
    """What the person's copy says to them: a title and paragraphs in ``language``, and notes."""

    asked: str | None  # the person's language (None: no language recorded)
    language: str  # the language most of the text is in (English when there was none in theirs)
    language_label: str  # the language's own name ("Tiếng Việt"), for the officers reading the form
    title: str
    paragraphs: tuple[str, ...]
    notes: tuple[str, ...]  # draft translation, English fallback: in the language shown and in English
    right_to_left: bool


def summary_language(data: dict[str, Any]) -> str | None:
    """The person's language: the one the screening's consent script was read in, else the first of
    their recorded languages that the respondent texts cover."""
    screening = data.get("screening") or {}
    person = data.get("person") or {}
    for candidate in (screening.get("language"), *(person.get("languages") or [])):
        if candidate:
            found = respondent_language([str(candidate)])
            if found is not None:
                return found
    return None


def own_summary(data: dict[str, Any]) -> OwnSummary:
    """The summary for a handover's data (the person and screening snapshot it carries)."""
    asked = summary_language(data)
    language = asked or SOURCE_LANGUAGE
    outcome = str((data.get("screening") or {}).get("outcome") or "")
    keys = ["summary.title"]
    if outcome in OUTCOME_TEXTS:
        keys.append(OUTCOME_TEXTS[outcome])
    if outcome in VICTIM_OUTCOMES:
        keys.append("consent.non_punishment")
    keys += ["summary.next", "summary.keep"]
    texts: list[Shown] = [shown(key, language) for key in keys]
    fell_back = any(t.fell_back for t in texts)
    in_own = [t for t in texts if not t.fell_back]
    shown_in = language if in_own else SOURCE_LANGUAGE
    notes: list[str] = []
    if any(t.draft for t in in_own) and language != SOURCE_LANGUAGE:
        draft_note = shown("ui.draft", language)
        notes.append(draft_note.text if not draft_note.fell_back else "")
        notes.append("Draft translation: not yet checked by a native speaker.")
    recorded = [str(c) for c in (data.get("person") or {}).get("languages") or [] if c]
    if asked is None and not recorded:
        notes.append("The person's language was not recorded: this summary is in English.")
    elif asked is None or fell_back:
        missing = language_name(asked, "en") if asked else language_names(recorded)
        notes.append(f"No text in {missing} yet: shown in English.")
    return OwnSummary(
        asked,
        shown_in,
        language_name(language),
        texts[0].text,
        tuple(t.text for t in texts[1:]),
        tuple(n for n in notes if n),
        right_to_left(shown_in),
    )


def own_language_html(data: dict[str, Any]) -> str:
    """The person's summary (``own_language``) as rich text: a bilingual heading for the officers, then
    the summary in the person's language (right to left where it is written so), then the notes."""
    summary = own_summary(data)
    direction = "rtl" if summary.right_to_left else "ltr"
    align = "right" if summary.right_to_left else "left"

    def own(text: str) -> str:
        return esc(breakable(text) if summary.language == "km" else text)

    heading = f"{L['own_language'][0]} · {L['own_language'][1]} · {summary.language_label}"
    body = "".join(
        f"<p dir='{direction}' align='{align}' style='margin:3px 0 0 0'>{own(t)}</p>"
        for t in summary.paragraphs
    )
    notes = "".join(f"<p style='margin:3px 0 0 0; color:#6e6e6e'>{own(n)}</p>" for n in summary.notes)
    return (
        f"<p style='margin:0'><b>{esc(breakable(heading))}</b></p>"
        f"<p dir='{direction}' align='{align}' style='margin:3px 0 0 0'><b>{own(summary.title)}</b></p>"
        f"{body}{notes}"
    )


def lay_out_own_language(c: Recorder, data: dict[str, Any], y: float, *, top: float) -> float | None:
    """The summary box for the person's copy, recorded on ``c``'s one page: at ``y`` when it fits on the
    page there, else at ``top`` of a page of its own; returns ``y`` + 1, or None for a page of its own."""
    html = own_language_html(data)
    height = c.block_height(W - 6, html, c.f.own)
    at: float | None = y + 1 if y + 1 + height + 4 <= BOTTOM else None
    top = at if at is not None else top
    c.new_page()
    c.box(MARGIN, top, W, height + 3, pen=INK, width=0.4)
    c.block(MARGIN + 3, top + 1.5, W - 6, html, c.f.own)
    return at

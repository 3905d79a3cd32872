"""The verification block at the bottom of every page: QR code, typed code, record, version, hash prefix."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from fieldapp.reports.pdf import CREATOR, FOOTER_H, GREY, INK, MARGIN, PAGE_H, PAGE_W, Canvas
from fieldapp.reports.qr import Payload, qr_svg_matrix


@dataclass(frozen=True)
class Footer:
    """What the verification block at the bottom of a page shows."""

    payload: Payload | None
    matrix: list[list[bool]] | None
    left: str  # e.g. reference number and copy
    note: str = ""

    @classmethod
    def for_payload(cls, payload: Payload | None, left: str, note: str = "") -> Footer:
        matrix = qr_svg_matrix(payload.text()) if payload is not None and payload.signature else None
        return cls(payload, matrix, left, note)


def draw_footer(c: Canvas, footer: Footer, page_label: str) -> None:
    top = PAGE_H - MARGIN - FOOTER_H + 4
    c.line(MARGIN, top - 2, PAGE_W - MARGIN, top - 2, pen=INK, width=0.3)
    size = FOOTER_H - 5
    x_qr = PAGE_W - MARGIN - size
    if footer.matrix is not None:
        c.qr(x_qr, top, size, footer.matrix)
    width = x_qr - MARGIN - 4
    c.text(MARGIN, top, width, 5, footer.left, c.f.value, wrap=False)
    if footer.payload is not None:
        p = footer.payload
        c.text(MARGIN, top + 5, width, 6, p.short_code(), c.f.code, wrap=False)
        c.text(
            MARGIN,
            top + 11.5,
            width,
            4,
            f"Record {p.record_id} · version {p.version} · SHA-256 {p.hash_hex[:16]}…",
            c.f.small,
            color=GREY,
            wrap=False,
        )
        c.text(
            MARGIN,
            top + 15,
            width,
            4,
            "Check with: fieldapp verify CODE  ·  ពិនិត្យភាពត្រឹមត្រូវ៖ fieldapp verify CODE",
            c.f.small,
            color=GREY,
            wrap=False,
        )
        if p.signature:
            c.payloads.append(p.text())
    if footer.note:
        c.text(MARGIN, top + 17.5, width, 4, footer.note, c.f.small, color=GREY, wrap=False)
    c.text(
        x_qr - 64,
        top + 17.5,
        60,
        4,
        f"{page_label} · {CREATOR}",  # which release printed this page, for whoever checks it later
        c.f.small,
        color=GREY,
        align=Qt.AlignmentFlag.AlignRight,
        wrap=False,
    )

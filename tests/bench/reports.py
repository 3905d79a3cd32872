"""Bench: handover forms as pages/s against a bare QPdfWriter page with the same text and image.

python tests/bench/reports.py [--forms N]

What the ratio compares (bare time / app time, measured in the same run, best of 3 for one form):

* app: ``render_handover`` from FormData (payload already signed, portrait already decoded and scaled,
  as ``form_data`` hands them over) to PDF bytes: layout, measuring, QR encoding, drawing, writing.
* bare: the least Qt needs to put the same content on the same pages. Every page the app makes is
  recorded first (outside the timing): each string it draws with its font, the rich-text blocks as
  plain text, the portrait and the QR modules. The bare writer then draws exactly those strings, in
  the same fonts, one ``drawText`` each into a fixed box down the page, the same QImage, and the QR
  as one ready-made path (no encoding), with one line and one rectangle per string for the rules.
  So both write the same glyphs, image and code per page; the ratio is the app's overhead for laying
  the form out, measuring, encoding the QR code and its boxes/rules.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QFont,
    QImage,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QTextDocument,
)

from fieldapp.reports import fonts  # noqa: E402
from fieldapp.reports.data import FormData, portrait_image  # noqa: E402
from fieldapp.reports.handover import draw_form, render_handover  # noqa: E402
from fieldapp.reports.pdf import Canvas, qr_path  # noqa: E402
from fieldapp.reports.qr import KeySigner, make_payload  # noqa: E402
from tests.core.test_handovers import COMPLETE  # noqa: E402


def _jpeg(i: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (600, 800), (100 + i % 100, 140, 115)).save(out, "JPEG", quality=80)
    return out.getvalue()


def _form(i: int, signer: KeySigner) -> FormData:
    data = {
        **COMPLETE,
        "reference_no": f"HO-GOL-DA-{i:05d}-1",
        "person_id": f"p{i}",
        "urgent_needs": "Food, water",
        "person": {
            "temp_id": f"GOL-DA-{i:05d}",
            "name": "NGUYEN THI HUONG",
            "name_own_script": "Nguyễn Thị Hường",
            "nationality": "VNM",
            "sex": "female",
            "age": 24,
        },
        "screening": {"outcome": "PRESUMED_VICTIM", "date": "2026-11-28"},
    }
    rid = f"0193a1b2-c3d4-7e5f-8a9b-{i:012x}"
    return FormData(rid, 1, "final", data, make_payload(rid, 1, data, signer), portrait_image(_jpeg(i)))


QR = tuple[QPainterPath, float, float, float]  # the modules' path, where, and the module size
Page = tuple[list[tuple[str, QFont]], QImage | None, QR | None]


class _Collect(Canvas):
    """A Canvas that also notes, page by page, what is drawn on it (for the bare baseline)."""

    def __init__(self, title: str, payloads: Sequence[str] = ()) -> None:
        super().__init__(title, payloads)
        self.seen: list[list[tuple[str, QFont]]] = []
        self.qrs: list[QR] = []

    def new_page(self) -> QPainter:
        self.seen.append([])
        return super().new_page()

    def text(self, x: float, y: float, w: float, h: float, text: str, font: QFont, **kw: Any) -> float:
        self.seen[-1].append((text, font))
        return super().text(x, y, w, h, text, font, **kw)

    def draw_document(self, x: float, y: float, doc: QTextDocument) -> None:
        self.seen[-1].append((doc.toPlainText(), doc.defaultFont()))
        super().draw_document(x, y, doc)

    def qr(self, x: float, y: float, size: float, matrix: list[list[bool]]) -> None:
        self.qrs.append((qr_path(matrix), self.mm(x), self.mm(y), self.mm(size) / len(matrix)))
        super().qr(x, y, size, matrix)


def _content(
    forms: list[FormData],
) -> list[Page]:
    """What each page of the app's PDF shows: (strings with fonts, portrait, QR path)."""
    pages = []
    for form in forms:
        c = _Collect("collect")
        draw_form(c, form)
        c.finish()
        for n, seen in enumerate(c.seen):
            pages.append((seen, form.portrait, c.qrs[n] if n < len(c.qrs) else None))
    return pages


def _baseline(pages: list[Page]) -> float:
    """A bare QPdfWriter: the same strings, fonts, image and QR modules per page, at fixed places."""
    start = time.perf_counter()
    ba = QByteArray()
    buf = QBuffer(ba)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    w = QPdfWriter(buf)
    w.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    w.setResolution(300)
    p = QPainter(w)
    flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
    for n, (strings, portrait, qr) in enumerate(pages):
        if n:
            w.newPage()
        for i, (s, font) in enumerate(strings):
            x, y = 150 + (i % 2) * 1150, 150 + (i // 2) * 70
            p.setFont(font)
            p.drawText(QRectF(x, y, 1100, 300), flags, s)
            p.drawRect(QRectF(x, y, 1100, 65))
            p.drawLine(x, y + 66, x + 1100, y + 66)
        if portrait is not None:
            p.drawImage(QRectF(150, 3000, 350, 470), portrait)
        if qr is not None:
            path, qx, qy, module = qr
            p.save()
            p.translate(qx, qy)
            p.scale(module, module)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(Qt.GlobalColor.black)
            p.drawPath(path)
            p.restore()
    p.end()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=500)
    args = parser.parse_args()
    fonts.load_fonts()
    signer = KeySigner(Ed25519PrivateKey.generate())
    render_handover([_form(0, signer)])  # warm up fonts and caches, for both
    _baseline(_content([_form(0, signer)]))
    for label, n in (("report_form", 1), ("report_batch", args.forms)):
        forms = [_form(i, signer) for i in range(n)]
        content = _content(forms)
        base = min(_baseline(content) for _ in range(3 if n == 1 else 1))
        t = []
        for _ in range(3 if n == 1 else 1):
            start = time.perf_counter()
            pdf = render_handover(forms)
            t.append(time.perf_counter() - start)
        app = min(t)
        pages = len(content)
        print(
            f"{label}: {n} form(s), {pages} pages, {len(pdf):,} bytes: app {app:.3f} s ({pages / app:.1f} pages/s), "
            f"bare page {base:.3f} s ({pages / base:.1f} pages/s)"
        )
        print(f"bench: {label} ratio={base / app:.2f} target=0.67")


if __name__ == "__main__":
    main()

"""Bench: handover forms as pages/s against a bare QPdfWriter page with the same text and image.

python tests/bench/reports.py [--forms N]
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402
from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter  # noqa: E402

from fieldapp.reports import fonts  # noqa: E402
from fieldapp.reports.data import FormData, portrait_image  # noqa: E402
from fieldapp.reports.handover import render_handover  # noqa: E402
from fieldapp.reports.qr import KeySigner, make_payload  # noqa: E402
from tests.core.test_handovers import COMPLETE  # noqa: E402


def _jpeg(i: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (600, 800), (100 + i % 100, 140, 115)).save(out, "JPEG", quality=80)
    return out.getvalue()


def _form(i: int, signer: KeySigner) -> FormData:
    data = {**COMPLETE, "reference_no": f"HO-GOL-DA-{i:05d}-1", "person_id": f"p{i}", "urgent_needs": "Food, water",
            "person": {"temp_id": f"GOL-DA-{i:05d}", "name": "NGUYEN THI HUONG", "name_own_script": "Nguyễn Thị Hường",
                       "nationality": "VNM", "sex": "female", "age": 24},
            "screening": {"outcome": "PRESUMED_VICTIM", "date": "2026-11-28"}}  # fmt: skip
    rid = f"0193a1b2-c3d4-7e5f-8a9b-{i:012x}"
    return FormData(rid, 1, "final", data, make_payload(rid, 1, data, signer), portrait_image(_jpeg(i)))


def _baseline(forms: list[FormData]) -> float:
    """A bare page per copy: the same strings drawn at fixed places, and the photo."""
    start = time.perf_counter()
    ba = QByteArray()
    buf = QBuffer(ba)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    w = QPdfWriter(buf)
    w.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    w.setResolution(300)
    p = QPainter(w)
    font = fonts.font(9.5)
    first = True
    for form in forms:
        strings = [str(v) for v in (*form.data.values(), *form.person.values()) if isinstance(v, str | int)]
        for _ in range(3):
            if not first:
                w.newPage()
            first = False
            p.setFont(font)
            for n, s in enumerate(strings):
                p.drawText(QRectF(150, 150 + n * 90, 2000, 90), int(Qt.AlignmentFlag.AlignLeft), s)
            if form.portrait is not None:
                p.drawImage(QRectF(150, 2800, 350, 470), form.portrait)
    p.end()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=500)
    args = parser.parse_args()
    fonts.load_fonts()
    signer = KeySigner(Ed25519PrivateKey.generate())
    render_handover([_form(0, signer)])  # warm up fonts and caches
    for label, n in (("report_form", 1), ("report_batch", args.forms)):
        forms = [_form(i, signer) for i in range(n)]
        base = min(_baseline(forms) for _ in range(3 if n == 1 else 1))
        t = []
        for _ in range(3 if n == 1 else 1):
            start = time.perf_counter()
            pdf = render_handover(forms)
            t.append(time.perf_counter() - start)
        app = min(t)
        pages = 3 * n
        print(f"{label}: {n} form(s), {pages} pages, {len(pdf):,} bytes: app {app:.3f} s ({pages / app:.1f} pages/s), "
              f"bare page {base:.3f} s ({pages / base:.1f} pages/s)")  # fmt: skip
        print(f"bench: {label} ratio={base / app:.2f} target=0.67")


if __name__ == "__main__":
    main()

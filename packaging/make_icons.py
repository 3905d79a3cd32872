"""Render resources/icons/fieldapp.svg to the PNG sizes desktops and installers want, and a Windows .ico.

    .venv/bin/python packaging/make_icons.py

The PNGs and the .ico are committed; run this again only after changing the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "fieldapp.svg"))
    if not renderer.isValid():
        print("fieldapp.svg is not a valid SVG", file=sys.stderr)
        return 1
    images = {}
    for size in SIZES:
        png = render(renderer, size)
        (ICONS / f"fieldapp-{size}.png").write_bytes(png)
        images[size] = Image.open(io.BytesIO(png)).convert("RGBA")
    # Pillow writes every size of the .ico from the largest image it is given.
    images[256].save(ICONS / "fieldapp.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    print(f"wrote {len(SIZES)} PNGs and fieldapp.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

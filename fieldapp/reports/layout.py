"""Lay a page out once, draw it many times: a handover form's body is the same on its three copies.

A :class:`Recorder` stands in for the :class:`~fieldapp.reports.pdf.Canvas` while a form is laid out:
it measures with the canvas (cached) and records the drawing calls per page, with rich text already
laid out. Replaying a page onto the canvas costs only the drawing itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage

from fieldapp.reports.pdf import INK, RESOLUTION, RULE, Canvas

Op = tuple[str, tuple[Any, ...], dict[str, Any]]  # a Canvas method's name and its arguments


class Recorder:
    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.f = canvas.f
        self.pages: list[list[Op]] = []

    def new_page(self) -> None:
        self.pages.append([])

    def _op(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.pages[-1].append((method.__name__, args, kwargs))

    def text(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        text: str,
        font: QFont,
        *,
        color: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        wrap: bool = True,
    ) -> float:
        """Recorded for the replay; returns the height it will take (mm), as ``Canvas.text`` does."""
        self._op(Canvas.text, x, y, w, h, text, font, color=color, align=align, wrap=wrap)
        return self.canvas.fit(w, h, text, font, wrap=wrap).height

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        fill: QColor | None = None,
        pen: QColor = RULE,
        width: float = 0.25,
        dashed: bool = False,
    ) -> None:
        self._op(Canvas.box, x, y, w, h, fill=fill, pen=pen, width=width, dashed=dashed)

    def line(
        self, x1: float, y1: float, x2: float, y2: float, *, pen: QColor = RULE, width: float = 0.25
    ) -> None:
        self._op(Canvas.line, x1, y1, x2, y2, pen=pen, width=width)

    def image(self, x: float, y: float, w: float, h: float, image: QImage) -> None:
        self._op(Canvas.image, x, y, w, h, image)

    def block(self, x: float, y: float, w: float, html_text: str, font: QFont) -> float:
        """Lay the rich text out now (once per text and width, see Canvas.document); returns mm."""
        doc = self.canvas.document(w, html_text, font)
        self._op(Canvas.draw_document, x, y, doc)
        return float(doc.size().height()) * 25.4 / RESOLUTION

    def block_height(self, w: float, html_text: str, font: QFont) -> float:
        return float(self.canvas.document(w, html_text, font).size().height()) * 25.4 / RESOLUTION

    def text_height(self, w: float, text: str, font: QFont) -> float:
        return self.canvas.text_height(w, text, font)

    def fit_height(self, w: float, text: str, font: QFont) -> float:
        return self.canvas.fit_height(w, text, font)

    def fits(self, w: float, h: float, text: str, font: QFont) -> bool:
        """Whether ``text`` fits ``w`` × ``h`` mm, shrunk at most to its floor."""
        return self.canvas.fit(w, h, text, font).fits

    def replay(self, canvas: Canvas, page: int) -> None:
        for name, args, kwargs in self.pages[page]:
            getattr(canvas, name)(*args, **kwargs)

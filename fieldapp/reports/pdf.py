"""A small page canvas over QPdfWriter (or any paint device): millimetres in, device units out.

Text goes through QPainter.drawText (short labels and values) or QTextDocument.drawContents (wrapped
blocks), with the document laid out on the writer itself, so point sizes come out right on paper.
Nothing is cut: a text that does not fit its box wraps, then shrinks (bold stays bold) down to a floor;
layouts measure first (``fit_height``) and make the box taller when even the floor does not fit. What
still overflows is never clipped, and is logged and reported to ``collect_overflows`` (the tests).
Every page gets the verification footer (``fieldapp.reports.footer``): QR code, typed code, record and
version, hash prefix.
PDFs are rendered into memory (QBuffer), never to a temporary file.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)

from fieldapp.errors import message
from fieldapp.line_breaks import breakable
from fieldapp.reports import fonts
from fieldapp.version import __version__
from fieldapp.work import Progress, ShouldCancel, stop_if_asked

logger = logging.getLogger(__name__)
NO_PDF_WRITTEN = message("report.cancelled", "Cancelled: no PDF was written.")
RESOLUTION = 300
PAGE_W, PAGE_H = 210.0, 297.0  # A4, mm
MARGIN = 12.0
FOOTER_H = 23.0  # mm kept free at the bottom of every page for the verification block (footer.py)
INK = QColor(20, 20, 20)
GREY = QColor(110, 110, 110)
RULE = QColor(150, 150, 150)
SHADE = QColor(236, 239, 243)
CREATOR = f"fieldapp {__version__}"  # the PDF's Creator and XMP CreatorTool: which release drew it
SHRINK_FLOOR = 0.75  # a text too long for its box shrinks to 3/4 of its size before the box grows
MIN_POINTS = 5.5  # no text is printed smaller (a one-line text shrinks to this before it overflows)
SLACK_MM = 0.3  # measuring and drawing round differently: this much over the box is not an overflow
WRAP = int(Qt.TextFlag.TextWordWrap)
WRAP_ANYWHERE = int(Qt.TextFlag.TextWrapAnywhere)


@dataclass(frozen=True)
class Fit:
    """How a text goes into a box: the font (maybe smaller than asked), the wrap flag and its size in mm."""

    font: QFont
    flags: int
    width: float
    height: float
    fits: bool


@dataclass(frozen=True)
class Overflow:
    """A text that did not fit its box even at the smallest size: drawn in full, past the box."""

    text: str
    box: tuple[float, float, float, float]  # x, y, w, h in mm
    needed: tuple[float, float]  # w, h in mm


_overflows: ContextVar[list[Overflow] | None] = ContextVar("overflows", default=None)


@contextmanager
def collect_overflows() -> Iterator[list[Overflow]]:
    """Every text drawn past its box while this is open (in this thread), for tests and checks."""
    found: list[Overflow] = []
    token = _overflows.set(found)
    try:
        yield found
    finally:
        _overflows.reset(token)


@dataclass
class Fonts:
    title: QFont
    heading: QFont
    label: QFont
    value: QFont
    big: QFont
    small: QFont
    fit: QFont  # long standard sentences (the non-punishment paragraph)
    own: QFont  # the summary in the person's language on their copy
    title_km: QFont
    code: QFont
    mark: QFont


def make_fonts() -> Fonts:
    return Fonts(
        title=fonts.font(14, bold=True),
        heading=fonts.font(9.5, bold=True),
        label=fonts.font(6.5),
        value=fonts.font(9.5),
        big=fonts.font(12, bold=True),
        small=fonts.font(7),
        fit=fonts.font(7.5),
        own=fonts.font(8.5),
        title_km=fonts.font(11, bold=True),
        code=fonts.font(12, bold=True),
        mark=fonts.font(60, bold=True),
    )


class Canvas:
    """One PDF being drawn: the writer, the painter and the current page's footer payload."""

    def __init__(
        self,
        title: str,
        payloads: Sequence[str] = (),
        creator: str = CREATOR,
        page_mm: tuple[float, float] | None = None,
    ) -> None:
        fonts.load_fonts()
        self._bytes = QByteArray()
        self._buffer = QBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(self._buffer)
        self.writer.setPageSize(
            QPageSize(QPageSize.PageSizeId.A4)
            if page_mm is None
            else QPageSize(
                QSizeF(*page_mm), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch
            )
        )
        self.writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        self.writer.setResolution(RESOLUTION)
        self.writer.setTitle(title)
        self.writer.setCreator(creator)
        # Qt copies the metadata when painting begins, so every page's payload is named up front.
        self.writer.setDocumentXmpMetadata(QByteArray(xmp(list(payloads), creator)))
        self.payloads: list[str] = []
        self.painter: QPainter | None = None
        self.f = make_fonts()
        self.pages = 0
        # Measurements, pens and laid-out rich text are reused: a batch repeats the same labels,
        # fonts and standard sentences thousands of times.
        self._metrics: dict[str, QFontMetricsF] = {}
        self._font_keys: dict[int, tuple[QFont, str]] = {}
        self._sized: dict[tuple[str, float], QFont] = {}
        self._sizes: dict[tuple[str, float, str, int], tuple[float, float]] = {}
        self._fits: dict[tuple[str, float, float, str, bool], Fit] = {}
        self._pens: dict[tuple[int, float, bool], QPen] = {}
        self._docs: dict[tuple[str, str, float], QTextDocument] = {}
        self._qr_paths: dict[int, tuple[list[list[bool]], QPainterPath]] = {}

    # --- units and pages -------------------------------------------------------------------------

    @staticmethod
    def mm(value: float) -> float:
        return value * RESOLUTION / 25.4

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(self.mm(x), self.mm(y), self.mm(w), self.mm(h))

    def new_page(self) -> QPainter:
        if self.painter is None:
            self.painter = QPainter(self.writer)
            self.painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        else:
            self.writer.newPage()
        self.pages += 1
        return self.painter

    @property
    def p(self) -> QPainter:
        assert self.painter is not None, "call new_page() first"
        return self.painter

    def discard(self) -> None:
        """End an unfinished document and drop its bytes (a cancelled batch)."""
        if self.painter is not None and self.painter.isActive():
            self.painter.end()
        self.painter = None
        self._buffer.close()
        self._bytes.clear()

    def finish(self) -> bytes:
        """End the document and return the PDF bytes."""
        if self.painter is None:
            self.new_page()
        self.p.end()
        self._buffer.close()
        return bytes(self._bytes.data())

    # --- drawing ---------------------------------------------------------------------------------

    def font_key(self, font: QFont) -> str:
        """``font.key()``, asked of Qt once per font object (the font is kept, so its id stays its own)."""
        known = self._font_keys.get(id(font))
        if known is None:
            known = self._font_keys[id(font)] = (font, font.key())
        return known[1]

    def metrics(self, font: QFont) -> QFontMetricsF:
        key = self.font_key(font)
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(font, self.writer)
        return self._metrics[key]

    def sized(self, font: QFont, points: float) -> QFont:
        """``font`` (family list, weight) at another size; made once per font and size."""
        if abs(font.pointSizeF() - points) < 0.01:
            return font
        key = (self.font_key(font), round(points, 2))
        smaller = self._sized.get(key)
        if smaller is None:
            smaller = self._sized[key] = QFont(font)
            smaller.setPointSizeF(points)
        return smaller

    def measure(self, w: float, text: str, font: QFont, flags: int = WRAP) -> tuple[float, float]:
        """The size (mm) ``text`` takes in ``font`` laid out ``w`` mm wide; measured once per input."""
        key = (self.font_key(font), w, text, flags)
        size = self._sizes.get(key)
        if size is None:
            box = self.metrics(font).boundingRect(
                QRectF(0, 0, self.mm(w), 1e6), int(Qt.AlignmentFlag.AlignLeft) | flags, text
            )
            size = self._sizes[key] = (box.width() * 25.4 / RESOLUTION, box.height() * 25.4 / RESOLUTION)
        return size

    def _layout(self, w: float, text: str, font: QFont, wrap: bool) -> tuple[int, float, float]:
        """Wrapped at words, or anywhere when one word is wider than the box (a long id, a URL)."""
        if not wrap:
            return 0, *self.measure(w, text, font, 0)
        width, height = self.measure(w, text, font, WRAP)
        if width > w + SLACK_MM:
            width, height = self.measure(w, text, font, WRAP_ANYWHERE)
            return WRAP_ANYWHERE, width, height
        return WRAP, width, height

    def fit(self, w: float, h: float, text: str, font: QFont, *, wrap: bool = True) -> Fit:
        """The largest size of ``font``, down to its floor, at which ``text`` fits ``w`` × ``h`` mm.

        A wrapped text shrinks to ``SHRINK_FLOOR`` of its size (then its box must grow: ``fit_height``);
        a one-line text shrinks as far as ``MIN_POINTS``. When nothing fits, the floor size is returned
        with ``fits`` False."""
        key = (self.font_key(font), w, h, text, wrap)
        found = self._fits.get(key)
        if found is not None:
            return found
        text = breakable(text)  # Khmer has no spaces: break between syllables
        size = font.pointSizeF()
        floor = max(MIN_POINTS, size * SHRINK_FLOOR) if wrap else min(size, MIN_POINTS)
        chosen: Fit | None = None
        while True:
            sized = self.sized(font, size)
            flags, width, height = self._layout(w, text, sized, wrap)
            chosen = Fit(sized, flags, width, height, width <= w + SLACK_MM and height <= h + SLACK_MM)
            if chosen.fits or size <= floor:
                break
            size = max(floor, size - 0.5)
        self._fits[key] = chosen
        return chosen

    def fit_height(self, w: float, text: str, font: QFont) -> float:
        """The height (mm) a wrapped ``text`` needs at ``w`` mm once shrunk to its floor: the least
        height its box can have."""
        floor = max(MIN_POINTS, font.pointSizeF() * SHRINK_FLOOR)
        return self._layout(w, breakable(text), self.sized(font, floor), True)[2]

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
        """Draw text in a box (mm), wrapped (or on one line), shrunk if it must; returns the height used.

        Never clipped: a text that still does not fit is drawn past its box and reported."""
        fitted = self.fit(w, h, text, font, wrap=wrap)
        if not fitted.fits:
            self._overflowed(text, (x, y, w, h), (fitted.width, fitted.height))
        p = self.p
        p.setFont(fitted.font)
        p.setPen(color)
        flags = int(align | Qt.AlignmentFlag.AlignTop) | fitted.flags | int(Qt.TextFlag.TextDontClip)
        p.drawText(self.rect(x, y, w, h), flags, breakable(text))
        return fitted.height

    def _overflowed(
        self, text: str, box: tuple[float, float, float, float], needed: tuple[float, float]
    ) -> None:
        logger.warning("a text is wider or taller than its box on the page (%d characters)", len(text))
        found = _overflows.get()
        if found is not None:
            found.append(Overflow(text, box, needed))

    def text_height(self, w: float, text: str, font: QFont) -> float:
        """The height (mm) ``text`` takes wrapped at ``w`` mm in ``font`` (not shrunk)."""
        return self._layout(w, breakable(text), font, True)[2]

    def document(self, w: float, html_text: str, font: QFont) -> QTextDocument:
        """A rich-text block laid out on the writer at ``w`` mm, made once per text, font and width."""
        key = (html_text, self.font_key(font), w)
        doc = self._docs.get(key)
        if doc is None:
            doc = self._docs[key] = QTextDocument()
            doc.documentLayout().setPaintDevice(self.writer)
            doc.setDefaultFont(font)
            doc.setDocumentMargin(0)
            option = QTextOption()
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            doc.setDefaultTextOption(option)
            doc.setHtml(html_text)
            doc.setTextWidth(self.mm(w))
        return doc

    def draw_document(self, x: float, y: float, doc: QTextDocument) -> None:
        p = self.p
        p.save()
        p.translate(self.mm(x), self.mm(y))
        doc.drawContents(p)
        p.restore()

    def block(self, x: float, y: float, w: float, html_text: str, font: QFont) -> float:
        """A wrapped rich-text block (QTextDocument laid out on the writer); returns its height in mm."""
        doc = self.document(w, html_text, font)
        self.draw_document(x, y, doc)
        return doc.size().height() * 25.4 / RESOLUTION

    def pen(self, color: QColor, width: float, dashed: bool = False) -> QPen:
        key = (color.rgba(), width, dashed)
        pen = self._pens.get(key)
        if pen is None:
            pen = self._pens[key] = QPen(color, self.mm(width))
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
        return pen

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
        p = self.p
        p.setPen(self.pen(pen, width, dashed))
        if fill is not None:
            p.setBrush(fill)
        else:
            p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(self.rect(x, y, w, h))

    def line(
        self, x1: float, y1: float, x2: float, y2: float, *, pen: QColor = RULE, width: float = 0.25
    ) -> None:
        self.p.setPen(self.pen(pen, width))
        self.p.drawLine(self.rect(x1, y1, 0, 0).topLeft(), self.rect(x2, y2, 0, 0).topLeft())

    def image(self, x: float, y: float, w: float, h: float, image: QImage) -> None:
        """Draw an image fitted (aspect kept) and centred in a box."""
        if image.isNull():
            return
        scale = min(w / image.width(), h / image.height())
        dw, dh = image.width() * scale, image.height() * scale
        self.p.drawImage(self.rect(x + (w - dw) / 2, y + (h - dh) / 2, dw, dh), image)

    def qr(self, x: float, y: float, size: float, matrix: list[list[bool]]) -> None:
        """The QR modules as one path of runs; built once per code (a form's copies share it)."""
        cached = self._qr_paths.get(id(matrix))
        if cached is None or cached[0] is not matrix:
            cached = self._qr_paths[id(matrix)] = (matrix, qr_path(matrix))
        n = len(matrix)
        p = self.p
        p.save()
        p.translate(self.mm(x), self.mm(y))
        p.scale(self.mm(size) / n, self.mm(size) / n)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(0, 0, 0))
        p.drawPath(cached[1])
        p.restore()

    def watermark(self, text: str) -> None:
        p = self.p
        p.save()
        p.translate(self.mm(PAGE_W / 2), self.mm(PAGE_H / 2))
        p.rotate(-35)
        p.setFont(self.f.mark)
        p.setPen(QColor(200, 40, 40, 60))
        p.drawText(
            QRectF(-self.mm(150), -self.mm(20), self.mm(300), self.mm(40)),
            int(Qt.AlignmentFlag.AlignCenter),
            text,
        )
        p.restore()


def qr_path(matrix: list[list[bool]]) -> QPainterPath:
    """Dark modules in module units, one rectangle per horizontal run."""
    path = QPainterPath()
    n = len(matrix)
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.addRect(QRectF(start, r, c - start, 1))
            else:
                c += 1
    return path


def xmp(payloads: list[str], creator: str = CREATOR) -> bytes:
    """XMP metadata naming every page's verification payload (readable without a QR decoder).

    Qt writes this instead of its own XMP, so the creator tool is repeated here."""
    items = "".join(f"<rdf:li>{html.escape(p)}</rdf:li>" for p in dict.fromkeys(payloads))
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:fieldapp="urn:fieldapp:verify:1" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f"<xmp:CreatorTool>{html.escape(creator)}</xmp:CreatorTool>"
        f"<fieldapp:payloads><rdf:Seq>{items}</rdf:Seq></fieldapp:payloads>"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>'
    ).encode()


def esc(text: object) -> str:
    return html.escape(str(text))


@contextmanager
def guarded(
    progress: Progress | None, should_cancel: ShouldCancel | None, total: int, canvas: Canvas | None = None
) -> Iterator[Callable[[int, str], None]]:
    """Report progress and honour cancel between items of a batch. On cancel (or any error) the
    canvas is discarded properly: a QPainter left active on a dropped QPdfWriter crashes Python."""

    def step(done: int, label: str) -> None:
        stop_if_asked(should_cancel, NO_PDF_WRITTEN)
        if progress is not None:
            progress(done, total, label)

    try:
        yield step
    except BaseException:
        if canvas is not None:
            canvas.discard()
        raise

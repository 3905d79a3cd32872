"""``fieldapp --smoke-gui``: open the desktop app, report what appeared, and quit.

packaging/smoke.sh runs it on the frozen build: a Qt plugin, font or translation left out of the build shows
only when a window opens, so this opens the real one (the unlock screen for an existing vault), checks that
the shipped Khmer translation loads and that the camera and print modules import, prints a page through the
print process (``check_printing``), then exits 0 or 1.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QSize, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from ui.i18n import compiled_translation, set_language

EXIT_OK, EXIT_PROBLEMS = 0, 1


def _check(app: QApplication) -> int:
    problems: list[str] = []
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in shown:
        inner = getattr(widget, "currentWidget", lambda: None)()
        print(f"smoke: window shown: {type(widget).__name__} ({type(inner).__name__})")
    if not shown:
        problems.append("no window was shown")
    english = "About fieldapp"
    if set_language(app, "km"):
        khmer = QCoreApplication.translate("AboutDialog", english)
        print(f"smoke: Khmer translation from {compiled_translation('km')}: {english!r} -> {khmer!r}")
        if khmer == english:
            problems.append("the Khmer translation loaded but translates nothing")
    else:
        problems.append("the Khmer translation did not load")
    try:  # the camera and printing screens import these only when opened
        import PySide6.QtMultimedia  # noqa: F401
        import PySide6.QtMultimediaWidgets  # noqa: F401
        import PySide6.QtPrintSupport  # noqa: F401
    except ImportError as exc:
        problems.append(f"a Qt module is missing: {exc}")
    else:
        print("smoke: QtMultimedia, QtMultimediaWidgets and QtPrintSupport import")
    problems += check_printing()
    for problem in problems:
        print(f"smoke: PROBLEM: {problem}", file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK


SMOKE_PAGES = 2


def _source_pdf(pages: int) -> bytes:
    """A small PDF made in memory: each page a black bar and a line of text."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    painter = QPainter(writer)
    painter.setFont(QFont("Sans", 14))
    for page in range(pages):
        if page:
            writer.newPage()
        painter.fillRect(300, 300, 1800, 300, QColor("black"))
        painter.drawText(300, 900, f"fieldapp print smoke test, page {page + 1} of {pages}")
    painter.end()
    buffer.close()
    return bytes(buffer.data().data())


def printed_pages(path: Path) -> tuple[int, int]:
    """(pages, dark pixels on page 1) of the PDF at ``path`` as QtPdf reads it; (0, 0) if it is none."""
    data = path.read_bytes() if path.is_file() else b""
    if not data.startswith(b"%PDF-"):
        return 0, 0
    from ui.print_process import PrintFailed, load_pdf

    try:
        document = load_pdf(data)
    except PrintFailed:
        return 0, 0
    # QtPdf renders onto a transparent image: a pixel counts as ink when it is both opaque and dark.
    image = document.render(0, QSize(120, 170)).convertToFormat(QImage.Format.Format_ARGB32)
    dark = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            dark += colour.alpha() > 128 and colour.value() < 128
    return document.pageCount(), dark


def check_printing() -> list[str]:
    """Print a small PDF through the print process (a child process with its own QGuiApplication on the
    offscreen platform, rasterising with QtPdf) to a PDF printer; the problems found.

    A frozen build must start that child through freeze_support and give it the offscreen platform plugin
    and QtPdf: none of that shows until something is printed, so this prints."""
    from PySide6.QtPrintSupport import QPrinter

    from ui.print_process import PrinterSettings, print_in_process

    with tempfile.TemporaryDirectory(prefix="fieldapp-print-smoke-") as folder:
        output = Path(folder) / "printed.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setResolution(100)  # enough to see the bar; a smoke test, not a print-quality test
        seen: list[int] = []
        try:
            pages = print_in_process(
                PrinterSettings.of(printer),
                _source_pdf(SMOKE_PAGES),
                progress=lambda d, _t, _w: seen.append(d),
            )
        except Exception as exc:  # PrintFailed or any other: a smoke test reports, it must not hang the timer
            why = f"{type(exc).__name__}({getattr(exc, 'key', '')})"  # the key in English, the text may be Khmer
            return [f"printing through the print process failed: {why}: {exc}"]
        found, dark = printed_pages(output)
    if pages != SMOKE_PAGES or seen != list(range(1, SMOKE_PAGES + 1)):
        return [f"the print process reported {pages} pages (progress {seen}) for {SMOKE_PAGES}"]
    if found != SMOKE_PAGES:
        return [f"the printed file has {found} PDF pages, not {SMOKE_PAGES}"]
    if dark == 0:
        return ["the printed page is blank"]
    print(f"smoke: printed {pages} pages through the print process ({dark} dark pixels on page 1)")
    return []


def main(data_dir: str | Path | None, seconds: float = 2.0) -> int:
    """Run the app for ``seconds``, then check it and quit with the result as the exit code."""
    from ui.app import main as gui_main

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1] or ["fieldapp"])
    QTimer.singleShot(int(seconds * 1000), lambda: app.exit(_check(app)))
    return gui_main(data_dir=data_dir)

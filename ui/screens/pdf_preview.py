"""The preview of a PDF the app made: its pages, drawn from memory by QtPdf (pdfium), in a dialog.

No printer is involved, so the preview works on a laptop with no print system at all. (Qt's own
``QPrintPreviewDialog`` paints through a ``QPrinter``; the one it was given was a Python object that
went away when the function that made it returned, and the dialog then painted through freed memory:
the segmentation fault behind "Preview… kills the app".) The pages are rendered lazily, as they scroll
into view, on QtPdf's own thread, so a batch of hundreds of forms opens at once and never blocks the
window. Nothing is written to disk.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.naming import named
from ui.print_process import load_pdf
from ui.screens.pdf_jobs import PdfJob
from ui.widgets.fit_screen import fit_to_screen

ZOOM_STEP = 1.25


class PdfPreviewDialog(QDialog):
    """Shows ``job``'s pages; "Print…" and "Save as PDF…" are passed on (``print_asked``, ``save_asked``)."""

    print_asked = Signal()
    save_asked = Signal()

    def __init__(self, job: PdfJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Preview: {title}").format(title=job.title))
        self.job = job
        # The document and the buffer it reads belong to the dialog: they live exactly as long as the view.
        self.document: QPdfDocument = load_pdf(job.pdf)
        self.document.setParent(self)

        self.view = named(QPdfView(self), "pdf_preview_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        pages = self.document.pageCount()
        self.pages_label = named(
            QLabel(self.tr("Pages: {pages}").format(pages=pages)),
            "pdf_preview_pages",
        )
        self.zoom_out_button = named(QPushButton(self.tr("Zoom &out")), "pdf_preview_zoom_out")
        self.zoom_out_button.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        self.zoom_in_button = named(QPushButton(self.tr("Zoom &in")), "pdf_preview_zoom_in")
        self.zoom_in_button.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        self.fit_button = named(QPushButton(self.tr("&Fit the width")), "pdf_preview_fit")
        self.fit_button.clicked.connect(self.fit_width)
        self.print_button = named(QPushButton(self.tr("&Print…")), "pdf_preview_print")
        self.print_button.clicked.connect(self.print_asked)
        self.save_button = named(QPushButton(self.tr("Save as P&DF…")), "pdf_preview_save")
        self.save_button.clicked.connect(self.save_asked)
        self.close_button = named(QPushButton(self.tr("&Close")), "pdf_preview_close")
        self.close_button.clicked.connect(self.close)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, lambda: self.zoom(ZOOM_STEP))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, lambda: self.zoom(1 / ZOOM_STEP))

        buttons = QHBoxLayout()
        buttons.addWidget(self.pages_label)
        buttons.addStretch(1)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            buttons.addWidget(button)
        buttons.addSpacing(16)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 900, 1000)  # about an A4 page wide
        self.close_button.setDefault(True)

    @Slot()
    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def shown_zoom(self) -> float:
        """The zoom factor the pages are shown at (when fitted to the width, the one the fit gives)."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom or self.document.pageCount() < 1:
            return float(self.view.zoomFactor())
        margins = self.view.documentMargins()
        page_px = self.document.pagePointSize(0).width() / 72 * self.view.logicalDpiX()
        room = self.view.viewport().width() - margins.left() - margins.right()
        return max(0.25, room / page_px) if page_px > 0 else 1.0

    def zoom(self, factor: float) -> None:
        current = self.shown_zoom()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, current * factor)))

"""Dashboard: counts across all teams as charts (fieldapp.hq.dashboard + fieldapp.reports.charts), filtered
by operation, exported as PNG or PDF. Counting runs on the worker; charts are drawn here."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldAppError
from fieldapp.hq import views
from fieldapp.hq.dashboard import Dashboard, DashboardFilter, dashboard
from fieldapp.hq.disclosures import record_dashboard_export
from fieldapp.records.consular import ConsularCount
from fieldapp.records.disclosures import check_purpose
from fieldapp.reference.countries import country_name
from ui.hq.page import HqPage
from ui.hq.session import HqSession
from ui.naming import named
from ui.tasks import TaskRunner
from ui.widgets.country_field import app_language

CHART_SIZE = (520, 320)


Counted = tuple[Dashboard, list[tuple[str, str, str]]]


def _count(store: Any, operation_id: str | None) -> Counted:
    board = dashboard(store, DashboardFilter(operation_id=operation_id), consular=True)
    return board, views.operations(store)


def _draw(board: Dashboard, width: int, height: int) -> list[tuple[str, str, QImage]]:
    """Each chart as an image, drawn on the task runner's other worker (QPainter on a QImage may run
    there); the GUI thread only shows them."""
    from fieldapp.reports import charts

    return [
        (s.key, f"{s.title_en} / {s.title_km}", charts.chart_image(s, width, height)) for s in board.sections
    ]


def _write(board: Dashboard, path: Path, hq_name: str) -> Path:
    from fieldapp.reports import charts

    write = charts.write_dashboard_pdf if path.suffix.lower() == ".pdf" else charts.write_dashboard_png
    write(board, path, hq_name=hq_name)
    return path


class DashboardPage(HqPage):
    def __init__(self, *, session: HqSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(session=session, runner=runner, name="hq_dashboard", parent=parent)
        self.board: Any = None
        self.charts: list[QLabel] = []
        self.operation = named(QComboBox(), "dashboard_operation")
        self.operation.addItem(self.tr("All operations"), None)
        self.operation.currentIndexChanged.connect(self.refresh)
        self.total = named(QLabel(), "dashboard_total")
        self.png_button = named(QPushButton(self.tr("Export &PNG…")), "export_png")
        self.pdf_button = named(QPushButton(self.tr("Export P&DF…")), "export_pdf")
        self.png_button.clicked.connect(functools.partial(self.choose_export, "png"))
        self.pdf_button.clicked.connect(functools.partial(self.choose_export, "pdf"))
        self.consular = named(QTableWidget(0, 4), "dashboard_consular")
        self.consular.setHorizontalHeaderLabels(
            [
                self.tr("Nationality"),
                self.tr("Waiting to be notified to their embassy"),
                self.tr("Notified"),
                self.tr("Median hours to notification"),
            ]
        )
        self.consular.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.consular.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.consular.setMaximumHeight(150)
        self.consular.setToolTip(
            self.tr(
                "The persons counted here who consented to sharing with their embassy, not protected by a "
                "“do not notify” flag (also in the exported PNG and PDF)"
            )
        )
        self.grid_widget = QWidget()
        self.grid = QGridLayout(self.grid_widget)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_widget)
        top = QHBoxLayout()
        top.addWidget(self.operation)
        top.addWidget(self.total, 1)
        top.addWidget(self.png_button)
        top.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.consular)
        layout.addWidget(scroll, 1)
        self._set_exportable(False)

    def _set_exportable(self, ready: bool) -> None:
        self.png_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)

    @Slot()
    def refresh(self) -> None:
        self.loaded = True
        self._set_exportable(False)
        self.runner.run_db(
            functools.partial(_count, self.session.store, self.operation.currentData()),
            self._on_counted,
            self.failed,
        )

    def _on_counted(self, counted: Counted) -> None:
        board, operations = counted
        self._show_consular(board.consular or {})
        self.board = board
        current = self.operation.currentData()
        self.operation.blockSignals(True)
        while self.operation.count() > 1:
            self.operation.removeItem(1)
        for op_id, code, name in operations:
            self.operation.addItem(f"{code} — {name}", op_id)
        self.operation.setCurrentIndex(max(0, self.operation.findData(current)))
        self.operation.blockSignals(False)
        self.total.setText(self.tr("%n person(s) counted", "", int(board.total)))
        width, height = CHART_SIZE
        self.runner.run_work(functools.partial(_draw, board, width, height), self._on_drawn, self.failed)

    def _show_consular(self, counts: dict[str, ConsularCount]) -> None:
        """The consular desk, for the chosen operation: who waits to be notified to their embassy, and how
        long it took."""
        language = app_language()
        self.consular.setRowCount(len(counts))
        for row, (code, count) in enumerate(sorted(counts.items(), key=lambda item: -item[1].pending)):
            hours = "" if count.median_hours is None else f"{count.median_hours:.1f}"
            cells = (
                country_name(code, language) if code else "?",
                str(count.pending),
                str(count.notified),
                hours,
            )
            for column, text in enumerate(cells):
                self.consular.setItem(row, column, QTableWidgetItem(text))
        self.consular.setVisible(bool(counts))

    def _on_drawn(self, drawn: list[tuple[str, str, QImage]]) -> None:
        for label in self.charts:
            self.grid.removeWidget(label)
            label.deleteLater()
        self.charts = []
        for index, (key, title, image) in enumerate(drawn):
            label = named(QLabel(), f"chart_{key}")
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setToolTip(title)
            self.grid.addWidget(label, index // 2, index % 2)
            self.charts.append(label)
        self._set_exportable(True)

    def choose_export(self, kind: str) -> None:
        if self.board is None:
            return
        pattern = self.tr("PNG image (*.png)") if kind == "png" else self.tr("PDF document (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the dashboard"), f"dashboard.{kind}", pattern
        )
        if not path:
            return
        purpose, ok = QInputDialog.getText(
            self,
            self.tr("Purpose of the export"),
            self.tr("Why is the dashboard exported? (recorded in the disclosure log)"),
        )
        if ok:
            self.export(Path(path), purpose)

    def export(self, path: Path, purpose: str) -> None:
        """Write the dashboard as PNG or PDF (by the file's suffix), then record the export with its
        purpose in HQ's disclosure log (the purpose is checked before anything is written)."""
        if self.board is None:
            return
        try:
            check_purpose("export", purpose)
        except FieldAppError as error:
            self.failed(error)
            return
        if path.suffix.lower() not in (".pdf", ".png"):
            path = path.with_suffix(".png")
        self._set_exportable(False)
        board = self.board
        self.runner.run_work(
            functools.partial(_write, board, path, self.session.identity.hq_name),
            functools.partial(self._on_written, board, purpose),
            self._on_write_failed,
        )

    def _on_written(self, board: Dashboard, purpose: str, path: Path) -> None:
        session = self.session
        self.runner.run_db(
            functools.partial(
                record_dashboard_export,
                session.store,
                session.identity,
                session.analyst,
                board,
                path.suffix,
                purpose,
            ),
            lambda _row: self._on_recorded(path),
            self._on_write_failed,
        )

    def _on_recorded(self, path: Path) -> None:
        self._set_exportable(True)
        self.say(self.tr("Dashboard written to {path}").format(path=str(path)))

    def _on_write_failed(self, error: Exception) -> None:
        self._set_exportable(True)
        if not isinstance(error, OSError):
            self.failed(error)
            return
        self.say(
            self.tr("The dashboard could not be written to {path}: {why}").format(
                path=getattr(error, "filename", "") or "", why=error.strerror or str(error)
            )
        )

"""Dashboard: counts across all teams as charts (fieldapp.hq.dashboard + fieldapp.reports.charts), filtered
by operation, exported as PNG or PDF. Counting runs on the worker; charts are drawn here."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.hq import views
from ui.hq.page import HqPage
from ui.hq.session import HqSession, optional
from ui.naming import named
from ui.tasks import TaskRunner

CHART_SIZE = (520, 320)


def _count(store: Any, operation_id: str | None) -> tuple[Any, list[tuple[str, str, str]]]:
    module = optional("fieldapp.hq.dashboard")
    board = module.dashboard(store, module.DashboardFilter(operation_id=operation_id))
    return board, views.operations(store)


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
        layout.addWidget(scroll, 1)
        self.available = (
            optional("fieldapp.hq.dashboard") is not None and optional("fieldapp.reports.charts") is not None
        )
        if not self.available:
            self.say(self.tr("The dashboard is not available in this version."))
        self._set_exportable(False)

    def _set_exportable(self, ready: bool) -> None:
        self.png_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)

    @Slot()
    def refresh(self) -> None:
        self.loaded = True
        if not self.available:
            return
        self._set_exportable(False)
        self.runner.run_db(
            functools.partial(_count, self.session.store, self.operation.currentData()),
            self._on_counted,
            self.failed,
        )

    def _on_counted(self, counted: tuple[Any, list[tuple[str, str, str]]]) -> None:
        board, operations = counted
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
        charts = optional("fieldapp.reports.charts")
        for label in self.charts:
            self.grid.removeWidget(label)
            label.deleteLater()
        self.charts = []
        width, height = CHART_SIZE
        for index, section in enumerate(board.sections):
            label = named(QLabel(), f"chart_{section.key}")
            label.setPixmap(QPixmap.fromImage(charts.chart_image(section, width, height)))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setToolTip(f"{section.title_en} / {section.title_km}")
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
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        """Write the dashboard as PNG or PDF (by the file's suffix)."""
        if self.board is None:
            return
        charts = optional("fieldapp.reports.charts")
        if path.suffix.lower() not in (".pdf", ".png"):
            path = path.with_suffix(".png")
        write = charts.write_dashboard_pdf if path.suffix.lower() == ".pdf" else charts.write_dashboard_png
        try:
            write(self.board, path, hq_name=self.session.identity.hq_name)
        except OSError as exc:
            self.say(
                self.tr("The dashboard could not be written to {path}: {why}").format(
                    path=str(path), why=exc.strerror or str(exc)
                )
            )
            return
        self.say(self.tr("Dashboard written to {path}").format(path=str(path)))

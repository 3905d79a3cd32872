"""The headcount board of an operation, and this laptop's station where wristbands are scanned.

A USB scanner types a band's code and Enter into the scan box (so does an officer), or the laptop camera
reads the band's QR code ("Scan with camera"); each scan, however it came, goes through the same
``check_in`` and is a signed check-in at the station a team lead set. The board (registered, screened, handed over by body,
per vehicle, unaccounted) is read again after each scan and every few seconds, on the database worker.
"Nobody lost…" prints everyone not handed over, with where and when they were last seen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldAppError
from fieldapp.records.service import Records
from fieldapp.records.stations import (
    MAX_VEHICLE,
    STATION_WORDS,
    STATIONS,
    Headcount,
    Station,
    check_in,
    current_station,
    headcount,
    set_station,
)
from ui.errors import show_error, translated, user_message
from ui.naming import named
from ui.tasks import TaskRunner
from ui.widgets.fit_screen import fit_to_screen
from ui.widgets.photo_camera import video_inputs

REFRESH_MS = 5000


class HeadcountDialog(QDialog):
    def __init__(
        self,
        *,
        records: Records,
        runner: TaskRunner,
        operation_id: str,
        print_reconciliation: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("headcount_dialog")
        self.setWindowTitle(self.tr("Headcount"))
        self._records, self._runner, self._operation_id = records, runner, operation_id
        self.board: Headcount | None = None
        lead = records.session.officer.has_role("team_lead")
        self.station_box = named(QComboBox(), "station_name")
        self.station_box.addItem(self.tr("— not set —"), "")
        for name in STATIONS:
            self.station_box.addItem(translated(STATION_WORDS[name]), name)
        self.vehicle = named(QSpinBox(), "station_vehicle")
        self.vehicle.setRange(1, MAX_VEHICLE)
        self.set_button = named(QPushButton(self.tr("Set s&tation")), "station_set")
        self.set_button.clicked.connect(self.set_station)
        for widget in (self.station_box, self.vehicle, self.set_button):
            widget.setEnabled(lead)
            if not lead:
                widget.setToolTip(self.tr("Only a team lead sets the station."))
        self.scan = named(QLineEdit(), "station_scan")
        self.scan.setPlaceholderText(self.tr("Scan a wristband, or type its code and press Enter"))
        self.scan.returnPressed.connect(self.scanned)
        self.camera_inputs: Callable[[], list[Any]] = video_inputs
        self.camera_scan: Any = None  # the BandCameraDialog while it is open
        self.camera_button = named(QPushButton(), "station_camera")
        self.camera_button.clicked.connect(self.open_camera_scan)
        self.update_camera_button()
        self.scan_result = named(QLabel(), "station_scan_result")
        self.scan_result.setWordWrap(True)
        self.counts = named(QLabel(), "headcount_counts")
        self.counts.setWordWrap(True)
        self.table = named(QTableWidget(0, 4), "headcount_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Temp ID"), self.tr("Name"), self.tr("Last seen at"), self.tr("Since")]
        )
        header = self.table.horizontalHeader()
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.print_button = named(QPushButton(self.tr("&Nobody lost…")), "headcount_print")
        self.print_button.setToolTip(self.tr("Print everyone not handed over, with where and when last seen"))
        self.print_button.clicked.connect(print_reconciliation)
        close = named(QPushButton(self.tr("Close")), "headcount_close")
        close.setShortcut(QKeySequence("Esc"))
        close.clicked.connect(self.accept)

        station_row = QHBoxLayout()
        station_row.addWidget(self.station_box, 1)
        station_row.addWidget(QLabel(self.tr("No.")))
        station_row.addWidget(self.vehicle)
        station_row.addWidget(self.set_button)
        form = QFormLayout()
        form.addRow(self.tr("This laptop's station"), station_row)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan, 1)
        scan_row.addWidget(self.camera_button)
        scan_label = QLabel(self.tr("&Scan"))
        scan_label.setBuddy(self.scan)  # a row of two widgets: Alt+S still goes to the scan box
        form.addRow(scan_label, scan_row)
        form.addRow("", self.scan_result)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.counts)
        layout.addWidget(QLabel(self.tr("Not handed over, the unaccounted first:")))
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 900, 600)  # room for names beside the stations; never taller than the screen
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.scan.setFocus()
        self.vehicle.setEnabled(False)
        self.station_box.currentIndexChanged.connect(
            lambda _: self.vehicle.setEnabled(lead and self.station_box.currentData() == "vehicle")
        )
        session = records.session
        runner.run_db(lambda: current_station(session), self._show_station, self._failed)
        self.refresh()

    def _show_station(self, station: Station | None) -> None:
        if station is not None:
            self.vehicle.setValue(station.vehicle or 1)
            self.station_box.setCurrentIndex(max(0, self.station_box.findData(station.name)))

    @Slot()
    def set_station(self) -> None:
        name = str(self.station_box.currentData() or "")
        if not name:
            return
        session, vehicle = self._records.session, self.vehicle.value()
        self._runner.run_db(lambda: set_station(session, name, vehicle), self._station_set, self._failed)

    def _station_set(self, station: Station) -> None:
        self.scan_result.setText(self.tr("Station set: every band scanned here checks the person in."))
        self.scan.setFocus()

    def update_camera_button(self) -> None:
        """The button says plainly when there is no camera to scan with."""
        if self.camera_inputs():
            self.camera_button.setText(self.tr("Scan with &camera…"))
            self.camera_button.setToolTip(self.tr("Read wristbands' QR codes with the laptop camera"))
            self.camera_button.setEnabled(True)
        else:
            self.camera_button.setText(self.tr("No camera to scan with"))
            self.camera_button.setToolTip(
                self.tr("No camera found: scan with a USB scanner, or type the band's code and press Enter")
            )
            self.camera_button.setEnabled(False)

    @Slot()
    def open_camera_scan(self) -> None:
        from ui.widgets.band_camera import BandCameraDialog  # Qt Multimedia loads only when wanted

        if self.camera_scan is not None:
            self.camera_scan.raise_()
            return
        dialog = BandCameraDialog(self._runner, self)
        dialog.band_seen.connect(self.record_scan)
        dialog.destroyed.connect(self._camera_scan_closed)
        self.camera_scan = dialog
        dialog.open()
        self.update_camera_button()

    @Slot()
    def _camera_scan_closed(self) -> None:
        self.camera_scan = None
        self.scan.setFocus()

    @Slot()
    def scanned(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        self.record_scan(code)

    @Slot(str)
    def record_scan(self, code: str) -> None:
        """A band typed, scanned by a USB scanner or read by the camera: a check-in at this station."""
        if not code:
            return
        records, operation_id = self._records, self._operation_id
        self._runner.run_db(lambda: check_in(records, code, operation_id), self._checked_in, self._failed)

    def _say(self, text: str) -> None:
        self.scan_result.setText(text)
        if self.camera_scan is not None:
            self.camera_scan.say(text)

    def _checked_in(self, result: tuple[object, Station]) -> None:
        person, _station = result
        self._say(self.tr("{temp_id} checked in.").format(temp_id=getattr(person, "temp_id", "")))
        self.refresh()

    def _failed(self, error: Exception) -> None:
        if isinstance(error, FieldAppError):  # a bad scan: said beside the box, the queue goes on
            self._say(user_message(error))
            return
        show_error(self, error)

    @Slot()
    def refresh(self) -> None:
        conn, operation_id = self._records.conn, self._operation_id
        self._runner.run_db(lambda: headcount(conn, operation_id), self._show, self._failed)

    def _show(self, board: Headcount) -> None:
        self.board = board
        handed = sum(board.handed_over.values())
        vehicles = ", ".join(
            self.tr("vehicle {n}: {count}").format(n=n, count=c) for n, c in sorted(board.in_vehicle.items())
        )
        self.counts.setText(
            self.tr(
                "Registered: {registered}   Screened: {screened}   Handed over: {handed}   "
                "Unaccounted: {unaccounted}"
            ).format(
                registered=board.registered,
                screened=board.screened,
                handed=handed,
                unaccounted=len(board.unaccounted),
            )
            + (f"\n{vehicles}" if vehicles else "")
        )
        rows = sorted(
            board.not_handed_over, key=lambda p: (p.last.station.name != "intake", p.last.at, p.temp_id)
        )
        self.table.setRowCount(len(rows))
        for r, person in enumerate(rows):
            station = person.last.station
            where = (
                self.tr("UNACCOUNTED (intake only)")
                if station.name == "intake"
                else self.tr("Vehicle {n}").format(n=station.vehicle)
                if station.name == "vehicle"
                else translated(STATION_WORDS[station.name])
            )
            for c, text in enumerate((person.temp_id, person.name, where, person.last.at[11:16])):
                self.table.setItem(r, c, QTableWidgetItem(text))

    def done(self, result: int) -> None:
        self.timer.stop()
        if self.camera_scan is not None:
            self.camera_scan.reject()
        super().done(result)

"""Operations (raids): create one, pick the current one, correct one. Every record made belongs to the
current one. An open operation is corrected in place (the history keeps what it was)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.records.service import OperationRow
from fieldapp.reference.cambodia import AGENCIES, PROVINCES
from ui.naming import named


class OperationDialog(QDialog):
    """Asks for a new operation's details (``fields()`` gives them to ``Records.create_operation``), or,
    given ``operation``, shows its details to correct (``Records.edit``)."""

    def __init__(self, parent: QWidget | None = None, operation: OperationRow | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operation_dialog")
        self.setWindowTitle(self.tr("New operation") if operation is None else self.tr("Edit the operation"))
        self.name = named(QLineEdit(), "operation_name")
        self.name.setPlaceholderText(self.tr("e.g. Sihanoukville raid, Building B"))
        self.date = named(
            QDateEdit(
                QDate.currentDate(),
            ),
            "operation_date",
        )
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.province = named(QComboBox(), "operation_province")
        self.province.setEditable(True)
        for province in PROVINCES:
            self.province.addItem(f"{province.name_en} — {province.name_km}", province.name_en)
        self.district = named(QComboBox(), "operation_district")
        self.district.setEditable(True)
        self.province.currentIndexChanged.connect(self._fill_districts)
        self._fill_districts()
        self.place = named(QLineEdit(), "operation_place")
        self.place.setPlaceholderText(self.tr("Compound or place name"))
        self.lead_agency = named(QComboBox(), "operation_lead_agency")
        self.lead_agency.setEditable(True)
        for agency in AGENCIES:
            if agency.kind in ("police", "immigration", "social_affairs", "coordination"):
                self.lead_agency.addItem(agency.name_en, agency.name_en)
        self.team = named(QLineEdit(), "operation_team")
        self.team.setPlaceholderText(self.tr("Names, separated by commas"))
        self.scam_compound = named(QCheckBox(self.tr("An online-&scam compound")), "operation_scam_compound")
        self.scam_compound.setChecked(True)
        self.scam_compound.setToolTip(
            self.tr("Screenings ask the scam-compound questions, each fact once; otherwise the ILO list")
        )
        self.error = named(QLabel(), "operation_error")
        self.error.setWordWrap(True)

        form = QFormLayout()
        for label, widget in (
            (self.tr("&Name"), self.name),
            (self.tr("&Date"), self.date),
            (self.tr("&Province"), self.province),
            (self.tr("D&istrict"), self.district),
            (self.tr("P&lace or compound"), self.place),
            (self.tr("Lead &agency"), self.lead_agency),
            (self.tr("&Team"), self.team),
            (self.tr("Place raided"), self.scam_compound),
        ):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if operation is not None:
            self._show(operation)

    def _show(self, operation: OperationRow) -> None:
        data = operation.data
        self.name.setText(operation.name)
        if data.get("date"):
            self.date.setDate(QDate.fromString(str(data["date"]), "yyyy-MM-dd"))
        for combo, value in (
            (self.province, data.get("province", "")),
            (self.district, data.get("district", "")),
            (self.lead_agency, data.get("lead_agency", "")),
        ):
            index = combo.findData(value) if value else -1
            if index >= 0:
                combo.setCurrentIndex(index)
            else:
                combo.setEditText(str(value))
        self.place.setText(str(data.get("place", "")))
        self.team.setText(", ".join(str(name) for name in data.get("team") or []))
        self.scam_compound.setChecked(data.get("setting", "scam_compound") == "scam_compound")

    def _fill_districts(self) -> None:
        self.district.clear()
        chosen = self.province.currentData()
        for province in PROVINCES:
            if province.name_en == chosen:
                for district in province.districts:
                    self.district.addItem(f"{district.name_en} — {district.name_km}", district.name_en)

    def _check_and_accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("The operation needs a name."))
            self.name.setFocus()
            return
        self.accept()

    def fields(self) -> dict[str, Any]:
        def choice(combo: QComboBox) -> str:
            data = combo.currentData()
            typed = combo.currentText().strip()
            return str(data) if data and typed.startswith(str(data)) else typed

        return {
            "name": self.name.text().strip(),
            "date": self.date.date().toString("yyyy-MM-dd"),
            "province": choice(self.province),
            "district": choice(self.district),
            "place": self.place.text().strip(),
            "lead_agency": choice(self.lead_agency),
            "team": [name.strip() for name in self.team.text().split(",") if name.strip()],
            "setting": "scam_compound" if self.scam_compound.isChecked() else "other",
        }

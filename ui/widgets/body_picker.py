"""Picking a receiving body from HQ's directory: search by name in English or Khmer, narrow by type and
province. Used by the handover form (the field) and by HQ's referrals screen (mapping a typed name)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.reference.cambodia import PROVINCES
from fieldapp.reference.languages import language_names
from fieldapp.reference.receiving_bodies import BODY_TYPES, ReceivingBody, province_name, search
from ui.naming import named
from ui.widgets.country_field import app_language


def _tr(text: str) -> str:
    return QCoreApplication.translate("BodyPicker", text)


def body_type_label(kind: str) -> str:
    return {
        "shelter": _tr("Shelter"),
        "mosvy": _tr("MoSVY / provincial office"),
        "ngo": _tr("NGO"),
        "iom": _tr("IOM"),
        "embassy": _tr("Embassy / Consulate"),
        "other": _tr("Other"),
    }.get(kind, kind)


def body_text(body: ReceivingBody) -> str:
    """One line: both names, type, province, languages, capacity and contact."""
    language = app_language()
    where = province_name(body.province, language) or _tr("nationwide")
    parts = [f"{body.name_en} / {body.name_km}", body_type_label(body.type), where]
    if body.languages:
        parts.append(language_names(list(body.languages), language))
    if body.capacity is not None:
        parts.append(_tr("{count} places").format(count=body.capacity))
    if body.contact:
        parts.append(body.contact)
    return " · ".join(parts)


class BodyPicker(QDialog):
    """Choose one entry of ``bodies``; ``chosen`` is set when the dialog is accepted."""

    def __init__(self, bodies: list[ReceivingBody], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("body_picker")
        self.setWindowTitle(self.tr("Receiving bodies in HQ's directory"))
        self.bodies = bodies
        self.chosen: ReceivingBody | None = None
        self.search = named(QLineEdit(), "body_picker_search")
        self.search.setPlaceholderText(self.tr("Part of the name, in English or Khmer"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply)
        self.kind = named(QComboBox(), "body_picker_type")
        self.kind.addItem(self.tr("Any type"), None)
        for kind in BODY_TYPES:
            self.kind.addItem(body_type_label(kind), kind)
        self.kind.currentIndexChanged.connect(self.apply)
        self.province = named(QComboBox(), "body_picker_province")
        self.province.addItem(self.tr("Any province"), None)
        km = app_language() == "km"
        for place in PROVINCES:
            self.province.addItem(place.name_km if km else place.name_en, place.iso_3166_2)
        self.province.currentIndexChanged.connect(self.apply)
        self.list = named(QListWidget(), "body_picker_list")
        self.list.setAccessibleName(self.tr("Receiving bodies"))
        self.list.itemDoubleClicked.connect(self._on_ok)
        self.list.currentRowChanged.connect(self._on_row)
        self.count = named(QLabel(), "body_picker_count")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("body_picker_ok")
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        search_label = QLabel(self.tr("&Search"))
        search_label.setBuddy(self.search)
        type_label = QLabel(self.tr("&Type"))
        type_label.setBuddy(self.kind)
        province_label = QLabel(self.tr("&Province"))
        province_label.setBuddy(self.province)
        form.addRow(search_label, self.search)
        form.addRow(type_label, self.kind)
        form.addRow(province_label, self.province)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.resize(720, 480)
        self.apply()

    @Slot()
    def apply(self) -> None:
        found = search(
            self.bodies, self.search.text(), kind=self.kind.currentData(), where=self.province.currentData()
        )
        self.list.clear()
        for body in found:
            item = QListWidgetItem(body_text(body))
            item.setData(Qt.ItemDataRole.UserRole, body.id)
            self.list.addItem(item)
        if found:
            self.list.setCurrentRow(0)
        self.count.setText(self.tr("%n receiving body(ies)", "", len(found)))
        self.ok_button.setEnabled(bool(found))

    def _on_row(self, row: int) -> None:
        self.ok_button.setEnabled(row >= 0)

    @Slot()
    def _on_ok(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        body_id = item.data(Qt.ItemDataRole.UserRole)
        self.chosen = next((b for b in self.bodies if b.id == body_id), None)
        self.accept()

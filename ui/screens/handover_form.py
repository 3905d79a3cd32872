"""The handover form itself: its fields, the property table, reading and filling them.

``HandoverDialog`` (``ui.screens.handover``) wraps it with saving, handing over and printing; the form
only says ``edited`` when the officer changes something (never while it is being filled).

Fields filled in from what was already recorded (``fieldapp.records.prefill``) are marked: a yellow
background and a tooltip naming where the value came from, until the officer changes the field.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.records.handovers import ITEM_KINDS, RECEIVING_TYPES
from fieldapp.reference.receiving_bodies import HANDOVER_TYPE, ReceivingBody
from ui.naming import named
from ui.widgets.body_picker import BodyPicker
from ui.widgets.country_field import country_code, country_completer, display_code
from ui.widgets.prefilled import mark_prefilled, unmark_prefilled

TEXT_FIELDS = (
    "place",
    "transferring_agency",
    "transferring_officer",
    "transferring_position",
    "transferring_id_no",
    "transferring_phone",
    "receiving_country",
    "receiving_name",
    "receiving_officer",
    "receiving_position",
    "guardian",
    "interpreter_name",
    "interpreter_language",
)
NOTE_FIELDS = ("urgent_needs", "health_notes", "safety_notes")
FLAG_FIELDS = ("consent_referral", "consent_sharing")


def _show(line: QLineEdit, text: str) -> None:
    """Put ``text`` in ``line`` showing its beginning: a long agency name reads from its first word (setText
    leaves the cursor, and the view, at the end)."""
    line.setText(text)
    line.setCursorPosition(0)


def _tr(text: str) -> str:
    return QCoreApplication.translate("HandoverForm", text)


class HandoverForm(QWidget):
    """The fields of one handover, in the core's names (``fields()``), filled with ``fill(data)``."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefilled: dict[str, str] = {}  # field: where its value came from (shown in its tooltip)
        self._filling = False
        self.inputs: dict[str, QLineEdit] = {}
        for name in TEXT_FIELDS:
            line = named(QLineEdit(), f"handover_{name}")
            line.textEdited.connect(self._changed)
            line.textEdited.connect(functools.partial(self._confirmed, name))
            self.inputs[name] = line
        self.inputs["receiving_country"].setCompleter(country_completer(self.inputs["receiving_country"]))
        self.notes: dict[str, QPlainTextEdit] = {}
        for name in NOTE_FIELDS:
            note = named(QPlainTextEdit(), f"handover_{name}")
            note.setTabChangesFocus(True)
            note.setFixedHeight(64)
            note.textChanged.connect(self._changed)
            note.textChanged.connect(functools.partial(self._confirmed, name))
            self.notes[name] = note
        self.date_time = named(QDateTimeEdit(QDateTime.currentDateTime()), "handover_date_time")
        self.date_time.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.date_time.setCalendarPopup(True)
        self.date_time.dateTimeChanged.connect(self._changed)

        self.receiving_type = named(QComboBox(), "handover_receiving_type")
        self.receiving_type.addItem(self.tr("— choose —"), "")
        for kind in RECEIVING_TYPES:
            self.receiving_type.addItem(self.receiving_label(kind), kind)
        self.receiving_type.currentIndexChanged.connect(self._changed)
        self.receiving_type.currentIndexChanged.connect(self.update_embassy)

        self.flags: dict[str, QComboBox] = {}
        for name in FLAG_FIELDS:
            combo = named(QComboBox(), f"handover_{name}")
            combo.addItem(self.tr("Not asked yet"), None)
            combo.addItem(self.tr("Yes"), True)
            combo.addItem(self.tr("No"), False)
            combo.currentIndexChanged.connect(self._changed)
            combo.currentIndexChanged.connect(functools.partial(self._confirmed, name))
            self.flags[name] = combo

        self.items = named(QTableWidget(0, 3), "handover_items")
        self.items.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Description"), self.tr("Quantity")])
        self.items.setAccessibleName(self.tr("Property and documents handed over"))
        self.items.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.items.verticalHeader().setVisible(False)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setMinimumHeight(120)
        self.items.itemChanged.connect(self._changed)
        # The receiving body: picked from HQ's directory (``bodies``, given by the dialog), or typed (flagged).
        self.bodies: list[ReceivingBody] = []
        self.receiving_body_id = ""
        self.pick_body_button = named(
            QPushButton(self.tr("Pic&k from HQ's directory…")), "handover_pick_body"
        )
        self.pick_body_button.clicked.connect(self.pick_body)
        self.body_note = named(QLabel(), "handover_body_note")
        self.body_note.setWordWrap(True)
        self.inputs["receiving_name"].textEdited.connect(self._typed_body)
        self.add_item_button = named(QPushButton(self.tr("&Add item")), "handover_add_item")
        self.add_item_button.clicked.connect(self.add_item)
        self.remove_item_button = named(QPushButton(self.tr("&Remove item")), "handover_remove_item")
        self.remove_item_button.clicked.connect(self.remove_item)
        self._build_layout()
        self.set_editable(False)

    @Slot()
    def _changed(self, *_: object) -> None:
        self.edited.emit()

    @staticmethod
    def receiving_label(kind: str) -> str:
        return {
            "mosvy": _tr("MoSVY / DoSVY (social affairs)"),
            "immigration": _tr("General Department of Immigration"),
            "embassy": _tr("Embassy / Consulate"),
            "iom": _tr("IOM"),
            "ngo": _tr("NGO / shelter"),
            "police_atu": _tr("Police anti-trafficking unit"),
            "hospital": _tr("Hospital"),
            "other": _tr("Other"),
        }.get(kind, kind)

    def item_kind_label(self, kind: str) -> str:
        return {
            "passport": self.tr("Passport"),
            "id_document": self.tr("ID document"),
            "phone": self.tr("Phone"),
            "cash": self.tr("Cash"),
            "belongings": self.tr("Belongings"),
            "other": self.tr("Other"),
        }.get(kind, kind)

    def _build_layout(self) -> None:
        def group(title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
            box = QGroupBox(title)
            form = QFormLayout(box)
            for label, widget in rows:
                form.addRow(label, widget)
            return box

        i, n = self.inputs, self.notes
        column = QVBoxLayout(self)
        column.addWidget(
            group(
                self.tr("Handover"),
                [(self.tr("Date and time"), self.date_time), (self.tr("Place"), i["place"])],
            )
        )
        column.addWidget(
            group(
                self.tr("Transferring agency"),
                [
                    (self.tr("Agency"), i["transferring_agency"]),
                    (self.tr("Officer"), i["transferring_officer"]),
                    (self.tr("Position"), i["transferring_position"]),
                    (self.tr("ID card no."), i["transferring_id_no"]),
                    (self.tr("Phone"), i["transferring_phone"]),
                ],
            )
        )
        column.addWidget(
            group(
                self.tr("Receiving body"),
                [
                    ("", self.pick_body_button),
                    (self.tr("Type"), self.receiving_type),
                    (self.tr("Country (embassy)"), i["receiving_country"]),
                    (self.tr("Name"), i["receiving_name"]),
                    ("", self.body_note),
                    (self.tr("Receiving officer"), i["receiving_officer"]),
                    (self.tr("Position"), i["receiving_position"]),
                ],
            )
        )
        items_box = QGroupBox(self.tr("Property and documents handed over"))
        items_layout = QVBoxLayout(items_box)
        items_layout.addWidget(self.items)
        item_buttons = QHBoxLayout()
        item_buttons.addWidget(self.add_item_button)
        item_buttons.addWidget(self.remove_item_button)
        item_buttons.addStretch(1)
        items_layout.addLayout(item_buttons)
        column.addWidget(items_box)
        column.addWidget(
            group(
                self.tr("Consent and interpreter"),
                [
                    (self.tr("Consents to the referral"), self.flags["consent_referral"]),
                    (self.tr("Consents to sharing the data"), self.flags["consent_sharing"]),
                    (self.tr("Guardian or social worker (minor)"), i["guardian"]),
                    (self.tr("Interpreter"), i["interpreter_name"]),
                    (self.tr("Interpreter's language"), i["interpreter_language"]),
                ],
            )
        )
        column.addWidget(
            group(
                self.tr("Needs and safety"),
                [
                    (self.tr("Urgent needs"), n["urgent_needs"]),
                    (self.tr("Health notes"), n["health_notes"]),
                    (self.tr("Safety notes"), n["safety_notes"]),
                ],
            )
        )

    def fill(self, data: dict[str, Any]) -> None:
        """Show the handover fields ``data`` (the widgets signal their changes as usual)."""
        self._filling = True
        try:
            self._fill(data)
        finally:
            self._filling = False

    def _fill(self, data: dict[str, Any]) -> None:
        for name, line in self.inputs.items():
            _show(line, str(data.get(name) or ""))
        _show(self.inputs["receiving_country"], display_code(str(data.get("receiving_country") or "")))
        for name, note in self.notes.items():
            note.setPlainText(str(data.get(name) or ""))
        when = str(data.get("date_time") or "")
        if when:
            try:
                parsed = datetime.fromisoformat(when)
            except ValueError:
                parsed = None
            if parsed is not None:
                self.date_time.setDateTime(
                    QDateTime.fromString(parsed.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")
                )
        self.receiving_type.setCurrentIndex(
            max(0, self.receiving_type.findData(data.get("receiving_type", "")))
        )
        for name, combo in self.flags.items():
            value = data.get(name)
            combo.setCurrentIndex(0 if value is None else (1 if value else 2))
        self.receiving_body_id = str(data.get("receiving_body_id") or "")
        self._show_body_note(str(data.get("receiving_name_km") or ""))
        self.items.setRowCount(0)
        for item in data.get("items") or []:
            self._add_row(
                str(item.get("kind") or "belongings"),
                str(item.get("description") or ""),
                int(item.get("quantity") or 1),
            )
        self.update_embassy()

    # --- values filled in from what was recorded ---------------------------------------------------

    @property
    def filling(self) -> bool:
        """True while values are being put in (not typed by the officer)."""
        return self._filling

    def field_widget(self, name: str) -> QWidget:
        return self.inputs.get(name) or self.notes.get(name) or self.flags[name]

    def put(self, name: str, value: Any) -> None:
        """Show one field's value (as ``fill`` does for all of them)."""
        self._filling = True
        try:
            if name == "receiving_country":
                _show(self.inputs[name], display_code(str(value or "")))
            elif name in self.inputs:
                _show(self.inputs[name], str(value or ""))
            elif name in self.notes:
                self.notes[name].setPlainText(str(value or ""))
            elif name in self.flags:
                self.flags[name].setCurrentIndex(0 if value is None else (1 if value else 2))
        finally:
            self._filling = False

    def mark_prefilled(self, name: str, source: str) -> None:
        """Mark a field as filled in from ``source`` (already translated), until the officer changes it."""
        self.prefilled[name] = source
        mark_prefilled(self.field_widget(name), source)

    def unmark(self, name: str) -> None:
        if self.prefilled.pop(name, None) is not None:
            unmark_prefilled(self.field_widget(name))

    def _confirmed(self, name: str, *_: object) -> None:
        """The officer changed a filled-in field: it is theirs now."""
        if not self._filling:
            self.unmark(name)

    def set_editable(self, editable: bool) -> None:
        for line in self.inputs.values():
            line.setReadOnly(not editable)
        for note in self.notes.values():
            note.setReadOnly(not editable)
        for widget in (
            self.date_time,
            self.pick_body_button,
            self.receiving_type,
            *self.flags.values(),
            self.add_item_button,
            self.remove_item_button,
        ):
            widget.setEnabled(editable)
        self.items.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        for row in range(self.items.rowCount()):
            for column in (0, 2):
                cell = self.items.cellWidget(row, column)
                if cell is not None:
                    cell.setEnabled(editable)

    @Slot()
    def update_embassy(self) -> None:
        embassy = self.receiving_type.currentData() == "embassy"
        self.inputs["receiving_country"].setEnabled(embassy)
        self.inputs["receiving_country"].setPlaceholderText(
            self.tr("Type part of the country's name, or its code")
            if embassy
            else self.tr("only for an embassy or consulate")
        )

    # --- the receiving body from HQ's directory ----------------------------------------------------

    @Slot()
    def pick_body(self) -> None:
        picker = BodyPicker(self.bodies, self)
        picker.accepted.connect(lambda: self.choose_body(picker.chosen))
        picker.finished.connect(picker.deleteLater)
        picker.open()

    def choose_body(self, body: ReceivingBody | None) -> None:
        """Fill in the receiving body from its directory entry (the core checks it against the directory)."""
        if body is None:
            return
        self.receiving_body_id = body.id
        self._filling = True
        try:
            self.receiving_type.setCurrentIndex(
                max(0, self.receiving_type.findData(HANDOVER_TYPE[body.type]))
            )
            _show(self.inputs["receiving_name"], body.name_en)
            if body.country:
                _show(self.inputs["receiving_country"], display_code(body.country))
        finally:
            self._filling = False
        self.unmark("receiving_name")
        self._show_body_note(body.name_km)
        self.edited.emit()

    def _typed_body(self, *_: object) -> None:
        """A name typed by hand is no directory entry: kept as written, flagged for HQ to map."""
        self.receiving_body_id = ""
        self._show_body_note("")

    def _show_body_note(self, name_km: str) -> None:
        if self.receiving_body_id:
            self.body_note.setStyleSheet("")
            self.body_note.setText(
                self.tr("From HQ's directory ({id}). {khmer}").format(
                    id=self.receiving_body_id, khmer=name_km
                )
            )
        elif self.inputs["receiving_name"].text().strip():
            self.body_note.setStyleSheet("color: #8a4b00")
            self.body_note.setText(
                self.tr("Typed by hand: not in HQ's directory. It is kept as written and HQ maps it later.")
            )
        else:
            self.body_note.clear()

    # --- the property table -----------------------------------------------------------------------

    def _add_row(self, kind: str = "belongings", description: str = "", quantity: int = 1) -> int:
        row = self.items.rowCount()
        self.items.insertRow(row)
        combo = QComboBox()
        for value in ITEM_KINDS:
            combo.addItem(self.item_kind_label(value), value)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        combo.currentIndexChanged.connect(self._changed)
        spin = QSpinBox()
        spin.setRange(1, 1_000_000)
        spin.setValue(quantity)
        spin.valueChanged.connect(self._changed)
        was_blocked = self.items.blockSignals(True)  # itemChanged must not see a half-built row
        try:
            self.items.setCellWidget(row, 0, combo)
            self.items.setItem(row, 1, QTableWidgetItem(description))
            self.items.setCellWidget(row, 2, spin)
        finally:
            self.items.blockSignals(was_blocked)
        return row

    @Slot()
    def add_item(self) -> None:
        row = self._add_row()
        self.items.setCurrentCell(row, 1)
        cell = self.items.item(row, 1)
        if cell is not None:
            self.items.editItem(cell)
        self.edited.emit()

    @Slot()
    def remove_item(self) -> None:
        row = self.items.currentRow()
        if row < 0:
            row = self.items.rowCount() - 1
        if row >= 0:
            self.items.removeRow(row)
            self.edited.emit()

    def item_rows(self) -> list[dict[str, Any]]:
        rows = []
        for row in range(self.items.rowCount()):
            combo, spin, text = (
                self.items.cellWidget(row, 0),
                self.items.cellWidget(row, 2),
                self.items.item(row, 1),
            )
            assert isinstance(combo, QComboBox) and isinstance(spin, QSpinBox)
            description = text.text().strip() if text is not None else ""
            rows.append({"kind": combo.currentData(), "description": description, "quantity": spin.value()})
        return rows

    def fields(self) -> dict[str, Any]:
        """The handover fields as the form shows them now (the core's names and values)."""
        data: dict[str, Any] = {name: line.text().strip() for name, line in self.inputs.items()}
        data["receiving_country"] = country_code(data["receiving_country"])  # a code, or refused by the core
        data.update({name: note.toPlainText().strip() for name, note in self.notes.items()})
        data.update({name: combo.currentData() for name, combo in self.flags.items()})
        data["date_time"] = self.date_time.dateTime().toString("yyyy-MM-ddTHH:mm")
        kind = self.receiving_type.currentData()
        if kind:
            data["receiving_type"] = kind
        data["receiving_body_id"] = self.receiving_body_id  # "" with a typed name: the core flags it
        data["items"] = self.item_rows()
        return data

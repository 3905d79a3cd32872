"""Fast intake: register a person in well under a minute; Enter saves and starts the next person.

At a raid hundreds of people are registered first and interviewed later, so this form asks only what
identifies a person and what cannot wait. The temporary id it gives is what goes on the wristband.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldAppError
from fieldapp.records.service import PersonRow, Records
from fieldapp.reference.countries import countries
from ui.errors import show_error, user_message
from ui.naming import named
from ui.tasks import TaskRunner
from ui.widgets.country_field import country_code, country_completer, display

NO_AGE = -1


class IntakePage(QWidget):
    """Emits ``registered(person_id)`` after each saved person."""

    registered = Signal(str)
    photo_requested = Signal(str)  # the person just registered: take their portrait now

    def __init__(self, *, records: Records, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake_page")
        self._records = records
        self._runner = runner
        self._operation_id: str | None = None
        self._saving = False

        self.name = named(QLineEdit(), "intake_name")
        self.name.setPlaceholderText(self.tr("As in the passport, Latin letters"))
        self.name_own = named(QLineEdit(), "intake_name_own")
        self.name_own.setPlaceholderText(self.tr("In the person's own script"))
        self.nationality = named(QComboBox(), "intake_nationality")
        self.nationality.setEditable(True)
        self.nationality.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.nationality.addItem("", "")
        for country in countries():
            self.nationality.addItem(display(country), country.iso3)
        self.nationality.setCompleter(country_completer(self.nationality))
        line = self.nationality.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Type part of the country's name, or its code"))
        self.sex = named(QComboBox(), "intake_sex")
        for label, value in (
            (self.tr("Female"), "female"),
            (self.tr("Male"), "male"),
            (self.tr("Other"), "other"),
            (self.tr("Unknown"), "unknown"),
        ):
            self.sex.addItem(label, value)
        self.sex.setCurrentIndex(3)
        self.age = named(QSpinBox(), "intake_age")
        self.age.setRange(NO_AGE, 120)
        self.age.setSpecialValueText(self.tr("not known"))
        self.age.setValue(NO_AGE)
        self.age_uncertain = named(QCheckBox(self.tr("Age uncertain (estimated)")), "intake_age_uncertain")
        self.languages = named(QLineEdit(), "intake_languages")
        self.languages.setPlaceholderText(self.tr("e.g. vi, zh, en"))
        self.document_no = named(QLineEdit(), "intake_document_no")
        self.urgent_needs = named(QLineEdit(), "intake_urgent_needs")
        self.urgent_needs.setPlaceholderText(
            self.tr("Medical, food, medicine, safety — anything that cannot wait")
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        age_row = QHBoxLayout()
        age_row.addWidget(self.age)
        age_row.addWidget(self.age_uncertain)
        age_row.addStretch(1)
        rows: tuple[tuple[str | QLabel, QWidget | QHBoxLayout], ...] = (
            (self.tr("&Name"), self.name),
            (self.tr("Name in own &script"), self.name_own),
            (self.tr("Nationa&lity"), self.nationality),
            (self.tr("Se&x"), self.sex),
            (self._buddy(self.tr("&Age"), self.age), age_row),
            (self.tr("Lan&guages"), self.languages),
            (self.tr("Passport / &ID no."), self.document_no),
            (self.tr("&Urgent needs"), self.urgent_needs),
        )
        for label_or_text, widget in rows:
            form.addRow(label_or_text, widget)

        self.save_button = named(QPushButton(self.tr("Save and next (Enter)")), "intake_save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        for edit in (self.name, self.name_own, self.languages, self.document_no, self.urgent_needs):
            edit.returnPressed.connect(self.save)
        self.message = named(QLabel(), "intake_message")
        self.message.setWordWrap(True)
        self.last_id = named(QLabel(), "intake_last_id")
        big = QFont(self.last_id.font())
        big.setPointSize(big.pointSize() * 2)
        big.setBold(True)
        self.last_id.setFont(big)
        self.last_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._last_person_id = ""
        self.photo_button = named(
            QPushButton(self.tr("Take a &portrait of this person (Ctrl+P)")), "intake_photo"
        )
        self.photo_button.setShortcut("Ctrl+P")
        self.photo_button.setVisible(False)
        self.photo_button.clicked.connect(self._request_photo)

        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Register a person"))
        title.setObjectName("page_title")
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.save_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addWidget(self.last_id)
        layout.addWidget(self.photo_button, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        """A label whose Alt+letter jumps to ``widget`` (a row holding a layout has no automatic buddy)."""
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def set_operation(self, operation_id: str | None) -> None:
        self._operation_id = operation_id
        self.save_button.setEnabled(operation_id is not None)
        if operation_id is None:
            self.message.setText(self.tr("Create or choose an operation first (Operation menu)."))

    def fields(self) -> dict[str, Any]:
        # Only what the field shows now counts (never a country chosen for the previous person).
        nationality = country_code(self.nationality.currentText())
        fields: dict[str, Any] = {
            "name": self.name.text().strip().upper(),
            "name_own_script": self.name_own.text().strip(),
            "sex": self.sex.currentData(),
            "age_uncertain": self.age_uncertain.isChecked(),
            "languages": [part.strip() for part in self.languages.text().split(",") if part.strip()],
            "document_no": self.document_no.text().strip(),
            "urgent_needs": self.urgent_needs.text().strip(),
        }
        if nationality:
            fields["nationality"] = nationality
        if self.age.value() != NO_AGE:
            fields["age"] = self.age.value()
        return fields

    @Slot()
    def save(self) -> None:
        if self._saving or self._operation_id is None:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        operation_id, fields, records = self._operation_id, self.fields(), self._records
        self._runner.run_db(
            lambda: records.register_person(operation_id, **fields), self._on_saved, self._on_failed
        )

    def _on_saved(self, person: PersonRow) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.last_id.setText(person.temp_id)
        self._last_person_id = person.id
        self.photo_button.setVisible(True)
        self.message.setText(
            self.tr("Registered {name}. Write this id on the wristband:").format(
                name=person.name or person.name_own
            )
        )
        for edit in (self.name, self.name_own, self.document_no, self.urgent_needs):
            edit.clear()
        self.age.setValue(NO_AGE)
        self.age_uncertain.setChecked(False)
        self.sex.setCurrentIndex(3)
        # Nationality and languages often repeat within a group brought in together: keep them.
        self.name.setFocus()
        self.registered.emit(person.id)

    def _request_photo(self) -> None:
        if self._last_person_id:
            self.photo_requested.emit(self._last_person_id)

    def _on_failed(self, error: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, FieldAppError):
            self.message.setText(user_message(error))  # plain words beside the form; nothing typed is lost
        else:
            show_error(self, error)

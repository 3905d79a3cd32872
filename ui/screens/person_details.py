"""Correcting a person's registration details: edited freely while the record is a draft, amended with a
reason once it is final (a team lead's signed amendment, a new version). The core records only the
fields that changed; the history on the person's page shows who changed what, when and why.

The dialog saves on the database worker and stays open until the save is done, so a refusal (a
country typed that is no country, no reason given) is shown beside the fields with nothing lost.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldAppError
from fieldapp.records.fields import DOCUMENT_STATUSES
from fieldapp.records.service import MIN_REASON, Records
from ui.errors import show_error, user_message
from ui.naming import named
from ui.tasks import TaskRunner
from ui.widgets.country_field import country_code, display_code
from ui.widgets.fit_screen import fit_to_screen
from ui.widgets.person_fields import (
    AgeBox,
    DocumentTypeChoice,
    LanguagesField,
    SexChoice,
    document_status_label,
    nationality_combo,
)


def _joined(values: Any) -> str:
    return ", ".join(str(v) for v in values or [])


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class PersonDetailsDialog(QDialog):
    """``saved(version)`` once the correction is recorded; then the dialog closes."""

    saved = Signal(int)

    def __init__(
        self,
        *,
        records: Records,
        runner: TaskRunner,
        person_id: str,
        fields: dict[str, Any],
        final: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("person_details_dialog")
        self._records, self._runner, self._person_id = records, runner, person_id
        self._final = final
        self._saving = False
        self.setWindowTitle(
            self.tr("Amend the registration details") if final else self.tr("Edit the details")
        )

        self._recorded_name = str(fields.get("name", ""))
        self.name = named(QLineEdit(self._recorded_name), "details_name")
        self.name_own = named(QLineEdit(fields.get("name_own_script", "")), "details_name_own")
        self.aliases = named(QLineEdit(_joined(fields.get("aliases"))), "details_aliases")
        self.aliases.setPlaceholderText(self.tr("Other names and work names, separated by commas"))
        self.sex = named(SexChoice(), "details_sex")
        self.sex.set_value(fields.get("sex"))
        self.age = named(AgeBox(), "details_age")
        self.age.set_age(fields.get("age"))
        self.age_uncertain = named(QCheckBox(self.tr("Age uncertain (estimated)")), "details_age_uncertain")
        self.age_uncertain.setChecked(bool(fields.get("age_uncertain")))
        self.nationality = named(nationality_combo(), "details_nationality")
        self.nationality.setEditText(display_code(fields.get("nationality", "")))
        self.languages = named(LanguagesField(), "details_languages")
        self.languages.set_codes(list(fields.get("languages") or []))
        self.document_type = named(DocumentTypeChoice(), "details_document_type")
        self.document_type.set_value(fields.get("document_type", ""))
        self.document_no = named(QLineEdit(fields.get("document_no", "")), "details_document_no")
        self.document_status = named(QComboBox(), "details_document_status")
        self.document_status.addItem(self.tr("(not recorded)"), "")
        for status in DOCUMENT_STATUSES:
            self.document_status.addItem(document_status_label(status), status)
        self.document_status.setCurrentIndex(
            max(0, self.document_status.findData(fields.get("document_status")))
        )
        self.phone = named(QLineEdit(fields.get("phone", "")), "details_phone")
        self.urgent_needs = named(QLineEdit(fields.get("urgent_needs", "")), "details_urgent_needs")
        self.notes = named(QPlainTextEdit(fields.get("notes", "")), "details_notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.reason = named(QPlainTextEdit(), "details_reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(70)
        self.reason.textChanged.connect(self._update_ok)
        self.error = named(QLabel(), "details_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")

        form = QFormLayout()
        age_row = QHBoxLayout()
        age_row.addWidget(self.age)
        age_row.addWidget(self.age_uncertain)
        age_row.addStretch(1)
        age_label = QLabel(self.tr("&Age"))
        age_label.setBuddy(self.age)
        rows: tuple[tuple[str | QLabel, QWidget | QHBoxLayout], ...] = (
            (self.tr("&Name"), self.name),
            (self.tr("Name in own &script"), self.name_own),
            (self.tr("Other names"), self.aliases),
            (self.tr("Se&x"), self.sex),
            (age_label, age_row),
            (self.tr("Nationa&lity"), self.nationality),
            (self.tr("Lan&guages"), self.languages),
            (self.tr("Document type"), self.document_type),
            (self.tr("Passport / &ID no."), self.document_no),
            (self.tr("Document status"), self.document_status),
            (self.tr("Phone"), self.phone),
            (self.tr("&Urgent needs"), self.urgent_needs),
            (self.tr("Notes"), self.notes),
        )
        for row_label, widget in rows:
            form.addRow(row_label, widget)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.buttons = QDialogButtonBox()
        self.ok = named(
            QPushButton(self.tr("Save the a&mendment") if final else self.tr("Sa&ve")), "details_ok"
        )
        self.ok.setDefault(True)
        cancel = named(QPushButton(self.tr("Cancel")), "details_cancel")
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        if final:
            why = QLabel(
                self.tr(
                    "This record is final: a change is an amendment, signed by you, with a reason, and makes "
                    "a new version. Forms printed before keep the version they show."
                )
            )
            why.setWordWrap(True)
            layout.addWidget(why)
        layout.addWidget(scroll, 1)
        if final:
            reason_label = QLabel(self.tr("&Reason for the amendment (required)"))
            reason_label.setBuddy(self.reason)
            layout.addWidget(reason_label)
            layout.addWidget(self.reason)
        else:
            self.reason.setVisible(False)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 720, 680)
        self._update_ok()
        self.name.setFocus()

    @Slot()
    def _update_ok(self) -> None:
        enough = not self._final or len(self.reason.toPlainText().strip()) >= MIN_REASON
        self.ok.setEnabled(enough and not self._saving)

    def fields(self) -> dict[str, Any]:
        """What the dialog shows now; the core records only what differs from the record. ValueError
        names the languages typed that no language answers to."""
        fields: dict[str, Any] = {
            "name": self._passport_name(),
            "name_own_script": self.name_own.text().strip(),
            "aliases": _split(self.aliases.text()),
            "age": self.age.age(),
            "age_uncertain": self.age_uncertain.isChecked(),
            "nationality": country_code(self.nationality.currentText()),
            "languages": self.languages.codes(),
            "document_type": self.document_type.value(),
            "document_no": self.document_no.text().strip(),
            "phone": self.phone.text().strip(),
            "urgent_needs": self.urgent_needs.text().strip(),
            "notes": self.notes.toPlainText().strip(),
        }
        if self.sex.value() is not None:
            fields["sex"] = self.sex.value()
        if self.document_status.currentData():
            fields["document_status"] = self.document_status.currentData()
        return fields

    def _passport_name(self) -> str:
        """A name typed here is written in capitals, as on a passport; one left as it was stays as it
        was recorded, or every correction would also "change" the name's case."""
        name = self.name.text().strip()
        return name if name == self._recorded_name else name.upper()

    @Slot()
    def save(self) -> None:
        if self._saving or not self.ok.isEnabled():
            return
        self._saving = True
        self._update_ok()
        self.error.clear()
        try:
            fields = self.fields()
        except ValueError as unknown:
            self._saving = False
            self._update_ok()
            self.error.setText(self.languages.unknown_text(unknown))
            self.languages.setFocus()
            return
        records, person_id = self._records, self._person_id
        reason = self.reason.toPlainText().strip()
        self._runner.run_db(
            lambda: records.edit("person", person_id, fields, reason), self._on_saved, self._on_failed
        )

    def _on_saved(self, version: int) -> None:
        self._saving = False
        self.saved.emit(version)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self._saving = False
        self._update_ok()
        if isinstance(error, FieldAppError):
            self.error.setText(user_message(error))
        else:
            show_error(self, error)

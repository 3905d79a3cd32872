"""Fast intake: register a person in well under a minute; Enter saves and starts the next person.

At a raid hundreds of people are registered first and interviewed later, so this form asks only what
identifies a person and what cannot wait. The temporary id it gives is what goes on the wristband.

The keyboard is enough, in any layout: Enter saves from every field; the sex is one key (F, M, O, U or
1–4, which also moves on to the age) and must be chosen, never a silent "unknown"; a name plus
Tab, Tab, M, 2, 7, Enter registers a 27-year-old man (nationality and languages stay for the next person
of a group). Before a person gets an id, anyone in the operation who looks the same (name in any script,
document number) is shown, with "open the existing person" as the default. A possible child is alerted
as soon as the age says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldAppError
from fieldapp.records.duplicates import PossibleDuplicate
from fieldapp.records.projections import possibly_minor
from fieldapp.records.service import PersonRow, Records
from ui.errors import show_error, user_message
from ui.naming import named
from ui.screens.possible_duplicate import PossibleDuplicateDialog
from ui.tasks import TaskRunner
from ui.widgets.child_alert import ChildAlert
from ui.widgets.country_field import country_code
from ui.widgets.person_fields import NO_AGE, AgeBox, LanguagesField, SexChoice, nationality_combo

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class IntakePage(QWidget):
    """Emits ``registered(person_id)`` after each saved person."""

    registered = Signal(str)
    photo_requested = Signal(str)  # the person just registered: take their portrait now
    open_requested = Signal(str)  # a person already registered, chosen in the duplicate warning

    def __init__(self, *, records: Records, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intake_page")
        self._records = records
        self._runner = runner
        self._operation_id: str | None = None
        self._saving = False
        self.duplicate_dialog: PossibleDuplicateDialog | None = None

        self.name = named(QLineEdit(), "intake_name")
        self.name.setPlaceholderText(self.tr("As in the passport, Latin letters"))
        self.name_own = named(QLineEdit(), "intake_name_own")
        self.name_own.setPlaceholderText(self.tr("In the person's own script"))
        self.nationality = named(nationality_combo(), "intake_nationality")
        self.sex = named(SexChoice(), "intake_sex")
        self.age = named(AgeBox(), "intake_age")
        self.sex.chosen_by_key.connect(lambda: self.age.setFocus(Qt.FocusReason.TabFocusReason))
        self.age_uncertain = named(QCheckBox(self.tr("Age uncertain (estimated)")), "intake_age_uncertain")
        self.languages = named(LanguagesField(), "intake_languages")
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
        self.child_alert = ChildAlert()
        self.age.valueChanged.connect(self._update_child_alert)
        self.age_uncertain.toggled.connect(self._update_child_alert)
        rows: tuple[tuple[str | QLabel, QWidget | QHBoxLayout], ...] = (
            (self.tr("&Name"), self.name),
            (self.tr("Name in own &script"), self.name_own),
            (self.tr("Se&x"), self.sex),
            (self._buddy(self.tr("&Age"), self.age), age_row),
            ("", self.child_alert),
            (self.tr("Nationa&lity"), self.nationality),
            (self.tr("Lan&guages"), self.languages),
            (self.tr("Passport / &ID no."), self.document_no),
            (self.tr("&Urgent needs"), self.urgent_needs),
        )
        for label_or_text, widget in rows:
            form.addRow(label_or_text, widget)

        self.save_button = named(QPushButton(self.tr("Save and next (Enter)")), "intake_save")
        self.save_button.clicked.connect(lambda: self.save())
        for field in self._fields():
            field.installEventFilter(self)
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
        order = [w for w in self._fields() if w is not self.nationality.lineEdit()] + [self.save_button]
        for before, after in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _fields(self) -> tuple[QWidget, ...]:
        line = self.nationality.lineEdit()
        return (
            self.name,
            self.name_own,
            self.sex,
            self.age,
            self.age_uncertain,
            self.nationality,
            *((line,) if line is not None else ()),
            self.languages,
            self.document_no,
            self.urgent_needs,
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter saves from every field (a list of suggestions that is open takes it first)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            completer = self.nationality.completer()
            in_nationality = watched in (self.nationality, self.nationality.lineEdit())
            popup = completer.popup() if completer is not None else None
            if in_nationality and popup is not None and popup.isVisible():
                return False
            self.save()
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def _update_child_alert(self) -> None:
        age = None if self.age.value() == NO_AGE else self.age.value()
        self.child_alert.show_for(
            possibly_minor({"age": age, "age_uncertain": self.age_uncertain.isChecked()})
        )

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
        """What the form shows now (never a country chosen for the previous person). ValueError names
        the languages typed that no language answers to."""
        nationality = country_code(self.nationality.currentText())
        fields: dict[str, Any] = {
            "name": self.name.text().strip().upper(),
            "name_own_script": self.name_own.text().strip(),
            "age_uncertain": self.age_uncertain.isChecked(),
            "languages": self.languages.codes(),
            "document_no": self.document_no.text().strip(),
            "urgent_needs": self.urgent_needs.text().strip(),
        }
        if self.sex.value() is not None:
            fields["sex"] = self.sex.value()
        if nationality:
            fields["nationality"] = nationality
        if self.age.age() is not None:
            fields["age"] = self.age.age()
        return fields

    @Slot()
    def save(self, *, anyway: bool = False) -> None:
        """Register the person; unless ``anyway``, not when someone in the operation looks the same."""
        if self._saving or self._operation_id is None:
            return
        if self.sex.value() is None:
            self.message.setText(self.tr("Choose the sex first: F female, M male, O other, U not known."))
            self.sex.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            fields = self.fields()
        except ValueError as unknown:
            self.message.setText(self.languages.unknown_text(unknown))
            self.languages.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._saving = True
        self.save_button.setEnabled(False)
        operation_id, records = self._operation_id, self._records
        self._runner.run_db(
            lambda: records.register_person(operation_id, check_duplicates=not anyway, **fields),
            self._on_saved,
            self._on_failed,
        )

    def _on_saved(self, person: PersonRow) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.last_id.setText(person.temp_id)
        self._last_person_id = person.id
        self.photo_button.setVisible(True)
        text = self.tr("Registered {name}. Write this id on the wristband:").format(
            name=person.name or person.name_own
        )
        if person.minor:
            text = self.tr("Possibly a child: refer to child protection.") + " " + text
        self.message.setText(text)
        self._clear()
        self.registered.emit(person.id)

    def _clear(self) -> None:
        for edit in (self.name, self.name_own, self.document_no, self.urgent_needs):
            edit.clear()
        self.age.set_age(None)
        self.age_uncertain.setChecked(False)
        self.sex.set_value(None)
        # Nationality and languages often repeat within a group brought in together: keep them.
        self.name.setFocus()

    def _request_photo(self) -> None:
        if self._last_person_id:
            self.photo_requested.emit(self._last_person_id)

    def _on_failed(self, error: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(error, PossibleDuplicate):
            self._warn_duplicate(error.matches)
        elif isinstance(error, FieldAppError):
            self.message.setText(user_message(error))  # plain words beside the form; nothing typed is lost
        else:
            show_error(self, error)

    def _warn_duplicate(self, matches: list[tuple[PersonRow, tuple[str, ...]]]) -> None:
        dialog = PossibleDuplicateDialog(matches, parent=self)
        dialog.finished.connect(lambda result: self._duplicate_answered(dialog, result))
        self.duplicate_dialog = dialog
        dialog.open()

    def _duplicate_answered(self, dialog: PossibleDuplicateDialog, result: int) -> None:
        self.duplicate_dialog = None
        dialog.deleteLater()
        if result == PossibleDuplicateDialog.OPEN:
            person_id = dialog.chosen_person_id()
            self.message.setText(self.tr("Not registered again: the existing person is open."))
            self._clear()
            self.open_requested.emit(person_id)
        elif result == PossibleDuplicateDialog.ANYWAY:
            self.save(anyway=True)
        else:
            self.message.setText(
                self.tr("Not saved yet: correct the details, or press Enter to check again.")
            )
            self.name.setFocus()

    def detach(self) -> None:
        """Before a lock: close the duplicate warning (it shows other persons' names)."""
        if self.duplicate_dialog is not None:
            self.duplicate_dialog.reject()

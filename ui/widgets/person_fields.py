"""The fields of a person's registration that intake and the correction dialog share: sex chosen by one
key in any keyboard layout (never a silent default), age typed in Latin or Khmer digits, nationality by
part of its name, languages by their names and the document's kind by its label (the codes are stored)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from fieldapp.errors import ValidationError
from fieldapp.records.fields import DOCUMENT_TYPES
from fieldapp.reference.countries import countries
from fieldapp.reference.languages import language_name, resolve
from ui.widgets.answer_keys import latin_key
from ui.widgets.country_field import app_language, country_completer, display

NO_AGE = -1
SEX_KEYS = {"f": "female", "1": "female", "m": "male", "2": "male", "o": "other", "3": "other"}
SEX_KEYS |= {"u": "unknown", "4": "unknown"}


class SexChoice(QComboBox):
    """Female, male, other or not known: F, M, O, U (or 1–4) in any keyboard layout. Starts with no
    choice; ``chosen_by_key`` after a key chose, so a form can move on to the next field."""

    chosen_by_key = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for label, value in (
            (self.tr("Female (F)"), "female"),
            (self.tr("Male (M)"), "male"),
            (self.tr("Other (O)"), "other"),
            (self.tr("Not known (U)"), "unknown"),
        ):
            self.addItem(label, value)
        self.setPlaceholderText(self.tr("Press F, M, O or U"))
        self.setCurrentIndex(-1)

    def value(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def set_value(self, sex: str | None) -> None:
        self.setCurrentIndex(self.findData(sex) if sex else -1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        chosen = SEX_KEYS.get(latin_key(event))
        if chosen is None:
            super().keyPressEvent(event)
            return
        self.setCurrentIndex(self.findData(chosen))
        event.accept()
        self.chosen_by_key.emit()


class AgeBox(QSpinBox):
    """Whole years, or "not known"; Khmer digits (and, on a Khmer layout, the number row) type digits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(NO_AGE, 120)
        self.setSpecialValueText(self.tr("not known"))
        self.setValue(NO_AGE)

    def age(self) -> int | None:
        self.interpretText()
        return None if self.value() == NO_AGE else self.value()

    def set_age(self, age: int | None) -> None:
        self.setValue(NO_AGE if age is None else age)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = latin_key(event)
        line = self.lineEdit()
        if key.isdigit() and self.value() == NO_AGE and line is not None:
            line.selectAll()  # the first digit replaces "not known", wherever the cursor was
        if key.isdigit() and event.text() != key:
            event = QKeyEvent(
                QEvent.Type.KeyPress,
                int(Qt.Key.Key_0) + int(key),
                event.modifiers(),
                key,
                event.isAutoRepeat(),
            )
        super().keyPressEvent(event)


def nationality_combo() -> QComboBox:
    """Every country, found by typing part of its English or Khmer name or its code."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItem("", "")
    for country in countries():
        combo.addItem(display(country), country.iso3)
    combo.setCompleter(country_completer(combo))
    # As wide as a usual name, not the longest country's English and Khmer names: a form stays on screen.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(22)
    line = combo.lineEdit()
    if line is not None:
        line.setPlaceholderText(_tr("Type part of the country's name, or its code"))
    return combo


class LanguagesField(QLineEdit):
    """Languages by name in the app's language ("Bengali, English"), stored as ISO 639 codes; a name or a
    code may be typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. Vietnamese, Chinese, English (names or codes)"))
        self._shown: dict[str, str] = {}  # a name shown here -> its code, so shown names come back exact

    def set_codes(self, codes: list[str] | tuple[str, ...]) -> None:
        language = app_language()
        self._shown = {language_name(code, language): code for code in codes}
        self.setText(", ".join(self._shown))

    def parts(self) -> list[str]:
        return [part.strip() for part in self.text().split(",") if part.strip()]

    def unknown_text(self, unknown: ValueError) -> str:
        """What to say when ``codes`` found parts no language answers to."""
        return self.tr(
            "Not a language this app knows: {names}. Type its name in English or Khmer, or its code."
        ).format(names=str(unknown))

    def codes(self) -> list[str]:
        """The codes of the languages named; ValueError with the parts no language answers to."""
        found, unknown = [], []
        for part in self.parts():
            code = self._shown.get(part)
            if code is None:
                try:
                    code = resolve(part).code
                except ValidationError:
                    unknown.append(part)
                    continue
            if code not in found:
                found.append(code)
        if unknown:
            raise ValueError(", ".join(unknown))
        return found


class DocumentTypeChoice(QComboBox):
    """The kind of identity document by its label; another kind may be typed and is kept as typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItem("", "")
        for code in DOCUMENT_TYPES:
            self.addItem(document_type_label(code), code)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Choose, or type another kind"))

    def set_value(self, value: str | None) -> None:
        index = self.findData(value or "")
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(value or "")

    def value(self) -> str:
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        return str(self.itemData(index)) if index >= 0 else text


def _tr(text: str) -> str:
    return QCoreApplication.translate("PersonFields", text)


def document_type_label(code: str) -> str:
    """A kind of identity document in the app's language; a kind typed by hand stays as typed."""
    labels = {
        "passport": _tr("Passport"),
        "national_id": _tr("National ID card"),
        "birth_certificate": _tr("Birth certificate"),
        "work_permit": _tr("Work permit"),
        "driving_licence": _tr("Driving licence"),
    }
    return labels.get(code, code)


def document_status_label(code: str) -> str:
    """Where a person's identity document is, in the app's language."""
    labels = {
        "held": _tr("held by the person"),
        "confiscated": _tr("confiscated"),
        "lost": _tr("lost"),
        "with_immigration": _tr("with immigration"),
        "none": _tr("none"),
        "unknown": _tr("not known"),
    }
    return labels.get(code, code)

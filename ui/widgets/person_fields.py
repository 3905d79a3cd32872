"""The fields of a person's registration that intake and the correction dialog share: sex chosen by one
key in any keyboard layout (never a silent default), age typed in Latin or Khmer digits, nationality by
part of its name."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from fieldapp.reference.countries import countries
from ui.widgets.answer_keys import latin_key
from ui.widgets.country_field import country_completer, display

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
    line = combo.lineEdit()
    if line is not None:
        line.setPlaceholderText(_tr("Type part of the country's name, or its code"))
    return combo


def _tr(text: str) -> str:
    return QCoreApplication.translate("PersonFields", text)

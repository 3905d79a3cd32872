"""Small answer widgets: yes / no / not asked, and a list of checkboxes that stands for a list of words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QGridLayout, QHBoxLayout, QRadioButton, QWidget

from ui.widgets.answer_keys import answer_key


class _Missing:
    """A field with no value to save (an empty choice); never sent to the core."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()


class YesNoChoice(QWidget):
    """Yes, no, or not asked yet (``None``): three radio buttons in one group, one tab stop.

    Arrow keys move between the buttons; Y or 1 and N or 2 (any keyboard layout) answer directly when the
    group has focus, and ``answered_by_key`` then lets the form move on to the next question.
    """

    changed = Signal()
    answered_by_key = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.yes = QRadioButton(self.tr("Yes"))
        self.no = QRadioButton(self.tr("No"))
        self.not_asked = QRadioButton(self.tr("Not asked"))
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.yes, self.no, self.not_asked):
            self.group.addButton(button)
            layout.addWidget(button)
        layout.addStretch(1)
        self.setFocusProxy(self.yes)
        self.group.buttonToggled.connect(self._toggled)

    def _toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def value(self) -> bool | None:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None

    def set_value(self, value: bool | None) -> None:
        button = {True: self.yes, False: self.no}.get(value, self.not_asked) if value is not None else None
        if button is None:
            self.group.setExclusive(False)
            for b in (self.yes, self.no, self.not_asked):
                b.setChecked(False)
            self.group.setExclusive(True)
        else:
            button.setChecked(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = answer_key(event)
        if index in (0, 1):
            (self.yes if index == 0 else self.no).setChecked(True)
            self.answered_by_key.emit()
        else:
            super().keyPressEvent(event)


class CheckList(QWidget):
    """Checkboxes for a fixed list of words (the core stores the checked keys as a list of text)."""

    changed = Signal()

    def __init__(self, options: Sequence[tuple[str, str]], columns: int = 2, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self._extra: list[str] = []  # values stored by another version of the app: kept, not shown
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, (key, label) in enumerate(options):
            box = QCheckBox(label)
            box.setObjectName(f"check_{key}")
            box.toggled.connect(self.changed)
            self.boxes[key] = box
            layout.addWidget(box, index // columns, index % columns)
        if self.boxes:
            self.setFocusProxy(next(iter(self.boxes.values())))

    def value(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()] + self._extra

    def set_value(self, value: Sequence[str]) -> None:
        for key, box in self.boxes.items():
            box.setChecked(key in value)
        self._extra = [v for v in value if v not in self.boxes]

"""One screening item: its label, help, four answers (keys 1-4), source, note and "show to respondent"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ANSWERS = ("present", "absent", "unknown", "declined")
SOURCES = ("self_report", "officer_observation", "document", "third_party")
_KEYS = {Qt.Key.Key_1: 0, Qt.Key.Key_2: 1, Qt.Key.Key_3: 2, Qt.Key.Key_4: 3}


class IndicatorItem(QFrame):
    """An indicator or a linked (scam-compound) item. ``changed(item_id)`` on every user change.

    With focus anywhere in the item (except the note), 1/2/3/4 answer present/absent/unknown/declined.
    """

    changed = Signal(str)
    show_requested = Signal(str)

    def __init__(
        self,
        item_id: str,
        label: str,
        help_text: str,
        *,
        tags: str = "",
        show_to_respondent: bool = False,
        default_source: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.item_id = item_id
        self._default_source = default_source
        self.setObjectName("item_" + item_id.replace(".", "_"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAccessibleName(label)
        self.setAccessibleDescription(help_text)

        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.label.setToolTip(help_text)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.tags = QLabel(f"{item_id}{' · ' + tags if tags else ''}")
        self.tags.setObjectName("item_tags")
        self.tags.setWordWrap(True)
        self.tags.setStyleSheet("color: palette(placeholder-text);")
        self.help_button = QToolButton()
        self.help_button.setText("?")
        self.help_button.setCheckable(True)
        self.help_button.setObjectName("help_button")
        self.help_button.setAccessibleName(self.tr("Show help for: %1").replace("%1", label))
        self.help_button.setToolTip(self.tr("Show or hide the help text"))
        self.help = QLabel(help_text)
        self.help.setObjectName("item_help")
        self.help.setWordWrap(True)
        self.help.setVisible(False)
        self.help_button.toggled.connect(self.help.setVisible)
        # Shown when the two lists disagree about this item's fact, until the officer resolves it.
        self.conflict = QLabel()
        self.conflict.setObjectName("item_conflict")
        self.conflict.setWordWrap(True)
        self.conflict.setStyleSheet("color: #9a6700; font-weight: bold;")
        self.conflict.setVisible(False)

        self.buttons: list[QRadioButton] = []
        self.group = QButtonGroup(self)
        texts = (self.tr("Present"), self.tr("Absent"), self.tr("Unknown"), self.tr("Declined"))
        answers = QHBoxLayout()
        for index, text in enumerate(texts):
            button = QRadioButton(f"{text} ({index + 1})")
            button.setObjectName(f"answer_{ANSWERS[index]}")
            button.setToolTip(self.tr("Press %1").replace("%1", str(index + 1)))
            self.group.addButton(button, index)
            self.buttons.append(button)
            answers.addWidget(button)
        answers.addStretch(1)
        self.group.idClicked.connect(lambda _id: self._emit())

        self.source = QComboBox()
        self.source.setObjectName("source")
        self.source.setAccessibleName(self.tr("Source"))
        self.source.addItem(self.tr("Source…"), None)
        for key, text in zip(
            SOURCES,
            (
                self.tr("Person's own account"),
                self.tr("Officer saw it"),
                self.tr("Document"),
                self.tr("Someone else"),
            ),
            strict=True,
        ):
            self.source.addItem(text, key)
        self.source.activated.connect(lambda _i: self._emit())
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("Note"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.textEdited.connect(lambda _t: self._emit())
        details = QHBoxLayout()
        details.addWidget(self.source)
        details.addWidget(self.note, 1)
        self.show_button: QPushButton | None = None
        if show_to_respondent:
            self.show_button = QPushButton(self.tr("Show to person"))
            self.show_button.setObjectName("show_to_respondent")
            self.show_button.setToolTip(self.tr("Show the question in large type in the person's language"))
            self.show_button.clicked.connect(lambda: self.show_requested.emit(self.item_id))
            details.addWidget(self.show_button)

        head = QHBoxLayout()
        head.addWidget(self.label, 1)
        head.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.tags)
        layout.addWidget(self.conflict)
        layout.addWidget(self.help)
        layout.addLayout(answers)
        layout.addLayout(details)
        self.setFocusProxy(self.buttons[0])

    def _emit(self) -> None:
        if self._default_source and self.answer() is not None and self.source.currentData() is None:
            self.source.setCurrentIndex(self.source.findData(self._default_source))
        self._mark()
        self.changed.emit(self.item_id)

    def set_conflict(self, text: str) -> None:
        """Say (or, with "", stop saying) that this answer contradicts another one."""
        self.conflict.setText(text)
        self.conflict.setVisible(bool(text))

    def _mark(self) -> None:
        answered = self.group.checkedId() >= 0
        self.setProperty("answered", answered)
        # An answered item gets a thick left edge (its radio button says which answer; colour adds nothing).
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ border: 1px solid palette(mid);"
            " border-left: 5px solid palette(highlight); border-radius: 3px; }"
            if answered
            else ""
        )

    def answer(self) -> str | None:
        checked = self.group.checkedId()
        return ANSWERS[checked] if checked >= 0 else None

    def set_answer(self, answer: str) -> None:
        """Answer as the officer would (emits ``changed``)."""
        self.buttons[ANSWERS.index(answer)].setChecked(True)
        self._emit()

    def value(self) -> dict[str, Any] | None:
        """What the core stores, or None while no answer is chosen (a note alone is not saved)."""
        answer = self.answer()
        if answer is None:
            return None
        return {"answer": answer, "source": self.source.currentData(), "note": self.note.text().strip()}

    def set_value(self, value: dict[str, Any] | str | None) -> None:
        """Show a stored answer (emits nothing)."""
        if value is None:
            return
        record = {"answer": value} if isinstance(value, str) else value
        answer = record.get("answer")
        if answer in ANSWERS:
            self.buttons[ANSWERS.index(str(answer))].setChecked(True)
        self.source.setCurrentIndex(max(self.source.findData(record.get("source")), 0))
        self.note.setText(str(record.get("note") or ""))
        self._mark()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = _KEYS.get(Qt.Key(event.key()))
        if index is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.buttons[index].setChecked(True)
            self.buttons[index].setFocus(Qt.FocusReason.ShortcutFocusReason)
            self._emit()
            event.accept()
            return
        super().keyPressEvent(event)

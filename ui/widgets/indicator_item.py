"""One screening item in two compact rows: its label and help; the answers, source, note and "show to person".

With focus anywhere in the item except the note, one key answers and moves on (``answer_keys``: 1 or Y
present, 2 or N absent, 3 or D don't know, 4 or S skipped, i.e. the person chose not to answer). The note
takes every key as text, so nothing typed is ever lost.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.line_breaks import breakable
from ui.widgets.answer_keys import answer_key

ANSWERS = ("present", "absent", "unknown", "declined")
NOT_ASKED = "not_asked"
SOURCES = ("self_report", "officer_observation", "document", "third_party", "respondent")


class IndicatorItem(QFrame):
    """An indicator or a linked (scam-compound) item.

    ``changed(item_id)`` on every change by the officer; ``answered_by_key(item_id)`` after a key answered
    it (the screen then moves to the next item)."""

    changed = Signal(str)
    answered_by_key = Signal(str)
    show_requested = Signal(str)
    source_chosen = Signal(str)  # the officer picked a source: later answers default to it

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
        self.default_source = default_source
        self._not_asked = False
        self.language: str | None = None  # the language the question was shown in, on the respondent screen
        self.setObjectName("item_" + item_id.replace(".", "_"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setAccessibleName(label)
        self.setAccessibleDescription(help_text)

        self.label = QLabel(breakable(label))
        self.label.setWordWrap(True)
        self.label.setToolTip(help_text)
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        self.tags = QLabel(f"{item_id}{' · ' + tags if tags else ''}")
        self.tags.setObjectName("item_tags")
        self.tags.setStyleSheet("color: palette(placeholder-text);")
        self.tags.setWordWrap(True)
        self.help_button = QToolButton()
        self.help_button.setText("?")
        self.help_button.setCheckable(True)
        self.help_button.setObjectName("help_button")
        self.help_button.setAccessibleName(self.tr("Show help for: %1").replace("%1", label))
        self.help_button.setToolTip(self.tr("Show or hide the help text"))
        self.help = QLabel(breakable(help_text))
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
        self.not_asked_label = QLabel(self.tr("Not asked"))
        self.not_asked_label.setObjectName("item_not_asked")
        self.not_asked_label.setVisible(False)

        self.buttons: list[QRadioButton] = []
        self.group = QButtonGroup(self)
        texts = (self.tr("Present"), self.tr("Absent"), self.tr("Don't know"), self.tr("Skipped"))
        keys = ("1·Y", "2·N", "3·D", "4·S")
        # The answers, then source and note beside them when the column is wide, on a line of their own
        # when it is narrow (``resizeEvent``): nothing is ever cut off.
        self.answers = QGridLayout()
        self.answers.setHorizontalSpacing(8)
        self.answers.setVerticalSpacing(2)
        for index, text in enumerate(texts):
            button = QRadioButton(f"{keys[index][0]} {text}")
            button.setObjectName(f"answer_{ANSWERS[index]}")
            button.setToolTip(self.tr("Press %1").replace("%1", keys[index].replace("·", self.tr(" or "))))
            self.group.addButton(button, index)
            self.buttons.append(button)
            self.answers.addWidget(button, 0, index)
        self.group.idClicked.connect(lambda _id: self._emit())

        self.source = QComboBox()
        self.source.setObjectName("source")
        self.source.setAccessibleName(self.tr("Source"))
        self.source.addItem(self.tr("Source…"), None)
        names = (
            self.tr("Person's own account"),
            self.tr("Officer saw it"),
            self.tr("Document"),
            self.tr("Someone else"),
            self.tr("Person, on the respondent screen"),
        )
        for key, text in zip(SOURCES, names, strict=True):
            self.source.addItem(text, key)
        self.source.activated.connect(self._source_activated)
        self.note = QLineEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("Note"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note.textEdited.connect(lambda _t: self._emit())
        self.answers.addWidget(self.not_asked_label, 0, 4)
        self.note.setMinimumWidth(60)
        self.source.setMinimumContentsLength(8)
        self.source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.show_button: QToolButton | None = None
        head = QHBoxLayout()
        head.addWidget(self.label, 1)
        head.addWidget(self.tags, 0, Qt.AlignmentFlag.AlignTop)
        if show_to_respondent:
            self.show_button = QToolButton()
            self.show_button.setText(self.tr("Show to person"))
            self.show_button.setObjectName("show_to_respondent")
            self.show_button.setToolTip(self.tr("Show the question in large type in the person's language"))
            self.show_button.clicked.connect(lambda: self.show_requested.emit(self.item_id))
            head.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignTop)
        # What it is, then how it was answered.
        layout = QVBoxLayout(self)
        # The item's minimum width is the answers' alone (minimumSizeHint), not the wide layout's.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.conflict)
        layout.addWidget(self.help)
        layout.addLayout(self.answers)
        self._wide: bool | None = None
        self._place_details(wide=True)
        self.setFocusProxy(self.buttons[0])
        for child in (
            *self.buttons,
            self.source,
            self.help_button,
            *([self.show_button] if self.show_button else []),
        ):
            child.installEventFilter(self)

    def _place_details(self, *, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        for widget in (self.source, self.note):
            self.answers.removeWidget(widget)
        if wide:
            self.answers.addWidget(self.source, 0, 5)
            self.answers.addWidget(self.note, 0, 6)
            self.answers.setColumnStretch(6, 1)
        else:
            self.answers.addWidget(self.source, 1, 0, 1, 2)
            self.answers.addWidget(self.note, 1, 2, 1, 5)
            self.answers.setColumnStretch(6, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        spacing = self.answers.horizontalSpacing()
        needed = (
            sum(b.sizeHint().width() + spacing for b in self.buttons)
            + self.not_asked_label.sizeHint().width()
        )
        needed += self.source.minimumSizeHint().width() + self.note.minimumWidth() + 2 * spacing + 24
        self._place_details(wide=event.size().width() >= needed)
        super().resizeEvent(event)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the answers alone: source and note go on their own line when needed."""
        hint = super().minimumSizeHint()
        spacing = self.answers.horizontalSpacing()
        answers = sum(b.sizeHint().width() + spacing for b in self.buttons) + 24
        return QSize(min(hint.width(), max(answers, 260)), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Answer keys typed on any part of the item but the note answer it; the note keeps its text."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            index = answer_key(event)
            if index is not None:
                self.answer_with_key(index)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = answer_key(event)
        if index is not None:
            self.answer_with_key(index)
            event.accept()
            return
        super().keyPressEvent(event)

    def answer_with_key(self, index: int) -> None:
        self.buttons[index].setChecked(True)
        self._emit()
        self.answered_by_key.emit(self.item_id)

    def _source_activated(self, _index: int) -> None:
        source = self.source.currentData()
        if source:
            self.source_chosen.emit(str(source))
        self._emit()

    def _emit(self) -> None:
        if self.group.checkedId() >= 0:
            self._set_not_asked(False)
        if self.default_source and self.answer() is not None and self.source.currentData() is None:
            self.source.setCurrentIndex(self.source.findData(self.default_source))
        self._mark()
        self.changed.emit(self.item_id)

    def _set_not_asked(self, value: bool) -> None:
        self._not_asked = value
        self.not_asked_label.setVisible(value)

    def _mark(self) -> None:
        answered = self.answer() is not None
        self.setProperty("answered", answered)
        # An answered item gets a thick left edge (its radio button says which answer; colour adds nothing).
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ border: 1px solid palette(mid);"
            " border-left: 5px solid palette(highlight); border-radius: 3px; }"
            if answered
            else ""
        )

    def set_conflict(self, text: str) -> None:
        """Say (or, with "", stop saying) that this answer contradicts another one."""
        self.conflict.setText(text)
        self.conflict.setVisible(bool(text))

    def answer(self) -> str | None:
        checked = self.group.checkedId()
        if checked >= 0:
            return ANSWERS[checked]
        return NOT_ASKED if self._not_asked else None

    def set_from_respondent(self, answer: str, language: str) -> None:
        """The person answered on the respondent screen (emits ``changed``)."""
        self.language = language
        self.source.setCurrentIndex(self.source.findData("respondent"))
        self.buttons[ANSWERS.index(answer)].setChecked(True)
        self._emit()

    def mark_not_asked(self) -> None:
        """ "Not asked in this interview" (emits ``changed``); any answer key replaces it."""
        self._set_not_asked(True)
        self._mark()
        self.changed.emit(self.item_id)

    def value(self) -> dict[str, Any] | None:
        """What the core stores, or None while no answer is chosen (a note alone is not saved)."""
        answer = self.answer()
        if answer is None:
            return None
        value = {"answer": answer, "source": self.source.currentData(), "note": self.note.text().strip()}
        if self.language and self.source.currentData() == "respondent":
            value["language"] = self.language
        return value

    def set_value(self, value: dict[str, Any] | str | None) -> None:
        """Show a stored answer (emits nothing)."""
        if value is None:
            return
        record = {"answer": value} if isinstance(value, str) else value
        answer = record.get("answer")
        if answer in ANSWERS:
            self.buttons[ANSWERS.index(str(answer))].setChecked(True)
        self._set_not_asked(answer == NOT_ASKED)
        self.source.setCurrentIndex(max(self.source.findData(record.get("source")), 0))
        self.note.setText(str(record.get("note") or ""))
        self.language = record.get("language") or None
        self._mark()

"""What the interview's step pages are made of: labelled fields, each tied to its place in the record.

``InterviewForm`` makes each field (a line, a yes/no choice, a table…) with its label, registers it
under its section and name in the screening record, and calls ``on_change(field)`` whenever the
officer changes it; the screen checks and saves it. ``page`` makes a scrolling step page whose form
part can be made read-only as a whole (``page_forms``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import Term
from ui.errors import translated
from ui.widgets import MISSING, CheckList, Column, EntryTable, YesNoChoice
from ui.widgets.country_field import country_code, country_completer, display_code
from ui.widgets.prefilled import mark_prefilled, unmark_prefilled


@dataclass
class Field:
    section: str
    name: str
    widget: QWidget
    get: Callable[[], Any]
    put: Callable[[Any], None]


class Rows:
    """Label and field rows that wrap long (Khmer) labels properly, unlike QFormLayout's label column.

    ``wrap_all`` puts each label above its field, full width; otherwise label and field sit side by side
    (2 : 3) and the label wraps within its column.
    """

    def __init__(self, box: QGroupBox, *, wrap_all: bool) -> None:
        self.grid = QGridLayout(box)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(1, 3)
        self.grid.setVerticalSpacing(6)
        self.wrap_all = wrap_all
        self.row = 0

    def addRow(self, label: QWidget, field: QWidget | None = None) -> None:  # noqa: N802 (QFormLayout's name)
        if field is None:
            self.grid.addWidget(label, self.row, 0, 1, 2)
        elif self.wrap_all:
            pair = QWidget()
            stacked = QVBoxLayout(pair)
            stacked.setContentsMargins(0, 0, 0, 8)  # margins never shrink, even on a short screen
            stacked.setSpacing(3)
            stacked.addWidget(label)
            stacked.addWidget(field)
            self.grid.addWidget(pair, self.row, 0, 1, 2)
        else:
            self.grid.addWidget(label, self.row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(field, self.row, 1)
        self.row += 1


class InterviewForm(QObject):
    """Makes the fields of the step pages and keeps them: ``fields[(section, name)]``, the first field
    of each step (``first_field[key]``, focused when the step opens) and each page's form part."""

    def __init__(self, on_change: Callable[[Field], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_change = on_change
        self.fields: dict[tuple[str, str], Field] = {}
        self.first_field: dict[str, QWidget] = {}
        self._order: list[QWidget] = []  # every field, in page order: a keyed answer moves to the next one
        self.page_forms: dict[str, QWidget] = {}
        self.prefilled: dict[tuple[str, str], str] = {}  # field: where its value came from

    def page(self, key: str, title: str, intro: str = "") -> tuple[QScrollArea, QVBoxLayout]:
        """A scrolling page; its form part (disabled when read-only) is ``self.page_forms[key]``."""
        form = QWidget()
        form.setObjectName(f"form_{key}")
        layout = QVBoxLayout(form)
        heading = QLabel(title)
        heading.setWordWrap(True)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        if intro:
            text = QLabel(intro)
            text.setWordWrap(True)
            layout.addWidget(text)
        self.page_forms[key] = form
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )  # wrap, never scroll sideways
        scroll.setWidget(form)
        return scroll, layout

    def group(self, layout: QVBoxLayout, title: str, *, wrap_all: bool = False) -> Rows:
        box = QGroupBox(title)
        layout.addWidget(box)
        return Rows(box, wrap_all=wrap_all)

    def add(
        self,
        form: Rows,
        section: str,
        name: str,
        label: str,
        widget: QWidget,
        get: Callable[[], Any],
        put: Callable[[Any], None],
        signal: Any,
    ) -> None:
        widget.setObjectName(f"{section}.{name}")
        text = QLabel(label)
        text.setWordWrap(True)
        text.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", ""))
        form.addRow(text, widget)
        field = Field(section, name, widget, get, put)
        self.fields[(section, name)] = field
        self._order.append(widget)
        signal.connect(lambda *_args: self._on_change(field))

    def mark_prefilled(self, field: Field, source: str) -> None:
        """Show a field as filled in from ``source`` (translated) until the officer changes it."""
        self.prefilled[(field.section, field.name)] = source
        mark_prefilled(field.widget, source)

    def show_prefill(
        self, values: dict[str, dict[str, Any]], sources: dict[str, Term]
    ) -> dict[str, dict[str, Any]]:
        """Put values filled in from what was recorded into their fields, marked; returns those shown."""
        shown: dict[str, dict[str, Any]] = {}
        for section, fields in values.items():
            for name, value in fields.items():
                field = self.fields.get((section, name))
                if field is not None:
                    field.put(value)
                    if isinstance(field.widget, QLineEdit):
                        field.widget.setCursorPosition(0)  # a long agency name shows its beginning
                    self.mark_prefilled(field, translated(sources[f"{section}.{name}"]))
                    shown.setdefault(section, {})[name] = value
        return shown

    def unmark(self, field: Field) -> None:
        if self.prefilled.pop((field.section, field.name), None) is not None:
            unmark_prefilled(field.widget)

    def focus_after(self, widget: QWidget) -> None:
        """Move the focus to the field after this one on its page (a yes/no answered by a key)."""
        index = self._order.index(widget) + 1
        if index < len(self._order) and self._order[index].isVisible():  # not on another (hidden) page
            following = self._order[index]
            following.setFocus(Qt.FocusReason.TabFocusReason)
            scroll = following.parentWidget()
            while scroll is not None and not isinstance(scroll, QScrollArea):
                scroll = scroll.parentWidget()
            if scroll is not None:
                scroll.ensureWidgetVisible(following, 0, 80)

    def line(self, form: Rows, section: str, name: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        self.add(
            form,
            section,
            name,
            label,
            edit,
            edit.text,
            lambda v: edit.setText(str(v or "")),
            edit.textChanged,
        )
        return edit

    def country(self, form: Rows, section: str, name: str, label: str) -> QLineEdit:
        """A country by part of its English or Khmer name or its code; stored as the code it names."""
        edit = QLineEdit()
        edit.setPlaceholderText(self.tr("Type part of the country's name, or its code"))
        edit.setCompleter(country_completer(edit))

        def get() -> Any:
            return country_code(edit.text()) or MISSING

        self.add(
            form,
            section,
            name,
            label,
            edit,
            get,
            lambda v: edit.setText(display_code(str(v or ""))),
            edit.textChanged,
        )
        return edit

    def words(self, form: Rows, section: str, name: str, label: str, placeholder: str = "") -> QLineEdit:
        """A list of words typed with commas between them."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder or self.tr("separate with commas"))

        def get() -> list[str]:
            return [part.strip() for part in edit.text().split(",") if part.strip()]

        def put(value: Any) -> None:
            edit.setText(", ".join(value or []))

        self.add(form, section, name, label, edit, get, put, edit.textChanged)
        return edit

    def text(self, form: Rows, section: str, name: str, label: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(60)
        edit.setMaximumHeight(90)
        self.add(
            form,
            section,
            name,
            label,
            edit,
            edit.toPlainText,
            lambda v: edit.setPlainText(str(v or "")),
            edit.textChanged,
        )
        return edit

    def yesno(self, form: Rows, section: str, name: str, label: str) -> YesNoChoice:
        choice = YesNoChoice()
        self.add(form, section, name, label, choice, choice.value, choice.set_value, choice.changed)
        choice.answered_by_key.connect(lambda: self.focus_after(choice))
        return choice

    def flag(self, form: Rows, section: str, name: str, label: str) -> QCheckBox:
        box = QCheckBox()
        self.add(
            form, section, name, label, box, box.isChecked, lambda v: box.setChecked(bool(v)), box.toggled
        )
        return box

    def combo(
        self,
        form: Rows,
        section: str,
        name: str,
        label: str,
        values: Sequence[str],
        labels: dict[str, str],
        *,
        editable: bool = False,
    ) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(editable)
        combo.addItem("—" if not editable else "", "")
        for value in values:
            combo.addItem(labels.get(value, value), value)

        def get() -> Any:
            if editable:
                return combo.currentText().strip()
            return combo.currentData() or MISSING

        def put(value: Any) -> None:
            found = combo.findData(value)
            if found >= 0:
                combo.setCurrentIndex(found)
            elif editable:
                combo.setEditText(str(value or ""))

        signal = combo.currentTextChanged if editable else combo.currentIndexChanged
        self.add(form, section, name, label, combo, get, put, signal)
        return combo

    def number(self, form: Rows, section: str, name: str, label: str, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(-1, high)
        spin.setSpecialValueText(self.tr("not known"))
        spin.setValue(-1)

        def get() -> int | None:
            return None if spin.value() < 0 else spin.value()

        def put(value: Any) -> None:
            spin.setValue(-1 if value is None else int(value))

        self.add(form, section, name, label, spin, get, put, spin.valueChanged)
        return spin

    def checklist(
        self, form: Rows, section: str, name: str, label: str, options: Sequence[tuple[str, str]]
    ) -> CheckList:
        checks = CheckList(options)
        self.add(
            form,
            section,
            name,
            label,
            checks,
            checks.value,
            lambda v: checks.set_value(v or []),
            checks.changed,
        )
        return checks

    def table(
        self,
        form: Rows,
        section: str,
        name: str,
        label: str,
        columns: Sequence[Column],
        add_text: str,
    ) -> EntryTable:
        table = EntryTable(
            columns, add_text=add_text, remove_text=self.tr("Remove selected row"), accessible_name=label
        )
        self.add(
            form, section, name, label, table, table.value, lambda v: table.set_value(v or []), table.changed
        )
        return table

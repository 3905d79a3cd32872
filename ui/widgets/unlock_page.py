"""What the field app's and HQ mode's unlock screens share: the language picker and the page layout."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from ui.i18n import LANGUAGES
from ui.naming import named


def language_picker(current: str, chosen: Callable[[str], None]) -> QComboBox:
    """Every language the app speaks, ``current`` selected; ``chosen`` gets the code the user picks."""
    combo = named(QComboBox(), "language")
    combo.setAccessibleName(QCoreApplication.translate("UnlockPage", "Language"))
    for code, label in LANGUAGES.items():
        combo.addItem(label, code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.activated.connect(lambda index: chosen(str(combo.itemData(index))))
    return combo


def centred_page(page: QWidget, language: QComboBox, widgets: Sequence[QWidget]) -> None:
    """The language picker top right, then ``widgets`` in a narrow centred column: it reads better
    than fields stretched across a laptop screen."""
    layout = QVBoxLayout(page)
    top = QHBoxLayout()
    top.addStretch(1)
    top.addWidget(language)
    layout.addLayout(top)
    layout.addStretch(1)
    column = QWidget()
    column.setMinimumWidth(460)
    column.setMaximumWidth(600)
    inner = QVBoxLayout(column)
    for widget in widgets:
        inner.addWidget(widget)
    layout.addWidget(column, alignment=Qt.AlignmentFlag.AlignHCenter)
    layout.addStretch(2)
    # The picker sits first on the page but comes last with Tab: typing at start-up goes to the form,
    # never into the language list.
    last: QWidget = page
    while (following := last.nextInFocusChain()) is not None and following is not page:
        last = following
    if last is not language:
        QWidget.setTabOrder(last, language)

"""The filter parts both persons lists share (the field app's and HQ mode's): the search box, which
re-runs the query a moment after typing stops, and combos that re-run it when changed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from fieldapp.screening import Outcome
from ui.models.persons import outcome_label
from ui.naming import named

OUTCOMES = (*(o.value for o in Outcome), "NOT_SCREENED")  # the filter's choices: every outcome, and none yet
SEARCH_DELAY_MS = 150


def _tr(text: str) -> str:
    return QCoreApplication.translate("PersonFilters", text)


def search_box(
    page: QWidget, name: str, placeholder: str, search: Callable[[], None]
) -> tuple[QLineEdit, QTimer]:
    """The search box (Ctrl+F on ``page`` focuses it) and its delay timer, which ``search`` should stop."""
    box = named(QLineEdit(), name)
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    box.setAccessibleName(_tr("Search persons"))
    timer = QTimer(page)
    timer.setSingleShot(True)
    timer.setInterval(SEARCH_DELAY_MS)
    timer.timeout.connect(search)
    box.textChanged.connect(timer.start)
    QShortcut(QKeySequence(QKeySequence.StandardKey.Find), page, box.setFocus)
    return box, timer


def filter_combo(name: str, options: list[tuple[str, object]], changed: Callable[[], None]) -> QComboBox:
    combo = named(QComboBox(), name)
    for label, data in options:
        combo.addItem(label, data)
    combo.currentIndexChanged.connect(changed)
    return combo


def outcome_combo(name: str, changed: Callable[[], None]) -> QComboBox:
    outcomes = [(outcome_label(None if o == "NOT_SCREENED" else o), o) for o in OUTCOMES]
    return filter_combo(name, [(_tr("Any outcome"), None), *outcomes], changed)


def minor_combo(name: str, changed: Callable[[], None]) -> QComboBox:
    options: list[tuple[str, object]] = [
        (_tr("Adults and minors"), None),
        (_tr("Minors (or possibly)"), 1),
        (_tr("Adults"), 0),
    ]
    return filter_combo(name, options, changed)

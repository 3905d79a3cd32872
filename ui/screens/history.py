"""A record's history (a person's registration details, an operation): every change from the signed event
log, newest first, with who made it on which laptop, when, what changed (before → after) and why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.records.fields import label
from fieldapp.records.history import HistoryEntry
from ui.errors import translated
from ui.models.persons import sex_label
from ui.naming import named
from ui.widgets.country_field import country_label, language_labels
from ui.widgets.person_fields import document_status_label, document_type_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


def when(at: str) -> str:
    """An event's UTC time in the laptop's local time, to the minute."""
    moment = QDateTime.fromString(at, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        return at
    return moment.toLocalTime().toString("yyyy-MM-dd HH:mm")


def action_text(entry: HistoryEntry) -> str:
    text = {
        "create": _tr("Registered"),
        "update": _tr("Edited"),
        "finalise": _tr("Made final"),
        "amend": _tr("Amended"),
        "withdraw": _tr("Withdrawn"),
        "purge": _tr("Purged from this laptop"),
        "close": _tr("Closed"),
    }.get(entry.op, entry.op)
    return _tr("%1 (version %2)").replace("%1", text).replace("%2", str(entry.version))


def value_text(field: str, value: Any) -> str:
    """A field's value as the person's page shows it."""
    if value is None or value == "" or value == []:
        return "—"
    if field == "sex":
        return sex_label(str(value))
    if field == "nationality":
        return country_label(str(value)) or str(value)
    if field == "setting":
        return {"scam_compound": _tr("an online-scam compound"), "other": _tr("another place")}.get(
            str(value), str(value)
        )
    if field == "document_type":
        return document_type_label(str(value))
    if field == "document_status":
        return document_status_label(str(value))
    if field == "languages" and isinstance(value, list):
        return language_labels([str(v) for v in value])
    if isinstance(value, bool):
        return _tr("yes") if value else _tr("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def changes_text(entry: HistoryEntry) -> str:
    if entry.redacted:
        return _tr("(purged: the values are no longer on this laptop)")
    lines = []
    for change in entry.changes:
        name = translated(label(change.field))
        name = name[:1].upper() + name[1:]  # a field's name starts the line
        before, after = value_text(change.field, change.before), value_text(change.field, change.after)
        lines.append(f"{name}: {after}" if entry.op == "create" else f"{name}: {before} → {after}")
    return "\n".join(lines)


class HistoryDialog(QDialog):
    """Read-only; newest change first."""

    def __init__(self, title: str, entries: list[HistoryEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_dialog")
        self.setWindowTitle(title)
        intro = QLabel(
            self.tr("Every change, from the signed record log. A final record changes only by amendment.")
        )
        intro.setWordWrap(True)
        self.table = named(QTableWidget(len(entries), 5), "history_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Changes"), self.tr("Why")]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.Stretch,
            )
        ):
            header.setSectionResizeMode(column, mode)
        for row, entry in enumerate(reversed(entries)):
            who = self.tr("%1 on %2").replace("%1", entry.officer).replace("%2", entry.device)
            for column, text in enumerate(
                (when(entry.at), who, action_text(entry), changes_text(entry), entry.reason)
            ):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        close = named(QPushButton(self.tr("Close")), "history_close")
        close.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 460)

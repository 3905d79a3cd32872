"""Choose the embassy list to print: the nationality, this operation or all, and whether to record the
persons on it as notified (a team lead, once the list is handed to the mission)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fieldapp.reference.consulates import missions
from fieldapp.reference.countries import country_name
from ui.naming import named
from ui.widgets.country_field import app_language


class NotificationDialog(QDialog):
    def __init__(self, *, team_lead: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notification_dialog")
        self.setWindowTitle(self.tr("Embassy notification list"))
        language = app_language()
        self.nationality = named(QComboBox(), "notification_nationality")
        for code in sorted(missions(), key=lambda c: country_name(c, language)):
            self.nationality.addItem(f"{country_name(code, language)} ({code})", code)
        self.this_operation = named(QCheckBox(self.tr("Only this &operation")), "notification_this_operation")
        self.this_operation.setChecked(True)
        self.record = named(
            QCheckBox(self.tr("&Record them as notified (the list goes to the mission now)")),
            "notification_record",
        )
        self.record.setEnabled(team_lead)
        if not team_lead:
            self.record.setToolTip(self.tr("Only a team lead records a notification."))
        note = QLabel(
            self.tr(
                "Only persons who consented to their embassy being told are listed; anyone with a "
                "“do not notify” flag never is. Persons notified before are left out."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Nationality"), self.nationality)
        form.addRow(self.this_operation)
        form.addRow(self.record)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

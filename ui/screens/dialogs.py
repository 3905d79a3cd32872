"""Small dialogs: settings (stored in the vault) and About."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.records.settings import IDLE_LOCK_MINUTES, RETENTION_DAYS
from fieldapp.version import __version__
from ui.locking import INTERVIEW_IDLE_FACTOR
from ui.naming import named


class SettingsDialog(QDialog):
    def __init__(
        self, *, idle_minutes: int, printer: str, retention_days: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.idle = named(QSpinBox(), "settings_idle")
        self.idle.setRange(IDLE_LOCK_MINUTES.minimum or 1, IDLE_LOCK_MINUTES.maximum or 10)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(idle_minutes)
        self.printer = named(QComboBox(), "settings_printer")
        self.printer.addItem(self.tr("Ask every time"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        self.printer.setCurrentIndex(max(0, self.printer.findData(printer)))
        self.retention = named(QSpinBox(), "settings_retention")
        self.retention.setRange(RETENTION_DAYS.minimum or 1, RETENTION_DAYS.maximum or 365)
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setValue(retention_days)
        form = QFormLayout()
        form.addRow(self.tr("Lock after &idle"), self.idle)
        self.interview_note = named(QLabel(), "settings_interview_idle")
        self.interview_note.setWordWrap(True)
        self.idle.valueChanged.connect(self._show_interview_wait)
        self._show_interview_wait(idle_minutes)
        form.addRow("", self.interview_note)
        form.addRow(self.tr("&Printer"), self.printer)
        form.addRow(self.tr("Keep records HQ has received for"), self.retention)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The current operation is chosen in the toolbar.")))
        layout.addWidget(buttons)

    def _show_interview_wait(self, minutes: int) -> None:
        self.interview_note.setText(
            self.tr(
                "During an interview the app waits %1 minutes before it locks: an interpreter may talk for a "
                "long time while nobody touches the keyboard. Ctrl+L or Ctrl+Shift+L lock at once, even in a "
                "dialog."
            ).replace("%1", str(minutes * INTERVIEW_IDLE_FACTOR))
        )


def show_about(parent: QWidget, device_fingerprint: str | None = None) -> None:
    """The version, licences and, once a vault is open, this laptop's key fingerprint (HQ compares it)."""
    text = QCoreApplication.translate(
        "AboutDialog",
        "<h3>fieldapp {version}</h3>"
        "<p>Offline screening, photos, handover forms and sync for anti-trafficking raid teams.</p>"
        "<p>Licence: GNU GPL v3 or later. Qt and PySide6: LGPL v3. SQLCipher: BSD-style. "
        "Noto fonts: SIL Open Font License 1.1.</p>"
        "<p>Indicator sets: ILO/EC operational indicators of trafficking in human beings (2009), "
        "still to be checked against the ILO brochure; translations marked draft await review.</p>",
    ).format(version=__version__)
    if device_fingerprint:
        text += QCoreApplication.translate(
            "AboutDialog",
            "<p>This laptop's key fingerprint (HQ compares it with its Devices tab before approving this "
            "laptop):<br><tt>{fingerprint}</tt></p>",
        ).format(fingerprint=device_fingerprint)
    QMessageBox.about(parent, QCoreApplication.translate("AboutDialog", "About fieldapp"), text)

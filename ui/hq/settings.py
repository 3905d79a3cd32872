"""HQ Settings: the duplicate search's thresholds (match probabilities), kept in HQ's store."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fieldapp.hq.linkage_store import Thresholds
from ui.naming import named


def _probability(name: str, value: float) -> QDoubleSpinBox:
    box = named(QDoubleSpinBox(), name)
    box.setRange(0.0, 1.0)
    box.setDecimals(3)
    box.setSingleStep(0.05)
    box.setValue(value)
    return box


class SettingsDialog(QDialog):
    """Emits ``saved(Thresholds)`` when OK is pressed with thresholds that make sense."""

    saved = Signal(object)

    def __init__(self, current: Thresholds, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hq_settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        explain = QLabel(
            self.tr(
                "The duplicate search proposes pairs whose match probability is at least the first "
                "threshold, and marks them as likely the same person from the second. The probability "
                "comes from the linkage model estimated from HQ's own records."
            )
        )
        explain.setWordWrap(True)
        self.propose_from = _probability("propose_from", current.propose_from)
        self.likely_from = _probability("likely_from", current.likely_from)
        self.propose_from.setAccessibleName(self.tr("Propose pairs from"))
        self.likely_from.setAccessibleName(self.tr("Likely the same person from"))
        form = QFormLayout()
        form.addRow(self.tr("Propose pairs from"), self.propose_from)
        form.addRow(self.tr("Likely the same person from"), self.likely_from)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("settings_ok")
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.propose_from.valueChanged.connect(self._check)
        self.likely_from.valueChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    @Slot()
    def _check(self) -> None:
        self.ok_button.setEnabled(self.propose_from.value() <= self.likely_from.value())

    @Slot()
    def _on_ok(self) -> None:
        if self.propose_from.value() > self.likely_from.value():
            return
        self.accept()
        self.saved.emit(Thresholds(self.propose_from.value(), self.likely_from.value()))

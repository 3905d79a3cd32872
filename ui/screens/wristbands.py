"""Choose what wristbands to print: the label stock, and everyone registered or a block reserved now."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.records.wristbands import MAX_BLOCK
from ui.naming import named


class WristbandsDialog(QDialog):
    """``stock`` and ``reserve`` (0: everyone registered) once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wristbands_dialog")
        self.setWindowTitle(self.tr("Print wristbands"))
        self.stock_box = named(QComboBox(), "wristband_stock")
        for stock, label in (
            ("a4", self.tr("A4 sheet, 24 labels (70 × 37 mm)")),
            ("thermal-50x25", self.tr("Thermal label 50 × 25 mm")),
            ("wristband-25", self.tr("Thermal wristband 25 mm")),
        ):
            self.stock_box.addItem(label, stock)
        self.everyone = named(
            QRadioButton(self.tr("&Everyone registered in this operation")), "wristband_everyone"
        )
        self.ahead = named(
            QRadioButton(self.tr("&Reserve new ids and print them ahead (paper fallback)")), "wristband_ahead"
        )
        self.count = named(QSpinBox(), "wristband_count")
        self.count.setRange(1, MAX_BLOCK)
        self.count.setValue(100)
        group = QButtonGroup(self)
        for button in (self.everyone, self.ahead):
            group.addButton(button)
        self.everyone.setChecked(True)
        self.count.setEnabled(False)
        self.ahead.toggled.connect(self.count.setEnabled)
        note = QLabel(
            self.tr(
                "A band shows only the temporary id, its check letter and a QR code: no name, no photo, "
                "no colour. Ids reserved ahead are never given to anyone else; a person keyed in later keeps "
                "the id on their band."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Label &stock"), self.stock_box)
        form.addRow(self.everyone)
        form.addRow(self.ahead)
        form.addRow(self.tr("How &many ids"), self.count)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @property
    def stock(self) -> str:
        return str(self.stock_box.currentData())

    @property
    def reserve(self) -> int:
        return self.count.value() if self.ahead.isChecked() else 0

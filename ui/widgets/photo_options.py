"""A photo's type, consent and evidence marking: asked when photos are attached and when re-classified.

Consent defaults to what the person's latest screening recorded for that type of photo; when the
screening says nothing, neither answer is chosen and the officer must ask.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.photos.service import KINDS
from ui.naming import named


@dataclass(frozen=True)
class PhotoOptions:
    kind: str
    consent: bool
    evidence: bool = False


def kind_label(kind: str | None) -> str:
    labels = {
        "portrait": QCoreApplication.translate("photos", "Portrait"),
        "injury": QCoreApplication.translate("photos", "Injury"),
        "document": QCoreApplication.translate("photos", "Document"),
        "scene": QCoreApplication.translate("photos", "Scene"),
    }
    return labels.get(kind or "", kind or "")


def consent_label(consent: bool) -> str:
    if consent:
        return QCoreApplication.translate("photos", "Consent given")
    return QCoreApplication.translate("photos", "No consent")


class PhotoOptionsDialog(QDialog):
    """Ask type, consent and (team leads only) evidence; ``options()`` once accepted."""

    def __init__(
        self,
        *,
        screening_consent: Mapping[str, bool | None],
        can_mark_evidence: bool,
        initial: PhotoOptions | None = None,
        default_kind: str = "portrait",
        count: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photo_options")
        self.setWindowTitle(
            self.tr("Photo type and consent") if initial is None else self.tr("Re-classify photo")
        )
        self._screening_consent = dict(screening_consent)
        self._consent_touched = initial is not None
        self._can_mark_evidence = can_mark_evidence
        self.kind = named(QComboBox(), "photo_kind")
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(initial.kind if initial else default_kind)))
        self.consent_yes = named(QRadioButton(self.tr("&Yes, the person agreed")), "photo_consent_yes")
        self.consent_no = named(QRadioButton(self.tr("&No")), "photo_consent_no")
        self._consent_group = QButtonGroup(self)
        self._consent_group.addButton(self.consent_yes)
        self._consent_group.addButton(self.consent_no)
        self.consent_hint = named(QLabel(), "photo_consent_hint")
        self.consent_hint.setWordWrap(True)
        self.evidence = named(
            QCheckBox(self.tr("Keep as &evidence (keeps location and camera serial)")), "photo_evidence"
        )
        self.evidence.setVisible(can_mark_evidence)
        if initial is not None:
            (self.consent_yes if initial.consent else self.consent_no).setChecked(True)
            self.evidence.setChecked(initial.evidence)

        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_yes)
        consent_row.addWidget(self.consent_no)
        consent_row.addStretch(1)
        consent_box = QVBoxLayout()
        consent_box.addLayout(consent_row)
        consent_box.addWidget(self.consent_hint)
        form = QFormLayout()
        form.addRow(self.tr("&Type"), self.kind)
        consent_label_widget = QLabel(self.tr("Consent to this photo"))
        consent_label_widget.setBuddy(self.consent_yes)
        form.addRow(consent_label_widget, consent_box)
        if can_mark_evidence:
            form.addRow("", self.evidence)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if count > 1:
            many = QLabel(self.tr("These choices apply to all {count} photos.").format(count=count))
            many.setWordWrap(True)
            layout.addWidget(many)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.consent_yes.toggled.connect(self._update_ok)
        self.consent_no.toggled.connect(self._update_ok)
        self.consent_yes.clicked.connect(self._consent_chosen)
        self.consent_no.clicked.connect(self._consent_chosen)
        self._kind_changed()
        self.setMinimumWidth(440)

    @Slot()
    def _kind_changed(self) -> None:
        kind = str(self.kind.currentData())
        recorded = self._screening_consent.get(kind)
        name = kind_label(kind).lower()
        if recorded is None:
            self.consent_hint.setText(
                self.tr("The screening does not record consent to {kind} photos: ask the person.").format(
                    kind=name
                )
            )
        elif recorded:
            self.consent_hint.setText(
                self.tr("The screening records consent to {kind} photos.").format(kind=name)
            )
        else:
            self.consent_hint.setText(
                self.tr("The screening records that the person did NOT agree to {kind} photos.").format(
                    kind=name
                )
            )
        if not self._consent_touched:
            self._consent_group.setExclusive(False)
            self.consent_yes.setChecked(recorded is True)
            self.consent_no.setChecked(recorded is False)
            self._consent_group.setExclusive(True)
        self._update_ok()

    @Slot()
    def _consent_chosen(self) -> None:
        self._consent_touched = True  # the officer answered: changing the type keeps the answer

    @Slot()
    def _update_ok(self) -> None:
        answered = self.consent_yes.isChecked() or self.consent_no.isChecked()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(answered)
        ok.setToolTip("" if answered else self.tr("Say whether the person agreed to this photo."))

    def options(self) -> PhotoOptions:
        return PhotoOptions(
            kind=str(self.kind.currentData()),
            consent=self.consent_yes.isChecked(),
            evidence=self._can_mark_evidence and self.evidence.isChecked(),
        )

"""Questions the photos panel asks the officer: files, camera card, type and consent, purge reason.

Each is opened without a nested event loop and answers through a callback; the panel holds them as
replaceable callables (tests answer them directly).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStorageInfo, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.photos.card import CardPhoto
from fieldapp.photos.service import PhotoRow
from fieldapp.records.service import MIN_REASON
from ui.naming import named
from ui.widgets.card_picker import CardPickerDialog
from ui.widgets.photo_options import PhotoOptions, PhotoOptionsDialog

logger = logging.getLogger(__name__)

FILE_FILTER = "*.jpg *.jpeg *.jpe *.png *.heic *.heif *.JPG *.JPEG *.PNG *.HEIC"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PhotosPanel", text)  # the panel's own questions: its context


@dataclass(frozen=True)
class OptionsRequest:
    """What the type-and-consent question needs to know."""

    screening_consent: dict[str, bool | None]
    can_mark_evidence: bool
    initial: PhotoOptions | None = None
    default_kind: str = "portrait"
    count: int = 1


FilesAnswer = Callable[[list[Path]], None]
CardAnswer = Callable[[Path], None]
FilesPicked = Callable[[list[Path]], None]  # the card's photos the officer ticked
OptionsAnswer = Callable[[PhotoOptions], None]
ReasonAnswer = Callable[[str], None]


def camera_cards() -> list[Path]:
    """Mounted volumes (not the system one) with a DCIM folder: camera cards and phones as drives."""
    cards: list[Path] = []
    for volume in QStorageInfo.mountedVolumes():
        if not volume.isValid() or not volume.isReady() or volume.isRoot():
            continue
        root = Path(volume.rootPath())
        try:
            if (root / "DCIM").is_dir():
                cards.append(root)
        except OSError:  # a dying card or a stale network mount
            logger.info("cannot look into a mounted volume", exc_info=True)
    return cards


class PurgeDialog(QDialog):
    """Asks why; says plainly that the photo will be unrecoverable."""

    def __init__(self, row: PhotoRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("purge_dialog")
        self.setWindowTitle(self.tr("Purge photo"))
        warning = QLabel(
            self.tr(
                "<b>The photo will be destroyed and cannot be recovered</b> — not by you, not by "
                "HQ. Only the record that a photo existed (its type and fingerprint) stays, with "
                "your reason."
            )
        )
        warning.setWordWrap(True)
        self.reason = named(QPlainTextEdit(), "purge_reason")
        self.reason.setPlaceholderText(self.tr("Why must this photo be destroyed?"))
        self.reason.setAccessibleName(self.tr("Reason for purging"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.fontMetrics().height() * 4)
        reason_label = QLabel(self.tr("&Reason"))
        reason_label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.purge_button = named(
            self.buttons.addButton(self.tr("&Purge for ever"), QDialogButtonBox.ButtonRole.DestructiveRole),
            "purge_confirm",
        )
        self.purge_button.setEnabled(False)
        self.purge_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    @Slot()
    def _changed(self) -> None:
        self.purge_button.setEnabled(len(self.reason.toPlainText().strip()) >= MIN_REASON)


# --- the default questions (real dialogs) ---------------------------------------------------------


def choose_files(parent: QWidget, answer: FilesAnswer) -> None:
    dialog = QFileDialog(parent, _tr("Import photos"))
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setNameFilters([_tr("Photos ({patterns})").format(patterns=FILE_FILTER), _tr("All files (*)")])
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.filesSelected.connect(functools.partial(_paths_to, answer))
    dialog.open()


def choose_card(parent: QWidget, cards: list[Path], answer: CardAnswer) -> None:
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(_tr("Camera card"))
    dialog.setLabelText(_tr("Several cards are inserted. Import from:"))
    dialog.setComboBoxItems([str(card) for card in cards])
    dialog.setComboBoxEditable(False)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.textValueSelected.connect(functools.partial(_path_to, answer))
    dialog.open()


def pick_card_photos(parent: QWidget, photos: list[CardPhoto], answer: FilesPicked) -> None:
    dialog = CardPickerDialog(photos, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: answer(dialog.ticked()))
    dialog.open()


def ask_options(parent: QWidget, request: OptionsRequest, answer: OptionsAnswer) -> None:
    dialog = PhotoOptionsDialog(
        screening_consent=request.screening_consent,
        can_mark_evidence=request.can_mark_evidence,
        initial=request.initial,
        default_kind=request.default_kind,
        count=request.count,
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(functools.partial(_options_to, answer, dialog))
    dialog.open()


def ask_purge_reason(parent: QWidget, row: PhotoRow, answer: ReasonAnswer) -> None:
    dialog = PurgeDialog(row, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(functools.partial(_reason_to, answer, dialog))
    dialog.open()


def _paths_to(answer: FilesAnswer, names: list[str]) -> None:
    answer([Path(name) for name in names])


def _path_to(answer: CardAnswer, name: str) -> None:
    answer(Path(name))


def _options_to(answer: OptionsAnswer, dialog: PhotoOptionsDialog) -> None:
    answer(dialog.options())


def _reason_to(answer: ReasonAnswer, dialog: PurgeDialog) -> None:
    answer(dialog.reason.toPlainText().strip())

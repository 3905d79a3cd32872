"""Photos on the person page: thumbnails, take / import / camera card, view, re-classify, purge.

Every vault call runs on the database worker (``TaskRunner.run_db`` or ``run_with_progress`` for
imports). Questions to the officer (files, card, type and consent, purge reason) are asked through
replaceable callables that answer through a callback, so tests answer them directly and no nested
event loop ever runs (a lock in the middle of a question must not find a half-finished call).

The questions live in ``ui.screens.photo_questions``, the work on the database worker in
``ui.screens.photo_work``.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldAppError
from fieldapp.photos.batch import ImportSummary
from fieldapp.photos.card import CardPhoto
from fieldapp.photos.service import KINDS, Kind, PhotoRow, Photos
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.work import Cancelled
from ui.errors import show_error, user_message
from ui.naming import named
from ui.progress import ProgressTask, run_with_progress
from ui.screens.photo_questions import (
    CardAnswer,
    FilesAnswer,
    FilesPicked,
    OptionsAnswer,
    OptionsRequest,
    PurgeDialog,
    ReasonAnswer,
    ask_options,
    ask_purge_reason,
    camera_cards,
    choose_card,
    choose_files,
    pick_card_photos,
)
from ui.screens.photo_work import Loaded, attach_files, describe, load_person_photos, read_card
from ui.tasks import TaskRunner
from ui.widgets.fit_screen import fit_to_screen
from ui.widgets.photo_camera import CameraDialog, video_inputs
from ui.widgets.photo_options import PhotoOptions
from ui.widgets.photo_strip import PhotoStrip
from ui.widgets.photo_viewer import PhotoViewer

__all__ = ["OptionsRequest", "PhotosPanel", "PurgeDialog"]  # the questions: ui.screens.photo_questions

logger = logging.getLogger(__name__)


# --- the panel -------------------------------------------------------------------------------


class PhotosPanel(QWidget):
    """The person's photos. ``show_person(id)`` loads them; ``changed`` after any change."""

    changed = Signal()
    loaded = Signal()

    def __init__(
        self,
        *,
        records: Records,
        screenings: Screenings,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photos_panel")
        self._photos = Photos(records)
        self._screenings = screenings
        self._runner = runner
        self._is_lead = records.session.officer.has_role("team_lead")
        self.person_id = ""
        self.rows: dict[str, PhotoRow] = {}
        self.screening_consent: dict[str, bool | None] = dict.fromkeys(KINDS)
        self.viewer: PhotoViewer | None = None
        self.import_task: ProgressTask | None = None  # the import running now, if any

        # Replaceable: how the officer is asked (tests answer directly).
        self.choose_files: Callable[[FilesAnswer], None] = functools.partial(choose_files, self)
        self.find_cards: Callable[[], list[Path]] = camera_cards
        self.choose_card: Callable[[list[Path], CardAnswer], None] = functools.partial(choose_card, self)
        self.pick_card_photos: Callable[[list[CardPhoto], FilesPicked], None] = functools.partial(
            pick_card_photos, self
        )
        self.ask_options: Callable[[OptionsRequest, OptionsAnswer], None] = functools.partial(
            ask_options, self
        )
        self.ask_purge_reason: Callable[[PhotoRow, ReasonAnswer], None] = functools.partial(
            ask_purge_reason, self
        )
        self.camera_inputs: Callable[[], list[Any]] = video_inputs
        self.progress_delay_ms = 500

        heading = QLabel(self.tr("Photos"))
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self.strip = PhotoStrip()
        self.strip.itemActivated.connect(self._on_activated)
        self.strip.itemSelectionChanged.connect(self._update_buttons)
        self.strip.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.strip.customContextMenuRequested.connect(self._context_menu)
        self.empty = named(QLabel(self.tr("No photos yet.")), "photos_empty")
        self.empty.setEnabled(False)
        self.take_button = named(QPushButton(self.tr("Take p&hoto")), "photo_take")
        self.take_button.clicked.connect(self.take_photo)
        self.import_button = named(QPushButton(self.tr("&Import from files…")), "photo_import")
        self.import_button.clicked.connect(self.import_files)
        self.card_button = named(QPushButton(self.tr("From camera &card")), "photo_card")
        self.card_button.setToolTip(
            self.tr("Import new photos from an inserted camera card (its DCIM folder).")
        )
        self.card_button.clicked.connect(self.import_from_card)
        self.view_button = named(QPushButton(self.tr("&View")), "photo_view")
        self.view_button.clicked.connect(self.view_selected)
        self.reclassify_button = named(QPushButton(self.tr("&Type and consent…")), "photo_reclassify")
        self.reclassify_button.setToolTip(
            self.tr("Change the selected photo's type, consent or evidence marking.")
        )
        self.reclassify_button.clicked.connect(self.reclassify_selected)
        self.purge_button = named(QPushButton(self.tr("P&urge…")), "photo_purge")
        self.purge_button.clicked.connect(self.purge_selected)
        if not self._is_lead:
            self.purge_button.setToolTip(self.tr("Only a team lead can purge photos."))
        self.summary = named(QLabel(), "photos_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setVisible(False)

        add_row = QHBoxLayout()
        add_row.addWidget(heading)
        add_row.addSpacing(12)
        for button in (self.take_button, self.import_button, self.card_button):
            add_row.addWidget(button)
        add_row.addStretch(1)
        for button in (self.view_button, self.reclassify_button, self.purge_button):
            add_row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(add_row)
        layout.addWidget(self.strip)
        layout.addWidget(self.empty)
        layout.addWidget(self.summary)
        # Cameras are looked for when a person is shown: loading Qt Multimedia at unlock would
        # slow the start for a button that may never be used.
        self.take_button.setEnabled(False)
        self._update_buttons()

    # --- loading ---------------------------------------------------------------------------------

    def show_person(self, person_id: str) -> None:
        if person_id != self.person_id:
            self.rows = {}
            self.strip.clear()
            self.summary.setVisible(False)
        self.person_id = person_id
        self._update_camera()
        self.reload()

    def reload(self) -> None:
        if not self.person_id:
            return
        self._runner.run_db(
            functools.partial(load_person_photos, self._photos, self._screenings, self.person_id),
            functools.partial(self._on_loaded, self.person_id),
            self._on_error,
        )

    def _on_loaded(self, person_id: str, loaded: Loaded) -> None:
        if person_id != self.person_id:
            return  # the page moved on to another person meanwhile
        self.rows = {row.id: row for row in loaded.rows}
        self.screening_consent = loaded.screening_consent
        self.strip.set_photos(loaded.rows, loaded.images)
        self.strip.setVisible(bool(loaded.rows))
        self.empty.setVisible(not loaded.rows)
        self._update_buttons()
        self.loaded.emit()

    def _update_camera(self) -> None:
        cameras = self.camera_inputs()
        self.take_button.setEnabled(bool(cameras))
        self.take_button.setToolTip(
            self.tr("Take a photo with the laptop camera.") if cameras else self.tr("No camera found")
        )

    @Slot()
    def _update_buttons(self) -> None:
        selected = self.strip.current_photo_id() is not None
        self.view_button.setEnabled(selected)
        self.reclassify_button.setEnabled(selected)
        self.purge_button.setEnabled(selected and self._is_lead)

    def _selected_row(self) -> PhotoRow | None:
        photo_id = self.strip.current_photo_id()
        return None if photo_id is None else self.rows.get(photo_id)

    def _options_request(
        self, *, default_kind: str, count: int, initial: PhotoOptions | None = None
    ) -> OptionsRequest:
        return OptionsRequest(
            screening_consent=dict(self.screening_consent),
            can_mark_evidence=self._is_lead,
            initial=initial,
            default_kind=default_kind,
            count=count,
        )

    def _say(self, text: str, details: str | None = None) -> None:
        self.summary.setText(text)
        self.summary.setToolTip(details or "")
        self.summary.setVisible(bool(text))

    def _on_error(self, error: Exception) -> None:
        if isinstance(error, FieldAppError):
            self._say(user_message(error))
        show_error(self, error)

    # --- take a photo ----------------------------------------------------------------------------

    @Slot()
    def take_photo(self) -> None:
        if not self.person_id or not self.camera_inputs():
            self._update_camera()
            return
        dialog = CameraDialog(self)
        dialog.photo_taken.connect(self.attach_captured)
        dialog.open()

    @Slot(bytes)
    def attach_captured(self, data: bytes) -> None:
        """A frame from the camera (JPEG bytes in memory): ask type and consent, then attach it."""
        self.ask_options(
            self._options_request(default_kind="portrait", count=1),
            functools.partial(self._attach_bytes, self.person_id, data),
        )

    def _attach_bytes(self, person_id: str, data: bytes, options: PhotoOptions) -> None:
        photos = self._photos
        self._runner.run_db(
            functools.partial(
                photos.attach,
                person_id,
                data,
                kind=cast(Kind, options.kind),
                consent=options.consent,
                evidence=options.evidence,
            ),
            self._on_attached,
            self._on_error,
        )

    def _on_attached(self, row: PhotoRow) -> None:
        self._say(self.tr("Photo attached."))
        self.reload()
        self.changed.emit()

    # --- import ------------------------------------------------------------------------------

    @Slot()
    def import_files(self) -> None:
        if self.person_id:
            self.choose_files(functools.partial(self._files_chosen, self.person_id))

    def _files_chosen(self, person_id: str, files: list[Path]) -> None:
        if not files or person_id != self.person_id:
            return
        self.ask_options(
            self._options_request(default_kind="portrait", count=len(files)),
            functools.partial(self._import_files, person_id, list(files)),
        )

    def _import_files(self, person_id: str, files: list[Path], options: PhotoOptions) -> None:
        self._set_importing(True)
        self.import_task = run_with_progress(
            self,
            self._runner,
            self.tr("Importing photos"),
            functools.partial(attach_files, self._photos, person_id, files, options),
            self._on_imported,
            self._on_import_failed,
            delay_ms=self.progress_delay_ms,
        )

    @Slot()
    def import_from_card(self) -> None:
        if not self.person_id:
            return
        cards = self.find_cards()
        if not cards:
            self._say(
                self.tr(
                    "No camera card found. Insert the card (it must have a DCIM folder), or copy the "
                    "photos to the laptop and use Import from files."
                )
            )
            return
        answer = functools.partial(self._card_chosen, self.person_id)
        if len(cards) == 1:
            answer(cards[0])
        else:
            self.choose_card(cards, answer)

    def _card_chosen(self, person_id: str, card: Path) -> None:
        """Look at the card first (thumbnails, what is already in the vault), then the officer picks."""
        if person_id != self.person_id:
            return
        self._set_importing(True)
        self.import_task = run_with_progress(
            self,
            self._runner,
            self.tr("Reading the camera card"),
            functools.partial(read_card, self._photos, card),
            functools.partial(self._card_read, person_id),
            self._on_import_failed,
            delay_ms=self.progress_delay_ms,
        )

    def _card_read(self, person_id: str, photos: list[CardPhoto]) -> None:
        self._set_importing(False)
        if person_id != self.person_id:
            return
        if not photos:
            self._say(self.tr("The camera card holds no photos."))
            return
        self.pick_card_photos(photos, functools.partial(self._card_picked, person_id))

    def _card_picked(self, person_id: str, files: list[Path]) -> None:
        if person_id != self.person_id or not files:
            return
        self.ask_options(
            self._options_request(default_kind="scene", count=len(files)),
            functools.partial(self._import_files, person_id, files),
        )

    def _set_importing(self, importing: bool) -> None:
        if not importing:
            self.import_task = None
        for button in (self.import_button, self.card_button):
            button.setEnabled(not importing)

    def _on_import_failed(self, error: Exception) -> None:
        self._set_importing(False)
        if isinstance(error, Cancelled):
            self._say(self.tr("Cancelled: nothing was imported."))
            return
        self._on_error(error)

    def _on_imported(self, summary: ImportSummary) -> None:
        self._set_importing(False)
        self._say(describe(summary), summary.describe())
        self.reload()
        if summary.imported:
            self.changed.emit()

    # --- one photo ---------------------------------------------------------------------------

    @Slot(QListWidgetItem)
    def _on_activated(self, _item: QListWidgetItem) -> None:
        self.view_selected()

    @Slot()
    def view_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        self._runner.run_db(
            functools.partial(self._photos.view, row.id),
            functools.partial(self._on_view_loaded, row.id),
            self._on_error,
        )

    def _on_view_loaded(self, photo_id: str, data: bytes) -> None:
        row = self.rows.get(photo_id)
        if row is None:
            return
        if self.viewer is not None:
            self.viewer.close()
        self.viewer = PhotoViewer(row, data, self)
        self.viewer.destroyed.connect(self._viewer_gone)
        fit_to_screen(self.viewer, 820, 700)
        self.viewer.show()

    @Slot()
    def _viewer_gone(self) -> None:
        self.viewer = None

    @Slot()
    def reclassify_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        initial = PhotoOptions(row.kind or "scene", row.consent, row.evidence)
        self.ask_options(
            self._options_request(default_kind=initial.kind, count=1, initial=initial),
            functools.partial(self._reclassify, row.id, initial),
        )

    def _reclassify(self, photo_id: str, initial: PhotoOptions, options: PhotoOptions) -> None:
        if options == initial:
            return
        self._runner.run_db(
            functools.partial(
                self._photos.reclassify,
                photo_id,
                kind=cast(Kind, options.kind),
                consent=options.consent,
                evidence=options.evidence if self._is_lead else None,
            ),
            self._on_reclassified,
            self._on_error,
        )

    def _on_reclassified(self, row: PhotoRow) -> None:
        self._say(self.tr("Photo re-classified."))
        self.reload()
        self.changed.emit()

    @Slot()
    def purge_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        if not self._is_lead:
            self._say(self.tr("Only a team lead can purge photos."))
            return
        self.ask_purge_reason(row, functools.partial(self._purge, row.id))

    def _purge(self, photo_id: str, reason: str) -> None:
        self._runner.run_db(
            functools.partial(self._photos.purge, photo_id, reason),
            functools.partial(self._on_purged, photo_id),
            self._on_error,
        )

    def _on_purged(self, photo_id: str, _result: None) -> None:
        if self.viewer is not None and self.viewer.photo_id == photo_id:
            self.viewer.close()
        self._say(self.tr("Photo purged. It cannot be recovered."))
        self.reload()
        self.changed.emit()

    @Slot(object)
    def _context_menu(self, position: Any) -> None:
        item = self.strip.itemAt(position)
        if item is None:
            return
        self.strip.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction(self.tr("View"), self.view_selected)
        menu.addAction(self.tr("Type and consent…"), self.reclassify_selected)
        purge = menu.addAction(self.tr("Purge…"), self.purge_selected)
        purge.setEnabled(self._is_lead)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.strip.viewport().mapToGlobal(position))

"""The Sync screen (F6): HQ state, export to a USB stick or any folder or send over the network, HQ's
receipt back, purge after retention, enrolment. It shows this laptop's key fingerprint (HQ's Devices tab
asks the analyst to compare it) and HQ's, and says in plain words why each greyed action is greyed.

Vault calls run on the database worker. Drives come from ``QStorageInfo`` (writable, not the
system's; the lister is injectable). The next bundle's size comes from the core (``sync.export.pending``,
which ``export_bundle`` itself uses to refuse a too-small stick). "Safe to remove" only after
``export_bundle`` wrote, synced and read the bundle back.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldAppError
from fieldapp.line_breaks import breakable
from fieldapp.sync.export import ExportResult, export_bundle
from fieldapp.sync.network import PushResult, pull_receipt, push
from fieldapp.sync.purge import PurgeResult, purge_acknowledged
from fieldapp.sync.receipt import apply_receipt
from fieldapp.sync.state import SyncState, load_state
from fieldapp.vault.session import Session
from ui.errors import show_error, user_message
from ui.naming import named
from ui.progress import Progress, ShouldCancel, run_with_progress
from ui.tasks import TaskRunner

_SYSTEM_PREFIXES = ("/boot", "/snap", "/proc", "/sys", "/dev", "/var", "/usr", "/etc", "/tmp", "/run/user")
_VIRTUAL_FS = {"tmpfs", "devtmpfs", "overlay", "squashfs", "proc", "sysfs", "ramfs", "efivarfs", "autofs"}


@dataclass(frozen=True)
class Drive:
    path: Path
    name: str
    free: int


DriveLister = Callable[[], list[Drive]]
Clock = Callable[[], datetime | None]


def removable_drives() -> list[Drive]:
    """Mounted, ready, writable volumes other than the system (root) volume and its helpers."""
    root = QStorageInfo.root().rootPath()
    drives = []
    for volume in QStorageInfo.mountedVolumes():
        path = volume.rootPath()
        fs = bytes(volume.fileSystemType().data()).decode("ascii", "replace")
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly() or volume.isRoot():
            continue
        if path == root or fs in _VIRTUAL_FS or path.startswith(_SYSTEM_PREFIXES):
            continue
        drives.append(Drive(Path(path), volume.displayName() or path, int(volume.bytesAvailable())))
    return drives


class _Words(QLabel):
    """A label whose text wraps, Khmer too (which has no spaces: it gets invisible break points)."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(breakable(text))


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}" if size == 0 or size >= 50_000 else "< 0.1"


class SyncDialog(QDialog):
    def __init__(
        self,
        *,
        session: Session,
        runner: TaskRunner,
        drives: DriveLister = removable_drives,
        clock: Clock = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sync_dialog")
        self.setWindowTitle(self.tr("Sync with HQ"))
        self.session, self._runner, self._drives, self._clock = session, runner, drives, clock
        self.state: SyncState | None = None
        self._busy = False
        self._to_stick = True

        state_box = named(QGroupBox(self.tr("State")), "sync_state_box")
        form = QFormLayout(state_box)
        self.hq_label = named(_Words(), "sync_hq")
        self.acked_label = named(_Words(), "sync_acked")
        self.pending_label = named(_Words(), "sync_pending")
        self.bundle_label = named(_Words(), "sync_last_bundle")
        self.receipt_label = named(_Words(), "sync_last_receipt")
        self.device_fingerprint = named(QLabel(), "sync_device_fingerprint")
        self.hq_fingerprint = named(_Words(), "sync_hq_fingerprint")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.device_fingerprint.setFont(mono)
        self.device_fingerprint.setToolTip(
            self.tr(
                "HQ compares this with the fingerprint its Devices tab shows before it approves this laptop."
            )
        )
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, label in (
            (self.tr("HQ:"), self.hq_label),
            (self.tr("This laptop's key fingerprint:"), self.device_fingerprint),
            (self.tr("HQ's key:"), self.hq_fingerprint),
            (self.tr("Acknowledged by HQ:"), self.acked_label),
            (self.tr("Not yet at HQ:"), self.pending_label),
            (self.tr("Last bundle:"), self.bundle_label),
            (self.tr("Last receipt:"), self.receipt_label),
        ):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(text, label)

        stick_box = named(QGroupBox(self.tr("USB stick")), "sync_stick_box")
        stick = QVBoxLayout(stick_box)
        self.drive_list = named(QListWidget(), "drive_list")
        self.drive_list.currentRowChanged.connect(self._check_space)
        self.refresh_button = named(QPushButton(self.tr("Look for sticks again")), "refresh_drives")
        self.refresh_button.clicked.connect(self.refresh_drives)
        self.size_label = named(_Words(), "bundle_size")
        self.warning_label = named(_Words(), "stick_warning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.export_button = named(QPushButton(self.tr("Export to USB stick…")), "export_button")
        self.export_button.clicked.connect(self.export)
        self.folder_button = named(QPushButton(self.tr("Export to a folder…")), "export_folder_button")
        self.folder_button.clicked.connect(self.choose_folder)
        self.drive_list.setMaximumHeight(self.drive_list.fontMetrics().height() * 5)  # a few sticks at most
        row = QHBoxLayout()
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        exports = QHBoxLayout()  # a row of their own: Khmer labels are long
        exports.addStretch(1)
        exports.addWidget(self.folder_button)
        exports.addWidget(self.export_button)
        for part in (self.drive_list, self.size_label, self.warning_label):
            stick.addWidget(part)
        stick.addLayout(row)
        stick.addLayout(exports)

        network_box = named(QGroupBox(self.tr("Network")), "sync_network_box")
        network = QHBoxLayout(network_box)
        self.push_button = named(QPushButton(self.tr("Send to HQ over the network")), "push_button")
        self.push_button.clicked.connect(self.send)
        self.pull_button = named(QPushButton(self.tr("Ask HQ for its receipt")), "pull_button")
        self.pull_button.clicked.connect(self.ask_receipt)
        self.network_label = named(_Words(), "sync_network")
        self.network_label.setWordWrap(True)
        network.addWidget(self.network_label, 1)
        network.addWidget(self.pull_button)
        network.addWidget(self.push_button)

        self.receipt_button = named(QPushButton(self.tr("Load receipt…")), "receipt_button")
        self.receipt_button.clicked.connect(self.choose_receipt)
        self.enrol_button = named(QPushButton(self.tr("Load enrolment file…")), "enrol_file_button")
        self.enrol_button.clicked.connect(self.choose_enrolment)
        self.purge_button = named(QPushButton(self.tr("Purge acknowledged records…")), "purge_button")
        self.purge_button.clicked.connect(self.ask_purge)
        self.reasons_label = named(_Words(), "sync_reasons")  # why each greyed action is greyed
        self.reasons_label.setWordWrap(True)
        self.result_label = named(_Words(), "sync_result")
        self.result_label.setWordWrap(True)
        self.result_label.setStyleSheet("font-weight: bold;")
        close = named(QPushButton(self.tr("Close")), "sync_close")
        close.clicked.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.enrol_button)
        actions.addWidget(self.receipt_button)
        actions.addWidget(self.purge_button)
        actions.addStretch(1)
        actions.addWidget(close)

        # The boxes scroll on a small screen (1280×720, Khmer text is taller); the actions stay in view.
        content = QWidget()
        inner = QVBoxLayout(content)
        for widget in (state_box, stick_box, network_box, self.reasons_label, self.result_label):
            inner.addWidget(widget)
        inner.addStretch(1)
        self.content_area = named(QScrollArea(), "sync_scroll")
        self.content_area.setWidgetResizable(True)
        self.content_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.content_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content_area.setWidget(content)
        self._content = content
        layout = QVBoxLayout(self)
        layout.addWidget(self.content_area, 1)
        layout.addLayout(actions)
        self.setMinimumWidth(560)
        self.refresh_drives()
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """As tall as the content needs, never taller than the screen, and placed on it."""
        screen = self.screen()
        if screen is not None:
            area = screen.availableGeometry()
            content = self._content.sizeHint()
            needed = (
                self._content.minimumSizeHint().width()
                + self.content_area.verticalScrollBar().sizeHint().width()
            )
            width = min(max(self.sizeHint().width(), needed + 40, 640), area.width() - 40)
            height = min(content.height() + 120, area.height() - 60)
            self.resize(width, height)
            frame = self.frameGeometry()
            frame.moveCenter(area.center())
            self.move(max(area.left(), frame.left()), max(area.top(), frame.top()))
        super().showEvent(event)

    # --- state ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._runner.run_db(functools.partial(load_state, self.session), self._on_state, self._on_error)

    def _on_state(self, state: SyncState) -> None:
        self.state = state
        self.hq_label.setText(state.hq_name or self.tr("Not enrolled: load HQ's enrolment file first."))
        self.acked_label.setText(self.tr("events up to {seq}").format(seq=state.acked_seq))
        self.pending_label.setText(self.tr("{count} changes").format(count=state.pending))
        if state.last_bundle:
            self.bundle_label.setText(
                self.tr("up to event {seq} ({hash}…)").format(
                    seq=state.last_bundle_seq, hash=state.last_bundle[:12]
                )
            )
        else:
            self.bundle_label.setText(self.tr("none yet"))
        self.receipt_label.setText(state.receipt_issued or self.tr("none yet"))
        self.size_label.setText(
            self.tr("The next bundle needs about {size} MB.").format(size=_mb(state.estimate))
        )
        self.device_fingerprint.setText(state.device_fingerprint)
        if state.hq_fingerprint is None:
            self.hq_fingerprint.setText(self.tr("none yet (not enrolled)"))
        elif state.hq_key_change is not None:
            change = state.hq_key_change
            self.hq_fingerprint.setText(
                self.tr(
                    "{fingerprint}\nHQ changed its key on {at} (from {old}), in a statement signed by the key "
                    "this laptop trusted before."
                ).format(fingerprint=state.hq_fingerprint, at=change.at[:10], old=change.old_fingerprint)
            )
        else:
            self.hq_fingerprint.setText(state.hq_fingerprint)
        self.network_label.setText(
            self.tr("HQ at {url}").format(url=state.hq_url)
            if state.hq_url
            else self.tr("This laptop's enrolment has no network address: use a USB stick.")
        )
        self._check_space()

    def refresh_drives(self) -> None:
        self.drive_list.clear()
        for drive in self._drives():
            text = self.tr("{name} ({path}): {free} MB free").format(
                name=drive.name, path=drive.path, free=_mb(drive.free)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, drive)
            self.drive_list.addItem(item)
        if self.drive_list.count():
            self.drive_list.setCurrentRow(0)
        else:
            self.warning_label.setText(self.tr("No USB stick found. Plug one in, then look again."))
        self._check_space()

    def selected_drive(self) -> Drive | None:
        item = self.drive_list.currentItem()
        drive = None if item is None else item.data(Qt.ItemDataRole.UserRole)
        return drive if isinstance(drive, Drive) else None

    def _check_space(self, *_: object) -> None:
        drive, state = self.selected_drive(), self.state
        fits = drive is not None and state is not None and (state.estimate <= drive.free)
        if drive is not None and state is not None and not fits:
            self.warning_label.setText(
                self.tr(
                    "This stick is too small: it has {free} MB free, the bundle needs about {size} MB. "
                    "Use a bigger stick."
                ).format(free=_mb(drive.free), size=_mb(state.estimate))
            )
        elif drive is not None:
            self.warning_label.clear()
        self._explain()

    def _why_greyed(self) -> dict[QAbstractButton, str | None]:
        """Each action and the plain reason it cannot be used now (None: it can)."""
        state, drive = self.state, self.selected_drive()
        busy = self.tr("Wait: the task under way must finish first.") if self._busy else None
        loading = self.tr("Reading this laptop's sync state…") if state is None else None
        enrolled = state is not None and state.hq_name is not None
        not_enrolled = (
            None if enrolled else self.tr("This laptop is not enrolled: load HQ's enrolment file first.")
        )
        if drive is None:
            stick = self.tr(
                "No USB stick found. Plug one in and press “Look for sticks again”, or export to a folder."
            )
        elif state is not None and state.estimate > drive.free:
            stick = self.tr("The stick is too small for the bundle: use a bigger one, or export to a folder.")
        else:
            stick = None
        offline = (
            self.tr("This laptop's enrolment has no network address: use a USB stick or a folder.")
            if state is not None and enrolled and state.hq_url is None
            else None
        )
        lead = (
            self.tr("Only a team lead can purge records.")
            if state is not None and not state.team_lead
            else None
        )
        admin = (
            self.tr("Only an admin can load HQ's enrolment file.")
            if state is not None and not state.admin
            else None
        )
        return {
            self.export_button: busy or loading or not_enrolled or stick,
            self.folder_button: busy or loading or not_enrolled,
            self.push_button: busy or loading or not_enrolled or offline,
            self.pull_button: busy or loading or not_enrolled or offline,
            self.receipt_button: busy or loading or not_enrolled,
            self.purge_button: busy or loading or lead,
            self.enrol_button: busy or loading or admin,
            self.refresh_button: busy,
        }

    def _explain(self) -> None:
        """Grey what cannot be used and say why, beside it (tooltip) and in words on the screen."""
        lines = []
        for button, reason in self._why_greyed().items():
            button.setEnabled(reason is None)
            button.setToolTip(reason or "")
            if reason is not None and button is not self.refresh_button:
                lines.append(
                    self.tr("{action} is not available: {reason}").format(
                        action=button.text().replace("&", "").rstrip("…"), reason=reason
                    )
                )
        self.reasons_label.setText("\n".join(lines))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._check_space()

    def _on_error(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, FieldAppError):
            self.result_label.setText(user_message(error))
        show_error(self, error)
        self.refresh()

    def choose_enrolment(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("HQ's enrolment file"), "", self.tr("Enrolment files (*.json)")
        )
        if name:
            self.enrol_from(Path(name))

    def enrol_from(self, path: Path) -> None:
        """HQ's fingerprint is compared in its own dialog (ui/screens/trust.py) before anything changes."""
        from ui.screens.trust import EnrolDialog

        first = self.state is None or self.state.hq_fingerprint is None
        dialog = EnrolDialog(session=self.session, runner=self._runner, path=path, first=first, parent=self)
        dialog.finished.connect(lambda _result: self.refresh())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- export ---------------------------------------------------------------------------------

    def export(self) -> None:
        drive = self.selected_drive()
        if drive is None or self._busy:
            return
        self._check_space()
        if not self.export_button.isEnabled():
            return
        self.result_label.setText(self.tr("Writing the bundle… do not remove the stick."))
        self._to_stick = True
        self._write_bundle(drive.path, self.tr("Export to USB stick"))

    def choose_folder(self) -> None:
        dialog = named(QFileDialog(self, self.tr("Folder for the bundle")), "export_folder_dialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda name: self.export_to_folder(Path(name)))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export_to_folder(self, folder: Path) -> None:
        """Any folder: a network share, a phone, a card reader; the core refuses one with too little space."""
        self._check_space()
        if self._busy or not self.folder_button.isEnabled():
            return
        self.result_label.setText(self.tr("Writing the bundle to {folder}…").format(folder=folder))
        self._to_stick = False
        self._write_bundle(folder, self.tr("Export to a folder"))

    def _write_bundle(self, folder: Path, title: str) -> None:
        self._set_busy(True)
        run_with_progress(
            self,
            self._runner,
            title,
            functools.partial(self._export_work, folder, self.tr("Writing and checking the bundle")),
            self._exported,
            self._on_error,
        )

    def _export_work(
        self, folder: Path, label: str, progress: Progress, should_cancel: ShouldCancel
    ) -> ExportResult | None:
        def report(done: int, total: int, what: str) -> None:
            progress(done, total, label)

        return export_bundle(self.session, folder, progress=report, should_cancel=should_cancel)

    def _exported(self, result: ExportResult | None) -> None:
        self._set_busy(False)
        if result is None:
            self.result_label.setText(
                self.tr("Nothing to send: HQ has acknowledged every change of this laptop.")
            )
        elif self._to_stick:
            self.result_label.setText(
                self.tr(
                    "Bundle of {events} changes ({size} MB) written and read back. Safe to remove the stick."
                ).format(events=result.events, size=_mb(result.size))
            )
        else:
            self.result_label.setText(
                self.tr("Bundle of {events} changes ({size} MB) written and read back: {file}").format(
                    events=result.events, size=_mb(result.size), file=result.paths[0]
                )
            )
        self.refresh_drives()
        self.refresh()

    # --- network --------------------------------------------------------------------------------

    def send(self) -> None:
        if self._busy or not self.push_button.isEnabled():
            return
        self.result_label.setText(self.tr("Sending to HQ… a cut connection resumes where it stopped."))
        self._set_busy(True)
        run_with_progress(
            self, self._runner, self.tr("Send to HQ"), self._push_work, self._sent, self._on_error
        )

    def _push_work(self, progress: Progress, should_cancel: ShouldCancel) -> PushResult:
        return push(self.session, progress=progress, should_cancel=should_cancel)

    def _sent(self, result: PushResult) -> None:
        self._set_busy(False)
        if result.bundle_hash is None:
            self.result_label.setText(
                self.tr("Nothing to send: HQ has acknowledged every change of this laptop.")
            )
        else:
            self.result_label.setText(
                self.tr("Sent {size} MB. HQ has received this laptop's changes up to {after}.").format(
                    size=_mb(result.size), after=result.acked_after
                )
            )
        self.refresh()

    def ask_receipt(self) -> None:
        self._set_busy(True)
        self._runner.run_db(
            functools.partial(pull_receipt, self.session), self._receipt_applied, self._on_error
        )

    # --- receipt --------------------------------------------------------------------------------

    def choose_receipt(self) -> None:
        dialog = named(
            QFileDialog(self, self.tr("HQ's receipt"), "", self.tr("Receipts (*.json)")), "receipt_dialog"
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.load_receipt)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def load_receipt(self, path: str) -> None:
        self._set_busy(True)
        work = functools.partial(apply_receipt, self.session, Path(path))
        self._runner.run_db(work, self._receipt_applied, self._on_error)

    def _receipt_applied(self, seqs: tuple[int, int]) -> None:
        self._set_busy(False)
        before, after = seqs
        if after > before:
            self.result_label.setText(
                self.tr("HQ has received this laptop's changes up to {after} (was {before}).").format(
                    after=after, before=before
                )
            )
        else:
            self.result_label.setText(
                self.tr("Receipt checked: HQ had already acknowledged these. Nothing changed.")
            )
        self.refresh()

    # --- purge ----------------------------------------------------------------------------------

    def ask_purge(self) -> None:
        self._set_busy(True)
        work = functools.partial(purge_acknowledged, self.session, now=self._clock(), dry_run=True)
        self._runner.run_db(work, self._confirm_purge, self._on_error)

    def _confirm_purge(self, dry: PurgeResult) -> None:
        self._set_busy(False)
        if not dry.persons:
            self.result_label.setText(
                self.tr(
                    "Nothing to purge: no person is both acknowledged by HQ and past the retention period."
                )
            )
            return
        box = named(QMessageBox(self), "purge_confirm")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Purge acknowledged records"))
        box.setText(
            self.tr(
                "Remove {persons} persons from this laptop: their names and personal details, {photos} photos "
                "and {documents} issued forms? HQ holds them; ids and hashes stay here. This cannot be undone."
            ).format(persons=dry.persons, photos=dry.photos, documents=dry.documents)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(self.purge)
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()

    def purge(self) -> None:
        self._set_busy(True)
        run_with_progress(
            self,
            self._runner,
            self.tr("Purge acknowledged records"),
            functools.partial(self._purge_work, self._clock(), self.tr("Purging persons")),
            self._purged,
            self._on_error,
        )

    def _purge_work(
        self, now: datetime | None, label: str, progress: Progress, should_cancel: ShouldCancel
    ) -> PurgeResult:
        def report(done: int, total: int, what: str) -> None:
            progress(done, total, label)

        return purge_acknowledged(self.session, now=now, progress=report, should_cancel=should_cancel)

    def _purged(self, result: PurgeResult) -> None:
        self._set_busy(False)
        text = self.tr("Purged {persons} persons ({photos} photos, {documents} issued forms).").format(
            persons=result.persons, photos=result.photos, documents=result.documents
        )
        if result.cancelled:
            text += " " + self.tr("Cancelled: the others are kept.")
        self.result_label.setText(text)
        self.refresh()

"""The Sync screen (F6): HQ state, export to a USB stick or send over the network, HQ's receipt back,
purge after retention.

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
from PySide6.QtWidgets import (
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
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import FieldAppError
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

        state_box = named(QGroupBox(self.tr("State")), "sync_state_box")
        form = QFormLayout(state_box)
        self.hq_label = named(QLabel(), "sync_hq")
        self.acked_label = named(QLabel(), "sync_acked")
        self.pending_label = named(QLabel(), "sync_pending")
        self.bundle_label = named(QLabel(), "sync_last_bundle")
        self.receipt_label = named(QLabel(), "sync_last_receipt")
        for text, label in (
            (self.tr("HQ:"), self.hq_label),
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
        self.size_label = named(QLabel(), "bundle_size")
        self.warning_label = named(QLabel(), "stick_warning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.export_button = named(QPushButton(self.tr("Export to USB stick…")), "export_button")
        self.export_button.clicked.connect(self.export)
        row = QHBoxLayout()
        row.addWidget(self.refresh_button)
        row.addStretch(1)
        row.addWidget(self.export_button)
        for part in (self.drive_list, self.size_label, self.warning_label):
            stick.addWidget(part)
        stick.addLayout(row)

        network_box = named(QGroupBox(self.tr("Network")), "sync_network_box")
        network = QHBoxLayout(network_box)
        self.push_button = named(QPushButton(self.tr("Send to HQ over the network")), "push_button")
        self.push_button.clicked.connect(self.send)
        self.pull_button = named(QPushButton(self.tr("Ask HQ for its receipt")), "pull_button")
        self.pull_button.clicked.connect(self.ask_receipt)
        self.network_label = named(QLabel(), "sync_network")
        self.network_label.setWordWrap(True)
        network.addWidget(self.network_label, 1)
        network.addWidget(self.pull_button)
        network.addWidget(self.push_button)

        self.receipt_button = named(QPushButton(self.tr("Load receipt…")), "receipt_button")
        self.receipt_button.clicked.connect(self.choose_receipt)
        self.enrol_button = named(QPushButton(self.tr("Load enrolment file…")), "enrol_file_button")
        self.enrol_button.clicked.connect(self.choose_enrolment)
        self.enrol_button.setToolTip(self.tr("Admin only."))
        self.purge_button = named(QPushButton(self.tr("Purge acknowledged records…")), "purge_button")
        self.purge_button.clicked.connect(self.ask_purge)
        self.purge_button.setToolTip(self.tr("Team lead only."))
        self.result_label = named(QLabel(), "sync_result")
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

        layout = QVBoxLayout(self)
        for widget in (state_box, stick_box, network_box, self.result_label):
            layout.addWidget(widget)
        layout.addLayout(actions)
        self.setMinimumWidth(560)
        self.refresh_drives()
        self.refresh()

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
        self.purge_button.setEnabled(state.team_lead and not self._busy)
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
        enrolled = state is not None and state.hq_name is not None
        self.export_button.setEnabled(fits and enrolled and not self._busy)
        online = state is not None and state.hq_url is not None and not self._busy
        self.push_button.setEnabled(online)
        self.pull_button.setEnabled(online)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for button in (self.receipt_button, self.refresh_button):
            button.setEnabled(not busy)
        self.purge_button.setEnabled(not busy and self.state is not None and self.state.team_lead)
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

        dialog = EnrolDialog(session=self.session, runner=self._runner, path=path, parent=self)
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
        self._set_busy(True)
        run_with_progress(
            self,
            self._runner,
            self.tr("Export to USB stick"),
            functools.partial(self._export_work, drive.path, self.tr("Writing and checking the bundle")),
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
        else:
            self.result_label.setText(
                self.tr(
                    "Bundle of {events} changes ({size} MB) written and read back. Safe to remove the stick."
                ).format(events=result.events, size=_mb(result.size))
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

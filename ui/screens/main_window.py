"""The main window after unlock: operation picker, persons, intake, a person, the interview; and Lock.

Everything that reads or writes the vault goes through the TaskRunner's database worker. Locking
saves any open interview draft first, drops the models, clears the clipboard and closes the session
on the worker (after the save: the worker runs tasks in order), then emits ``locked``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QClipboard, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QStackedWidget, QToolBar, QWidget

from fieldapp.photos.service import Photos
from fieldapp.records import settings
from fieldapp.records.handovers import Handovers
from fieldapp.records.history import HistoryEntry
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import OperationRow, Records
from fieldapp.vault.session import Session
from ui.errors import show_error
from ui.locking import IdleLock, LockKeys, SleepWatcher, close_other_windows
from ui.models.persons import role_label
from ui.naming import named
from ui.progress import ProgressTask, cancel_all, run_with_progress
from ui.screens.dialogs import SettingsDialog, show_about
from ui.screens.history import HistoryDialog
from ui.screens.intake import IntakePage
from ui.screens.operations import OperationDialog
from ui.screens.person import PersonPage
from ui.screens.persons import PersonsPage
from ui.screens.printing import (
    PdfJob,
    PdfOutput,
    forms_work,
    manifest_work,
    notification_work,
    reconciliation_work,
    wristbands_work,
)
from ui.screens.wristbands import WristbandsDialog
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Place:
    """Where an officer was when the vault locked: kept in memory only, to take them back there."""

    officer_id: str
    page: str  # "persons", "intake", "person" or "interview"
    person_id: str = ""
    screening_id: str = ""
    step: str = ""


def clear_clipboard() -> None:
    """Nothing copied from a record may outlive the session (docs/keys.md, "Locking")."""
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)


class MainWindow(QMainWindow):
    """Shown while a session is open. ``locked`` is emitted once the session is closed."""

    locked = Signal()

    def __init__(
        self, *, session: Session, runner: TaskRunner, language: str = "en", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.language = language
        self.setWindowTitle(self.tr("fieldapp"))
        self._session: Session | None = session
        self._runner = runner
        self._locking = False
        self.records = Records(session)
        self.screenings = Screenings(self.records)
        self.interview: Any = None  # ui.screens.interview.InterviewScreen while one is open
        self.operation_id: str | None = None
        self.output = PdfOutput(self, runner=runner, session=session)
        self.batch: ProgressTask | None = None  # the manifest or forms being made
        self.history_dialog: HistoryDialog | None = None
        self.operation_dialog: OperationDialog | None = None  # correcting the current operation

        self.persons_page = PersonsPage(records=self.records, runner=runner)
        self.persons_page.open_person.connect(self.open_person)
        self.persons_page.screen_requested.connect(self.open_interview)
        self.intake_page = IntakePage(records=self.records, runner=runner)
        self.intake_page.registered.connect(lambda _id: self.refresh_status())
        self.intake_page.photo_requested.connect(self.take_portrait)
        self.intake_page.open_requested.connect(self.open_person)
        self.person_page = PersonPage(records=self.records, screenings=self.screenings, runner=runner)
        self.person_page.back.connect(self.show_persons)
        self.person_page.screen_requested.connect(self.open_interview)
        self.pages = named(QStackedWidget(), "pages")
        for page in (self.persons_page, self.intake_page, self.person_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.table = self.persons_page.table

        self.operation_picker = named(QComboBox(), "operation_picker")
        self.operation_picker.setAccessibleName(self.tr("Current operation"))
        self.operation_picker.setMinimumContentsLength(30)
        self.operation_picker.activated.connect(self._on_operation_picked)
        self._build_actions()

        officer = session.officer
        self.signed_in = named(
            QLabel(
                self.tr("{name} ({role}) on {device}").format(
                    name=officer.name,
                    role=role_label(officer.role),
                    device=session.device_name,
                )
            ),
            "signed_in",
        )
        self.counts = named(
            QLabel(
                self.tr("Counting records..."),
            ),
            "counts",
        )
        self.statusBar().addWidget(self.signed_in)
        self.statusBar().addPermanentWidget(self.counts)
        if session.warnings:
            self.statusBar().showMessage(" ".join(session.warnings))

        self.idle_lock = IdleLock(settings.get_int(session, settings.IDLE_LOCK_MINUTES), self)
        self.idle_lock.idle.connect(self.lock_now)
        self.sleep_watcher = SleepWatcher(self)
        self.sleep_watcher.sleeping.connect(self.lock_now)
        self.lock_keys = LockKeys(self)  # Ctrl+L and the panic Ctrl+Shift+L, also inside a dialog
        self.lock_keys.pressed.connect(self.lock_now)
        self.last_place: Place | None = None  # where the officer was when the vault locked
        self._load_operations()  # then the persons list; the counts come after (they scan the vault)

    def _action(self, text: str, name: str, slot: Any, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setToolTip(
                f"{text.replace('&', '')} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})"
            )
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.persons_action = self._action(
            self.tr("&Persons"), "persons_action", self.show_persons, QKeySequence("F2")
        )
        self.intake_action = self._action(
            self.tr("&Register"), "intake_action", self.show_intake, QKeySequence("F3")
        )
        self.new_operation_action = self._action(
            self.tr("&New operation…"), "new_operation_action", self.new_operation
        )
        self.edit_operation_action = self._action(
            self.tr("&Edit this operation…"), "edit_operation_action", self.edit_operation
        )
        self.operation_history_action = self._action(
            self.tr("Operation histor&y…"), "operation_history_action", self.show_operation_history
        )
        self.settings_action = self._action(self.tr("&Settings…"), "settings_action", self.edit_settings)
        self.about_action = self._action(self.tr("&About"), "about_action", self.show_about)
        self.sync_action = self._action(self.tr("S&ync…"), "sync_action", self.show_sync, QKeySequence("F6"))
        # ``LockKeys`` catches Ctrl+L and the panic Ctrl+Shift+L wherever the focus is; the action shows Ctrl+L.
        self.lock_action = self._action(
            self.tr("&Lock"), "lock_action", self.lock_now, QKeySequence("Ctrl+L")
        )
        toolbar = named(
            QToolBar(
                self.tr("Main"),
            ),
            "main_toolbar",
        )
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr(" Operation: ")))
        toolbar.addWidget(self.operation_picker)
        for action in (
            self.new_operation_action,
            None,
            self.persons_action,
            self.intake_action,
            None,
            self.sync_action,
            self.settings_action,
            self.about_action,
            None,
            self.lock_action,
        ):
            toolbar.addSeparator() if action is None else toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.manifest_action = self._action(
            self.tr("Print &manifest…"), "manifest_action", lambda: self.print_manifest(False)
        )
        self.manifest_by_body_action = self._action(
            self.tr("Print manifest by &receiving body…"),
            "manifest_by_body_action",
            lambda: self.print_manifest(True),
        )
        self.forms_action = self._action(self.tr("All &handover forms…"), "forms_action", self.print_forms)
        self.wristbands_action = self._action(
            self.tr("Print &wristbands…"), "wristbands_action", self.print_wristbands
        )
        self.headcount_action = self._action(
            self.tr("Headcount and &scans…"), "headcount_action", self.show_headcount, QKeySequence("F8")
        )
        self.notification_action = self._action(
            self.tr("Em&bassy notification list…"), "notification_action", self.print_notification
        )
        self.reconciliation_action = self._action(
            self.tr("Nobody &lost: who is not handed over…"),
            "reconciliation_action",
            self.print_reconciliation,
        )
        self.verify_action = self._action(
            self.tr("&Check a handover form…"), "verify_action", self.show_verify
        )
        menu = self.menuBar().addMenu(self.tr("&Operation"))
        menu.setObjectName("operation_menu")
        for action in (
            self.new_operation_action,
            self.edit_operation_action,
            self.operation_history_action,
            None,
            self.manifest_action,
            self.manifest_by_body_action,
            self.forms_action,
            None,
            self.wristbands_action,
            self.headcount_action,
            self.reconciliation_action,
            self.notification_action,
            None,
            self.verify_action,
        ):
            menu.addSeparator() if action is None else menu.addAction(action)

    @property
    def session(self) -> Session | None:
        return self._session

    # --- operations ---------------------------------------------------------------------------

    def _load_operations(self, select: str | None = None) -> None:
        session, records = self._session, self.records
        if session is None:
            return

        def load() -> tuple[list[OperationRow], str]:
            return records.operations(), select or settings.get(session, settings.CURRENT_OPERATION)

        self._runner.run_db(load, self._on_operations, self._on_error)

    def _on_operations(self, loaded: tuple[list[OperationRow], str]) -> None:
        operations, current = loaded
        self.operation_picker.clear()
        for operation in operations:
            label = (
                operation.name
                if operation.status == "open"
                else self.tr("{name} (closed)").format(name=operation.name)
            )
            self.operation_picker.addItem(label, operation.id)
        open_ids = [o.id for o in operations if o.status == "open"]
        chosen = current if current in open_ids else (open_ids[0] if open_ids else None)
        if chosen is not None:
            self.operation_picker.setCurrentIndex(self.operation_picker.findData(chosen))
        self._set_operation(chosen)
        self.refresh_status()
        if not operations:
            self.statusBar().showMessage(self.tr("No operation yet: create one with “New operation…”."))

    def _on_operation_picked(self, index: int) -> None:
        operation_id = self.operation_picker.itemData(index)
        self._set_operation(operation_id)
        session = self._session
        if session is not None and operation_id:
            self._runner.run_db(lambda: settings.put(session, settings.CURRENT_OPERATION, operation_id))

    def _set_operation(self, operation_id: str | None) -> None:
        self.operation_id = operation_id
        self.persons_page.set_operation(operation_id)
        self.intake_page.set_operation(operation_id)

    @Slot()
    def new_operation(self) -> None:
        dialog = OperationDialog(self)
        if dialog.exec() != OperationDialog.DialogCode.Accepted:
            return
        fields, records, session = dialog.fields(), self.records, self._session
        assert session is not None

        def create() -> str:
            operation = records.create_operation(**fields)
            settings.put(session, settings.CURRENT_OPERATION, operation.id)
            return operation.id

        self._runner.run_db(create, self._load_operations, self._on_error)

    @Slot()
    def edit_operation(self) -> None:
        """Correct the current operation's details (the history keeps what they were)."""
        operation_id, records = self.operation_id, self.records
        if operation_id is None or self._session is None:
            self.statusBar().showMessage(self.tr("Pick an operation first."))
            return
        self._runner.run_db(lambda: records.operation(operation_id), self._edit_operation, self._on_error)

    def _edit_operation(self, operation: OperationRow) -> None:
        if self._locking:
            return
        dialog = OperationDialog(self, operation)
        dialog.accepted.connect(lambda: self._save_operation(operation.id, dialog.fields()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.destroyed.connect(lambda: setattr(self, "operation_dialog", None))
        self.operation_dialog = dialog
        dialog.open()  # not exec(): the window stays live for the locks while it is open

    def _save_operation(self, operation_id: str, fields: dict[str, Any]) -> None:
        records = self.records
        if self._locking or self._session is None:
            return
        self._runner.run_db(
            lambda: records.edit("operation", operation_id, fields),
            lambda _version: self._load_operations(operation_id),
            self._on_error,
        )

    @Slot()
    def show_operation_history(self) -> None:
        operation_id, records = self.operation_id, self.records
        if operation_id is None or self._session is None:
            self.statusBar().showMessage(self.tr("Pick an operation first."))
            return
        self._runner.run_db(
            lambda: (records.operation(operation_id), records.history("operation", operation_id)),
            self._on_operation_history,
            self._on_error,
        )

    def _on_operation_history(self, loaded: tuple[OperationRow, list[HistoryEntry]]) -> None:
        if self._locking:
            return
        operation, entries = loaded
        title = self.tr("History of the operation {name}").format(name=operation.name)
        dialog = HistoryDialog(title, entries, self)
        dialog.finished.connect(dialog.deleteLater)
        self.history_dialog = dialog
        dialog.open()

    # --- batch outputs ------------------------------------------------------------------------

    def _batch_actions(self) -> tuple[QAction, ...]:
        return (
            self.manifest_action,
            self.manifest_by_body_action,
            self.forms_action,
            self.wristbands_action,
            self.reconciliation_action,
            self.notification_action,
        )

    def _run_batch(self, title: str, work: Any) -> None:
        if self.batch is not None or self._session is None:
            return
        if not self.operation_id:
            self.statusBar().showMessage(self.tr("Pick an operation first."))
            return
        for action in self._batch_actions():
            action.setEnabled(False)
        self.batch = run_with_progress(
            self, self._runner, title, work, self._on_batch_done, self._on_batch_failed
        )
        self.batch.finished.connect(self._batch_ended)

    @Slot()
    def print_manifest(self, by_body: bool = False) -> None:
        """The operation's persons in one list (or one per receiving body), with progress and cancel."""
        if self.operation_id is None:
            self.statusBar().showMessage(self.tr("Pick an operation first."))
            return
        work = manifest_work(
            self.records, Handovers(self.records), Photos(self.records), self.operation_id, by_body=by_body
        )
        self._run_batch(self.tr("Making the manifest"), work)

    @Slot()
    def print_forms(self) -> None:
        """Every final handover form of the operation in one PDF, with progress and cancel."""
        if self.operation_id is None:
            self.statusBar().showMessage(self.tr("Pick an operation first."))
            return
        work = forms_work(self.records, Handovers(self.records), Photos(self.records), self.operation_id)
        self._run_batch(self.tr("Making the handover forms"), work)

    @Slot()
    def print_wristbands(self) -> None:
        """Bands for everyone registered, or a block of ids reserved now and printed ahead."""
        if self.operation_id is None:
            self.statusBar().showMessage(self.tr("Pick an operation first."))
            return
        dialog = WristbandsDialog(self)
        operation_id = self.operation_id

        def chosen() -> None:
            work = wristbands_work(self.records, operation_id, stock=dialog.stock, reserve=dialog.reserve)
            self._run_batch(self.tr("Making the wristbands"), work)

        dialog.accepted.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @Slot()
    def print_reconciliation(self) -> None:
        if self.operation_id is None:
            self.statusBar().showMessage(self.tr("Pick an operation first."))
            return
        self._run_batch(
            self.tr("Making the nobody-lost list"), reconciliation_work(self.records, self.operation_id)
        )

    @Slot()
    def print_notification(self) -> None:
        """A nationality's consented list for its embassy; recorded as notified if the team lead says so."""
        from ui.screens.notification import NotificationDialog

        if self.operation_id is None or self._session is None:
            self.statusBar().showMessage(self.tr("Pick an operation first."))
            return
        dialog = NotificationDialog(team_lead=self._session.officer.has_role("team_lead"), parent=self)
        operation_id = self.operation_id

        def chosen() -> None:
            work = notification_work(
                self.records,
                str(dialog.nationality.currentData()),
                operation_id if dialog.this_operation.isChecked() else None,
                record=dialog.record.isChecked(),
            )
            self._run_batch(self.tr("Making the embassy list"), work)

        dialog.accepted.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @Slot()
    def show_headcount(self) -> None:
        """The operation's live headcount, and the station where wristbands are scanned."""
        from ui.screens.headcount import HeadcountDialog

        if self.operation_id is None or self._session is None:
            self.statusBar().showMessage(self.tr("Pick an operation first."))
            return
        dialog = HeadcountDialog(
            records=self.records,
            runner=self._runner,
            operation_id=self.operation_id,
            print_reconciliation=self.print_reconciliation,
            parent=self,
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _on_batch_done(self, job: PdfJob) -> None:
        if self._locking:
            return
        self.output.offer(job)

    def _on_batch_failed(self, error: Exception) -> None:
        from fieldapp.work import Cancelled

        if isinstance(error, Cancelled):
            self.statusBar().showMessage(self.tr("Cancelled: no PDF was written."))
            return
        self._on_error(error)

    def _batch_ended(self, _cancelled: bool) -> None:
        self.batch = None
        for action in self._batch_actions():
            action.setEnabled(True)

    # --- pages --------------------------------------------------------------------------------

    @Slot()
    def show_persons(self) -> None:
        self._close_interview()
        self.pages.setCurrentWidget(self.persons_page)
        self.persons_page.refresh()
        self.persons_page.search.setFocus()

    @Slot()
    def show_sync(self) -> None:
        from ui.screens.sync import SyncDialog

        if (session := self.session) is not None:
            dialog = SyncDialog(session=session, runner=self._runner, parent=self)
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

    @Slot()
    def show_about(self) -> None:
        from fieldapp.sync.keys import fingerprint

        session = self.session  # the device key is held in memory since the unlock: no database read
        show_about(self, fingerprint(session.device_public_key) if session is not None else None)

    @Slot()
    def show_verify(self) -> None:
        from ui.screens.trust import VerifyDialog

        if (session := self.session) is not None:
            dialog = VerifyDialog(session=session, runner=self._runner, parent=self)
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

    def show_intake(self) -> None:
        self._close_interview()
        self.pages.setCurrentWidget(self.intake_page)
        self.intake_page.name.setFocus()

    @Slot(str)
    def open_person(self, person_id: str) -> None:
        self._close_interview()
        self.person_page.show_person(person_id)
        self.pages.setCurrentWidget(self.person_page)

    @Slot(str)
    def take_portrait(self, person_id: str) -> None:
        """From intake: the person's page with the camera open (or the import choices without one)."""
        self.open_person(person_id)
        self.person_page.photos.take_photo()

    @Slot(str, str)
    def open_interview(self, person_id: str, screening_id: str) -> None:
        from ui.screens.interview import InterviewScreen

        if self._session is None:
            return
        self._close_interview()
        self.interview = InterviewScreen(
            screenings=self.screenings,
            session=self._session,
            runner=self._runner,
            person_id=person_id,
            screening_id=screening_id or None,
            language=self.language,
        )
        self.interview.closed.connect(lambda: self.open_person(person_id))
        self.pages.addWidget(self.interview)
        self.pages.setCurrentWidget(self.interview)
        self.idle_lock.set_interviewing(True)

    def _close_interview(self) -> None:
        if self.interview is not None:
            self.interview.flush()
            self.pages.removeWidget(self.interview)
            self.interview.deleteLater()
            self.interview = None
            self.idle_lock.set_interviewing(False)
            self.refresh_status()

    def place(self) -> Place:
        """Where the officer is: the page, and the person, screening and step when there is one."""
        current = self.pages.currentWidget()
        officer = self._session.officer.id if self._session is not None else ""
        interview = self.interview
        if interview is not None and self.pages.indexOf(interview) == self.pages.currentIndex():
            return Place(
                officer,
                "interview",
                interview.person_id,
                interview.screening_id or "",
                interview.current_step,
            )
        if current is self.person_page and self.person_page.person_id:
            return Place(officer, "person", self.person_page.person_id)
        return Place(officer, "intake" if current is self.intake_page else "persons")

    def resume(self, place: Place) -> None:
        """Back where the officer was before the lock (only ever for the same officer)."""
        if place.page == "interview" and place.person_id:
            screenings, person_id = self.screenings, place.person_id

            def draft_id() -> str:  # a draft begun just before the lock has its id only now
                drafts = [s for s in screenings.for_person(person_id) if s.status == "draft"]
                return place.screening_id or (drafts[-1].id if drafts else "")

            self._runner.run_db(draft_id, lambda found: self._resume_interview(place, found), self._on_error)
        elif place.page == "person" and place.person_id:
            self.open_person(place.person_id)
        elif place.page == "intake":
            self.show_intake()

    def _resume_interview(self, place: Place, screening_id: str) -> None:
        self.open_interview(place.person_id, screening_id)
        interview = self.interview
        if interview is not None and place.step:
            interview.loaded.connect(lambda: interview.go_to_step(place.step))
        if screening_id:
            self.statusBar().showMessage(
                self.tr("Your draft was saved. You are back where you were."), 20_000
            )

    # --- settings and status ------------------------------------------------------------------

    @Slot()
    def edit_settings(self) -> None:
        session = self._session
        if session is None:
            return
        dialog = SettingsDialog(
            idle_minutes=settings.get_int(session, settings.IDLE_LOCK_MINUTES),
            printer=settings.get(session, settings.PRINTER),
            retention_days=settings.get_int(session, settings.RETENTION_DAYS),
            parent=self,
        )
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        idle, printer, retention = dialog.idle.value(), dialog.printer.currentData(), dialog.retention.value()

        def save() -> None:
            settings.put(session, settings.IDLE_LOCK_MINUTES, idle)
            settings.put(session, settings.PRINTER, printer)
            settings.put(session, settings.RETENTION_DAYS, retention)

        self._runner.run_db(save, lambda _none: self.idle_lock.set_minutes(idle), self._on_error)

    @Slot()
    def refresh_status(self) -> None:
        if self._session is None or self._locking:
            return
        self._runner.run_db(self.records.status, self._on_status, self._on_error)

    def _on_status(self, status: dict[str, Any]) -> None:
        if self._locking:
            return
        screened = sum(n for outcome, n in status["outcomes"].items() if outcome != "NOT_SCREENED")
        self.counts.setText(
            self.tr(
                "Persons: {persons} ({screened} screened, {final} final)   Not yet at HQ: {unsynced} changes"
            ).format(
                persons=status["persons"],
                screened=screened,
                final=status["persons_final"],
                unsynced=status["sync"]["unsynced_events"],
            )
        )

    def _on_error(self, error: Exception) -> None:
        if self._locking:
            logger.info("ignored an error that arrived while locking: %s", type(error).__name__)
            return
        show_error(self, error)

    # --- lock -----------------------------------------------------------------------------------

    @Slot()
    def lock_now(self) -> None:
        """Lock from anywhere: close every dialog and window that may show a person's data, then lock (a
        modal dialog's caller carries on as after Cancel and finds the session gone)."""
        if self._locking or self._session is None:
            return
        close_other_windows(self)
        self.lock()

    @Slot()
    def lock(self) -> None:
        """Save the open draft, drop the models, clear the clipboard, close the session, then ``locked``."""
        if self._locking or self._session is None:
            return
        self.last_place = self.place()
        self.lock_keys.stop()
        if self.interview is not None:
            self.interview.flush()  # queued before the close: the worker runs tasks in order
        self.person_page.detach()  # an open handover form is saved likewise, then nothing more
        self.intake_page.detach()
        cancel_all()  # a running import stops at its next photo instead of holding the close back
        self._locking = True
        self.lock_action.setEnabled(False)
        self.idle_lock.stop()
        self.persons_page.detach()
        if self.interview is not None:
            self.pages.removeWidget(self.interview)
            self.interview.deleteLater()
            self.interview = None
        clear_clipboard()
        session, self._session = self._session, None
        self._runner.run_db(session.close, self._on_closed, self._on_close_failed)

    def _on_closed(self, _result: object) -> None:
        self.locked.emit()

    def _on_close_failed(self, error: Exception) -> None:
        # The window goes away either way; a failure to close is a bug worth a report.
        show_error(self, error)
        self.locked.emit()

"""The main window after unlock: who is signed in, the vault's counts, the persons table, and Lock.

Everything that reads the vault goes through the TaskRunner's database worker. Locking drops the
model, clears the clipboard and closes the session on the worker, then emits ``locked``.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QClipboard, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fieldapp.records.service import PersonRow, Records
from fieldapp.vault.session import ROLE_LABELS, Session
from ui.errors import show_error
from ui.models.persons import FetchPage, PersonsModel
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)


def clear_clipboard() -> None:
    """Nothing copied from a record may outlive the session (DESIGN.md, Keys and the vault)."""
    clipboard = QGuiApplication.clipboard()
    clipboard.clear(QClipboard.Mode.Clipboard)
    if clipboard.supportsSelection():
        clipboard.clear(QClipboard.Mode.Selection)


class MainWindow(QMainWindow):
    """Shown while a session is open. ``locked`` is emitted once the session is closed."""

    locked = Signal()

    def __init__(self, *, session: Session, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("fieldapp"))
        self._session: Session | None = session
        self._runner = runner
        self._locking = False

        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setObjectName("lock_action")
        self.lock_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.lock_action.setToolTip(self.tr("Lock the vault (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock)
        toolbar = QToolBar(self.tr("Vault"))
        toolbar.setObjectName("vault_toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.lock_action)
        self.addToolBar(toolbar)
        self.addAction(self.lock_action)

        officer = session.officer
        self.signed_in = QLabel(
            self.tr("Signed in as {name} ({role}) on {device}").format(
                name=officer.name,
                role=ROLE_LABELS.get(officer.role, officer.role),
                device=session.device_name,
            )
        )
        self.signed_in.setObjectName("signed_in")
        self.counts = QLabel(self.tr("Counting records..."))
        self.counts.setObjectName("counts")
        self.warnings = QLabel("\n".join(session.warnings))
        self.warnings.setObjectName("warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setVisible(bool(session.warnings))

        self.persons_model: PersonsModel | None = PersonsModel(
            runner=runner, fetch_page=self._person_page_fetcher(session), parent=self
        )
        self.persons_model.load_failed.connect(self._on_error)
        self.table = QTableView()
        self.table.setObjectName("persons_table")
        self.table.setAccessibleName(self.tr("Persons"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setModel(self.persons_model)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.signed_in)
        layout.addWidget(self.counts)
        layout.addWidget(self.warnings)
        layout.addWidget(self.table)
        self.setCentralWidget(central)

        self.refresh_status()
        self.persons_model.fetchMore(self.table.rootIndex())

    @property
    def session(self) -> Session | None:
        return self._session

    @staticmethod
    def _person_page_fetcher(session: Session) -> FetchPage:
        def fetch(limit: int, offset: int) -> list[PersonRow]:
            return Records(session).persons(limit=limit, offset=offset)

        return fetch

    # --- status ---------------------------------------------------------------------------------

    @Slot()
    def refresh_status(self) -> None:
        session = self._session
        if session is None or self._locking:
            return
        self._runner.run_db(lambda: Records(session).status(), self._on_status, self._on_error)

    def _on_status(self, status: dict[str, Any]) -> None:
        if self._locking:
            return
        screened = sum(n for outcome, n in status["outcomes"].items() if outcome != "NOT_SCREENED")
        self.counts.setText(
            self.tr(
                "Operations: {operations}   Persons: {persons} ({final} final, {screened} screened)   "
                "Photos: {photos}   Handovers: {handovers}   Changes not yet at HQ: {unsynced}"
            ).format(
                operations=status["operations"],
                persons=status["persons"],
                final=status["persons_final"],
                screened=screened,
                photos=status["photos"],
                handovers=status["handovers"],
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
    def lock(self) -> None:
        """Drop the model, clear the clipboard, close the session on the worker, then ``locked``."""
        if self._locking or self._session is None:
            return
        self._locking = True
        self.lock_action.setEnabled(False)
        if self.persons_model is not None:
            self.persons_model.detach()
            self.table.setModel(None)
            self.persons_model.deleteLater()
            self.persons_model = None
        clear_clipboard()
        session, self._session = self._session, None
        self._runner.run_db(session.close, self._on_closed, self._on_close_failed)

    def _on_closed(self, _result: object) -> None:
        self.locked.emit()

    def _on_close_failed(self, error: Exception) -> None:
        # The window goes away either way; a failure to close is a bug worth a report.
        show_error(self, error)
        self.locked.emit()

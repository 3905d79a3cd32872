"""The HQ window: the unlock screen, then nine screens in tabs (Ctrl+1..9), F5 to refresh, Ctrl+L to lock."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.hq.bundles import BundlesPage
from ui.hq.dashboard import DashboardPage
from ui.hq.devices import DevicesPage
from ui.hq.disclosures import DisclosuresPage
from ui.hq.duplicates import DuplicatesPage
from ui.hq.followup import FollowUpPage
from ui.hq.page import HqPage
from ui.hq.persons import HqPersonsPage
from ui.hq.referrals import ReferralsPage
from ui.hq.review import ReviewPage
from ui.hq.session import HqSession
from ui.hq.unlock import HqUnlockScreen
from ui.i18n import switch_language
from ui.naming import named
from ui.progress import cancel_all
from ui.tasks import TaskRunner


class HqMainWindow(QWidget):
    """Emits ``locked`` once the store is closed (on the worker, after the work queued before it)."""

    locked = Signal()

    def __init__(self, *, session: HqSession, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hq_main_window")
        self.session: HqSession | None = session
        self._runner = runner
        self.bundles = BundlesPage(session=session, runner=runner)
        self.review = ReviewPage(session=session, runner=runner)
        self.persons = HqPersonsPage(session=session, runner=runner)
        self.duplicates = DuplicatesPage(session=session, runner=runner)
        self.dashboard = DashboardPage(session=session, runner=runner)
        self.devices = DevicesPage(session=session, runner=runner)
        self.disclosures = DisclosuresPage(session=session, runner=runner)
        self.referrals = ReferralsPage(session=session, runner=runner)
        self.followup = FollowUpPage(session=session, runner=runner)
        self.pages: list[HqPage] = [
            self.bundles,
            self.review,
            self.persons,
            self.duplicates,
            self.dashboard,
            self.devices,
            self.disclosures,
            self.referrals,
            self.followup,
        ]
        titles = [
            self.tr("&1 Bundles"),
            self.tr("&2 Review queue"),
            self.tr("&3 Persons"),
            self.tr("&4 Duplicates"),
            self.tr("&5 Dashboard"),
            self.tr("&6 Devices"),
            self.tr("&7 Disclosures"),
            self.tr("&8 Referrals"),
            self.tr("&9 Follow-up"),
        ]
        self.tabs = named(QTabWidget(), "hq_tabs")
        for page, title in zip(self.pages, titles, strict=True):
            self.tabs.addTab(page, title)
        self.tabs.currentChanged.connect(self._on_tab)
        for number in range(1, len(self.pages) + 1):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, functools.partial(self.show_page, number - 1))
        QShortcut(QKeySequence("F5"), self, self.refresh)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock)
        header = QHBoxLayout()
        heading = named(
            QLabel(
                self.tr("{name} — signed in: {account} ({role})").format(
                    name=session.identity.hq_name,
                    account=session.analyst or "—",
                    role=self._role_word(session.role),
                )
            ),
            "hq_title",
        )
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel(self.tr("Ctrl+1…9 switch screens, F5 refreshes"))
        self.lock_button = named(QPushButton(self.tr("Lock (Ctrl+L)")), "hq_lock")
        self.lock_button.clicked.connect(self.lock)
        self.verify_button = named(QPushButton(self.tr("Check a handover form…")), "hq_verify")
        self.verify_button.clicked.connect(self.show_verify)
        self.accounts_button = named(QPushButton(self.tr("Accounts…")), "hq_accounts")
        self.accounts_button.clicked.connect(self.show_accounts)
        self.accounts_button.setVisible(session.allows("accounts"))  # the core refuses others anyway
        header.addWidget(heading, 1)
        header.addWidget(hint)
        header.addWidget(self.verify_button)
        header.addWidget(self.accounts_button)
        header.addWidget(self.lock_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        if not session.allows("decide"):  # a liaison reads their persons; the core refuses the rest anyway
            for index, page in enumerate(self.pages):
                self.tabs.setTabVisible(index, page is self.persons)
            self.tabs.setCurrentWidget(self.persons)
        self._on_tab(self.tabs.currentIndex())

    @Slot()
    def show_verify(self) -> None:
        """A paper form checked against HQ's store: the same dialog and verdict as on a laptop."""
        from types import SimpleNamespace

        from ui.screens.trust import VerifyDialog

        if self.session is not None:
            dialog = VerifyDialog(
                session=SimpleNamespace(conn=self.session.store.conn), runner=self._runner, parent=self
            )
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

    def show_accounts(self) -> None:
        """An admin's accounts dialog: add an account, disable one."""
        from ui.hq.accounts import AccountsDialog

        if self.session is not None:
            dialog = AccountsDialog(session=self.session, runner=self._runner, parent=self)
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

    def show_page(self, index: int) -> None:
        if 0 <= index < len(self.pages) and self.tabs.isTabVisible(index):
            self.tabs.setCurrentIndex(index)

    def _role_word(self, role: str) -> str:
        words = {"admin": self.tr("admin"), "analyst": self.tr("analyst"), "liaison": self.tr("liaison")}
        return words.get(role, role or "—")

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        page = self.pages[index]
        if not page.loaded:
            page.refresh()

    @Slot()
    def refresh(self) -> None:
        if self.session is not None:
            self.pages[self.tabs.currentIndex()].refresh()

    @Slot()
    def lock(self) -> None:
        """Stop long work, forget what is shown, close the store on the worker."""
        session, self.session = self.session, None
        if session is None:
            return
        cancel_all()
        self.persons.detach()
        self.setEnabled(False)
        self._runner.run_db(session.close, self._on_closed, self._on_closed)

    def _on_closed(self, _result: object = None) -> None:
        self.locked.emit()


class HqAppWindow(QStackedWidget):
    """The one top-level window of HQ mode: the unlock screen or the HQ window, never both."""

    def __init__(
        self,
        *,
        hq_dir: Path,
        runner: TaskRunner,
        database: str | None = None,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hq_app_window")
        self.resize(1200, 760)
        self._runner = runner
        self.hq_dir = hq_dir
        self.database = database
        self.language = language
        self.main_window: HqMainWindow | None = None
        self.unlock_screen = self._make_unlock_screen()
        self._title()

    def _title(self) -> None:
        self.setWindowTitle(self.tr("fieldapp HQ"))

    def _make_unlock_screen(self, account: str = "") -> HqUnlockScreen:
        screen = HqUnlockScreen(
            hq_dir=self.hq_dir,
            runner=self._runner,
            database=self.database,
            language=self.language,
            account=account,
        )
        screen.unlocked.connect(self._on_unlocked)
        screen.language_changed.connect(self.change_language)
        self.addWidget(screen)
        self.setCurrentWidget(screen)
        return screen

    @Slot(str)
    def change_language(self, language: str) -> None:
        if not switch_language(self.language, language):
            return
        self.language = language
        old = self.unlock_screen
        self.unlock_screen = self._make_unlock_screen(old.account.text())
        self.removeWidget(old)
        old.deleteLater()
        self._title()

    @Slot(object)
    def _on_unlocked(self, session: HqSession) -> None:
        self.main_window = HqMainWindow(session=session, runner=self._runner)
        self.main_window.locked.connect(self._on_locked)
        self.addWidget(self.main_window)
        self.setCurrentWidget(self.main_window)
        self.main_window.tabs.setFocus()  # the unlock screen took the keyboard's focus with it

    @Slot()
    def _on_locked(self) -> None:
        window, self.main_window = self.main_window, None
        self.setCurrentWidget(self.unlock_screen)
        if window is not None:
            self.removeWidget(window)
            window.deleteLater()
        self.unlock_screen.passphrase.setFocus()

    def lock(self) -> None:
        if self.main_window is not None:
            self.main_window.lock()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        super().closeEvent(event)

"""Locking clears decrypted data: the persons model, every widget's text and the clipboard.

The demo vault is opened in the real AppWindow, the persons list fills, a name is copied to the
clipboard (Ctrl+C in the search field, as an officer would) and a person is opened; then the app
locks, by the panic shortcut and by the idle timer. After each lock: the persons model has no rows,
no widget of the application (labels, line edits, buttons, combo boxes, text edits, item views and
window titles, in every top-level window) shows any person's name or document number, and the
clipboard is empty.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from fieldapp.demo.build import DEMO_OFFICERS, DEMO_PASSPHRASE, build_demo
from fieldapp.records.service import Records
from fieldapp.vault.session import unlock
from ui.app import AppWindow
from ui.models.persons import LOADING, Column
from ui.tasks import TaskRunner

PERSONS = 15
ADMIN = DEMO_OFFICERS[0][0]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("lock") / "demo"
    build_demo(folder, DEMO_PASSPHRASE, persons=PERSONS)
    session = unlock(folder, ADMIN, DEMO_PASSPHRASE)
    try:
        persons = Records(session).persons(limit=10**6)
    finally:
        session.close()
    secrets = {s for p in persons for s in (p.name, p.name_own, p.document_no) if s and len(s) >= 4}
    return folder, sorted(secrets)


@pytest.fixture
def app_window(
    qtbot: QtBot, runner: TaskRunner, demo_template: tuple[Path, list[str]], tmp_path: Path
) -> Iterator[AppWindow]:
    folder = tmp_path / "demo"
    shutil.copytree(demo_template[0], folder)
    window = AppWindow(data_dir=folder, runner=runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    screen = window.unlock_screen
    screen.officer.setCurrentIndex(screen.officer.findText(ADMIN, Qt.MatchFlag.MatchContains))
    qtbot.keyClicks(screen.passphrase, DEMO_PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.main_window is not None, timeout=10_000)
    yield window
    window.lock()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)


def _texts(widget: QWidget) -> list[str]:
    texts = [widget.windowTitle(), widget.toolTip(), widget.accessibleName()]
    if isinstance(widget, QLabel | QLineEdit | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        texts.append(widget.toPlainText())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        texts.append(value)
    return [t for t in texts if t]


def _leaks(secrets: list[str]) -> list[str]:
    found = []
    for widget in QApplication.allWidgets():
        for text in _texts(widget):
            found += [f"{type(widget).__name__} {widget.objectName()!r}: {s}" for s in secrets if s in text]
    return found


def _fill_copy_open(qtbot: QtBot, window: AppWindow, secrets: list[str]) -> Any:
    main = window.main_window
    assert main is not None
    page = main.persons_page
    model = page.model
    qtbot.waitUntil(
        lambda: (
            model.rowCount() == PERSONS
            and all(model.index(r, Column.NAME).data() != LOADING for r in range(PERSONS))
        ),
        timeout=10_000,
    )
    name = str(model.index(0, Column.NAME).data())
    assert name in secrets and _leaks(secrets), "the list should show names before the lock"
    # Copy a name the way an officer would: into the search field, select all, Ctrl+C.
    page.search.setText(name)
    page.search.selectAll()
    qtbot.keyClick(page.search, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == name
    page.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == PERSONS, timeout=10_000)
    page.table.setFocus()
    page.table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main.pages.currentWidget() is main.person_page, timeout=10_000)
    qtbot.waitUntil(lambda: name in main.person_page.title.text(), timeout=10_000)
    return model


def _after_lock(qtbot: QtBot, window: AppWindow, model: Any, secrets: list[str], runner: TaskRunner) -> None:
    assert model.rowCount() == 0  # dropped at once, before the session has even closed
    qtbot.waitUntil(lambda: window.currentWidget() is window.unlock_screen, timeout=10_000)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the old main window goes
    QApplication.processEvents()
    assert window.main_window is None
    assert _leaks(secrets) == []
    assert QGuiApplication.clipboard().text() == ""


def test_panic_lock_clears_models_widgets_and_clipboard(
    qtbot: QtBot, app_window: AppWindow, demo_template: tuple[Path, list[str]], runner: TaskRunner
) -> None:
    secrets = demo_template[1]
    model = _fill_copy_open(qtbot, app_window, secrets)
    main = app_window.main_window
    assert main is not None
    qtbot.keyClick(
        main.person_page.title,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    _after_lock(qtbot, app_window, model, secrets, runner)


def test_idle_lock_clears_models_widgets_and_clipboard(
    qtbot: QtBot, app_window: AppWindow, demo_template: tuple[Path, list[str]], runner: TaskRunner
) -> None:
    secrets = demo_template[1]
    model = _fill_copy_open(qtbot, app_window, secrets)
    main = app_window.main_window
    assert main is not None
    main.idle_lock.timer.setInterval(50)  # instead of minutes
    main.idle_lock.timer.start()
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5_000)
    _after_lock(qtbot, app_window, model, secrets, runner)

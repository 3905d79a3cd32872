"""HQ's Disclosures screen (issue 23): opening a person at HQ is recorded, and the screen lists HQ's and the
laptops' disclosures together, filtered by person, account, kind and period, all from the keyboard."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from tests.ui.conftest import on_worker, type_text
from tests.ui.test_hq_ui import WAIT, demo_template, hq, hq_dir  # noqa: F401 - the demo HQ's fixtures
from ui.hq.window import HqMainWindow
from ui.tasks import TaskRunner


def _column(page: Any, column: int) -> list[str]:
    table = page.table
    return [table.item(row, column).text() for row in range(table.rowCount())]


def _open_first_person(qtbot: Any, hq: HqMainWindow, runner: TaskRunner) -> str:  # noqa: F811
    """An analyst selects a person on the Persons screen (their record is shown): returns the temp id."""
    hq.show_page(2)
    model = hq.persons.model
    qtbot.waitUntil(lambda: model.rowCount() > 0 and runner.pending == 0, timeout=WAIT)
    # Arrowing up the list to the first person: only the person where the selection rests is opened.
    for row in (2, 1, 0):
        hq.persons.table.setCurrentIndex(model.index(row, 0))
    qtbot.waitUntil(lambda: "Operation:" in hq.persons.origin.text() and runner.pending == 0, timeout=WAIT)
    person = model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
    return str(person.temp_id)


def test_the_disclosures_screen_filters_by_person_account_kind_and_period(
    qtbot: Any,
    hq: HqMainWindow,  # noqa: F811 - the fixture imported above
    runner: TaskRunner,
    tmp_path: Path,
) -> None:
    assert hq.session is not None
    analyst = hq.session.analyst
    temp_id = _open_first_person(qtbot, hq, runner)

    qtbot.keyClick(hq, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)  # the seventh screen
    page = hq.disclosures
    assert hq.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: page.loaded and runner.pending == 0 and page.table.rowCount() > 0, timeout=WAIT)
    everything = page.table.rowCount()
    sources, kinds = set(_column(page, 1)), set(_column(page, 2))
    assert "HQ" in sources and len(sources) > 1  # HQ's view and a demo laptop's print, together
    assert {"Viewed", "Printed"} <= kinds
    assert page.count.text() == f"{everything} disclosure(s)"

    # Kind, from the keyboard: Alt+K reaches the list.
    qtbot.keyClick(page, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert page.kind.hasFocus()
    page.kind.setCurrentIndex(page.kind.findData("view"))
    qtbot.waitUntil(lambda: runner.pending == 0 and set(_column(page, 2)) == {"Viewed"}, timeout=WAIT)
    assert page.table.rowCount() == 1 and _column(page, 5) == [analyst]
    assert _column(page, 3) == ["Person's record"]  # what was disclosed, in words, not the stored key

    # Person, by the temporary id printed on the wristband: only what names them.
    page.kind.setCurrentIndex(0)
    qtbot.keyClick(page, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    assert page.person.hasFocus()
    type_text(page.person, temp_id)
    qtbot.waitUntil(lambda: runner.pending == 0 and 0 < page.table.rowCount() < everything, timeout=WAIT)
    assert "Viewed" in _column(page, 2)
    page.person.clear()
    qtbot.waitUntil(lambda: runner.pending == 0 and page.table.rowCount() == everything, timeout=WAIT)

    # Account: the analyst's own rows only (the laptops' officers are in the list too).
    qtbot.keyClick(page, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert page.account.hasFocus()
    accounts = [page.account.itemText(i) for i in range(1, page.account.count())]
    assert analyst in accounts and len(accounts) > 1
    page.account.setCurrentIndex(page.account.findData(analyst))
    qtbot.waitUntil(lambda: runner.pending == 0 and page.table.rowCount() == 1, timeout=WAIT)
    assert set(_column(page, 1)) == {"HQ"}
    page.account.setCurrentIndex(0)

    # Period: the last 24 hours keep the view made now.
    qtbot.keyClick(page, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert page.period.hasFocus()
    page.period.setCurrentIndex(1)
    qtbot.waitUntil(lambda: runner.pending == 0 and "Viewed" in _column(page, 2), timeout=WAIT)
    assert all(re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", when) for when in _column(page, 0))

    # The list as CSV, written by the core.
    page.save_csv(tmp_path / "audit.csv")
    qtbot.waitUntil(lambda: "saved to" in page.status.text(), timeout=WAIT)
    rows = list(csv.DictReader((tmp_path / "audit.csv").open(encoding="utf-8")))
    assert len(rows) == page.table.rowCount() and "view" in {r["kind"] for r in rows}

    # Each Alt+letter once on this screen.
    texts = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QAbstractButton)]
    keys = [m.lower() for t in texts for m in re.findall(r"&(\w)", t)]
    assert len(keys) == len(set(keys)) >= 5
    assert QApplication.focusWidget() is not None

    # The view is in the store's signed log: `hq check` passes.
    store = hq.session.store
    identity = hq.session.identity
    from fieldapp.hq.check import run_hq_check

    report = on_worker(qtbot, runner, lambda: run_hq_check(store, identity))
    assert report.ok and report.disclosures == 1

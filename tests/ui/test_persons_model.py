"""The persons model answers rowCount/data page by page, without any window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from fieldapp.records.service import PersonRow, Records
from fieldapp.vault.session import Session, unlock
from tests.ui.conftest import CHINESE_NAME, KHMER_NAME, OFFICER, PASSPHRASE
from ui.models.persons import ID_ROLE, ROW_ROLE, Column, PersonsModel
from ui.tasks import TaskRunner


@pytest.fixture
def session(qtbot: QtBot, vault_dir: Path, runner: TaskRunner) -> Iterator[Session]:
    """A session opened (and later closed) on the runner's database worker, as the app does."""
    opened: list[Session] = []
    runner.run_db(lambda: unlock(vault_dir, OFFICER, PASSPHRASE), opened.append)
    qtbot.waitUntil(lambda: bool(opened))
    yield opened[0]
    runner.run_db(opened[0].close)
    qtbot.waitUntil(lambda: runner.pending == 0)


def fake_row(n: int) -> PersonRow:
    return PersonRow(
        id=f"id-{n}",
        operation_id="op",
        temp_id=f"OPX-AB-{n:04d}",
        status="draft",
        version=1,
        name=f"Person {n}",
        name_own="",
        nationality="VNM",
        sex="unknown",
        age=None,
        minor=False,
        document_no="",
        outcome=None,
        handed_over=False,
    )


def test_pages_from_a_real_vault(qtbot: QtBot, session: Session, runner: TaskRunner) -> None:
    threads: set[threading.Thread] = set()

    def fetch(limit: int, offset: int) -> list[PersonRow]:
        threads.add(threading.current_thread())
        return Records(session).persons(limit=limit, offset=offset)

    model = PersonsModel(runner=runner, fetch_page=fetch, page_size=1)
    root = QModelIndex()
    assert model.rowCount() == 0 and model.canFetchMore(root)

    with qtbot.waitSignal(model.page_loaded):
        model.fetchMore(root)
    assert model.rowCount() == 1 and model.canFetchMore(root)
    with qtbot.waitSignal(model.page_loaded):
        model.fetchMore(root)
    with qtbot.waitSignal(model.page_loaded) as last:
        model.fetchMore(root)
    assert last.args == [0]
    assert not model.canFetchMore(root)

    assert model.rowCount() == 2 and model.columnCount() == len(Column)
    assert [model.index(r, Column.NAME_OWN).data() for r in range(2)] == [KHMER_NAME, CHINESE_NAME]
    assert model.index(1, Column.NATIONALITY).data() == "CHN"
    assert model.index(0, Column.OUTCOME).data() == "Not screened"
    row = model.index(0, Column.NAME).data(ROW_ROLE)
    assert isinstance(row, PersonRow) and row.name == "Sok Sreypov"
    assert model.index(0, Column.NAME).data(ID_ROLE) == row.id
    assert model.index(0, Column.TEMP_ID).data() == row.temp_id
    assert row.temp_id.startswith("SIH-")  # the operation's code, from "Sihanoukville test raid"
    header = model.headerData(Column.NAME_OWN, Qt.Orientation.Horizontal)
    assert header == "Name in own script"
    assert threads and threading.main_thread() not in threads


def test_fetches_in_pages_of_200(qtbot: QtBot, runner: TaskRunner) -> None:
    rows = [fake_row(n) for n in range(450)]
    calls: list[tuple[int, int]] = []

    def fetch(limit: int, offset: int) -> list[PersonRow]:
        calls.append((limit, offset))
        return rows[offset : offset + limit]

    model = PersonsModel(runner=runner, fetch_page=fetch)
    root = QModelIndex()
    while model.canFetchMore(root):
        with qtbot.waitSignal(model.page_loaded):
            model.fetchMore(root)
    assert calls == [(200, 0), (200, 200), (200, 400)]
    assert model.rowCount() == 450
    assert model.index(449, Column.NAME).data() == "Person 449"
    assert model.index(450, Column.NAME).data() is None


def test_detach_forgets_rows_and_drops_late_pages(qtbot: QtBot, runner: TaskRunner) -> None:
    model = PersonsModel(runner=runner, fetch_page=lambda limit, offset: [fake_row(1)])
    model.fetchMore(QModelIndex())
    model.detach()  # the page is still on its way
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert model.rowCount() == 0
    assert not model.canFetchMore(QModelIndex())

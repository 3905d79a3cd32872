"""The persons model answers rowCount/data page by page, without any window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.records.service import PersonFilter, PersonRow, Records
from fieldapp.vault.session import Session, unlock
from tests.ui.conftest import CHINESE_NAME, KHMER_NAME, OFFICER, PASSPHRASE
from ui.models.persons import ID_ROLE, LOADING, PAGE_SIZE, ROW_ROLE, Column, PersonsModel
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


def _model(runner: TaskRunner, session: Session, calls: list[int] | None = None) -> PersonsModel:
    records = Records(session)

    def fetch(ids: list[str]) -> list[PersonRow]:
        assert threading.current_thread() is not threading.main_thread()
        if calls is not None:
            calls.append(len(ids))
        return records.persons_by_ids(ids)

    return PersonsModel(
        runner=runner,
        query_ids=lambda where, sort, descending: records.person_ids(where, sort=sort, descending=descending),
        fetch_rows=fetch,
    )


def test_rows_from_a_real_vault(qtbot: QtBot, session: Session, runner: TaskRunner) -> None:
    model = _model(runner, session)
    with qtbot.waitSignal(model.ids_loaded):
        model.query(PersonFilter())
    assert model.rowCount() == 2 and model.columnCount() == len(Column)
    assert model.index(0, Column.NAME).data() != LOADING  # the first page comes with the ids
    assert [model.index(r, Column.NAME_OWN).data() for r in range(2)] == [KHMER_NAME, CHINESE_NAME]
    assert model.index(1, Column.NATIONALITY).data() == "China"  # the name, not the code
    assert model.index(0, Column.OUTCOME).data() == "Not screened"
    row = model.index(0, Column.NAME).data(ROW_ROLE)
    assert isinstance(row, PersonRow) and row.name == "Sok Sreypov"
    assert model.index(0, Column.NAME).data(ID_ROLE) == row.id
    assert row.temp_id.startswith("SIH-")  # the operation's code, from "Sihanoukville test raid"
    assert model.headerData(Column.NAME_OWN, Qt.Orientation.Horizontal) == "Name in own script"

    with qtbot.waitSignal(model.ids_loaded):  # sorting re-queries in the core, not in Python
        model.sort(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert model.index(0, Column.NAME).data(ID_ROLE) != row.id
    with qtbot.waitSignal(model.ids_loaded):
        model.query(PersonFilter(search="王小明"))
    assert model.rowCount() == 1


def test_large_list_counts_everything_but_loads_one_page(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    """rowCount is the true total at once; data() for the first screen fetches a single page of rows."""
    records = Records(session)
    operation = records.operations()[0].id
    done: list[bool] = []

    def add_many() -> None:
        with session.log.transaction():
            for n in range(1_500):
                records.register_person(operation, name=f"PERSON {n:05d}", nationality="VNM")
        done.append(True)

    runner.run_db(add_many)
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    calls: list[int] = []
    model = _model(runner, session, calls)
    with qtbot.waitSignal(model.ids_loaded):
        model.query(PersonFilter())
    assert model.rowCount() == 1_502
    assert calls == [PAGE_SIZE]  # the first page came with the ids, in the same worker trip
    assert all(model.index(r, Column.NAME).data() != LOADING for r in range(40))  # what a window shows
    assert calls == [PAGE_SIZE]
    assert model.index(1_501, Column.NAME).data() == LOADING  # jump to the end: asks for that page only
    qtbot.waitUntil(lambda: model.index(1_501, Column.NAME).data() != LOADING)
    assert calls == [PAGE_SIZE, 1_502 - 7 * PAGE_SIZE]


def test_detach_forgets_rows_and_drops_late_answers(
    qtbot: QtBot, session: Session, runner: TaskRunner
) -> None:
    model = _model(runner, session)
    model.query(PersonFilter())
    model.detach()  # the ids are still on their way
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert model.rowCount() == 0
    model.query(PersonFilter())  # ignored once detached
    assert runner.pending == 0


PERSONS = 20_000


def test_model_over_many_persons(qtbot: QtBot, tmp_path: Path, runner: TaskRunner) -> None:
    """20,000 persons: rowCount is the total at once, a screen of data costs one page, nothing more.
    (The time this takes at 100,000 persons is measured by tests/bench/ui.py; registering them here took
    most of a minute.)"""
    from fieldapp.vault.session import create_vault

    folder = tmp_path / "big"
    builder = create_vault(folder, OFFICER, PASSPHRASE)
    records = Records(builder)
    operation = records.create_operation(name="Large raid").id
    for start in range(0, PERSONS, 5_000):
        with builder.log.transaction():
            for n in range(start, start + 5_000):
                records.register_person(operation, name=f"PERSON {n:06d}", nationality="VNM")
    builder.close()

    opened: list[Session] = []
    runner.run_db(lambda: unlock(folder, OFFICER, PASSPHRASE), opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    calls: list[int] = []
    model = _model(runner, opened[0], calls)
    with qtbot.waitSignal(model.ids_loaded, timeout=20_000):
        model.query(PersonFilter())
    assert model.rowCount() == PERSONS
    assert [model.index(r, Column.NAME).data() for r in (0, 199)] == ["PERSON 000000", "PERSON 000199"]
    assert calls == [PAGE_SIZE]  # one page of rows came with the ids; the others were not read
    assert model.index(PERSONS // 2, Column.NAME).data() == LOADING
    qtbot.waitUntil(lambda: model.index(PERSONS // 2, Column.NAME).data() != LOADING, timeout=10_000)
    assert str(model.index(PERSONS // 2, Column.NAME).data()).startswith("PERSON ")
    assert calls == [PAGE_SIZE, PAGE_SIZE]
    model.detach()
    runner.run_db(opened[0].close)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)

"""UI benchmark: start-up to the unlocked main window, and search latency, on a 100,000-person vault.

    python tests/bench/ui.py [--persons N] [--repeat R]

Measured in one run, on the same vault file:
  start-up  app:      from an unlocked Session (key derivation excluded) to the main window shown
                      with the first screen of rows in the persons table;
            baseline: a bare QMainWindow + QTableView over a minimal model that runs the same id
                      query and fetches the first page with plain SQL on the same connection.
  search    app:      PersonsModel.query(PersonFilter(search=...)) until the first screen of rows
                      arrived (ids + one page, through the task runner's database worker);
            baseline: the bare FTS5 query plus the same first page, with plain SQL.
Ends with `bench: NAME ratio=X target=0.5` lines, X = baseline time / app time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ["FIELDAPP_INSECURE_FAST_KDF"] = "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEventLoop, QModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402

from fieldapp.records.service import PERSON_COLUMNS, PersonFilter, Records  # noqa: E402
from fieldapp.vault.session import Session, create_vault, unlock  # noqa: E402
from ui.models.persons import LOADING, Column  # noqa: E402
from ui.screens.main_window import MainWindow  # noqa: E402
from ui.tasks import TaskRunner  # noqa: E402

PASSPHRASE = "bench passphrase long enough"
TARGET = 0.5
SCREEN_ROWS = 30
NAMES = ("NGUYEN VAN", "TRAN THI", "WANG", "LI", "SOK", "CHEA", "SOMCHAI", "AUNG", "RAHMAN", "SARI")
OWN = ("Nguyễn Văn", "Trần Thị", "王", "李", "សុខ", "ជា", "สมชาย", "အောင်", "রহমান", "Sari")


def build_vault(folder: Path, persons: int) -> None:
    session = create_vault(folder, "Bench Officer", PASSPHRASE)
    records = Records(session)
    operation = records.create_operation(name="Bench raid").id
    started = time.perf_counter()
    for start in range(0, persons, 2_000):
        with session.log.transaction():
            for n in range(start, min(persons, start + 2_000)):
                k = n % len(NAMES)
                records.register_person(
                    operation,
                    name=f"{NAMES[k]} {n:06d}",
                    name_own_script=f"{OWN[k]} {n}",
                    nationality=("VNM", "CHN", "KHM", "THA", "MMR", "BGD", "IDN")[n % 7],
                    document_no=f"P{n:08d}",
                )
        print(
            f"  built {min(persons, start + 2_000):,} persons ({time.perf_counter() - started:.0f} s)",
            flush=True,
        )
    session.close()


def pump_until(app: QCoreApplication, done: Any, timeout: float = 60.0) -> None:
    """Run the event loop until ``done()``: sleeping between events, as the real loop does — a busy
    loop would hold the GIL the database worker needs and measure the harness, not the app."""
    deadline = time.perf_counter() + timeout
    while not done():
        app.processEvents(
            QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        )
        if time.perf_counter() > deadline:
            raise TimeoutError("benchmark step did not finish")


class BareModel(QAbstractTableModel):
    """The least a table over the vault can do: every id, then the first page of rows."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        conn = session.conn
        self.ids = [r[0] for r in conn.execute("SELECT id FROM persons ORDER BY temp_id ASC, id ASC")]
        page = self.ids[:200]
        marks = ", ".join("?" * len(page))
        self.rows = {
            r[0]: r for r in conn.execute(f"SELECT {PERSON_COLUMNS} FROM persons WHERE id IN ({marks})", page)
        }

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return len(self.ids)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows.get(self.ids[index.row()])
        return (
            None if row is None or role != Qt.ItemDataRole.DisplayRole else str(row[2 + index.column() % 5])
        )


def bare_startup(app: QApplication, session: Session) -> float:
    started = time.perf_counter()
    window = QMainWindow()
    table = QTableView()
    model = BareModel(session)
    table.setModel(model)
    window.setCentralWidget(table)
    window.show()
    for r in range(SCREEN_ROWS):
        model.index(r, 1).data()
    app.processEvents()
    elapsed = time.perf_counter() - started
    window.close()
    window.deleteLater()
    app.processEvents()
    return elapsed


def app_startup(app: QApplication, session: Session, runner: TaskRunner) -> tuple[float, MainWindow]:
    started = time.perf_counter()
    window = MainWindow(session=session, runner=runner)
    window.show()
    model = window.persons_page.model
    pump_until(app, lambda: model.rowCount() > 0 and model.index(0, 0).data() != LOADING)
    pump_until(app, lambda: all(model.index(r, Column.NAME).data() != LOADING for r in range(SCREEN_ROWS)))
    return time.perf_counter() - started, window


def bare_search(session: Session, term: str) -> float:
    conn = session.conn
    started = time.perf_counter()
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM persons WHERE id IN (SELECT person_id FROM person_search WHERE person_search MATCH ?) "
            "ORDER BY temp_id",
            (f'"{term}"',),
        )
    ]
    page = ids[:200]
    marks = ", ".join("?" * len(page))
    list(conn.execute(f"SELECT {PERSON_COLUMNS} FROM persons WHERE id IN ({marks})", page))
    return time.perf_counter() - started


def app_search(app: QApplication, window: MainWindow, operation_id: str, term: str) -> float:
    model = window.persons_page.model
    loaded: list[int] = []
    model.ids_loaded.connect(loaded.append)
    started = time.perf_counter()
    model.query(PersonFilter(operation_id=operation_id, search=term))
    pump_until(app, lambda: bool(loaded))
    pump_until(
        app,
        lambda: (
            model.rowCount() == 0 or model.index(min(SCREEN_ROWS, model.rowCount()) - 1, 1).data() != LOADING
        ),
    )
    model.ids_loaded.disconnect(loaded.append)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "vault"
        print(f"building a vault of {args.persons:,} persons ...", flush=True)
        build_vault(folder, args.persons)
        session = unlock(folder, "Bench Officer", PASSPHRASE)  # on this thread: the baseline uses it too
        runner = TaskRunner()
        operation_id = Records(session).operations()[0].id
        bare, ours = [], []
        for _ in range(args.repeat):
            bare.append(bare_startup(app, session))
            elapsed, window = app_startup(app, session, runner)
            ours.append(elapsed)
            window.persons_page.detach()
            window.close()
            window.deleteLater()
            app.processEvents()
        start_ratio = statistics.median(bare) / statistics.median(ours)
        print(
            f"start-up: bare {statistics.median(bare) * 1000:.0f} ms, app {statistics.median(ours) * 1000:.0f} ms"
        )

        elapsed, window = app_startup(app, session, runner)
        terms = ("Văn 0", "សុខ 1", "P0004", "TRAN THI 00", "王 7", "সমচ")
        bare_s, ours_s = [], []
        for _ in range(args.repeat):
            for term in terms:
                bare_s.append(bare_search(session, term))
                ours_s.append(app_search(app, window, operation_id, term))
        search_ratio = statistics.median(bare_s) / statistics.median(ours_s)
        print(
            f"search: bare {statistics.median(bare_s) * 1000:.1f} ms, app {statistics.median(ours_s) * 1000:.1f} ms"
        )
        window.persons_page.detach()
        runner.shutdown(wait=True)
        session.close()
    print(f"bench: ui_startup ratio={start_ratio:.2f} target={TARGET}")
    print(f"bench: ui_search ratio={search_ratio:.2f} target={TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

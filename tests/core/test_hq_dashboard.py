"""HQ dashboard (issue 8 item 3): exact counts from real laptop bundles, merged persons once, PNG and PDF charts.

Two laptops → signed bundles → HQ import; a person recorded by both teams is merged at HQ (hq_links).
"""

from __future__ import annotations

import io
import json
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from fieldapp.cli.main import main
from fieldapp.hq import dashboard as dash
from fieldapp.hq.dashboard import Dashboard, DashboardFilter, Section, as_json, dashboard
from fieldapp.hq.errors import HqError
from fieldapp.hq.store import HqStore
from fieldapp.records.consular import notification_list, record_notifications
from fieldapp.records.handovers import Handovers
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reports import charts
from fieldapp.reports.fonts import uncovered_characters
from fieldapp.sync.export import export_bundle
from fieldapp.vault.session import Session
from tests.core.test_sync import HQ_PASSPHRASE, Hq, laptop, stick_of

SCAM = {
    "SC.passport_taken": "present",
    "SC.forced_scamming": "present",
    "SC.promised_other_job": "present",
    "SC.long_hours": "present",
    "SC.drugs": "present",
    "SC.punished": "present",
}
TODAY = datetime.now(UTC).date()

pytestmark = pytest.mark.usefixtures("qapp")  # Qt renders here; later widget tests need QApplication


@dataclass
class World:
    hq: Hq
    database: str | None  # None: SQLCipher; else the PostgreSQL URL
    outcomes: dict[str, int]  # outcome label -> persons, as the laptops' screenings returned them
    kept: str  # the older record of the person both teams recorded
    duplicate: str  # merged into ``kept`` at HQ
    operation_a: str


def _screen(
    records: Records,
    person_id: str,
    answers: dict[str, str],
    outcomes: dict[str, int],
    *,
    embassy: bool | None = None,
) -> None:
    screenings = Screenings(records)
    sections: dict[str, Any] = {
        "interview": {"completed": True},
        "indicators": {"answers": answers},
        "exploitation": {"months": 10, "work_type": ["online scam"]},
    }
    if embassy is not None:
        sections["consent"] = {"share_embassy": embassy}
    sid = screenings.begin(person_id, sections=sections).id
    screenings.finalise(sid)
    label = dash.OUTCOME_LABELS[screenings.get(sid).outcome or ""]
    outcomes[label] = outcomes.get(label, 0) + 1


def _hand_over(records: Records, person_id: str, kind: str, name: str) -> None:
    handovers = Handovers(records)
    draft = handovers.draft(
        person_id,
        place="Sihanoukville",
        transferring_agency="ATU",
        transferring_officer="Sok Dara",
        receiving_type=kind,
        receiving_name=name,
        receiving_officer="Chan Sophea",
        consent_referral=True,
        consent_sharing=True,
        date_time="2026-03-02 10:00",
    )
    handovers.hand_over(draft.id)


def _send(hq: Hq, session: Session, folder: Path) -> None:
    result = export_bundle(session, stick_of(folder, f"stick-{session.device_name}"))
    assert result is not None
    hq.imports(result)


def merge(hq: Hq, kept: str, duplicate: str) -> str:
    """Link through the decisions API when it is there; else the row the contract describes."""
    try:
        from fieldapp.hq.review import Review  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        with hq.store.transaction():
            hq.store.conn.execute(
                "INSERT INTO hq_links (link_id, person_a, person_b, score, status, linked_at, unlinked_at, "
                "decision_id) VALUES (?, ?, ?, 1.0, 'active', '2026-03-03T00:00:00Z', NULL, 'test')",
                (f"link-{duplicate}", kept, duplicate),
            )
        return f"link-{duplicate}"
    return str(Review(hq.store, hq.identity).link(kept, duplicate, "same passport number"))


@pytest.fixture(scope="module", params=("sqlcipher", "postgresql"))
def backend(request: pytest.FixtureRequest) -> Iterator[str | None]:
    """Both HQ backends, one world each (tests/core/conftest.py makes and drops the PostgreSQL database)."""
    core = request.config.pluginmanager.get_plugin(str(Path(__file__).with_name("conftest.py")))
    with core.hq_database(request.param) as url:
        yield url


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, backend: str | None) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("dashboard")
    hq = Hq(folder / "hq", database=backend)
    k1, k2 = laptop(folder, "K1"), laptop(folder, "K2")
    for session in (k1, k2):
        hq.enrol(session)
        hq.approve(session)
    outcomes: dict[str, int] = {}
    r1 = Records(k1)
    op_a = r1.create_operation(
        name="Raid Sihanoukville", code="RS", date="2026-03-02", province="Preah Sihanouk"
    ).id
    women = []
    for n in range(6):
        pid = r1.register_person(op_a, name=f"NGUYEN THI LAN {n}", sex="female", age=25, nationality="VNM").id
        # The consular desk: three consent to their embassy and are notified, one consents after that,
        # one says no, one is not asked.
        _screen(r1, pid, SCAM, outcomes, embassy={0: True, 1: True, 2: True, 3: True, 4: False}.get(n))
        women.append(pid)
        if n == 2:
            assert record_notifications(r1, notification_list(r1, "VNM")) == 3
    for n in range(3):
        pid = r1.register_person(op_a, name=f"WANG WEI {n}", sex="male", age=40, nationality="CHN").id
        _screen(r1, pid, SCAM, outcomes, embassy=True)
    boy = r1.register_person(op_a, name="SOK PANHA", sex="male", age=16, nationality="KHM").id
    _screen(r1, boy, SCAM, outcomes)
    _hand_over(r1, boy, "mosvy", "DoSVY Preah Sihanouk")
    for pid in women[:2]:
        _hand_over(r1, pid, "ngo", "Shelter A")
    nothing = r1.register_person(op_a, name="TRAN VAN BINH", sex="female", age=33, nationality="VNM").id
    _screen(r1, nothing, {"SC.drugs": "absent"}, outcomes)
    wrong = r1.register_person(op_a, name="ENTERED IN ERROR", sex="male", age=25, nationality="VNM").id
    r1.withdraw("person", wrong, "registered twice by mistake")
    op_b = r1.create_operation(
        name="Raid Bavet", code="RB", province="Svay Rieng"
    ).id  # no date: registration day counts
    for n in range(2):
        r1.register_person(op_b, name=f"BUDI {n}", nationality="IDN")
    outcomes["Not screened"] = 2

    r2 = Records(k2)
    op_c = r2.create_operation(name="Raid Kampot", code="RK", date="2026-01-10", province="Kampot").id
    duplicate = r2.register_person(op_c, name="NGUYEN THI LAN 0", sex="female", age=25, nationality="VNM").id
    _hand_over(r2, duplicate, "ngo", "Shelter B")
    r2.register_person(op_c, name="SOMCHAI", sex="male", age=50, nationality="THA")
    outcomes["Not screened"] += 1  # the THA man; the duplicate (merged) is not counted
    _send(hq, k1, folder)
    _send(hq, k2, folder)
    k1.close()
    k2.close()
    yield World(hq, backend, outcomes, women[0], duplicate, op_a)
    hq.store.close()


def _rows(board: Dashboard, key: str) -> dict[str, int]:
    return dict(board.section(key).rows)


def test_counts_before_and_after_a_merge(world: World) -> None:
    store: HqStore = world.hq.store
    before = dashboard(store)
    if not any(r[0] == world.duplicate for r in store.conn.execute("SELECT person_b FROM hq_links")):
        assert before.total == 15
        merge(world.hq, world.kept, world.duplicate)
    board = dashboard(store)
    assert board.total == 14  # withdrawn left out, the duplicate counted once
    assert [s.key for s in board.sections] == list(dash.SECTION_KEYS)
    assert _rows(board, "operation") == {
        "RS · Raid Sihanoukville": 11,
        "RB · Raid Bavet": 2,
        "RK · Raid Kampot": 1,
    }
    assert board.section("operation").rows[0] == ("RS · Raid Sihanoukville", 11)  # largest first
    assert _rows(board, "province") == {"Preah Sihanouk": 11, "Svay Rieng": 2, "Kampot": 1}
    assert _rows(board, "nationality") == {
        "Vietnam (VNM)": 7,
        "China (CHN)": 3,
        "Indonesia (IDN)": 2,
        "Cambodia (KHM)": 1,
        "Thailand (THA)": 1,
    }
    assert board.section("sex").rows == [("Female", 7), ("Male", 5), ("Unknown", 2)]
    assert board.section("age_band").rows == [
        ("0–8", 0),
        ("9–17", 1),
        ("18–20", 0),
        ("21–23", 0),
        ("24–26", 6),
        ("27–29", 0),
        ("30–38", 1),
        ("39–47", 3),
        ("48+", 1),
        ("Unknown", 2),
    ]
    assert _rows(board, "outcome") == world.outcomes
    # Latest final handover per person; the merged duplicate's "Shelter B" is not counted.
    assert _rows(board, "referral") == {
        "NGO / shelter: Shelter A": 2,
        "MoSVY / DoSVY: DoSVY Preah Sihanouk": 1,
    }
    for section in board.sections:
        if section.key not in dash.PARTIAL_SECTIONS:
            assert sum(n for _, n in section.rows) == board.total, section.key
    # Over time, by month (January to today spans more than 26 weeks), every month listed.
    time = board.section("over_time")
    assert time.kind == "time" and time.period == "month"
    counts = dict(time.rows)
    assert counts["2026-01"] == 1 and counts["2026-03"] == 11 and counts["2026-02"] == 0
    assert counts[TODAY.strftime("%Y-%m")] == 2 + (11 if TODAY.strftime("%Y-%m") == "2026-03" else 0)
    assert time.rows[0][0] == "2026-01" and len(time.rows) == len(set(counts))


def test_unlinked_person_counts_again(world: World) -> None:
    store = world.hq.store
    merge_row = store.conn.execute(
        "SELECT link_id FROM hq_links WHERE person_b = ? AND status = 'active'", (world.duplicate,)
    ).fetchone()
    link_id = merge_row[0] if merge_row else merge(world.hq, world.kept, world.duplicate)
    assert dashboard(store).total == 14
    with store.transaction():
        store.conn.execute("UPDATE hq_links SET status = 'unlinked' WHERE link_id = ?", (link_id,))
    try:
        board = dashboard(store)
        assert board.total == 15 and _rows(board, "referral")["NGO / shelter: Shelter B"] == 1
    finally:
        with store.transaction():
            store.conn.execute("UPDATE hq_links SET status = 'active' WHERE link_id = ?", (link_id,))


def test_filters(world: World) -> None:
    store = world.hq.store
    if dashboard(store).total != 14:
        merge(world.hq, world.kept, world.duplicate)
    by_op = dashboard(store, DashboardFilter(operation_id=world.operation_a))
    assert by_op.total == 11 and _rows(by_op, "province") == {"Preah Sihanouk": 11}
    assert "Raid Sihanoukville" in by_op.filter_text
    march = dashboard(store, DashboardFilter(date_from="2026-02-01", date_to="2026-03-31"))
    assert march.total == 11 and march.section("over_time").period == "week"
    assert dict(march.section("over_time").rows) == {"2026-03-02": 11}  # a Monday: one week
    today = dashboard(store, DashboardFilter(date_from=TODAY.isoformat()))
    assert today.total == 2 and _rows(today, "operation") == {
        "RB · Raid Bavet": 2
    }  # undated: registration day
    january = dashboard(store, DashboardFilter(date_to="2026-01-31"), consular=True)
    assert january.total == 1 and _rows(january, "nationality") == {"Thailand (THA)": 1}
    empty = dashboard(store, DashboardFilter(operation_id="no-such-operation"), consular=True)
    assert empty.total == 0 and all(not s.rows for s in empty.sections) and empty.consular == {}
    assert january.consular == {}  # the consented persons are all of the March raid
    with pytest.raises(HqError, match="YYYY-MM-DD"):
        dashboard(store, DashboardFilter(date_from="March"))
    with pytest.raises(HqError, match="empty"):
        dashboard(store, DashboardFilter(date_from="2026-03-02", date_to="2026-03-01"))


def test_consular_desk_counts_the_persons_the_board_counts(world: World) -> None:
    """Issue 22: per nationality, consented persons waiting for their embassy, those notified, median hours,
    over the same persons as the charts (the filter applies; merged and withdrawn persons are not counted)."""
    store = world.hq.store
    board = dashboard(store, consular=True)
    assert {code: (c.pending, c.notified) for code, c in board.consular.items()} == {
        "CHN": (3, 0),
        "VNM": (1, 3),
    }
    assert board.consular["CHN"].median_hours is None and (board.consular["VNM"].median_hours or 0) >= 0
    assert [name for name, _ in board.consular_rows()] == ["China (CHN)", "Vietnam (VNM)"]
    assert (
        dashboard(store, DashboardFilter(operation_id=world.operation_a), consular=True).consular
        == board.consular
    )
    charts_only = dashboard(store)  # the consular read is asked for: the charts alone do not pay for it
    assert charts_only.consular is None and "consular" not in as_json(charts_only)
    listed = as_json(board)["consular"]
    assert [(row["nationality"], row["pending"], row["notified"]) for row in listed] == [
        ("CHN", 3, 0),
        ("VNM", 1, 3),
    ]


def test_periods_and_top_rows() -> None:
    from collections import Counter

    period, rows = dash._periods(Counter({"2026-03-04": 2, "2026-03-18": 1}))  # a Wednesday, two weeks on
    assert period == "week" and rows == [("2026-03-02", 2), ("2026-03-09", 0), ("2026-03-16", 1)]
    period, rows = dash._periods(Counter({"2001-05-01": 1, "2026-01-01": 4}))
    assert period == "year" and len(rows) == 26 and rows[0] == ("2001", 1) and rows[-1] == ("2026", 4)
    bodies = Counter({("NGO / shelter", f"Shelter {i}"): 10 - i for i in range(7)})
    bodies[("IOM", "")] = 3
    bodies[("Hospital", "Calmette")] = 1
    rows = dash._referral_rows(bodies)
    assert dict(rows) == {  # the five busiest named bodies; the rest by type
        **{f"NGO / shelter: Shelter {i}": 10 - i for i in range(5)},
        "NGO / shelter (other bodies)": 4 + 5,
        "IOM": 3,
        "Hospital": 1,
    }
    assert [n for _, n in rows] == sorted((n for _, n in rows), reverse=True)
    assert sum(n for _, n in rows) == sum(bodies.values())
    shown = charts.top_rows([(f"x{i}", 20 - i) for i in range(14)])
    assert len(shown) == charts.TOP_N and shown[-1] == ("Other (5)", 11 + 10 + 9 + 8 + 7, True)
    assert sum(n for _, n, _ in shown) == sum(20 - i for i in range(14))


def _colours(image: QImage, step: int = 3) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def _ink(image: QImage, x0: int, y0: int, x1: int, y1: int) -> int:
    return sum(1 for x in range(x0, x1) for y in range(y0, y1) if (image.pixel(x, y) & 0xFF) < 128)


def test_png_is_a_grid_of_charts(world: World, tmp_path: Path) -> None:
    board = dashboard(world.hq.store, consular=True)
    path = tmp_path / "board.png"
    charts.write_dashboard_png(board, path, hq_name="HQ Phnom Penh")
    image = QImage(str(path))
    assert not image.isNull() and image.width() == 1600 and image.height() > 1800
    # The consular table under the charts: a row per nationality, dark text in the band below the grid.
    grid_bottom = int(460 * 0.24) + 4 * 460
    assert (
        image.height() > grid_bottom + 150 and _ink(image, 20, grid_bottom + 140, 600, image.height()) > 200
    )
    colours = _colours(image)
    assert len(colours) > 50  # anti-aliased text and several bar colours, not a blank canvas
    assert QColor(charts.OKABE_ITO[0]).rgb() in colours and QColor(charts.OKABE_ITO[1]).rgb() in colours
    assert (path.stat().st_mode & 0o777) == 0o600


def test_khmer_titles_are_covered_and_drawn(world: World) -> None:
    board = dashboard(world.hq.store)
    assert uncovered_characters("".join(s.title_km for s in board.sections)) == set()
    consular_km = dash.CONSULAR_TITLE[1] + "".join(km for _, km in charts.CONSULAR_COLUMNS)
    assert uncovered_characters(consular_km) == set()
    section = board.section("nationality")
    with_km = charts.chart_image(section, 800, 460)
    without = charts.chart_image(replace(section, title_km=""), 800, 460)
    band = (10, 42, 500, 72)  # the second title line, under the English title
    ink, none = _ink(with_km, *band), _ink(without, *band)
    assert none < 20 and ink > 300, (ink, none)


def test_empty_chart_says_so() -> None:
    image = charts.chart_image(Section("sex", "Persons by sex", "បុគ្គលតាមភេទ", []), 600, 360)
    assert not image.isNull() and _ink(image, 0, 120, 600, 360) > 50  # the "no persons" line, nothing else


def _run(*cmd: str) -> str:
    return subprocess.run(cmd, capture_output=True, check=True).stdout.decode("utf-8")


def test_pdf_pages_text_and_raster(world: World, tmp_path: Path) -> None:
    board = dashboard(world.hq.store, DashboardFilter(date_from="2026-01-01"), consular=True)
    pdf = tmp_path / "board.pdf"
    charts.write_dashboard_pdf(board, pdf, hq_name="HQ Phnom Penh")
    info = _run("pdfinfo", str(pdf))
    pages = -(-len(board.sections) // charts.CHARTS_PER_PAGE) + 1  # 4 charts a page, then the consular desk
    assert f"Pages:           {pages}" in info and "842 x 595" in info  # A4 landscape, in points
    text = unicodedata.normalize("NFKC", _run("pdftotext", "-layout", str(pdf), "-"))
    for section in board.sections:
        assert section.title_en in text, section.title_en
    # The consular desk, on its own page: per nationality waiting, notified, median hours.
    consular = _run("pdftotext", "-layout", "-f", str(pages), "-l", str(pages), str(pdf), "-")
    assert "Embassy notifications by nationality" in consular and "Median hours to notification" in consular
    rows = {
        line.split()[0]: line.split()[-3:]
        for line in consular.splitlines()
        if "(VNM)" in line or "(CHN)" in line
    }
    assert rows["China"] == ["3", "0", "—"], consular
    assert rows["Vietnam"][:2] == ["1", "3"] and float(rows["Vietnam"][2]) >= 0, consular
    assert "HQ Phnom Penh" in text and "dates 2026-01-01 to" in text and "generated" in text
    assert "Vietnam (VNM)" in text and "14 persons" in text
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    for page in sorted(tmp_path.glob("page-*.png")):
        image = QImage(str(page))
        assert len(_colours(image, 2)) > 30, page.name


def test_cli(world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def run(*args: str) -> int:
        return main(
            [
                "hq",
                "dashboard",
                *args,
                "--purpose",
                "monthly brief",
                "--hq-dir",
                str(world.hq.identity.folder),
                "--passphrase-file",
                "-",
            ],
            stdin=io.StringIO(HQ_PASSPHRASE + "\n"),
        )

    world.hq.store.close()  # the CLI opens the store itself
    try:
        assert run("-o", str(tmp_path / "d.png"), "--json") == 0
        data = json.loads(capsys.readouterr().out)
        assert data["total"] == 14 and [s["key"] for s in data["sections"]] == list(dash.SECTION_KEYS)
        assert {row["nationality"]: row["pending"] for row in data["consular"]} == {"CHN": 3, "VNM": 1}
        assert not QImage(str(tmp_path / "d.png")).isNull()
        assert (
            run("-o", str(tmp_path / "d.pdf"), "--operation", world.operation_a, "--from", "2026-03-01") == 0
        )
        assert "11 persons" in capsys.readouterr().out
        assert (tmp_path / "d.pdf").read_bytes().startswith(b"%PDF")
        assert run("-o", str(tmp_path / "d.svg")) != 0
        assert "png or .pdf" in capsys.readouterr().err
    finally:
        from fieldapp.hq.store import open_store

        world.hq.store = open_store(world.hq.identity, world.database)


def test_an_embassy_referral_is_counted_under_its_countrys_name() -> None:
    """It showed "Embassy / Consulate of VNM": the stored code, not the country's name."""
    data = {"receiving_type": "embassy", "receiving_country": "VNM", "receiving_name": ""}
    assert dash._referral_body(data) == ("Embassy / Consulate of Vietnam", "")
    assert dash._referral_body({"receiving_type": ""}) == (dash.UNKNOWN, "")

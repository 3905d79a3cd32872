"""HQ mode in the desktop app, on a real demo HQ (three laptops' real bundles imported into a real SQCipher
store): unlock, bundles and alarms, importing, persons across teams, devices, the review queue, duplicates,
and the dashboard."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel

from fieldapp.demo.hq import DEMO_HQ_PASSPHRASE, INBOX, build_demo_hq
from fieldapp.hq.dashboard import SECTION_KEYS
from fieldapp.hq.identity import enrolment_file
from fieldapp.records.service import Records
from fieldapp.sync.export import export_bundle
from fieldapp.vault.session import create_vault
from tests.support import enrol_confirmed
from tests.ui.conftest import on_worker, type_text
from ui.hq.common import selected_key
from ui.hq.duplicates import _PersonPanel
from ui.hq.window import HqAppWindow, HqMainWindow
from ui.models.persons import LOADING, Column
from ui.tasks import TaskRunner

WAIT = 15_000
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.core.test_hq_review import accepting_foreign_changes

    folder = tmp_path_factory.mktemp("demo-hq") / "hq"
    with pytest.MonkeyPatch.context() as mp:  # a store from before 0.2: its conflict is reviewable
        accepting_foreign_changes(mp)
        build_demo_hq(folder, persons=12)
    return folder


@pytest.fixture
def hq_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo HQ for each test (tests approve, resolve and link)."""
    return Path(shutil.copytree(demo_template, tmp_path / "hq"))


def _unlock(qtbot: Any, window: HqAppWindow, passphrase: str) -> None:
    screen = window.unlock_screen
    qtbot.keyClicks(screen.passphrase, passphrase)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)


@pytest.fixture
def hq(qtbot: Any, hq_dir: Path, runner: TaskRunner) -> Iterator[HqMainWindow]:
    window = HqAppWindow(hq_dir=hq_dir, runner=runner)
    qtbot.addWidget(window)
    window.show()
    _unlock(qtbot, window, DEMO_HQ_PASSPHRASE)
    qtbot.waitUntil(lambda: window.main_window is not None, timeout=WAIT)
    assert window.main_window is not None
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
    window.activateWindow()  # offscreen, nothing hands activation back once the busy unlock form disabled
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    yield window.main_window
    window.lock()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)


def _settle(qtbot: Any, runner: TaskRunner) -> None:
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)


def _cell(table: Any, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return str(item.text())


def _column(table: Any, column: int) -> list[str]:
    return [_cell(table, row, column) for row in range(table.rowCount())]


def test_keyboard_switches_screens_and_refreshes(qtbot: Any, hq: HqMainWindow, runner: TaskRunner) -> None:
    hq.window().activateWindow()
    qtbot.waitUntil(lambda: hq.isActiveWindow(), timeout=WAIT)
    for number, page in ((3, hq.persons), (6, hq.devices), (1, hq.bundles)):
        qtbot.keyClick(hq.tabs, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert hq.tabs.currentWidget() is page
    _settle(qtbot, runner)
    hq.bundles.bundles.setRowCount(0)  # F5 reads the store again
    qtbot.keyClick(hq.tabs, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: hq.bundles.bundles.rowCount() == 5, timeout=WAIT)


def test_at_start_up_the_hq_passphrase_has_the_focus_not_the_language_list(
    qtbot: Any, hq_dir: Path, runner: TaskRunner
) -> None:
    window = HqAppWindow(hq_dir=hq_dir, runner=runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    passphrase = window.unlock_screen.passphrase
    qtbot.waitUntil(lambda: QApplication.focusWidget() is passphrase)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_C)  # the first key of a passphrase lands there
    assert passphrase.text() == "c"


def test_unlock_wrong_then_right_and_lock(qtbot: Any, hq_dir: Path, runner: TaskRunner) -> None:
    window = HqAppWindow(hq_dir=hq_dir, runner=runner)
    qtbot.addWidget(window)
    window.show()
    _unlock(qtbot, window, "not the hq passphrase")
    qtbot.waitUntil(lambda: "not right" in window.unlock_screen.status.text(), timeout=WAIT)
    assert window.main_window is None and window.unlock_screen.passphrase.text() == ""
    _unlock(qtbot, window, DEMO_HQ_PASSPHRASE)
    qtbot.waitUntil(lambda: window.main_window is not None, timeout=WAIT)
    main = window.main_window
    assert main is not None and main.tabs.count() == 9
    _settle(qtbot, runner)
    window.lock()
    qtbot.waitUntil(lambda: window.main_window is None, timeout=WAIT)
    assert window.currentWidget() is window.unlock_screen


def test_bundles_show_imports_gaps_and_alarms_then_the_lost_bundle_fills_the_gap(
    qtbot: Any, hq: HqMainWindow, hq_dir: Path, runner: TaskRunner
) -> None:
    page = hq.bundles
    assert page.bundles.rowCount() == 5  # Sihanoukville twice, Bavet twice, Poipet's second
    assert set(_column(page.bundles, 0)) == {"team-sihanoukville", "team-bavet", "team-poipet"}
    assert page.alarms.rowCount() == 1 and _column(page.alarms, 1) == ["missing events"]
    assert "team-poipet" in _column(page.alarms, 2)
    alarm = page.alarms.item(0, 0)
    assert alarm is not None and alarm.foreground().color().name() == "#b00020"  # alarms in red
    poipet = _column(page.seqs, 0).index("team-poipet")
    assert _cell(page.seqs, poipet, 2).startswith("1–")

    (lost,) = (hq_dir / INBOX).iterdir()
    page.import_files([lost])
    qtbot.waitUntil(lambda: "imported from team-poipet" in page.status.text(), timeout=WAIT)
    _settle(qtbot, runner)
    assert list((hq_dir / INBOX).glob("receipt-*.json")), "the receipt is written beside the bundle"
    assert page.bundles.rowCount() == 6
    assert _cell(page.seqs, _column(page.seqs, 0).index("team-poipet"), 2) == "none"

    page.import_files([lost])  # the same bundle again: nothing new, said plainly
    qtbot.waitUntil(lambda: "0 new" in page.status.text(), timeout=WAIT)


def test_alarms_are_shown_in_the_language_of_the_app(
    qtbot: Any, hq: HqMainWindow, runner: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The demo's gap alarm kept its message: in Khmer it reads in Khmer, with the laptop's name."""
    from ui.i18n import set_language

    page = hq.bundles
    english = _cell(page.alarms, 0, 3)
    assert "have not reached HQ" in english
    assert page.alarms.item(0, 3).toolTip() == english  # cut by its column, whole on hover
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app = QApplication.instance()
    assert isinstance(app, QApplication) and set_language(app, "km")
    try:
        page.alarms.setRowCount(0)
        page.refresh()
        qtbot.waitUntil(lambda: page.alarms.rowCount() == 1, timeout=WAIT)
        khmer = _cell(page.alarms, 0, 3)
        assert "មិនទាន់មកដល់ទីស្នាក់ការកណ្តាលទេ" in khmer and "team-poipet" in khmer
        assert "have not reached" not in khmer
    finally:
        set_language(app, "en")


def test_check_the_store_from_the_bundles_page(qtbot: Any, hq: HqMainWindow, runner: TaskRunner) -> None:
    page = hq.bundles
    page.check_button.click()
    assert not page.check_button.isEnabled()  # one check at a time
    qtbot.waitUntil(lambda: "no problems" in page.status.text(), timeout=WAIT)
    assert page.check_button.isEnabled() and "HQ decisions checked" in page.status.text()
    assert hq.session is not None
    store = hq.session.store

    def alter() -> None:  # a list row edited behind HQ's back
        with store.transaction():
            store.conn.execute(
                "UPDATE persons SET name = 'SOMEONE ELSE' WHERE id = (SELECT min(id) FROM persons)"
            )

    on_worker(qtbot, runner, alter)
    page.check_button.click()
    qtbot.waitUntil(lambda: "1 problem(s)" in page.status.text(), timeout=WAIT)
    assert "persons differs from a fold of the logs" in page.status.text()


def test_persons_across_teams_search_and_operation_filter(
    qtbot: Any, hq: HqMainWindow, runner: TaskRunner
) -> None:
    hq.show_page(2)
    page = hq.persons
    assert hq.session is not None
    store = hq.session.store
    model = page.model
    total = on_worker(qtbot, runner, lambda: store.conn.execute("SELECT count(*) FROM persons").fetchone()[0])
    qtbot.waitUntil(lambda: model.rowCount() == total and total > 24, timeout=WAIT)
    operations = [page.operation.itemData(i) for i in range(1, page.operation.count())]
    assert len(operations) == 2  # Sihanoukville and Bavet (Poipet's records wait beyond the gap)
    # A person the Bavet team registered again, its own-script name as the Sihanoukville team wrote it:
    own = on_worker(
        qtbot,
        runner,
        lambda: store.conn.execute(
            "SELECT name_own FROM persons WHERE name_own != '' GROUP BY name_own "
            "HAVING count(DISTINCT operation_id) = 2"
        ).fetchone()[0],
    )
    type_text(page.search, own)
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: model.index(1, Column.NAME).data() != LOADING, timeout=WAIT)
    rows = [model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(2)]
    assert {row.operation_id for row in rows} == set(operations)
    page.operation.setCurrentIndex(1)
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=WAIT)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: "recorded on laptop: team-" in page.origin.text(), timeout=WAIT)
    # One team at a time: each laptop's own persons, and the teams together make up the whole list.
    page.operation.setCurrentIndex(0)
    page.search.clear()
    page.apply_filter()
    qtbot.waitUntil(lambda: model.rowCount() == total, timeout=WAIT)
    laptops = [page.laptop.itemData(i) for i in range(1, page.laptop.count())]
    assert len(laptops) == 3  # Sihanoukville, Bavet and Poipet's laptops
    counted = 0
    for index, device_id in enumerate(laptops, start=1):
        expected = on_worker(
            qtbot,
            runner,
            lambda d=device_id: store.conn.execute(
                "SELECT count(*) FROM persons p JOIN events e ON e.entity_id = p.id AND e.op = 'create' "
                "WHERE e.device_id = ? AND p.status != 'withdrawn'",
                (d,),
            ).fetchone()[0],
        )
        page.laptop.setCurrentIndex(index)
        qtbot.waitUntil(lambda e=expected: model.rowCount() == e, timeout=WAIT)
        counted += expected
    assert counted == total and 0 < model.rowCount() < total
    # The laptop column, sortable: every team's persons together, in laptop order.
    page.laptop.setCurrentIndex(0)
    qtbot.waitUntil(lambda: model.rowCount() == total, timeout=WAIT)
    laptop_column = len(Column)
    assert model.headerData(laptop_column, Qt.Orientation.Horizontal) == "Laptop"
    # Descending: the default order (temporary id) would not give it.
    with qtbot.waitSignal(model.ids_loaded, timeout=WAIT):
        page.table.sortByColumn(laptop_column, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(
        lambda: LOADING not in [model.index(r, laptop_column).data() for r in range(model.rowCount())],
        timeout=WAIT,
    )
    shown = [model.index(r, laptop_column).data() for r in range(model.rowCount())]
    assert shown == sorted(shown, key=str.casefold, reverse=True) and len(set(shown)) == 2 and all(shown)


def _pending_laptop(hq: HqMainWindow, folder: Path) -> Path:
    """A new laptop, enrolled but not approved, and its first bundle."""
    assert hq.session is not None
    session = create_vault(folder / "laptop", "Keo Rith", "new laptop passphrase", device_name="team-kampot")
    try:
        _, raw = enrolment_file(hq.session.identity, "team-kampot")
        (folder / "enrol.json").write_bytes(raw)
        enrol_confirmed(session, folder / "enrol.json")
        records = Records(session)
        operation = records.create_operation(name="Kampot raid")
        records.register_person(operation.id, name="SOK DARA", nationality="KHM")
        (folder / "stick").mkdir()
        result = export_bundle(session, folder / "stick")
        assert result is not None
        return result.paths[0]
    finally:
        session.close()


def test_devices_approve_then_revoke_with_the_fingerprint_shown(
    qtbot: Any, hq: HqMainWindow, runner: TaskRunner, tmp_path: Path
) -> None:
    bundle = _pending_laptop(hq, tmp_path)
    hq.bundles.import_files([bundle])
    qtbot.waitUntil(lambda: "NOT imported" in hq.bundles.status.text(), timeout=WAIT)
    said = hq.bundles.status.text()
    assert "waiting for approval" in said and "Devices tab" in said  # issue 20: the button, not a command
    assert "fieldapp hq" not in said and "`" not in said
    hq.show_page(5)
    page = hq.devices
    _settle(qtbot, runner)
    row = next(r for r in page.rows if r.device.name == "team-kampot")
    assert row.device.status == "pending"
    page.select(row.device.device_id)
    assert page.approve_button.isEnabled()
    page.approve_button.click()
    assert page.confirm is not None and row.device.fingerprint in page.confirm.text()
    page.confirm.button(page.confirm.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "now approved" in page.status.text(), timeout=WAIT)
    _settle(qtbot, runner)
    assert next(r for r in page.rows if r.device.name == "team-kampot").device.status == "approved"
    assert not page.approve_button.isEnabled() and page.revoke_button.isEnabled()

    hq.bundles.import_files([bundle])  # approved: now it goes in
    qtbot.waitUntil(lambda: "imported from team-kampot" in hq.bundles.status.text(), timeout=WAIT)

    index = next(i for i, r in enumerate(page.rows) if r.device.name == "team-kampot")
    status = page.table.item(index, 1)  # who approved it, and why, from HQ's signed decisions
    assert status is not None and status.toolTip() == (
        f"approved by {hq.session.analyst}: fingerprint {row.device.fingerprint} compared with the one the laptop shows"
    )

    page.revoke_button.click()  # revoking asks why, with the fingerprint in view
    dialog = page.device_dialog
    assert dialog is not None and row.device.fingerprint in dialog.findChild(QLabel).text()
    dialog.reject()  # changing one's mind changes nothing
    assert page.device_dialog is None
    _settle(qtbot, runner)
    assert next(r for r in page.rows if r.device.name == "team-kampot").device.status == "approved"
    page.revoke_button.click()
    dialog = page.device_dialog
    assert dialog is not None
    type_text(dialog.reason, "no")
    assert not dialog.ok_button.isEnabled()
    dialog.reason.clear()
    type_text(dialog.reason, "The laptop was stolen in Kampot")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "now revoked" in page.status.text(), timeout=WAIT)
    _settle(qtbot, runner)
    revoked = next(r for r in page.rows if r.device.name == "team-kampot")
    assert revoked.device.status == "revoked" and revoked.decision_reason == "The laptop was stolen in Kampot"
    assert not page.approve_button.isEnabled() and not page.revoke_button.isEnabled()


def test_devices_show_a_laptops_officers_and_revoke_one_with_a_reason(
    qtbot: Any, hq: HqMainWindow, runner: TaskRunner
) -> None:
    from fieldapp.hq import officers

    hq.show_page(5)
    page = hq.devices
    _settle(qtbot, runner)
    assert page.officers_table.rowCount() == 0 and not page.revoke_officer_button.isEnabled()
    assert hq.session is not None
    store = hq.session.store
    laptop = {r.device.name: r.device.device_id for r in page.rows}
    page.select(laptop["team-poipet"])  # its records (and officer) wait beyond the gap
    _settle(qtbot, runner)
    assert page.officers_table.rowCount() == 0
    device_id = laptop["team-sihanoukville"]
    page.select(device_id)
    _settle(qtbot, runner)
    expected = on_worker(qtbot, runner, lambda: officers.officers(store, device_id))
    assert expected and page.officer_rows == expected
    assert _column(page.officers_table, 0) == [o.name for o in expected]
    assert _column(page.officers_table, 1)[0] == "admin"
    assert _column(page.officers_table, 2) == ["active"] * len(expected)
    assert _column(page.officers_table, 3) == [""] * len(expected)
    officer = expected[0]
    assert not page.revoke_officer_button.isEnabled()  # no officer selected yet
    page.select_officer(officer.officer_id)
    assert page.revoke_officer_button.isEnabled()

    # Too short a reason: the dialog will not take it, and the core refuses it too; nothing changes.
    page.revoke_officer_button.click()
    dialog = page.officer_dialog
    assert dialog is not None and officer.name in dialog.findChild(QLabel).text()
    type_text(dialog.reason, "ok")
    assert not dialog.ok_button.isEnabled()
    dialog.reject()
    assert page.officer_dialog is None
    page.revoke_officer(device_id, officer.officer_id, "  ok  ")
    qtbot.waitUntil(lambda: "needs a reason" in page.status.text(), timeout=WAIT)
    _settle(qtbot, runner)
    assert on_worker(qtbot, runner, lambda: officers.officers(store, device_id)) == expected

    page.revoke_officer_button.click()
    dialog = page.officer_dialog
    assert dialog is not None
    type_text(dialog.reason, "Left the unit; her key card was lost")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "now revoked" in page.status.text(), timeout=WAIT)
    _settle(qtbot, runner)
    (revoked,) = [o for o in page.officer_rows if o.officer_id == officer.officer_id]
    assert revoked.revoked_at is not None
    assert revoked == on_worker(qtbot, runner, lambda: officers.officers(store, device_id))[0]
    row = page.officer_rows.index(revoked)
    hq_text = _cell(page.officers_table, row, 3)
    assert hq_text == f"revoked on {revoked.revoked_at[:10]}: Left the unit; her key card was lost"
    cell = page.officers_table.item(row, 0)
    assert cell is not None and cell.foreground().color().name() == "#b00020"
    assert page.officers_table.selectionModel().selectedRows()[0].row() == row  # still selected
    assert not page.revoke_officer_button.isEnabled()  # one-way: no second revoke
    page.revoke_officer(device_id, officer.officer_id, "Once more, by mistake")
    qtbot.waitUntil(lambda: "already revoked" in page.status.text(), timeout=WAIT)


def test_review_queue_resolves_a_conflict_with_a_reason(
    qtbot: Any, hq: HqMainWindow, runner: TaskRunner
) -> None:
    hq.show_page(1)
    page = hq.review
    _settle(qtbot, runner)
    assert page.table.rowCount() == 1 and _cell(page.table, 0, 1) == "age"
    item = page.items[0]
    assert page.side_a.value.text() == str(item.a.value) and page.side_b.value.text() == str(item.b.value)
    assert "team-" in page.side_a.facts.text() and "team-" in page.side_b.facts.text()
    assert item.a.device_name != item.b.device_name
    page.side_b.choose.click()
    type_text(page.reason, "ok")
    assert not page.resolve_button.isEnabled()  # a reason needs at least 5 characters
    page.reason.clear()
    type_text(page.reason, "Passport copy shows the older age")
    assert page.resolve_button.isEnabled()
    page.resolve_button.click()
    qtbot.waitUntil(lambda: "Resolved" in page.status.text(), timeout=WAIT)
    _settle(qtbot, runner)
    assert page.table.rowCount() == 0
    assert hq.session is not None
    store = hq.session.store
    age = on_worker(
        qtbot,
        runner,
        lambda: store.conn.execute("SELECT age FROM persons WHERE id = ?", (item.entity_id,)).fetchone()[0],
    )
    assert age == item.b.value


def _reason(qtbot: Any, page: Any, text: str) -> None:
    dialog = page.dialog
    assert dialog is not None and not dialog.ok_button.isEnabled()
    type_text(dialog.reason, text)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()


def test_duplicates_are_found_linked_and_unlinked(qtbot: Any, hq: HqMainWindow, runner: TaskRunner) -> None:
    hq.show_page(3)
    page = hq.duplicates
    _settle(qtbot, runner)
    page.find_button.click()
    qtbot.waitUntil(lambda: not page.searching, timeout=WAIT)
    assert page.table.rowCount() >= 1, page.status.text()
    # The Find button was disabled while searching; the focus is on the pairs, for the arrow keys.
    hq.window().activateWindow()  # offscreen, nothing hands activation back after the progress dialog
    qtbot.waitUntil(page.table.hasFocus, timeout=WAIT)
    # The three persons the Bavet team registered again are among the candidates.
    assert hq.session is not None
    store = hq.session.store
    operation = dict(
        on_worker(
            qtbot, runner, lambda: store.conn.execute("SELECT id, operation_id FROM persons").fetchall()
        )
    )
    across = [c for c in page.candidates if operation[c.person_a] != operation[c.person_b]]
    assert len(across) >= 2
    # Each pair shows its match probability and its evidence in words.
    row = page.candidates.index(across[0])
    assert float(page.table.item(row, 0).text().split()[0]) == pytest.approx(across[0].score, abs=0.001)
    evidence = page.table.item(row, 3).text()
    assert ": strong for" in evidence or ": moderate for" in evidence, evidence
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: "Operation:" in page.panel_b.facts.text(), timeout=WAIT)
    # The selected pair's evidence in full under the two persons, where the table's column cuts it off.
    shown = page.evidence.text()
    assert shown.startswith(f"Match probability {page.table.item(row, 0).text()}: "), shown
    assert all(piece in shown for piece in evidence.split("; ")), (shown, evidence)
    assert "team-bavet" in page.panel_a.facts.text() + page.panel_b.facts.text()
    page.link_button.click()
    _reason(qtbot, page, "Same passport photo and name order swapped")
    qtbot.waitUntil(lambda: "Linked" in page.status.text(), timeout=WAIT)
    _settle(qtbot, runner)
    assert page.links_table.rowCount() == 1 and page.links[0].status == "active"
    assert (across[0].person_a, across[0].person_b) not in [(c.person_a, c.person_b) for c in page.candidates]
    page.links_table.selectRow(0)
    assert page.unlink_button.isEnabled()
    page.unlink_button.click()
    _reason(qtbot, page, "Different fathers' names on the forms")
    qtbot.waitUntil(lambda: "Unlinked" in page.status.text(), timeout=WAIT)
    _settle(qtbot, runner)
    assert page.links[0].status == "unlinked"
    assert not page.unlink_button.isEnabled()


def test_a_duplicates_person_panel_shows_the_date_of_birth_and_names_codes(qtbot: Any) -> None:
    panel = _PersonPanel("Person A", "person_a")
    qtbot.addWidget(panel)
    fields = {
        "name": "Sok Dara",
        "dob": "1999-11-20",
        "sex": "female",
        "nationality": "KHM",
        "languages": ["km"],
    }
    panel.show_person({"temp_id": "SHV-A0-00001", "fields": fields}, None)
    lines = panel.facts.text().splitlines()
    for line in ("Date of birth: 1999-11-20", "Sex: Female", "Nationality: Cambodia", "Languages: Khmer"):
        assert line in lines, lines


def test_duplicate_thresholds_are_set_in_settings(qtbot: Any, hq: HqMainWindow, runner: TaskRunner) -> None:
    hq.show_page(3)
    page = hq.duplicates
    _settle(qtbot, runner)
    page.settings_button.click()
    qtbot.waitUntil(lambda: page.settings_dialog is not None, timeout=WAIT)
    dialog = page.settings_dialog
    assert dialog is not None and dialog.propose_from.value() == pytest.approx(0.1)
    dialog.likely_from.setValue(0.05)
    assert not dialog.ok_button.isEnabled()  # "likely" below "propose": refused
    dialog.propose_from.setValue(0.999)
    dialog.likely_from.setValue(0.999)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: "0.999" in page.status.text(), timeout=WAIT)
    page.find_button.click()
    qtbot.waitUntil(lambda: not page.searching, timeout=WAIT)
    assert all(c.score >= 0.999 and c.likely for c in page.candidates)
    assert all("(likely)" in page.table.item(row, 0).text() for row in range(page.table.rowCount()))


def test_dashboard_renders_and_exports_png(
    qtbot: Any, hq: HqMainWindow, runner: TaskRunner, tmp_path: Path
) -> None:
    hq.show_page(4)
    page = hq.dashboard
    qtbot.waitUntil(lambda: len(page.charts) == len(SECTION_KEYS), timeout=WAIT)
    assert page.board.total > 24 and "counted" in page.total.text()
    assert all(not label.pixmap().isNull() for label in page.charts)
    assert page.png_button.isEnabled()
    page.export(
        tmp_path / "board.png", "monthly brief"
    )  # written on the runner's other worker, not the GUI thread
    qtbot.waitUntil(lambda: "written" in page.status.text(), timeout=WAIT)
    image = QImage(str(tmp_path / "board.png"))
    assert not image.isNull() and image.width() > 1000
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 16
    page.export(tmp_path / "board.pdf", "monthly brief")
    qtbot.waitUntil(lambda: (tmp_path / "board.pdf").exists() and runner.pending == 0, timeout=WAIT)
    assert (tmp_path / "board.pdf").read_bytes().startswith(b"%PDF")
    page.operation.setCurrentIndex(1)  # one operation: fewer persons
    qtbot.waitUntil(lambda: page.board.total < 30 and runner.pending == 0, timeout=WAIT)


def test_follow_up_records_a_status_with_the_keyboard_and_lists_it(
    qtbot: Any, hq: HqMainWindow, runner: TaskRunner
) -> None:
    from fieldapp.hq import followup

    assert hq.session is not None
    session = hq.session

    def seed() -> tuple[list[str], list[str]]:  # the demo's followed persons, and two more given a status
        followed = [f.person_id for f in followup.followups(session.store.conn)]
        ids = [
            str(r[0])
            for r in session.store.conn.execute("SELECT id FROM persons ORDER BY temp_id")
            if str(r[0]) not in followed
        ][:2]
        for person_id in ids:
            followup.set_status(session.store, session.identity, person_id, "in_shelter")
        return ids, followed

    seeded, demo_followed = on_worker(qtbot, runner, seed)
    assert demo_followed  # the demo HQ hands persons over and follows them
    shown = len(seeded) + len(demo_followed)
    hq.window().activateWindow()
    qtbot.waitUntil(lambda: hq.isActiveWindow(), timeout=WAIT)
    qtbot.keyClick(hq.tabs, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    page = hq.followup
    assert hq.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: page.table.rowCount() == shown and runner.pending == 0, timeout=WAIT)
    assert {i.person_id for i in page.items} == set(seeded) | set(demo_followed)
    import ui.hq.followup

    with pytest.MonkeyPatch.context() as patch:  # a long list shows the ones waiting longest, and says so
        patch.setattr(ui.hq.followup, "SHOWN_AT_MOST", 1)
        page.refresh()
        qtbot.waitUntil(lambda: page.table.rowCount() == 1 and runner.pending == 0, timeout=WAIT)
        assert page.count.text() == f"{shown} person(s); the 1 longest without an update are listed"
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == shown and runner.pending == 0, timeout=WAIT)
    rows = {i.person_id: n for n, i in enumerate(page.items)}
    assert [_cell(page.table, rows[p], 3) for p in seeded] == [page.status_names["in_shelter"]] * 2
    assert [_cell(page.table, rows[p], 5) for p in seeded] == ["0", "0"]
    # The keyboard only: Down onto a person seeded "In shelter", "Repatriated" by land, the record button.
    page.table.setFocus()
    target = rows[seeded[0]]
    if target:
        page.table.selectRow(target - 1)
    qtbot.keyClick(page.table, Qt.Key.Key_Down)  # from the row above, or the first row when none is chosen
    qtbot.waitUntil(lambda: "Select" not in page.person.text() and runner.pending == 0, timeout=WAIT)
    person_id = selected_key(page.table)
    assert person_id in seeded and page.person.text().startswith(page.items[page.table.currentRow()].temp_id)
    page.status_choice.setFocus()
    qtbot.keyClick(page.status_choice, Qt.Key.Key_Down)  # In shelter → Repatriated
    assert page.status_choice.currentData() == "repatriated" and page.route.isEnabled()
    qtbot.keyClick(page.route, Qt.Key.Key_Down)  # by air → by land
    qtbot.keyClicks(page.via, "Poipet")
    qtbot.keyClicks(page.note, "escorted by IOM")
    page.record_button.setFocus()
    qtbot.keyClick(page.record_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Recorded" in page.status.text() and runner.pending == 0, timeout=WAIT)
    row = [i.person_id for i in page.items].index(person_id)
    assert _cell(page.table, row, 3) == page.status_names["repatriated"]
    assert _cell(page.table, row, 5) == "0"
    qtbot.waitUntil(lambda: page.status_names["repatriated"] in page.history.text(), timeout=WAIT)
    assert "    By land; Poipet; escorted by IOM" in page.history.text().splitlines()  # how, and the note
    # The same status on the same day again: refused in plain words, nothing recorded.
    qtbot.keyClick(page.record_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "already" in page.status.text() and runner.pending == 0, timeout=WAIT)
    # Due in 30 days: the person just updated is not listed, the others (handed over long ago) may be.
    page.due.setFocus()
    qtbot.keyClick(page.due, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
    assert person_id not in [i.person_id for i in page.items]
    page.due.setCurrentIndex(0)
    qtbot.waitUntil(lambda: runner.pending == 0 and page.table.rowCount() > 0, timeout=WAIT)
    ARTIFACTS.mkdir(exist_ok=True)
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
    hq.window().grab().save(str(ARTIFACTS / "hq-followup.png"))


def test_the_dashboard_shows_the_consular_desk(qtbot: Any, hq: HqMainWindow, runner: TaskRunner) -> None:
    from fieldapp.records.consular import consular_counts
    from fieldapp.reference.countries import country_name

    hq.show_page(4)
    page = hq.dashboard
    qtbot.waitUntil(lambda: len(page.charts) == len(SECTION_KEYS) and runner.pending == 0, timeout=WAIT)
    counts = consular_counts(hq.dashboard.session.store.conn)
    waiting = {country_name(code): str(count.pending) for code, count in counts.items() if count.pending}
    assert waiting  # the demo's foreign workers mostly let their embassy be told
    shown = {
        _cell(page.consular, row, 0): _cell(page.consular, row, 1) for row in range(page.consular.rowCount())
    }
    assert {name: shown[name] for name in waiting} == waiting and page.consular.isVisible()


def test_portraits_come_from_the_bundles_photo_originals(
    qtbot: Any, hq: HqMainWindow, runner: TaskRunner
) -> None:
    from fieldapp.hq import views

    assert hq.session is not None
    store = hq.session.store
    with_photo, without = on_worker(
        qtbot,
        runner,
        lambda: (
            store.conn.execute("SELECT person_id FROM photos").fetchone()[0],
            store.conn.execute(
                "SELECT id FROM persons WHERE id NOT IN (SELECT person_id FROM photos)"
            ).fetchone()[0],
        ),
    )
    jpeg = on_worker(qtbot, runner, lambda: views.portrait(store, with_photo))
    assert jpeg is not None and jpeg[:2] == b"\xff\xd8"
    assert on_worker(qtbot, runner, lambda: views.portrait(store, without)) is None


def test_the_hq_app_and_demo_commands(tmp_path: Path) -> None:
    from fieldapp.cli.hq_reports import run_app
    from fieldapp.cli.main import build_parser, main

    args = build_parser().parse_args(["hq", "app", "--hq-dir", str(tmp_path / "x")])
    assert args.handler is run_app
    assert main(["hq", "demo", "--hq-dir", str(tmp_path / "demo"), "--persons", "4"]) == 0
    assert (tmp_path / "demo" / "hq-keys.json").exists() and list((tmp_path / "demo" / INBOX).iterdir())
    assert main(["hq", "demo", "--hq-dir", str(tmp_path / "demo")]) != 0  # never over an existing HQ


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database on the test server (FIELDAPP_TEST_PG; `bash packaging/dev.sh test`
    starts one), dropped afterwards."""
    import os
    import uuid

    server = os.environ.get("FIELDAPP_TEST_PG")
    if not server:
        pytest.skip("HQ mode on PostgreSQL needs FIELDAPP_TEST_PG (bash packaging/dev.sh test sets it)")
    import psycopg

    name = f"fieldapp_ui_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield server.rsplit("/", 1)[0] + "/" + name
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_same_window_on_a_postgresql_store(
    qtbot: Any, tmp_path: Path, runner: TaskRunner, pg_url: str
) -> None:
    from tests.core.test_hq_review import accepting_foreign_changes

    with pytest.MonkeyPatch.context() as mp:  # a store from before 0.2: its conflict is reviewable
        accepting_foreign_changes(mp)
        build_demo_hq(tmp_path / "hq", persons=6, database=pg_url)
    window = HqAppWindow(hq_dir=tmp_path / "hq", runner=runner, database=pg_url)
    qtbot.addWidget(window)
    window.show()
    _unlock(qtbot, window, DEMO_HQ_PASSPHRASE)
    qtbot.waitUntil(lambda: window.main_window is not None, timeout=WAIT)
    main = window.main_window
    assert main is not None
    _settle(qtbot, runner)
    assert main.bundles.bundles.rowCount() == 5 and main.bundles.alarms.rowCount() == 1
    main.show_page(1)
    _settle(qtbot, runner)
    assert main.review.table.rowCount() == 1
    main.review.side_a.choose.click()
    type_text(main.review.reason, "Both teams agree on the first age")
    main.review.resolve_button.click()
    qtbot.waitUntil(lambda: "Resolved" in main.review.status.text(), timeout=WAIT)
    main.show_page(2)
    # Both teams' persons: 6 each, the 3 the second team registered again, and two written in two scripts.
    qtbot.waitUntil(lambda: main.persons.model.rowCount() == 6 + 2 + 6 + 3 + 2, timeout=WAIT)
    window.lock()
    qtbot.waitUntil(lambda: window.main_window is None, timeout=WAIT)

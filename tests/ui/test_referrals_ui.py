"""Issue 24 items 1 and 2 in the app: the handover picks its receiving body from HQ's signed directory (a typed
name is flagged), the receiving officer signs the referral on the laptop, and HQ's Referrals screen lists the
unacknowledged, records the returned signed copy by its code (a wrong code refused) and maps a typed name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.hq import directory, enrolments
from fieldapp.records.handovers import Handovers
from fieldapp.records.referrals import Referrals
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.reports.issued import IssuedDocuments
from fieldapp.reports.qr import parse
from fieldapp.reports.verify import payloads_in
from fieldapp.sync.export import export_bundle
from fieldapp.vault.enrolment import enrol
from fieldapp.vault.session import Session, unlock
from tests.core.test_referrals import DIRECTORY_CSV, HANDOVER, TYPED
from tests.core.test_sync import HQ_PASSPHRASE, Hq, laptop, stick_of
from tests.ui.conftest import OFFICER, PASSPHRASE, on_worker
from tests.ui.test_handover_ui import (
    ARTIFACTS,
    add_officers,
    click,
    fill_required,
    make_base_world,
    make_page,
    open_dialog,
)
from ui.hq.window import HqAppWindow
from ui.i18n import set_language
from ui.screens.referral import ReferralDialog
from ui.tasks import TaskRunner
from ui.widgets.body_picker import BodyPicker

WAIT = 15_000


def _hq_with_directory(folder: Path) -> Hq:
    hq = Hq(folder)
    source = folder.parent / "directory.csv"
    source.write_text(DIRECTORY_CSV, encoding="utf-8")
    with hq.store.transaction():
        directory.replace(hq.store, directory.read_file(source))
    return hq


def _enrol(hq: Hq, session: Session, folder: Path) -> None:
    with hq.store.transaction():
        _, raw = enrolments.issue(hq.store, hq.identity, session.device_name)
    path = folder / f"enrol-{session.device_name}.json"
    path.write_bytes(raw)
    enrol(session, path, fingerprint=hq.identity.fingerprint)


def _grab(widget: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(ARTIFACTS / name))


def test_the_handover_picks_from_the_directory_and_the_receiver_signs_on_the_laptop(
    qtbot: QtBot, runner: TaskRunner, vault_dir: Path, tmp_path: Path
) -> None:
    world = add_officers(make_base_world(vault_dir))
    hq = _hq_with_directory(tmp_path / "hq")
    session = on_worker(qtbot, runner, lambda: unlock(world.data_dir, OFFICER, PASSPHRASE))
    try:
        on_worker(qtbot, runner, lambda: _enrol(hq, session, tmp_path))
        page = make_page(qtbot, runner, session, world.sok_id)
        dialog = open_dialog(qtbot, page)
        click(qtbot, dialog.form.pick_body_button)
        picker = dialog.findChild(BodyPicker, "body_picker")
        assert isinstance(picker, BodyPicker)
        assert picker.list.count() == 3
        picker.search.setText("ស្ត្រី")  # part of the shelter's Khmer name (keyClicks types Latin keys only)
        assert picker.list.count() == 1 and "Kampot Women's Shelter" in picker.list.item(0).text()
        picker.search.clear()
        picker.province.setCurrentIndex(picker.province.findData("KH-12"))
        assert [picker.list.item(i).text().split(" / ")[0] for i in range(picker.list.count())] == [
            "Embassy of Vietnam, Phnom Penh"
        ]
        picker.province.setCurrentIndex(0)
        picker.kind.setCurrentIndex(picker.kind.findData("shelter"))
        _grab(picker, "handover-body-picker.png")
        click(qtbot, picker.ok_button)
        assert dialog.inputs["receiving_name"].text() == "Kampot Women's Shelter"
        assert dialog.receiving_type.currentData() == "ngo"
        assert "From HQ's directory (SH-KAMPOT)" in dialog.form.body_note.text()
        fill_required(qtbot, dialog)  # sets an embassy: pick the shelter again, over it
        dialog.form.choose_body(picker.chosen)
        dialog.save()
        qtbot.waitUntil(lambda: runner.pending == 0 and dialog.handover is not None, timeout=WAIT)
        assert dialog.handover is not None
        handovers = Handovers(Records(session))
        handover_id = dialog.handover.id
        data = on_worker(qtbot, runner, lambda: handovers.get(handover_id).data)
        assert (data["receiving_body_id"], data["receiving_unmapped"]) == ("SH-KAMPOT", False)

        dialog.inputs["receiving_name"].clear()
        qtbot.keyClicks(dialog.inputs["receiving_name"], TYPED)
        assert "Typed by hand" in dialog.form.body_note.text()
        dialog.save()
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
        data = on_worker(qtbot, runner, lambda: handovers.get(handover_id).data)
        assert (data["receiving_body_id"], data["receiving_unmapped"], data["receiving_name"]) == (
            "",
            True,
            TYPED,
        )

        dialog.ask_passphrase = lambda _parent, answer: answer(PASSPHRASE)
        dialog.output.questions.what_next = lambda _parent, _job, answer: answer("")
        click(qtbot, dialog.hand_over_button)
        qtbot.waitUntil(lambda: dialog.job is not None and runner.pending == 0, timeout=20_000)
        assert dialog.referral_button.isVisible()
        click(qtbot, dialog.referral_button)
        referral = dialog.referral_dialog
        assert isinstance(referral, ReferralDialog)
        qtbot.waitUntil(lambda: referral.next_status.count() == 2, timeout=WAIT)
        assert "sent" in referral.status_line.text()
        assert not referral.reason.isEnabled()  # "received" needs no reason
        qtbot.keyClicks(referral.officer, "Chea Sophal")
        qtbot.keyClicks(referral.role, "Shelter manager")
        qtbot.keyClicks(referral.mark, "C.S.")
        _grab(referral, "referral-acknowledgement.png")
        click(qtbot, referral.record_button)
        qtbot.waitUntil(lambda: "received" in referral.status_line.text(), timeout=WAIT)
        assert "Chea Sophal (Shelter manager), signed C.S." in referral.history.text()
        assert [referral.next_status.itemData(i) for i in range(referral.next_status.count())] == ["closed"]
        assert on_worker(qtbot, runner, lambda: Referrals(Records(session)).status(handover_id)) == "received"
        referral.close()
        dialog.close()
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
    finally:
        on_worker(qtbot, runner, session.close)
        hq.store.close()


def _field_laptop(hq: Hq, folder: Path) -> tuple[str, str, str, str]:
    """A laptop that handed two persons over (one to a body typed by hand) and sent its bundle to HQ;
    returns (the picked handover, the typed one, the typed one's verification code, the picked one's)."""
    session = laptop(folder, "K1")
    try:
        _enrol(hq, session, folder)
        hq.approve(session)
        records = Records(session)
        handovers = Handovers(records)
        op = records.create_operation(name="Golden Bay raid", code="GB").id
        ids = []
        for name, fields in (
            ("PICKED", {"receiving_body_id": "SH-KAMPOT"}),
            ("TYPED", {"receiving_type": "other", "receiving_name": TYPED}),
        ):
            person = records.register_person(op, name=name, nationality="VNM", sex="female", age=24).id
            Screenings(records).finalise(Screenings(records).begin(person, sections={}).id)
            draft = handovers.draft(person, **HANDOVER, **fields)
            handovers.hand_over(draft.id)
            ids.append(draft.id)
        pdfs = [IssuedDocuments(session).issue_handover(handovers, handover).pdf for handover in ids]
        result = export_bundle(session, stick_of(folder))
        assert result is not None
        hq.imports(result)
    finally:
        session.close()
    typed_code, picked_code = (parse(payloads_in(pdf)[0]).short_code() for pdf in reversed(pdfs))
    return ids[0], ids[1], typed_code, picked_code


def test_hq_referrals_screen_lists_acknowledges_by_code_and_maps(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hq = _hq_with_directory(tmp_path / "hq")
    picked, typed, code, picked_code = _field_laptop(hq, tmp_path)
    hq.store.close()
    window = HqAppWindow(hq_dir=hq.identity.folder, runner=runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.unlock_screen.passphrase, HQ_PASSPHRASE)
    qtbot.keyClick(window.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.main_window is not None, timeout=WAIT)
    main = window.main_window
    assert main is not None and main.tabs.count() == 9
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)
    main.activateWindow()
    main.tabs.setFocus()
    main.show_page(7)
    page = main.referrals
    assert main.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=WAIT)
    assert page.table.item(0, 2).text() == "Kampot Women's Shelter (SH-KAMPOT)"
    assert "typed: not in the directory" in page.table.item(1, 2).text()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app = QApplication.instance()
    assert isinstance(app, QApplication) and set_language(app, "km")
    try:  # in Khmer, the directory's Khmer name
        page.refresh()
        qtbot.waitUntil(lambda: runner.pending == 0 and page.table.rowCount() == 2, timeout=WAIT)
        assert "ស្ត្រី" in page.table.item(0, 2).text() and "Kampot" not in page.table.item(0, 2).text()
    finally:
        set_language(app, "en")

    page.days.setValue(0)
    page.unacknowledged.setChecked(True)
    qtbot.waitUntil(lambda: runner.pending == 0 and page.table.rowCount() == 2, timeout=WAIT)
    qtbot.keyClicks(page.code, code[:-1] + ("0" if code[-1] != "0" else "1"))
    click(qtbot, page.received_button)
    qtbot.waitUntil(lambda: "matches no handover form" in page.status.text(), timeout=WAIT)
    qtbot.keyClicks(page.code, code)
    click(qtbot, page.received_button)
    qtbot.waitUntil(lambda: "is now received" in page.status.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: runner.pending == 0 and page.table.rowCount() == 1, timeout=WAIT)
    assert page.rows[0].handover_id == picked  # the typed one was acknowledged on paper
    # The other copy came back refused: the reason is asked for and kept in its history.
    qtbot.keyClicks(page.code, picked_code)
    click(qtbot, page.refused_button)
    assert page.dialog is not None
    qtbot.keyClicks(page.dialog.reason, "no bed for a woman with a child")
    click(qtbot, page.dialog.ok_button)
    qtbot.waitUntil(lambda: "is now refused" in page.status.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: runner.pending == 0 and page.table.rowCount() == 0, timeout=WAIT)

    page.unacknowledged.setChecked(False)
    qtbot.waitUntil(lambda: runner.pending == 0 and page.table.rowCount() == 2, timeout=WAIT)
    page.table.selectRow(0)
    assert page.rows[0].handover_id == picked and "no bed for a woman with a child" in page.history.text()
    page.table.selectRow(1)
    assert page.rows[1].handover_id == typed and "received" in page.history.text()
    assert "from the signed copy at HQ" in page.history.text()
    click(qtbot, page.map_button)
    picker = page.picker
    assert picker is not None
    picker.search.clear()
    picker.kind.setCurrentIndex(picker.kind.findData("mosvy"))
    click(qtbot, picker.ok_button)
    assert page.dialog is not None
    qtbot.keyClicks(page.dialog.reason, "the aunt's house is a DoSVY foster placement")
    click(qtbot, page.dialog.ok_button)
    qtbot.waitUntil(lambda: "now names an entry" in page.status.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: runner.pending == 0 and page.table.rowCount() == 2, timeout=WAIT)
    assert page.table.item(1, 2).text() == "Preah Sihanouk Department of Social Affairs (DOSVY-PS)"
    page.table.selectRow(1)
    _grab(main, "hq-referrals.png")
    window.lock()
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=WAIT)

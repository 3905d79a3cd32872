"""The flows issue 17 changes, in the app: an invited officer's first unlock (they choose their own
passphrase), the first enrolment (HQ's fingerprint compared), and checking a paper form (what to compare)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from fieldapp.hq.identity import enrolment_file, init_hq
from fieldapp.records.handovers import Handovers
from fieldapp.records.service import Records
from fieldapp.reports.data import form_data
from fieldapp.vault.session import Session, unlock
from tests.ui.conftest import OFFICER, PASSPHRASE, on_worker, type_text
from ui.screens.trust import EnrolDialog, VerifyDialog
from ui.screens.unlock import UnlockScreen
from ui.tasks import TaskRunner

WAIT = 15_000
INVITED, ONE_TIME, OWN = "Keo Sokha", "one time words for sokha", "sokha chooses these words"


@pytest.fixture
def invited_vault(vault_dir: Path) -> Path:
    admin = unlock(vault_dir, OFFICER, PASSPHRASE)
    try:
        admin.add_officer(INVITED, "screener", ONE_TIME)
    finally:
        admin.close()
    return vault_dir


def test_an_invited_officer_chooses_their_own_passphrase_at_first_unlock(
    qtbot: Any, invited_vault: Path, runner: TaskRunner
) -> None:
    screen = UnlockScreen(data_dir=invited_vault, runner=runner)
    qtbot.addWidget(screen)
    screen.show()
    opened: list[Session] = []
    screen.unlocked.connect(opened.append)
    screen.officer.setCurrentIndex(screen.officer.findText(INVITED))
    qtbot.keyClicks(screen.passphrase, ONE_TIME)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.choose_panel.isVisible(), timeout=WAIT)
    assert not screen.form.isVisible() and screen.passphrase.text() == ""
    qtbot.keyClicks(screen.own_passphrase, "password12")  # too easy to guess: refused, asked again
    qtbot.keyClicks(screen.own_passphrase_again, "password12")
    screen.choose_button.click()
    qtbot.waitUntil(lambda: "too easy to guess" in screen.status.text(), timeout=WAIT)
    assert screen.choose_panel.isVisible() and not opened
    qtbot.keyClicks(screen.own_passphrase, OWN)
    qtbot.keyClicks(screen.own_passphrase_again, OWN)
    qtbot.keyClick(screen.own_passphrase_again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    session = opened[0]
    assert session.officer.name == INVITED and not screen.choose_panel.isVisible()
    on_worker(qtbot, runner, session.close)
    on_worker(qtbot, runner, lambda: unlock(invited_vault, INVITED, OWN).close())  # her own, from now on


@pytest.fixture
def admin(qtbot: Any, vault_dir: Path, runner: TaskRunner) -> Iterator[Session]:
    session = on_worker(qtbot, runner, lambda: unlock(vault_dir, OFFICER, PASSPHRASE))
    yield session
    on_worker(qtbot, runner, session.close)


def test_the_first_enrolment_compares_hqs_fingerprint(
    qtbot: Any, admin: Session, runner: TaskRunner, tmp_path: Path
) -> None:
    hq = init_hq(tmp_path / "hq", "HQ Phnom Penh", "headquarters passphrase")
    _, raw = enrolment_file(hq, "test-laptop", issue_no=1)
    path = tmp_path / "enrol.json"
    path.write_bytes(raw)
    dialog = EnrolDialog(session=admin, runner=runner, path=path, first=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.fingerprint.text() == hq.fingerprint and "HQ Phnom Penh" in dialog.intro.text()
    dialog.load_button.click()
    assert "Type the fingerprint" in dialog.outcome.text()
    type_text(dialog.typed, "0000 1111 2222 3333 4444 5555 6666 7777")
    dialog.load_button.click()
    qtbot.waitUntil(lambda: "do not use this file" in dialog.outcome.text(), timeout=WAIT)
    assert on_worker(qtbot, runner, lambda: admin.meta("hq_id")) is None
    dialog.typed.clear()
    type_text(dialog.typed, hq.fingerprint)
    dialog.load_button.click()
    qtbot.waitUntil(lambda: dialog.enrolled == "HQ Phnom Penh", timeout=WAIT)
    assert on_worker(qtbot, runner, lambda: admin.meta("hq_verify_key")) == hq.verify_key


def test_checking_a_form_shows_what_to_compare(qtbot: Any, admin: Session, runner: TaskRunner) -> None:
    from tests.core.test_handovers import COMPLETE

    def handed_over() -> str:
        records = Records(admin)
        person = records.persons()[0]
        handovers = Handovers(records)
        handover = handovers.draft(person.id, **COMPLETE)
        handovers.hand_over(handover.id)
        form = form_data(handovers.get(handover.id), admin)
        assert form.payload is not None
        return form.payload.short_code()

    code = on_worker(qtbot, runner, handed_over)
    dialog = VerifyDialog(session=admin, runner=runner)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.code, code)
    dialog.check_button.click()
    qtbot.waitUntil(lambda: "Compare the paper" in dialog.verdict.text(), timeout=WAIT)
    shown = dialog.verdict.text()
    assert "Sok Sreypov" in shown or "Wang Xiaoming" in shown
    assert "Reference number" in shown and "HO-" in shown


def test_the_verdict_is_in_khmer_in_the_khmer_app(
    qtbot: Any, qapp: Any, admin: Session, runner: TaskRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`fieldapp verify` prints English; the app shows the same verdict lines through the translation file."""
    from tests.core.test_handovers import COMPLETE
    from ui.i18n import set_language

    def handed_over() -> str:
        records = Records(admin)
        handovers = Handovers(records)
        handover = handovers.draft(records.persons()[0].id, **COMPLETE)
        handovers.hand_over(handover.id)
        form = form_data(handovers.get(handover.id), admin)
        assert form.payload is not None
        return form.payload.short_code()

    code = on_worker(qtbot, runner, handed_over)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert set_language(qapp, "km")
    try:
        dialog = VerifyDialog(session=admin, runner=runner)
        qtbot.addWidget(dialog)
        dialog.show()
        type_text(dialog.code, code)
        dialog.check_button.click()
        qtbot.waitUntil(lambda: "ប្រៀបធៀប" in dialog.verdict.text(), timeout=WAIT)
        shown = dialog.verdict.text()
        assert "លេខកូដត្រូវនឹងកំណែ 1" in shown and "លេខយោង" in shown and "HO-" in shown
        for english in ("matches", "Compare the paper", "Reference number", "Temporary id", "portrait"):
            assert english not in shown
        dialog.code.clear()
        type_text(dialog.code, "HV1-0000")  # not a code: the reason in Khmer too
        dialog.check_button.click()
        qtbot.waitUntil(lambda: "HV1-XXXX" in dialog.verdict.text(), timeout=WAIT)
        assert "ទម្រង់" in dialog.verdict.text() and "looks like" not in dialog.verdict.text()
    finally:
        set_language(qapp, "en")


def test_hq_checks_a_form_against_its_store(qtbot: Any, runner: TaskRunner, tmp_path: Path) -> None:
    """The same dialog at HQ, reading HQ's store: a code HQ does not hold is unknown there."""
    from types import SimpleNamespace

    from fieldapp.hq.store import create_store

    identity = init_hq(tmp_path / "hq", "HQ Phnom Penh", "headquarters passphrase")
    store = on_worker(qtbot, runner, lambda: create_store(identity))
    try:
        dialog = VerifyDialog(session=SimpleNamespace(conn=store.conn), runner=runner)
        qtbot.addWidget(dialog)
        type_text(dialog.code, "HV1-0000-0000-0000-0000-0000")
        dialog.check_button.click()
        qtbot.waitUntil(lambda: "No record with this code" in dialog.verdict.text(), timeout=WAIT)
    finally:
        on_worker(qtbot, runner, store.close)

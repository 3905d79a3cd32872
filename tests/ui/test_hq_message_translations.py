"""What HQ says, in the officer's language: a refusal that came over the network (a real `hq serve` on
127.0.0.1) and an alarm stored at HQ are shown in Khmer through the same "errors" context as the
laptop's own messages; words HQ sent that are not a plain template stay English, and nothing raises."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.errors import Said, record_of
from fieldapp.hq.check import run_hq_check
from fieldapp.hq.errors import ImportAlarm
from fieldapp.hq.import_plan import AUTHORITY_BROKEN, KEY_REPLACED
from fieldapp.records.authority import DISABLED_SIGNER, ROLE_TOO_LOW, role_word
from fieldapp.records.check import run_check
from fieldapp.records.events import DEVICE_CONTEXT
from fieldapp.sync.network import HqRefused, push
from fieldapp.vault.session import create_vault
from tests.core.conftest import HQ_BACKENDS, hq_database
from tests.core.test_hq_alarm_messages import disabled_officers_bundle
from tests.core.test_hq_check import _tamper
from tests.core.test_network_messages import ENGLISH, FakeHq, _refusal, oversize_refusal
from tests.core.test_network_sync import CHUNK, MAX_BODY, World
from tests.core.test_sync import Hq, _exported, add_persons, stick_of
from tests.support import PASSPHRASE
from ui.errors import said_text, user_message
from ui.i18n import set_language

REFUSED_KM = "ទីស្នាក់ការកណ្តាលបានបដិសេធ៖ "


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    w = World(tmp_path_factory.mktemp("km"))
    yield w
    w.server.stop()


@pytest.fixture
def khmer(qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert set_language(qapp, "km")
    yield
    set_language(qapp, "en")


def test_a_revoked_laptops_refusal_is_khmer(world: World, khmer: None) -> None:
    session = world.laptop()
    world.set_status(session, "revoked")
    with pytest.raises(HqRefused) as caught:
        push(session, chunk_bytes=CHUNK)
    shown = user_message(caught.value)
    assert shown == REFUSED_KM + "កុំព្យូទ័រនេះត្រូវបានទីស្នាក់ការកណ្តាលដកសិទ្ធិ៖ សំណើរបស់វាត្រូវបានបដិសេធ។"


def test_an_oversize_requests_refusal_is_khmer_with_hqs_limit(world: World, khmer: None) -> None:
    shown = user_message(oversize_refusal(world))
    assert shown == REFUSED_KM + f"សំណើធំជាងអ្វីដែលទីស្នាក់ការកណ្តាលទទួល (យ៉ាងច្រើន {MAX_BODY} បៃ)។"


@pytest.mark.parametrize(
    "crafted",
    [
        {"template": "{x.__class__}", "params": {"x": "a"}},
        {"template": "{0}", "params": {"0": "a"}},
        {"template": "{a!r}", "params": {"a": "b"}},
        {"template": "{a} {b}", "params": {"a": "b"}},
        {"template": "{a}", "params": {"a": "x" * 100_000}},
    ],
    ids=["attribute", "index", "conversion", "mismatch", "100kB"],
)
def test_a_crafted_message_is_shown_as_hqs_english(
    world: World, khmer: None, crafted: dict[str, Any]
) -> None:
    session = world.laptop()
    fake = FakeHq(world)
    try:
        fake.says(403, {"error": ENGLISH, "code": "hq.laptop_revoked", **crafted})
        refused = _refusal(session, fake)
    finally:
        fake.close()
    assert user_message(refused) == REFUSED_KM + ENGLISH


def test_an_alarms_message_is_khmer_and_an_old_alarm_english(khmer: None) -> None:
    said = Said(KEY_REPLACED, officer="officer-7")
    assert "officer-7" in said_text(said) and "សោចុះហត្ថលេខា" in said_text(said)
    assert said_text(str(said)) == str(said)  # an alarm stored before its message was kept


@pytest.mark.parametrize("backend", HQ_BACKENDS)
def test_an_alarm_for_work_of_a_disabled_officer_reads_in_khmer(
    khmer: None, tmp_path: Path, backend: str
) -> None:
    """The alarm HQ stored for a refused bundle, as the Bundles screen shows it: its message and the rule
    the bundle broke both in Khmer; the event's reference as the log names it."""
    with hq_database(backend) as url:
        hq = Hq(tmp_path / "hq", database=url)
        try:
            session = create_vault(tmp_path / "vault", "Sok Dara", PASSPHRASE, device_name="test-laptop")
            hq.enrol(session)
            stick, where = disabled_officers_bundle(session, hq, tmp_path)
            with pytest.raises(ImportAlarm):
                hq.imports(sorted(stick.iterdir()))
            (alarm,) = [a for a in hq.store.alarms() if a["kind"] == "import"]
        finally:
            hq.store.close()
    assert said_text(alarm["detail"]) == (
        f"កញ្ចប់ទិន្នន័យនេះបំពានច្បាប់អំពីអ្នកណាអាចធ្វើអ្វីបាន (ព្រឹត្តិការណ៍ {where.params['seq']} (person.update)៖ "
        "ធ្វើឡើងដោយមន្ត្រីដែលត្រូវបានបិទ)៖ "
        "គ្មានអ្វីពីវាត្រូវបាននាំចូលទេ ហើយការព្រមានមួយត្រូវបានកត់ត្រា។"
    )


def test_a_broken_rule_names_the_roles_in_khmer(khmer: None) -> None:
    said = Said(
        ROLE_TOO_LOW,
        where="event 5 (officer.set_role)",
        needed=role_word("admin"),
        role=role_word("screener"),
    )
    assert said == "event 5 (officer.set_role): needs a admin, but was signed by a screener"
    assert said_text(said) == "event 5 (officer.set_role)៖ ត្រូវការអ្នកគ្រប់គ្រង ប៉ុន្តែត្រូវបានចុះហត្ថលេខាដោយអ្នកពិនិត្យ"


def test_hqs_refusal_of_a_disabled_officers_work_is_khmer_on_the_laptop(world: World, khmer: None) -> None:
    """HQ's import refusal over the network carries the broken rule as a message of its own."""
    alarm = ImportAlarm(AUTHORITY_BROKEN, problem=Said(DISABLED_SIGNER, where="event 9 (person.update)"))
    session = world.laptop()
    fake = FakeHq(world)
    try:
        fake.says(409, {"error": alarm.message, **(record_of(alarm) or {})})
        refused = _refusal(session, fake)
    finally:
        fake.close()
    assert user_message(refused) == REFUSED_KM + (
        "កញ្ចប់ទិន្នន័យនេះបំពានច្បាប់អំពីអ្នកណាអាចធ្វើអ្វីបាន (event 9 (person.update)៖ ធ្វើឡើងដោយមន្ត្រីដែលត្រូវបានបិទ)៖ "
        "គ្មានអ្វីពីវាត្រូវបាននាំចូលទេ ហើយការព្រមានមួយត្រូវបានកត់ត្រា។"
    )


SIGNATURE_KM = "ព្រឹត្តិការណ៍ {seq}៖ ហត្ថលេខាឧបករណ៍មិនត្រឹមត្រូវ"
NOT_CHAINED_KM = "ព្រឹត្តិការណ៍ {seq}៖ មិនភ្ជាប់ជាខ្សែទៅនឹងព្រឹត្តិការណ៍មុនវាទេ"


def _forged_signature(conn: Any, seq: int) -> None:
    """Event ``seq`` signed again by a key that is not the laptop's (its content and hash kept)."""
    (digest,) = conn.execute("SELECT hash FROM events WHERE device_seq = ?", (seq,)).fetchone()
    forged = Ed25519PrivateKey.generate().sign(DEVICE_CONTEXT + bytes.fromhex(digest)).hex()
    conn.execute("UPDATE events SET device_sig = ? WHERE device_seq = ?", (forged, seq))


def test_a_tampered_laptop_logs_problems_read_in_khmer(khmer: None, tmp_path: Path) -> None:
    """`fieldapp check`'s problems are declared messages: English as before on the command line, Khmer
    in the app."""
    session = create_vault(tmp_path / "vault", "Sok Dara", PASSPHRASE, device_name="test-laptop")
    try:
        add_persons(session, 1)
        session.conn.execute("DROP TRIGGER events_append_only_update")
        _forged_signature(session.conn, 2)
        session.conn.execute("UPDATE events SET prev_hash = ? WHERE device_seq = 4", ("0" * 64,))
        problems = run_check(session).problems
    finally:
        session.close()
    assert "event 2: device signature is not valid" in problems
    assert "event 4: does not chain to the event before it" in problems
    shown = [said_text(p) for p in problems]
    assert SIGNATURE_KM.format(seq=2) in shown and NOT_CHAINED_KM.format(seq=4) in shown
    assert any(s.endswith("៖ ខ្លឹមសារមិនត្រូវនឹងហាសរបស់វាទេ") for s in shown)  # event 4's hash covers prev_hash
    assert not any("event" in s for s in shown), shown  # the references to events are Khmer too


@pytest.mark.parametrize("backend", HQ_BACKENDS)
def test_hqs_check_of_a_tampered_store_reads_in_khmer(khmer: None, tmp_path: Path, backend: str) -> None:
    """The Bundles screen's "Check the store" result: a forged signature and a broken chain in HQ's copy
    of a laptop's log, and a list row that differs from the logs, each in Khmer."""
    with hq_database(backend) as url:
        hq = Hq(tmp_path / "hq", database=url)
        try:
            session = create_vault(tmp_path / "vault", "Sok Dara", PASSPHRASE, device_name="test-laptop")
            hq.enrol(session)
            hq.approve(session)
            add_persons(session, 2)
            hq.imports(_exported(session, stick_of(tmp_path)))
            session.close()
            _tamper(hq.store, url, "SELECT 1")  # drops the append-only trigger
            with hq.store.transaction():
                _forged_signature(hq.store.conn, 3)
                hq.store.conn.execute("UPDATE events SET prev_hash = ? WHERE device_seq = 5", ("0" * 64,))
                hq.store.conn.execute("UPDATE persons SET name = 'SOMEONE ELSE'")
            problems = run_hq_check(hq.store, hq.identity).problems
        finally:
            hq.store.close()
    assert "event 3: device signature is not valid" in problems
    assert "event 5: does not chain to the event before it" in problems
    shown = [said_text(p) for p in problems]
    assert SIGNATURE_KM.format(seq=3) in shown and NOT_CHAINED_KM.format(seq=5) in shown
    assert "persons differs from a fold of the logs" in problems
    assert "persons មិនដូចលទ្ធផលនៃការអានកំណត់ហេតុឡើងវិញទេ" in shown


@pytest.mark.parametrize("backend", HQ_BACKENDS)
def test_a_stored_alarms_roles_read_in_khmer(khmer: None, tmp_path: Path, backend: str) -> None:
    """The roles inside the rule an import broke, read back from the store, are Khmer words too; a word
    the app does not declare stays as stored."""
    rule = Said(
        ROLE_TOO_LOW,
        where="event 5 (officer.set_role)",
        needed=role_word("admin"),
        role=role_word("screener"),
    )
    with hq_database(backend) as url:
        hq = Hq(tmp_path / "hq", database=url)
        try:
            hq.store.add_alarm("import", "device-a", None, ImportAlarm(AUTHORITY_BROKEN, problem=rule))
            hq.store.add_alarm(
                "import", "device-a", None, Said(ROLE_TOO_LOW, where="event 6", needed="pope", role="x")
            )
            alarm, odd = [a["detail"] for a in hq.store.alarms()]
        finally:
            hq.store.close()
    assert said_text(alarm) == (
        "កញ្ចប់ទិន្នន័យនេះបំពានច្បាប់អំពីអ្នកណាអាចធ្វើអ្វីបាន (event 5 (officer.set_role)៖ ត្រូវការអ្នកគ្រប់គ្រង "
        "ប៉ុន្តែត្រូវបានចុះហត្ថលេខាដោយអ្នកពិនិត្យ)៖ គ្មានអ្វីពីវាត្រូវបាននាំចូលទេ ហើយការព្រមានមួយត្រូវបានកត់ត្រា។"
    )
    assert said_text(odd) == "event 6៖ ត្រូវការpope ប៉ុន្តែត្រូវបានចុះហត្ថលេខាដោយx"

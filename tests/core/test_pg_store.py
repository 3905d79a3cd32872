"""The PostgreSQL HQ store: what is specific to it, and where it must give exactly SQLCipher's results.

The whole HQ suite (test_hq, test_hq_exports, test_sync) also runs on both backends through `hq_backend`.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from fieldapp.cli.main import main
from fieldapp.hq.errors import HqError, HqExists, HqNotFound
from fieldapp.hq.identity import init_hq, unlock_hq
from fieldapp.hq.importer import import_bundle
from fieldapp.hq.store import HqStore, create_store, open_store
from fieldapp.records.events import EVENT_COLUMNS
from fieldapp.records.service import PersonFilter, Records
from fieldapp.sync.export import ExportResult, export_bundle
from fieldapp.vault.session import Session
from tests.core.conftest import pg_server
from tests.core.test_sync import HQ_PASSPHRASE, Hq, add_persons, laptop, stick_of

ROOT = Path(__file__).resolve().parents[2]


def _export(session: Session, folder: Path, name: str) -> ExportResult:
    result = export_bundle(session, stick_of(folder, name))
    assert result is not None
    return result


# --- the append-only log, and the one redaction the laptop schema allows --------------------------


def _event(seq: int, entity_id: str, op: str, payload: dict[str, Any]) -> tuple[Any, ...]:
    values = {
        "event_id": f"ev-{seq}",
        "device_id": "dev-1",
        "device_seq": seq,
        "entity": "person",
        "entity_id": entity_id,
        "op": op,
        "payload": json.dumps(payload),
        "officer_id": "off-1",
        "created_at": f"2026-01-01T00:00:0{seq}Z",
        "parent": None,
        "prev_hash": f"{seq - 1:064x}",
        "hash": f"{seq:064x}",
        "device_sig": "sig",
        "officer_sig": None,
    }
    return tuple(values[name.strip()] for name in EVENT_COLUMNS.split(","))


def _attempts(store: HqStore) -> dict[str, bool]:
    """Each change tried on the log → whether the store let it through."""
    conn = store.conn
    fields = {"name": "SECRET NAME", "age": 20}
    rows = [
        _event(1, "p1", "create", {"fields": fields}),
        _event(2, "p1", "update", {"fields": {"age": 21}}),
        _event(3, "p1", "purge", {"reason": "retention"}),
        _event(4, "p2", "create", {"fields": fields}),  # never purged
    ]
    for row in rows:
        conn.execute(f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({', '.join('?' * 14)})", row)
    conn.execute("INSERT INTO meta (key, value) VALUES ('hq_acked_seq', '3')")
    sha = "ab" * 32
    tries = {
        "redact purged": (
            "UPDATE events SET payload = ? WHERE event_id = 'ev-2'",
            [json.dumps({"redacted": True, "payload_sha256": sha})],
        ),
        "redact keeping a field as it was": (
            "UPDATE events SET payload = ? WHERE event_id = 'ev-1'",
            [json.dumps({"redacted": True, "payload_sha256": sha, "fields": {"age": 20}})],
        ),
        "redact again": (
            "UPDATE events SET payload = ? WHERE event_id = 'ev-2'",
            [json.dumps({"redacted": True, "payload_sha256": sha})],
        ),
        "redact not purged": (
            "UPDATE events SET payload = ? WHERE event_id = 'ev-4'",
            [json.dumps({"redacted": True, "payload_sha256": sha})],
        ),
        "redact the purge itself": (
            "UPDATE events SET payload = ? WHERE event_id = 'ev-3'",
            [json.dumps({"redacted": True, "payload_sha256": sha})],
        ),
        "change a kept field": (
            "UPDATE events SET payload = ? WHERE event_id = 'ev-4'",
            [json.dumps({"redacted": True, "payload_sha256": sha, "fields": {"age": 99}})],
        ),
        "extra key": (
            "UPDATE events SET payload = ? WHERE event_id = 'ev-4'",
            [json.dumps({"redacted": True, "payload_sha256": sha, "note": "x"})],
        ),
        "short hash": (
            "UPDATE events SET payload = ? WHERE event_id = 'ev-4'",
            [json.dumps({"redacted": True, "payload_sha256": "ab"})],
        ),
        "not json": ("UPDATE events SET payload = 'nonsense' WHERE event_id = 'ev-4'", []),
        "change the hash": ("UPDATE events SET hash = ? WHERE event_id = 'ev-4'", ["cd" * 32]),
        "change the op": ("UPDATE events SET op = 'update' WHERE event_id = 'ev-4'", []),
        "delete": ("DELETE FROM events WHERE event_id = 'ev-4'", []),
        "delete all": ("DELETE FROM events", []),
    }
    outcome = {}
    for name, (sql, params) in tries.items():
        try:
            with store.transaction():
                conn.execute(sql, params)
            outcome[name] = True
        except Exception as exc:  # each engine's own error class
            # SQLite evaluates the trigger's JSON functions on a non-JSON payload and fails on that.
            assert "append-only" in str(exc) or "malformed JSON" in str(exc), (name, exc)
            outcome[name] = False
    # Beyond what HQ acknowledged (no hq_acked_seq: every HQ store), nothing is allowed.
    conn.execute("DELETE FROM meta WHERE key = 'hq_acked_seq'")
    try:
        with store.transaction():
            conn.execute(
                "UPDATE events SET payload = ? WHERE event_id = 'ev-1'",
                [json.dumps({"redacted": True, "payload_sha256": sha})],
            )
        outcome["redact without an acknowledgement"] = True
    except Exception as exc:
        assert "append-only" in str(exc)
        outcome["redact without an acknowledgement"] = False
    return outcome


EXPECTED = {
    "redact purged": True,
    "redact keeping a field as it was": True,
    "redact again": False,
    "redact not purged": False,
    "redact the purge itself": False,
    "change a kept field": False,
    "extra key": False,
    "short hash": False,
    "not json": False,
    "change the hash": False,
    "change the op": False,
    "delete": False,
    "delete all": False,
    "redact without an acknowledgement": False,
}


def test_append_only_log_mirrors_the_laptop_schema(tmp_path: Path, hq_backend: str | None) -> None:
    hq = Hq(tmp_path / "hq", database=hq_backend)
    try:
        assert _attempts(hq.store) == EXPECTED
        assert hq.count() == 4
        if hq_backend:
            import psycopg

            with pytest.raises(psycopg.Error, match="append-only"):
                hq.store.conn.execute("TRUNCATE events")
    finally:
        hq.store.close()


# --- data at rest -------------------------------------------------------------------------------


def test_file_originals_are_sealed_in_postgresql(tmp_path: Path, session: Session) -> None:
    hq = Hq(tmp_path / "hq", database=pg_server().create())
    try:
        hq.enrol(session)
        hq.approve(session)
        add_persons(session, 2, photos=1)
        hq.imports(_export(session, tmp_path, "s1"))
        stored = hq.store.conn.execute("SELECT sha256, size, data FROM hq_blobs").fetchall()
        assert len(stored) == 2
        for sha, size, data in stored:
            data = bytes(data)
            assert b"\xff\xd8\xff" not in data and b"JFIF" not in data and b"Exif" not in data
            original = hq.store.file_bytes(sha)
            assert original is not None and original.startswith(b"\xff\xd8\xff") and len(original) == size
        sha, _, data = stored[0]
        tampered = bytearray(bytes(data))
        tampered[-1] ^= 1
        hq.store.conn.execute("UPDATE hq_blobs SET data = ? WHERE sha256 = ?", (bytes(tampered), sha))
        with pytest.raises(HqError, match="integrity check"):
            hq.store.file_bytes(sha)
        other = stored[1][0]  # a blob moved under another file's hash does not open either (AAD)
        hq.store.conn.execute("UPDATE hq_blobs SET data = ? WHERE sha256 = ?", (bytes(data), other))
        with pytest.raises(HqError, match="integrity check"):
            hq.store.file_bytes(other)
    finally:
        hq.store.close()


# --- opening: wrong address, another HQ's keys, one store per database -------------------------------


def test_wrong_address_is_a_plain_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from fieldapp.hq.pg_store import HqDatabaseError

    identity = init_hq(tmp_path / "hq", "HQ", HQ_PASSPHRASE)
    for url in (
        "postgresql://nobody:s3cret@127.0.0.1:1/nowhere",
        "mysql://nobody:s3cret@host/db",
        "postgresql://nobody:s3cret@[bad",
    ):
        with pytest.raises(HqDatabaseError) as caught:
            open_store(identity, url)
        assert "s3cret" not in caught.value.message
    code = main(
        [
            "hq",
            "device",
            "list",
            "--hq-dir",
            str(tmp_path / "hq"),
            "--passphrase-file",
            "-",
            "--database",
            "postgresql://nobody:s3cret@127.0.0.1:1/nowhere",
        ],
        stdin=io.StringIO(HQ_PASSPHRASE + "\n"),
    )
    err = capsys.readouterr().err
    assert code != 0 and "Cannot open the HQ database at 127.0.0.1:1/nowhere" in err
    assert "Traceback" not in err and "s3cret" not in err


def test_one_hq_per_database(tmp_path: Path) -> None:
    url = pg_server().create()
    identity = init_hq(tmp_path / "hq", "HQ", HQ_PASSPHRASE)
    create_store(identity, url).close()
    with pytest.raises(HqExists):
        create_store(identity, url)
    other = init_hq(tmp_path / "other", "Other HQ", HQ_PASSPHRASE)
    with pytest.raises(HqNotFound, match="another HQ key file"):
        open_store(other, url)
    with pytest.raises(HqNotFound, match="holds no HQ store"):
        open_store(identity, pg_server().create())
    open_store(identity, url).close()


def test_cli_init_creates_the_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = pg_server().create()
    argv = ["--hq-dir", str(tmp_path / "hq"), "--passphrase-file", "-", "--database", url]
    assert main(["hq", "init", "--name", "HQ", *argv], stdin=io.StringIO(HQ_PASSPHRASE + "\n")) == 0
    assert main(["hq", "device", "list", *argv], stdin=io.StringIO(HQ_PASSPHRASE + "\n")) == 0
    assert not (tmp_path / "hq" / "hq.db").exists()  # the store is in PostgreSQL, not in the folder
    store = open_store(unlock_hq(tmp_path / "hq", HQ_PASSPHRASE), url)
    try:
        names = {r[0] for r in store.conn.execute("SELECT name FROM hq_migrations")}
        assert "0001_base.sql" in names
    finally:
        store.close()
    capsys.readouterr()


# --- concurrency: two processes importing into one database ------------------------------------

_IMPORTER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    os.environ["FIELDAPP_INSECURE_FAST_KDF"] = "1"
    sys.path.insert(0, {root!r})
    from fieldapp.hq.identity import unlock_hq
    from fieldapp.hq.importer import import_bundle
    from fieldapp.hq.store import open_store
    identity = unlock_hq(Path({hq!r}), {passphrase!r})
    store = open_store(identity, {url!r})
    for paths in {bundles!r}:
        import_bundle(store, identity, [Path(p) for p in paths])
    store.close()
    """
)


def test_two_processes_importing_at_once_give_exactly_once(tmp_path: Path) -> None:
    url = pg_server().create()
    hq = Hq(tmp_path / "hq", database=url)
    a, b = laptop(tmp_path, "laptop-a"), laptop(tmp_path, "laptop-b")
    bundles: list[list[str]] = []
    try:
        for s in (a, b):
            hq.enrol(s)
            hq.approve(s)
        for round_ in range(3):
            for name, s in (("a", a), ("b", b)):
                add_persons(s, 15, photos=1 if round_ == 0 else 0)
                bundles.append([str(p) for p in _export(s, tmp_path, f"{name}{round_}").paths])
        script = {
            order: _IMPORTER.format(
                root=str(ROOT),
                hq=str(hq.identity.folder),
                passphrase=HQ_PASSPHRASE,
                url=url,
                bundles=bundles[::order],
            )
            for order in (1, -1)
        }  # one process in export order, the other backwards (beyond gaps first)
        procs = [
            subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
            for code in script.values()
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=240)
            assert proc.returncode == 0, err
        # Exactly once: the same as one import of each bundle, in order, into a fresh store.
        reference = create_store(hq.identity, pg_server().create())
        try:
            with reference.transaction():
                for device in hq.store.devices():
                    reference.add_device(device)
            for paths in bundles:
                import_bundle(reference, hq.identity, [Path(p) for p in paths])
            assert hq.store.projection_digest() == reference.projection_digest()
        finally:
            reference.close()
        assert hq.count() == sum(1 for _ in a.conn.execute("SELECT 1 FROM events")) + sum(
            1 for _ in b.conn.execute("SELECT 1 FROM events")
        )
        assert hq.count("persons") == 90 and hq.count("hq_bundles") == 6 and hq.count("hq_files") == 30
        projected = dict(hq.store.conn.execute("SELECT device_id, projected_seq FROM hq_devices").fetchall())
        assert projected == {
            a.device_id: hq.store.contiguous_seq(a.device_id),
            b.device_id: hq.store.contiguous_seq(b.device_id),
        }
    finally:
        a.close()
        b.close()
        hq.store.close()


# --- the persons list: the same ids in the same order as SQLCipher ------------------------------


def test_person_search_and_filters_match_sqlcipher(tmp_path: Path, session: Session) -> None:
    records = Records(session)
    operation = records.create_operation(name="Raid Sihanoukville").id
    people = [
        dict(
            name="NGUYEN THI LAN", name_own_script="Nguyễn Thị Lan", nationality="VNM", sex="female", age=25
        ),
        dict(name="SOK DARA", name_own_script="សុខ ដារា", nationality="KHM", sex="male", age=None),
        dict(name="WANG WEI", name_own_script="王伟", nationality="CHN", sex="male", age=16),
        dict(
            name="wang li",
            name_own_script="王丽",
            nationality="CHN",
            sex="female",
            age=30,
            aliases=["Lily 100%"],
            document_no="E1234_567",
        ),
        dict(name="Đặng Văn Minh", nationality="VNM", sex="male", age=41),
        dict(name="SOMCHAI", name_own_script="สมชาย", nationality="THA", sex="male", age=17),
    ]
    ids = [records.register_person(operation, **p).id for p in people]
    records.withdraw("person", ids[-1], "registered twice by mistake")
    hq = Hq(tmp_path / "hq")
    stores: list[HqStore] = [hq.store, create_store(hq.identity, pg_server().create())]
    try:
        hq.enrol(session)
        hq.approve(session)
        bundle = _export(session, tmp_path, "s1")
        for store in stores:
            with store.transaction():
                store.add_device(hq.store.devices()[0])
            import_bundle(store, hq.identity, bundle.paths)
        filters = [
            PersonFilter(),
            PersonFilter(include_withdrawn=True),
            PersonFilter(search="wang"),
            PersonFilter(search="WANG"),
            PersonFilter(search="王"),
            PersonFilter(search="ដារា"),
            PersonFilter(search="ễn T"),
            PersonFilter(search="đặng"),
            PersonFilter(search="ĐẶNG"),
            PersonFilter(search="100%"),
            PersonFilter(search="4_5"),
            PersonFilter(search="E1234_"),
            PersonFilter(search="wa"),
            PersonFilter(search="%"),
            PersonFilter(search="สมชาย"),
            PersonFilter(search="สมชาย", include_withdrawn=True),
            PersonFilter(nationality="CHN"),
            PersonFilter(outcome="NOT_SCREENED"),
            PersonFilter(minor=True),
            PersonFilter(minor=False),
            PersonFilter(handed_over=False),
            PersonFilter(synced=False),
            PersonFilter(synced=True),
            PersonFilter(operation_id=operation, search="lan"),
            PersonFilter(device_id=session.device_id),
            PersonFilter(device_id="another laptop"),
            PersonFilter(device_id=session.device_id, search="wang"),
        ]
        for where in filters:
            for sort in ("temp_id", "name", "name_own", "age", "nationality", "outcome"):
                for descending in (False, True):
                    sqlcipher, postgresql = (
                        s.person_ids(where, sort=sort, descending=descending) for s in stores
                    )
                    assert sqlcipher == postgresql, (where, sort, descending)
        assert stores[1].person_ids(PersonFilter(search="ដារា")) == [ids[1]]
        # Recorded on this laptop: every person it registered (but the withdrawn one), none on another.
        mine = set(stores[0].person_ids(PersonFilter(device_id=session.device_id)))
        assert mine == set(ids[:-1]) and stores[1].person_ids(PersonFilter(device_id="another laptop")) == []
        assert stores[0].persons_by_ids(ids[:3]) == stores[1].persons_by_ids(ids[:3])
    finally:
        for s in stores:
            with contextlib.suppress(Exception):
                s.close()

"""A liaison sees only the persons of their nationalities or receiving bodies (issue 23): in the core's
queries on both stores, and on PostgreSQL through their own database role, whatever SQL it runs."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from fieldapp.hq import account_admin, persons_view
from fieldapp.hq.errors import NotAllowed
from fieldapp.hq.exports import export_rows
from fieldapp.hq.identity import unlock_hq
from fieldapp.hq.partner_export import partner_export
from fieldapp.hq.pg_roles import liaison_credentials
from fieldapp.hq.store import open_store
from fieldapp.records.handovers import Handovers
from fieldapp.records.service import PersonFilter, Records
from tests.core.test_sync import HQ_ACCOUNT, HQ_PASSPHRASE, Hq, _exported, laptop, stick_of

LIAISON, LIAISON_PASSPHRASE = "Liaison Nguyen Thi Lan", "nguyen thi lan's own passphrase"


def _world(tmp_path: Path, hq: Hq) -> dict[str, str]:
    """Five persons from one laptop: name → id. The Thai worker was handed over to IOM."""
    session = laptop(tmp_path, "team-a")
    hq.enrol(session)
    hq.approve(session)
    records = Records(session)
    raid = records.create_operation(name="Raid A").id
    people = {"Sok": "KHM", "Dara": "KHM", "Lan": "VNM", "Minh": "VNM", "Somchai": "THA"}
    ids = {
        name: records.register_person(raid, name=name, nationality=n, age=30).id for name, n in people.items()
    }
    Handovers(records).draft(ids["Somchai"], receiving_type="iom", receiving_name="IOM Phnom Penh")
    hq.imports(_exported(session, stick_of(tmp_path)))
    session.close()
    account_admin.add_account(
        hq.identity.folder,
        HQ_PASSPHRASE,
        LIAISON,
        "liaison",
        LIAISON_PASSPHRASE,
        account=HQ_ACCOUNT,
        nationalities=("VNM",),
        receiving_bodies=("IOM Phnom Penh",),
        store=hq.store,
    )
    return ids


def test_a_liaison_sees_only_their_persons(tmp_path: Path, hq: Hq) -> None:
    ids = _world(tmp_path, hq)
    mine = {ids["Lan"], ids["Minh"], ids["Somchai"]}
    assert set(hq.store.person_ids()) == set(ids.values())  # the admin sees everyone
    identity = unlock_hq(hq.identity.folder, LIAISON_PASSPHRASE, LIAISON)
    store = open_store(identity, hq.database)
    try:
        assert set(store.person_ids()) == mine
        assert {r.id for r in store.persons_by_ids(list(ids.values()))} == mine  # ids asked for directly
        assert store.person_ids(PersonFilter(search="Sok")) == []  # the search keeps to the scope too
        assert store.person_ids(PersonFilter(search="Lan")) == [ids["Lan"]]
        assert store.person_ids(PersonFilter(nationality="KHM")) == []
        shown = persons_view.person_ids(store, PersonFilter(), persons_view.LAPTOP_SORT, False)
        assert {r.id for r in persons_view.rows(store, shown)} == mine
        with pytest.raises(NotAllowed, match="liaison may not export"):
            export_rows(store, "ctdc")
        with pytest.raises(NotAllowed, match="liaison may not export"):
            partner_export(store, tmp_path / "partner.zip", unencrypted=True)
    finally:
        store.close()


def _as_role(url: str, role: str, password: str) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(psycopg.conninfo.make_conninfo(url, user=role, password=password), autocommit=True)


def test_a_liaisons_own_postgresql_role_reads_only_their_rows(tmp_path: Path, hq: Hq) -> None:
    if hq.database is None:
        pytest.skip("a database role of their own is PostgreSQL's")
    ids = _world(tmp_path, hq)
    identity = unlock_hq(hq.identity.folder, LIAISON_PASSPHRASE, LIAISON)
    role, password = liaison_credentials(identity.signed_in)
    with _as_role(hq.database, role, password) as conn:
        rows = conn.execute("SELECT id, nationality FROM persons ORDER BY id").fetchall()
        assert {str(r[0]) for r in rows} == {ids["Lan"], ids["Minh"], ids["Somchai"]}
        assert conn.execute("SELECT count(*) FROM persons WHERE nationality = 'KHM'").fetchone() == (0,)
        for table in ("events", "handovers", "hq_liaison_scopes", "hq_decisions"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"SELECT count(*) FROM {table}")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE persons SET name = 'changed'")
    # Disabled, the account's role can no longer log in.
    account_admin.disable_account(
        hq.identity.folder, HQ_PASSPHRASE, LIAISON, account=HQ_ACCOUNT, store=hq.store
    )
    with pytest.raises(psycopg.OperationalError):
        _as_role(hq.database, role, password).close()

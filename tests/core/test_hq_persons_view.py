"""HQ's persons list: each row with the laptop that registered it, and sorting by laptop, on both stores."""

from __future__ import annotations

from pathlib import Path

from fieldapp.hq import persons_view
from fieldapp.records.service import PersonFilter
from tests.core.test_sync import Hq, _exported, add_persons, laptop, stick_of


def test_rows_carry_their_laptop_and_sort_by_it(tmp_path: Path, hq_backend: str | None) -> None:
    hq = Hq(tmp_path / "hq", database=hq_backend)
    sessions = [laptop(tmp_path, name) for name in ("team-poipet", "team-bavet")]
    try:
        registered: dict[str, str] = {}
        for session in sessions:
            hq.enrol(session)
            hq.approve(session)
            for person in add_persons(session, 3):
                registered[person] = session.device_name
            hq.imports(_exported(session, stick_of(tmp_path, session.device_name)))
        store = hq.store
        ids = store.person_ids(PersonFilter())
        assert {r.id: r.laptop for r in persons_view.rows(store, ids)} == registered
        assert [r.id for r in persons_view.rows(store, ids)] == ids  # in the order asked
        by_laptop = persons_view.person_ids(store, PersonFilter(), persons_view.LAPTOP_SORT, False)
        assert [registered[i] for i in by_laptop] == ["team-bavet"] * 3 + ["team-poipet"] * 3
        backwards = persons_view.person_ids(store, PersonFilter(), persons_view.LAPTOP_SORT, True)
        assert [registered[i] for i in backwards] == ["team-poipet"] * 3 + ["team-bavet"] * 3
        # Filters still apply, and the other sorts are the store's own.
        only = persons_view.person_ids(
            store, PersonFilter(search="PERSON 1"), persons_view.LAPTOP_SORT, False
        )
        assert len(only) == 2 and set(only) <= set(ids)
        assert persons_view.person_ids(store, PersonFilter(), "name", True) == store.person_ids(
            PersonFilter(), sort="name", descending=True
        )
    finally:
        for session in sessions:
            session.close()
        hq.store.close()

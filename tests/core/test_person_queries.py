"""Person lists: ids in display order with filters and sorting, rows fetched page by page."""

from __future__ import annotations

import pytest

from fieldapp.errors import ValidationError
from fieldapp.records.ids import uuid7
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import PersonFilter, Records
from fieldapp.vault.session import Session


def test_filters_sorting_and_pages(records: Records, session: Session) -> None:
    raid = records.create_operation(name="Sihanoukville raid").id
    other = records.create_operation(name="Poipet raid").id
    people = {
        "CHEN": records.register_person(raid, name="CHEN JING", nationality="CHN", age=16),
        "LE": records.register_person(raid, name="LE VAN AN", nationality="VNM", age=30),
        "SARI": records.register_person(raid, name="SARI", nationality="IDN", age=22),
        "ALI": records.register_person(other, name="ALI KHAN", nationality="PAK", age=35),
    }
    Screenings(records).begin(
        people["LE"].id,
        sections={
            "interview": {"completed": True},
            "indicators": {"answers": {"CD.isolation": "present", "CD.violence": "present"}},
        },
    )
    handover_id = uuid7()
    session.log.append("handover", handover_id, "create", {"fields": {"person_id": people["SARI"].id}})
    records.finalise("handover", handover_id)
    records.withdraw("person", people["ALI"].id, reason="registered in the wrong raid")

    def names(where: PersonFilter, **kw: object) -> list[str]:
        return [p.name for p in records.persons_by_ids(records.person_ids(where, **kw))]  # type: ignore[arg-type]

    assert names(PersonFilter()) == ["CHEN JING", "LE VAN AN", "SARI"]  # withdrawn hidden
    assert len(names(PersonFilter(include_withdrawn=True))) == 4
    assert names(PersonFilter(operation_id=other)) == []
    assert names(PersonFilter(nationality="VNM")) == ["LE VAN AN"]
    assert names(PersonFilter(outcome="POSSIBLE_VICTIM")) == ["LE VAN AN"]
    assert names(PersonFilter(outcome="NOT_SCREENED")) == ["CHEN JING", "SARI"]
    assert names(PersonFilter(minor=True)) == ["CHEN JING"]
    assert names(PersonFilter(handed_over=True)) == ["SARI"]
    assert names(PersonFilter(handed_over=False)) == ["CHEN JING", "LE VAN AN"]
    assert names(PersonFilter(), sort="name", descending=True) == ["SARI", "LE VAN AN", "CHEN JING"]
    assert names(PersonFilter(), sort="age") == ["CHEN JING", "SARI", "LE VAN AN"]
    assert names(PersonFilter(synced=True)) == []
    session.set_meta("hq_acked_seq", "10000")  # as if HQ had acknowledged everything
    assert names(PersonFilter(synced=True)) == ["CHEN JING", "LE VAN AN", "SARI"]
    assert records.nationalities() == ["CHN", "IDN", "PAK", "VNM"]
    with pytest.raises(ValidationError):
        records.person_ids(PersonFilter(), sort="name; DROP TABLE persons")

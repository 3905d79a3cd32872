"""Correcting registration details: edit a draft, amend a final record with a reason, read the history;
possible duplicates at intake; the step a draft screening was left at."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from fieldapp.errors import NotAllowed, RecordStateError, ValidationError
from fieldapp.photos.service import Photos
from fieldapp.records.check import run_check
from fieldapp.records.duplicates import PossibleDuplicate
from fieldapp.records.screenings import Screenings
from fieldapp.records.service import Records
from fieldapp.vault.session import Session, unlock
from tests.support import PASSPHRASE, add_officer

WANG = {"name": "WANG LEI", "name_own_script": "王磊", "age": 31, "nationality": "CHN"}


@pytest.fixture(scope="module")
def sample_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 240), (180, 40, 40)).save(out, "JPEG", quality=90)
    return out.getvalue()


def _operation(records: Records, name: str = "Sihanoukville raid") -> str:
    return records.create_operation(name=name).id


# --- edit and amend ------------------------------------------------------------------------------


def test_a_draft_person_is_edited_and_only_what_changed_is_recorded(records: Records) -> None:
    person = records.register_person(_operation(records), name="TRAN VAN HUNG", age=24, sex="male").id
    assert records.edit("person", person, {"age": 42, "sex": "male", "phone": ""}) == 1
    assert records.person(person).age == 42
    history = records.history("person", person)
    assert [h.op for h in history] == ["create", "update"]
    assert [(c.field, c.before, c.after) for c in history[1].changes] == [("age", 24, 42)]
    assert history[1].officer == "Sok Dara" and history[1].device == "test-laptop"
    assert history[1].version == 1 and history[1].reason == ""
    assert records.edit("person", person, {"age": 42}) == 1  # nothing changed: nothing recorded
    assert len(records.history("person", person)) == 2
    assert run_check(records.session).ok


def test_a_final_person_is_amended_only_with_a_reason_and_gets_a_new_version(records: Records) -> None:
    person = records.register_person(_operation(records), name="TRAN VAN HUNG", age=24).id
    records.finalise("person", person)
    with pytest.raises(ValidationError) as no_reason:
        records.edit("person", person, {"age": 34}, reason="")
    assert no_reason.value.code == "record.amend_needs_reason"
    with pytest.raises(ValidationError) as nothing:
        records.edit("person", person, {"age": 24}, reason="passport seen at the embassy")
    assert nothing.value.code == "record.amend_changes_nothing"
    assert records.edit("person", person, {"age": 34}, reason="passport seen at the embassy") == 2
    row = records.person(person)
    assert (row.age, row.version, row.status) == (34, 2, "final")
    ops = [(h.op, h.version, h.reason) for h in records.history("person", person)]
    assert ops == [("create", 1, ""), ("finalise", 1, ""), ("amend", 2, "passport seen at the embassy")]
    assert run_check(records.session).ok


def test_a_screener_cannot_amend_a_final_person(session: Session, records: Records) -> None:
    person = records.register_person(_operation(records), name="TRAN VAN HUNG", age=24).id
    records.finalise("person", person)
    add_officer(session, "Chan Sophea", "screener", PASSPHRASE + " two")  # invited, then their first unlock
    session.close()
    screener = unlock(session.data_dir, "Chan Sophea", PASSPHRASE + " two")
    try:
        with pytest.raises(NotAllowed):
            Records(screener).edit("person", person, {"age": 34}, reason="passport seen at the embassy")
    finally:
        screener.close()


def test_an_open_operation_is_edited_with_its_history(records: Records) -> None:
    operation = _operation(records)
    records.edit("operation", operation, {"place": "Golden Fortune compound", "province": "Preah Sihanouk"})
    assert records.operation(operation).data["place"] == "Golden Fortune compound"
    history = records.history("operation", operation)
    assert [h.op for h in history] == ["create", "update"]
    assert {c.field for c in history[1].changes} == {"place", "province"}
    with pytest.raises(ValidationError):
        records.edit("operation", operation, {"date": "yesterday"})


def test_a_withdrawn_person_is_not_edited(records: Records) -> None:
    person = records.register_person(_operation(records), name="TRAN VAN HUNG").id
    records.withdraw("person", person, "registered twice by mistake")
    with pytest.raises(RecordStateError):
        records.edit("person", person, {"age": 30})
    assert records.history("person", person)[-1].reason == "registered twice by mistake"


# --- possible duplicates -------------------------------------------------------------------------


def test_wang_lei_registered_twice_is_a_possible_duplicate(records: Records) -> None:
    operation = _operation(records)
    first = records.register_person(operation, check_duplicates=True, **WANG)
    with pytest.raises(PossibleDuplicate) as stopped:
        records.register_person(operation, check_duplicates=True, **WANG)
    assert [(p.id, reasons) for p, reasons in stopped.value.matches] == [(first.id, ("name",))]
    assert first.temp_id in stopped.value.message
    assert len(records.persons(operation_id=operation)) == 1  # nothing was registered
    second = records.register_person(operation, **WANG)  # "register anyway"
    assert second.id != first.id


@pytest.mark.parametrize(
    "typed",
    [
        {"name": "wang  lei"},  # case and spacing
        {"name": "LEI WANG"},  # word order
        {"name_own_script": "王磊"},  # the own-script name alone
        {"name": "王 磊"},  # own script typed in the passport-name field, spaced
        {"name": "WANG LEI", "nationality": ""},  # nationality not known yet
    ],
)
def test_names_are_folded_before_they_are_compared(records: Records, typed: dict[str, str]) -> None:
    operation = _operation(records)
    records.register_person(operation, **WANG)
    assert [reasons for _, reasons in records.possible_duplicates(operation, typed)] == [("name",)]


def test_what_is_not_a_duplicate(records: Records) -> None:
    operation, other_operation = _operation(records), _operation(records, "Poipet raid")
    records.register_person(operation, **WANG)
    withdrawn = records.register_person(operation, name="SOK DARA")
    records.withdraw("person", withdrawn.id, "registered in error")
    assert records.possible_duplicates(other_operation, {"name": "WANG LEI"}) == []  # another operation
    assert records.possible_duplicates(operation, {"name": "WANG LEI", "nationality": "VNM"}) == []
    assert records.possible_duplicates(operation, {"name": "WANG LEIMING"}) == []
    assert records.possible_duplicates(operation, {"name": "SOK DARA"}) == []  # withdrawn


def test_the_same_document_number_is_a_possible_duplicate(records: Records) -> None:
    operation = _operation(records)
    first = records.register_person(operation, name="NGUYEN VAN MINH", document_no="C1234567")
    found = records.possible_duplicates(operation, {"name": "MINH", "document_no": "c 123 4567"})
    assert [(p.id, reasons) for p, reasons in found] == [(first.id, ("document",))]
    assert records.possible_duplicates(operation, {"name": "X", "document_no": "12"}) == []  # too short


def test_the_same_photo_in_the_operation_is_a_possible_duplicate(
    records: Records, sample_jpeg: bytes
) -> None:
    operation = _operation(records)
    first = records.register_person(operation, **WANG)
    second = records.register_person(operation, name="LI NA", nationality="CHN")
    photos = Photos(records)
    row = photos.attach(first.id, sample_jpeg, kind="portrait", consent=True)
    photos.attach(second.id, sample_jpeg, kind="portrait", consent=True)
    found = records.photo_duplicates(second.id, (row.sha256,))
    assert [(p.id, reasons) for p, reasons in found] == [(first.id, ("photo",))]
    both = records.possible_duplicates(operation, {"name": "WANG LEI"}, photo_hashes=(row.sha256,))
    assert [(p.id, reasons) for p, reasons in both] == [
        (first.id, ("name", "photo")),
        (second.id, ("photo",)),
    ]


# --- the step a draft was left at ----------------------------------------------------------------


def test_a_draft_screening_remembers_its_step_until_finalised(records: Records) -> None:
    screenings = Screenings(records)
    person = records.register_person(_operation(records), name="TRAN VAN HUNG", age=24).id
    assert screenings.draft(person) is None
    screening = screenings.begin(person, sections={"consent": {"consents_to_interview": True}})
    draft = screenings.draft(person)
    assert draft is not None and (draft.screening_id, draft.step) == (screening.id, None)
    screenings.remember_step(screening.id, "indicators")
    screenings.remember_step(screening.id, "not a step")  # ignored
    assert screenings.draft(person) == type(draft)(screening.id, "indicators")
    screenings.finalise(screening.id)
    assert screenings.draft(person) is None
    assert records.session.meta(f"draft_step:{screening.id}") is None

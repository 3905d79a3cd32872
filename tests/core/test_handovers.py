from __future__ import annotations

import hashlib

import pytest

from fieldapp.errors import NotAllowed, RecordStateError, ValidationError
from fieldapp.records.canonical import canonical_json
from fieldapp.records.handovers import Handovers
from fieldapp.records.service import Records
from fieldapp.vault.session import Session
from tests.support import PASSPHRASE, add_officer

COMPLETE = {
    "place": "Sihanoukville, Golden Bay Park",
    "transferring_agency": "Anti-Human Trafficking Police, Preah Sihanouk",
    "transferring_officer": "Sok Dara",
    "receiving_type": "embassy",
    "receiving_country": "VNM",
    "receiving_officer": "Trần Văn Minh",
    "consent_referral": True,
    "consent_sharing": True,  # asked at the handover: their embassy may have the form
    "items": [{"description": "Passport", "quantity": 1, "kind": "passport"}],
}


def _person(records: Records, **fields: object) -> str:
    op = records.create_operation(name="Golden Bay raid")
    return records.register_person(
        op.id, name="NGUYEN THI HUONG", nationality="VNM", sex="female", **fields
    ).id


def test_draft_has_a_reference_number_and_validates(records: Records) -> None:
    handovers = Handovers(records)
    person_id = _person(records)
    first = handovers.draft(person_id, place="Sihanoukville")
    second = handovers.draft(person_id)
    temp_id = records.person(person_id).temp_id
    assert first.reference_no == f"HO-{temp_id}-1" and second.reference_no == f"HO-{temp_id}-2"
    assert first.status == "draft" and first.data["date_time"]
    with pytest.raises(ValidationError, match="receiving type must be one of"):
        handovers.draft(person_id, receiving_type="prison")
    with pytest.raises(ValidationError, match="quantity must be between"):
        handovers.draft(person_id, items=[{"description": "Cash", "quantity": 0}])
    with pytest.raises(ValidationError, match=r"Unknown field\(s\): colour"):
        handovers.draft(person_id, colour="red")
    with pytest.raises(ValidationError, match="not one of this person's screenings"):
        handovers.draft(person_id, screening_id="0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")
    updated = handovers.update(first.id, receiving_type="iom", receiving_name="IOM Phnom Penh")
    assert updated.data["receiving_name"] == "IOM Phnom Penh"
    assert [h.id for h in handovers.for_person(person_id)] == [first.id, second.id]


def test_hand_over_finalises_snapshots_and_marks_the_person(records: Records) -> None:
    handovers = Handovers(records)
    person_id = _person(records, name_own_script="Nguyễn Thị Hường", age=24)
    draft = handovers.draft(person_id, place="Sihanoukville")
    with pytest.raises(ValidationError, match="Before handing over, fill in: the transferring agency"):
        handovers.hand_over(draft.id)
    handovers.update(draft.id, **COMPLETE)
    version = handovers.hand_over(draft.id)
    final = handovers.get(draft.id)
    assert version == 1 and final.status == "final"
    assert final.data["person"]["name_own_script"] == "Nguyễn Thị Hường"
    assert records.person(person_id).handed_over
    with pytest.raises(RecordStateError):
        handovers.update(draft.id, place="elsewhere")
    with pytest.raises(RecordStateError):
        handovers.hand_over(draft.id)
    issued = handovers.versions(draft.id)
    assert issued is not None and [v.version for v in issued] == [1]
    assert issued[0].content_hash == hashlib.sha256(canonical_json(final.data)).hexdigest()
    assert issued[0].device_public_key
    handovers.amend(draft.id, "receiving officer was misspelt", receiving_officer="Trần Văn Minh Jr")
    issued = handovers.versions(draft.id)
    assert issued is not None and [v.version for v in issued] == [1, 2]
    assert issued[1].content_hash == hashlib.sha256(canonical_json(handovers.get(draft.id).data)).hexdigest()
    assert handovers.versions("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b") is None
    assert handovers.find_ids(draft.id.replace("-", "")[-10:]) == [draft.id]


def test_only_a_team_lead_hands_over(session: Session, records: Records) -> None:
    from fieldapp.vault.session import unlock

    add_officer(session, "Chan Sophea", "screener", PASSPHRASE + "2")
    handovers = Handovers(records)
    person_id = _person(records)
    draft = handovers.draft(person_id, **COMPLETE)
    screener = unlock(session.data_dir, "Chan Sophea", PASSPHRASE + "2")
    try:
        with pytest.raises(NotAllowed):
            Handovers(Records(screener)).hand_over(draft.id)
    finally:
        screener.close()

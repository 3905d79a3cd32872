"""The screening rule where it is used: the record's own acts, pinned rule versions, HQ's re-score agreeing
with the laptop, the exports and the non-punishment sentence on the handover form."""

from __future__ import annotations

import json
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from fieldapp.errors import ValidationError
from fieldapp.hq import exports
from fieldapp.hq.rescore import rescore_screenings
from fieldapp.records import screening_record
from fieldapp.records.handovers import Handovers
from fieldapp.records.screening_record import recorded_acts
from fieldapp.records.screenings import Screening, Screenings
from fieldapp.records.service import Records
from fieldapp.reports.data import FormData
from fieldapp.reports.handover import render_handover
from fieldapp.screening import LEGACY_RULE_VERSION, RULE_VERSION, Act
from fieldapp.sync.export import export_bundle
from fieldapp.vault.session import Session
from tests.core.test_handovers import COMPLETE
from tests.core.test_sync import Hq, stick_of

TEEN_ANSWERS = dict.fromkeys(("SC.long_hours", "SC.forced_scamming"), "present")
# Recruited through Facebook, travel paid by the recruiter: the recruitment section, not an indicator item.
TEEN_RECRUITMENT = {
    "method": "ThroughOnlineSocialNetworks",
    "platform": "Facebook",
    "promised_job": "customer service in Bangkok",
    "travel_paid_by": "the recruiter",
}


def _person(records: Records, **fields: object) -> str:
    operation = records.create_operation(name="Sihanoukville raid")
    return records.register_person(operation.id, name="LI MING", nationality="CHN", **fields).id


def _as_recorded_by_rule_1(session: Session, records: Records, screening: Screening) -> None:
    """What the app stored before rule versions were pinned: no rule version, scam-compound set 1.0, and
    the result rule 1 gave."""
    pins: dict[str, Any] = {**screening.pins, "linked_set_version": "1.0"}
    del pins["rule_version"]
    person = records.person_fields(screening.person_id)
    result = screening_record.rescore(screening.sections, person, pins)
    assert result.rule_version == LEGACY_RULE_VERSION
    stored = screening_record.stored_result(result, screening.sections)
    session.log.append("screening", screening.id, "update", {"fields": {"pins": pins, "result": stored}})


def test_acts_come_from_the_record() -> None:
    assert recorded_acts({}) == ()
    assert recorded_acts({"recruitment": {"platform": "Facebook"}}) == (Act.RECRUITMENT,)
    assert recorded_acts({"recruitment": {"route": "Bangkok - Poipet"}}) == (Act.TRANSPORT,)
    one = {"exploitation": {"compounds": [{"name": "KK Park"}]}}
    assert recorded_acts(one) == (Act.HARBOURING,)
    two = {"exploitation": {"compounds": [{"name": "A"}, {"name": "B"}]}}
    assert recorded_acts(two) == (Act.HARBOURING, Act.TRANSFER)
    assert recorded_acts({"recruitment": {"platform": ""}, "exploitation": {"compounds": []}}) == ()


def test_a_set_with_no_source_is_not_offered(records: Records) -> None:
    with pytest.raises(ValidationError, match="ilo2009_adult_sexual is not enabled"):
        Screenings(records).begin(_person(records, age=30), set_id="ilo2009_adult_sexual")


def test_a_teenager_recruited_through_facebook_is_a_presumed_child_victim(records: Records) -> None:
    screenings = Screenings(records)
    person = _person(records, age=16)
    screening = screenings.begin(person, sections={"interview": {"completed": True}})
    screening = screenings.save(screening.id, {"indicators": {"answers": TEEN_ANSWERS}})
    assert screening.outcome == "POSSIBLE_VICTIM"  # exploitation, but no act recorded yet
    screening = screenings.save(screening.id, {"recruitment": TEEN_RECRUITMENT})
    assert screening.outcome == "PRESUMED_CHILD_VICTIM"
    assert screening.pins["rule_version"] == RULE_VERSION
    result = screenings.explanation(screening.id)
    assert result.recorded_acts == ("recruitment", "transport")


def test_finalised_screenings_keep_their_rule_and_drafts_move_to_the_current_one(
    session: Session, records: Records
) -> None:
    """A screening recorded under rule 1 (no rule version pinned) keeps its result once final; a draft
    is re-scored with the current rule at its next save."""
    screenings = Screenings(records)
    answers = {"indicators": {"answers": {"SC.forced_scamming": "present"}}, "interview": {"completed": True}}
    final, draft = (screenings.begin(_person(records, age=30), sections=answers) for _ in range(2))
    for screening in (final, draft):
        _as_recorded_by_rule_1(session, records, screening)
    assert screenings.get(final.id).outcome == "NO_INDICATORS_FOUND"  # what rule 1 said of forced scamming
    records.finalise("screening", final.id)
    kept = screenings.get(final.id)
    assert kept.pins.get("rule_version") is None and kept.outcome == "NO_INDICATORS_FOUND"
    assert screenings.explanation(final.id).rule_version == LEGACY_RULE_VERSION
    amended = screenings.amend(final.id, {"meta": {"place": "Building C"}}, "place corrected")
    assert amended.result["rule_version"] == LEGACY_RULE_VERSION  # an amendment keeps the recorded rule
    moved = screenings.save(draft.id, {"meta": {"place": "Building B"}})
    assert moved.pins["rule_version"] == RULE_VERSION and moved.outcome == "POSSIBLE_VICTIM"
    assert moved.pins["linked_set_version"] == "1.0"  # the sets it began with stay


@pytest.mark.usefixtures("qapp")
def test_handover_form_below_threshold_carries_the_non_punishment_sentence(
    records: Records, tmp_path: Path
) -> None:
    screenings = Screenings(records)
    person = _person(records, age=30, sex="male")
    screening = screenings.begin(person, sections={"interview": {"completed": True}})
    screening = screenings.save(screening.id, {"indicators": {"answers": {"SC.drugs": "present"}}})
    assert screening.outcome == "INDICATORS_BELOW_THRESHOLD"
    records.finalise("screening", screening.id)
    handovers = Handovers(records)
    draft = handovers.draft(person, **COMPLETE)
    handovers.hand_over(draft.id)
    handover = handovers.get(draft.id)
    pdf = render_handover([FormData(handover.id, handover.version, handover.status, handover.data)])
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    # NFKC: the PDF's text layer keeps typographic ligatures ("ﬃ" in "trafficking")
    text = " ".join(
        unicodedata.normalize(
            "NFKC",
            subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout.decode(),
        ).split()
    )
    assert "POSSIBLE victim of trafficking (indicators below the ILO threshold)" in text
    assert "was screened as a possible victim of trafficking in persons" in text
    assert "should not be detained, prosecuted or punished" in text


def _synced(tmp_path: Path, database: str | None, session: Session) -> Hq:
    hq = Hq(tmp_path / "hq", database=database)
    hq.enrol(session)
    hq.approve(session)
    result = export_bundle(session, stick_of(tmp_path))
    assert result is not None
    hq.imports(result)
    return hq


def test_hq_rescore_agrees_with_the_laptop(
    tmp_path: Path, session: Session, records: Records, hq_backend: str | None
) -> None:
    screenings = Screenings(records)
    teen = screenings.begin(_person(records, age=16), sections={"interview": {"completed": True}})
    teen = screenings.save(
        teen.id, {"indicators": {"answers": TEEN_ANSWERS}, "recruitment": TEEN_RECRUITMENT}
    )
    below = screenings.begin(
        _person(records, age=40), sections={"indicators": {"answers": {"SC.drugs": "present"}}}
    )
    hq = _synced(tmp_path, hq_backend, session)
    try:
        found = {r.screening_id: r for r in rescore_screenings(hq.store.conn)}
        assert set(found) == {teen.id, below.id}
        assert found[teen.id].result.outcome.value == teen.outcome == "PRESUMED_CHILD_VICTIM"
        assert found[below.id].result.outcome.value == below.outcome == "INDICATORS_BELOW_THRESHOLD"
        assert not any(r.changed for r in found.values())
        assert rescore_screenings(hq.store.conn, changed_only=True) == []
        # exports treat "below the threshold" as a possible victim
        rows = {r["x_caseRef"]: r for r in exports.htcds_rows(hq.store.conn)}
        assert (
            sorted(r["vic_TraffickingStatus"] for r in rows.values()) == ["PossibleVictimOfTrafficking"] * 2
        )
        assert len(exports.ctdc_rows(hq.store.conn)) == 2
    finally:
        hq.store.close()


def test_hq_rescore_shows_what_a_newer_rule_changes(
    tmp_path: Path,
    session: Session,
    records: Records,
    hq_backend: str | None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A screening recorded under rule 1 ("nothing found" for a beaten worker) is listed with the outcome the
    current rule gives; the store itself is not changed."""
    screenings = Screenings(records)
    done = {"interview": {"completed": True}}
    beaten = screenings.begin(
        _person(records, age=30), sections={"indicators": {"answers": {"CD.violence": "present"}}, **done}
    )
    threats = {"indicators": {"answers": {"SC.threats_sale_organs_prostitution": "present"}}}
    old = screenings.begin(
        _person(records, age=30), sections={"indicators": {"answers": {"SC.drugs": "absent"}}, **done}
    )
    _as_recorded_by_rule_1(session, records, beaten)
    _as_recorded_by_rule_1(session, records, old)
    screenings.save(old.id, threats)  # an answer only set 1.0 asks (a draft: now under rule 2)
    old = screenings.get(old.id)
    records.finalise("screening", beaten.id)
    hq = _synced(tmp_path, hq_backend, session)
    try:
        before = hq.store.conn.execute("SELECT id, outcome FROM screenings ORDER BY id").fetchall()
        found = {r.screening_id: r for r in rescore_screenings(hq.store.conn, changed_only=True)}
        assert found[beaten.id].recorded_outcome == "NO_INDICATORS_FOUND"
        assert found[beaten.id].result.outcome.value == "POSSIBLE_VICTIM"
        assert found[beaten.id].flags == ("CD.violence",)
        assert found[old.id].result.outcome.value == "INDICATORS_BELOW_THRESHOLD"
        assert found[old.id].retired_answers == ("SC.threats_sale_organs_prostitution",)
        assert hq.store.conn.execute("SELECT id, outcome FROM screenings ORDER BY id").fetchall() == before
        data = json.loads(
            hq.store.conn.execute("SELECT data FROM screenings WHERE id = ?", (beaten.id,)).fetchone()[0]
        )
        assert data["result"]["outcome"] == "NO_INDICATORS_FOUND"  # recorded evidence is untouched
    finally:
        hq.store.close()

"""People kept together (issue 22 item 6): links with who said so, on the form and the manifest; a
warning when linked persons go to different bodies; a safeguarding prompt for a minor linked to an adult."""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from fieldapp.errors import ValidationError
from fieldapp.photos.service import Photos
from fieldapp.records.check import run_check
from fieldapp.records.handovers import Handovers
from fieldapp.records.links import link, links_by_person, links_of, separations, unlink
from fieldapp.records.service import Records
from fieldapp.reports.documents import manifest_document, person_handover

pytestmark = pytest.mark.usefixtures("qapp")  # Qt renders PDFs here; later widget tests need QApplication

HANDOVER = {
    "place": "Sihanoukville",
    "transferring_agency": "ATU",
    "transferring_officer": "Sok Dara",
    "receiving_type": "ngo",
    "receiving_officer": "Chan Sophea",
    "consent_referral": True,
    "consent_sharing": True,
}


def _family(records: Records) -> tuple[str, str, str, str]:
    op = records.create_operation(name="Golden Bay raid", code="GB").id
    mother = records.register_person(op, name="NGUYEN THI HUONG", age=34, sex="female").id
    son = records.register_person(op, name="NGUYEN VAN AN", age=12, sex="male").id
    friend = records.register_person(op, name="TRAN THI MAI", age=30, sex="female").id
    return op, mother, son, friend


def test_links_both_ways_with_who_said_so_and_a_safeguarding_prompt(records: Records) -> None:
    _, mother, son, friend = _family(records)
    prompts = link(records, mother, son, "parent_child", "both")
    assert len(prompts) == 1 and "may be under 18 and is linked to an adult" in prompts[0].message
    assert "speak with the child apart from them" in prompts[0].message
    assert link(records, mother, friend, "travelled_together", "one") == []  # two adults: no prompt
    [of_son] = links_of(records.conn, son)
    assert (of_son.other_id, str(of_son.relation_words), of_son.said_by) == (mother, "child of", "both")
    assert {str(found.relation_words) for found in links_of(records.conn, mother)} == {
        "parent of",
        "travelled with",
    }
    unlink(records, son, mother)  # from either side
    assert [found.other_id for found in links_of(records.conn, mother)] == [friend]
    with pytest.raises(ValidationError, match="are not linked"):
        unlink(records, son, mother)
    with pytest.raises(ValidationError, match="cannot be linked to themselves"):
        link(records, son, son, "siblings", "officer")
    assert run_check(records.session).ok  # the link events are in the signed chain; projections unchanged


def test_every_links_in_one_read_agree_with_each_persons_links(records: Records) -> None:
    """The manifest reads all links at once; after random links and unlinks (from either side) that read
    must give each person exactly what asking for that person gives."""
    op = records.create_operation(name="Golden Bay raid", code="GB").id
    ids = [records.register_person(op, name=f"PERSON {n}", age=30, sex="male").id for n in range(12)]
    draw = random.Random(22)
    for _ in range(60):
        first, second = draw.sample(ids, 2)
        current = {found.other_id for found in links_of(records.conn, first)}
        if second in current and draw.random() < 0.5:
            side, other = draw.choice([(first, second), (second, first)])
            unlink(records, side, other)
        elif second not in current:
            link(records, first, second, draw.choice(["siblings", "parent_child", "couple"]), "officer")
    every = links_by_person(records.conn)
    assert sum(len(found) for found in every.values()) > 10  # the draw left links to compare
    for person_id in ids:
        assert every.get(person_id, []) == links_of(records.conn, person_id)


def test_a_handover_warns_when_linked_persons_go_to_different_bodies(
    records: Records, tmp_path: Path
) -> None:
    op, mother, son, _ = _family(records)
    link(records, mother, son, "parent_child", "documents")
    handovers = Handovers(records)
    draft = handovers.draft(son, **HANDOVER, receiving_name="Shelter A")
    handovers.hand_over(draft.id)
    assert separations(records.conn, mother, {**HANDOVER, "receiving_name": "Shelter A"}) == []
    [warning] = separations(records.conn, mother, {**HANDOVER, "receiving_name": "Shelter B"})
    assert f"{records.person(son).temp_id} (parent of) was handed over to Shelter A" in warning.message
    second = handovers.draft(mother, **HANDOVER, receiving_name="Shelter A")
    handovers.hand_over(second.id)
    final = handovers.get(second.id)
    assert final.data["links"] == [
        {"temp_id": records.person(son).temp_id, "relation": "parent_child", "role": 0}
    ]
    form = tmp_path / "form.pdf"
    form.write_bytes(person_handover(records, handovers, Photos(records), mother).pdf)
    manifest = tmp_path / "manifest.pdf"
    manifest.write_bytes(manifest_document(records, handovers, Photos(records), op, by_body=False).pdf)
    for pdf in (form, manifest):
        text = " ".join(
            subprocess.run(
                ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
            ).stdout.split()
        )
        assert (
            f"parent of {records.person(son).temp_id}" in text
            or f"child of {records.person(mother).temp_id}" in text
        )

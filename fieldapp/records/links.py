"""People kept together: persons linked at the scene (parent and child, siblings, a couple, travelled
together), with who said so.

A link is a signed ``link`` event on one of the two persons (``unlink`` undoes it), kept in the log like a
station scan, so a link recorded on a draft or a final person never changes either record and HQ sees
every laptop's links. Links show on the person page, the manifest and the handover, and a handover warns
when linked persons go to different bodies. A minor linked to an adult raises a safeguarding prompt (the
adult may be the recruiter or the exploiter) and is never grouped automatically.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fieldapp.errors import Term, ValidationError, message, term
from fieldapp.records.service import Records
from fieldapp.vault.db import id_slices

RELATIONS = {  # relation -> (from the first person, from the second)
    "parent_child": (term("link", "parent of"), term("link", "child of")),
    "siblings": (term("link", "sibling of"), term("link", "sibling of")),
    "couple": (term("link", "partner of"), term("link", "partner of")),
    "relatives": (term("link", "relative of"), term("link", "relative of")),
    "travelled_together": (term("link", "travelled with"), term("link", "travelled with")),
}
SAID_BY = {
    "both": term("link", "both said so"),
    "one": term("link", "one of them said so"),
    "officer": term("link", "an officer saw it"),
    "documents": term("link", "their documents show it"),
}
SAFEGUARDING = message(
    "link.safeguarding",
    "{minor} may be under 18 and is linked to an adult, {adult}. The adult may be the recruiter or the "
    "exploiter: speak with the child apart from them, with a social worker, before they are handed over "
    "together. Nothing is grouped automatically.",
)
SAME_PERSON = message("link.same_person", "A person cannot be linked to themselves.")
UNKNOWN_RELATION = message("link.unknown_relation", "{relation} is not a kind of link.")
NOT_LINKED = message("link.not_linked", "{a} and {b} are not linked.")
SEPARATED = message(
    "link.separated",
    "{temp_id} ({relation}) was handed over to {body}; this handover sends this person elsewhere. Keep "
    "them together unless there is a reason not to.",
)


@dataclass(frozen=True)
class Link:
    other_id: str
    other_temp_id: str
    relation: str  # a key of RELATIONS
    role: int  # 0: this person is the first of the pair (the parent), 1: the second
    said_by: str  # a key of SAID_BY
    event_id: str

    @property
    def relation_words(self) -> Term:
        return RELATIONS[self.relation][self.role]


def link(
    records: Records, first_id: str, second_id: str, relation: str, said_by: str
) -> list[ValidationError]:
    """Link two persons (``first`` is the parent in ``parent_child``). Returns the safeguarding prompts the
    officer must see (a minor linked to an adult), as messages to show, not to refuse."""
    if first_id == second_id:
        raise ValidationError(SAME_PERSON)
    if relation not in RELATIONS:
        raise ValidationError(UNKNOWN_RELATION, relation=relation)
    if said_by not in SAID_BY:
        raise ValueError(f"unknown source of a link: {said_by!r}")
    first, second = records.person(first_id), records.person(second_id)
    records.session.log.append(
        "person", first.id, "link", {"other": second.id, "relation": relation, "said_by": said_by}
    )
    return safeguarding(records, first_id, second_id)


def safeguarding(records: Records, first_id: str, second_id: str) -> list[ValidationError]:
    """The prompt when one of a linked pair may be a minor and the other is not."""
    first, second = records.person(first_id), records.person(second_id)
    if first.minor == second.minor:
        return []
    minor, adult = (first, second) if first.minor else (second, first)
    return [ValidationError(SAFEGUARDING, minor=minor.temp_id, adult=adult.temp_id)]


def unlink(records: Records, person_id: str, other_id: str) -> None:
    """Undo a link recorded in error (either side; the log keeps both events)."""
    current = {found_link.other_id: found_link for found_link in links_of(records.conn, person_id)}
    if other_id not in current:
        raise ValidationError(
            NOT_LINKED, a=records.person(person_id).temp_id, b=records.person(other_id).temp_id
        )
    records.session.log.append("person", person_id, "unlink", {"other": other_id})


def links_of(conn: Any, person_id: str) -> list[Link]:
    """The person's current links (laptop vault or HQ store), oldest first."""
    rows = conn.execute(
        f"{_LINK_EVENTS} AND (e.entity_id = ? OR e.payload LIKE ?) ORDER BY e.created_at, e.event_id",
        (person_id, f'%"{person_id}"%'),
    ).fetchall()
    return _current_links(conn, rows, only=person_id).get(person_id, [])


def links_by_person(conn: Any) -> dict[str, list[Link]]:
    """Every person's current links in one read of the log (a manifest of thousands asks for all)."""
    rows = conn.execute(f"{_LINK_EVENTS} ORDER BY e.created_at, e.event_id").fetchall()
    return _current_links(conn, rows, only=None)


_LINK_EVENTS = (
    "SELECT e.event_id, e.entity_id, e.op, e.payload FROM events e "
    "WHERE e.entity = 'person' AND e.op IN ('link', 'unlink')"
)


def _current_links(conn: Any, rows: list[Any], only: str | None) -> dict[str, list[Link]]:
    """Replay link and unlink events (oldest first): either side's unlink ends the pair for both."""
    pairs: dict[str, dict[str, Link]] = {}
    for event_id, entity_id, op, raw in rows:
        payload = json.loads(raw)
        first, second = str(entity_id), str(payload.get("other", ""))
        for person_id, partner, role in ((first, second, 0), (second, first, 1)):
            if only is not None and person_id != only:
                continue
            if op == "unlink":
                pairs.get(person_id, {}).pop(partner, None)
                continue
            relation, said_by = str(payload.get("relation")), str(payload.get("said_by"))
            pairs.setdefault(person_id, {})[partner] = Link(partner, "", relation, role, said_by, event_id)
    temp_ids: dict[str, str] = {}
    for chunk, marks in id_slices(partner for links in pairs.values() for partner in links):
        temp_ids.update(
            conn.execute(f"SELECT id, temp_id FROM persons WHERE id IN ({marks})", chunk).fetchall()
        )
    return {
        person_id: [
            Link(
                found.other_id,
                str(temp_ids.get(found.other_id, found.other_id[-8:])),
                found.relation,
                found.role,
                found.said_by,
                found.event_id,
            )
            for found in links.values()
        ]
        for person_id, links in pairs.items()
    }


def separations(conn: Any, person_id: str, handover: dict[str, Any]) -> list[ValidationError]:
    """Linked persons already handed over to another body than ``handover`` names: each a plain warning."""
    body = (str(handover.get("receiving_type") or ""), str(handover.get("receiving_name") or "").casefold())
    found = []
    for found_link in links_of(conn, person_id):
        for (raw,) in conn.execute(
            "SELECT data FROM handovers WHERE person_id = ? AND status = 'final' ORDER BY updated_at DESC LIMIT 1",
            (found_link.other_id,),
        ):
            data = json.loads(raw)
            theirs = (str(data.get("receiving_type") or ""), str(data.get("receiving_name") or "").casefold())
            if theirs != body:
                name = data.get("receiving_name") or data.get("receiving_type") or ""
                found.append(
                    ValidationError(
                        SEPARATED,
                        temp_id=found_link.other_temp_id,
                        relation=RELATIONS[found_link.relation][found_link.role],
                        body=name,
                    )
                )
    return found

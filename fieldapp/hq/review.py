"""The analyst's review at HQ: the conflict queue, duplicate candidates, links and dismissals.

Every decision goes through ``decisions.append`` (signed by HQ's key, chained, with the analyst's
name and a reason); nothing here writes the derived tables directly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fieldapp.errors import message
from fieldapp.hq import decisions, dedupe, dedupe_persons
from fieldapp.hq.dedupe import Candidate
from fieldapp.hq.errors import ReviewError
from fieldapp.records.ids import uuid7
from fieldapp.work import Progress, ShouldCancel

CHOOSE_SIDE = message("hq.choose_side", "Choose side a or side b.")
NO_CONFLICT = message("hq.no_conflict", "There is no conflict {conflict_id} in the review queue.")
CONFLICT_RESOLVED = message("hq.conflict_resolved", "Conflict {conflict_id} is already resolved.")
NO_PERSON = message("hq.no_person", "HQ holds no person {person_id}.")
PAIR_WITH_SELF = message("hq.pair_with_self", "A person cannot be paired with themself.")
ALREADY_MERGED = message(
    "hq.already_merged", "Person {person} is already merged into {target}; link to {target} instead."
)
PAIR_DISMISSED = message(
    "hq.pair_dismissed", "This pair was dismissed as two different persons; it cannot be linked."
)
NO_LINK = message("hq.no_link", "There is no link {link_id}.")
LINK_UNDONE = message("hq.link_undone", "Link {link_id} is already undone.")
ALREADY_DISMISSED = message("hq.already_dismissed", "This pair is already dismissed.")
LINKED_FIRST = message("hq.unlink_first", "These two are linked ({link_id}); unlink them first.")

if TYPE_CHECKING:
    from fieldapp.hq.identity import HqIdentity
    from fieldapp.hq.store import HqStore

__all__ = ["Candidate", "ConflictItem", "Link", "Review", "Side"]


@dataclass(frozen=True)
class Side:
    event_id: str
    device_id: str
    device_name: str
    officer: str
    at: str
    value: Any


@dataclass(frozen=True)
class ConflictItem:
    id: int
    entity: str
    entity_id: str
    field: str
    detected_at: str
    status: str
    a: Side
    b: Side


@dataclass(frozen=True)
class Link:
    link_id: str
    person_a: str
    person_b: str
    score: float
    status: str
    linked_at: str
    unlinked_at: str | None
    decision_id: str
    model_version: int | None = None  # the linkage model that proposed the pair (None: linked before)


_LINK_COLUMNS = (
    "link_id, person_a, person_b, score, status, linked_at, unlinked_at, decision_id, model_version"
)


class Review:
    def __init__(self, store: HqStore, identity: HqIdentity) -> None:
        # The queue, the candidates and the links show persons of every team: not a liaison's to read.
        identity.require("decide")
        self.store = store
        self.identity = identity
        self.conn = store.conn

    @property
    def analyst(self) -> str:
        """The signed-in account's name: every decision carries it (and the account's signature)."""
        return self.identity.signed_in.name if self.identity.signed_in else ""

    def decide(self, kind: str, payload: dict[str, Any], reason: str) -> decisions.Decision:
        """One signed decision, in its own transaction."""
        with self.store.transaction():
            return decisions.append(self.store, self.identity, kind, payload, reason)

    # --- the conflict queue --------------------------------------------------------------------

    def conflicts(self, status: str | None = "open") -> list[ConflictItem]:
        sql = "SELECT id, entity, entity_id, field, detected_at, status, event_a, event_b FROM hq_conflicts"
        params: list[Any] = []
        if status is not None:
            sql += " WHERE status = ?"
            params.append(status)
        rows = self.conn.execute(sql + " ORDER BY id", params).fetchall()
        return [
            ConflictItem(
                int(r[0]), r[1], r[2], r[3], r[4], r[5], self._side(r[6], r[3]), self._side(r[7], r[3])
            )
            for r in rows
        ]

    def _side(self, event_id: str, field: str) -> Side:
        row = self.conn.execute(
            "SELECT e.device_id, e.officer_id, e.created_at, e.payload, d.name, o.name FROM events e "
            "LEFT JOIN hq_devices d ON d.device_id = e.device_id LEFT JOIN officers o ON o.id = e.officer_id "
            "WHERE e.event_id = ?",
            (event_id,),
        ).fetchone()
        value = (json.loads(row[3]).get("fields") or {}).get(field)
        return Side(event_id, row[0], row[4] or "", row[5] or row[1], row[2], value)

    def resolve(self, conflict_id: int, chosen: str, reason: str) -> None:
        """Keep side ``a`` or ``b``: the record at HQ then shows that value."""
        if chosen not in ("a", "b"):
            raise ReviewError(CHOOSE_SIDE)
        decisions.check_reason(reason)
        row = self.conn.execute(
            "SELECT entity, entity_id, field, event_a, event_b, status FROM hq_conflicts WHERE id = ?",
            (conflict_id,),
        ).fetchone()
        if row is None:
            raise ReviewError(NO_CONFLICT, conflict_id=conflict_id)
        if row[5] == "resolved":
            raise ReviewError(CONFLICT_RESOLVED, conflict_id=conflict_id)
        entity, entity_id, field, event_a, event_b = row[:5]
        side = self._side(event_a if chosen == "a" else event_b, field)
        payload = {
            "entity": entity,
            "entity_id": entity_id,
            "field": field,
            "event_a": event_a,
            "event_b": event_b,
            "chosen": chosen,
            "chosen_event": side.event_id,
            "value": side.value,
        }
        self.decide("resolve_conflict", payload, reason)

    # --- duplicates ----------------------------------------------------------------------------

    def candidates(
        self,
        *,
        min_score: float | None = None,
        limit: int = 500,
        progress: Progress | None = None,
        should_cancel: ShouldCancel | None = None,
        retrain: bool = False,
    ) -> list[Candidate]:
        """Pairs from ``min_score`` (default: the threshold in Settings), the likeliest first."""
        return dedupe.find_candidates(
            self.store,
            min_score=min_score,
            limit=limit,
            progress=progress,
            should_cancel=should_cancel,
            retrain=retrain,
        )

    def person_detail(self, person_id: str) -> dict[str, Any]:
        """Everything the side-by-side view shows about one person: fields, operation, device, photos."""
        row = self.conn.execute(
            "SELECT id, operation_id, temp_id, status, version, outcome, data, created_at, updated_at "
            "FROM persons WHERE id = ?",
            (person_id,),
        ).fetchone()
        if row is None:
            raise ReviewError(NO_PERSON, person_id=person_id)
        operation = self.conn.execute(
            "SELECT id, code, name, data FROM operations WHERE id = ?", (row[1],)
        ).fetchone()
        op_data = json.loads(operation[3]) if operation else {}
        created = self.conn.execute(
            "SELECT e.device_id, d.name, e.officer_id, o.name FROM events e "
            "LEFT JOIN hq_devices d ON d.device_id = e.device_id LEFT JOIN officers o ON o.id = e.officer_id "
            "WHERE e.entity_id = ? AND e.op = 'create'",
            (person_id,),
        ).fetchone()
        photos = [
            {"id": pid, "sha256": json.loads(data).get("sha256")}
            for pid, data in self.conn.execute(
                "SELECT id, data FROM photos WHERE person_id = ? AND status != 'purged' ORDER BY created_at, id",
                (person_id,),
            )
        ]
        links = self.links(person_id)
        merged_into = next(
            (k.person_a for k in links if k.status == "active" and k.person_b == person_id), None
        )
        return {
            "id": row[0],
            "temp_id": row[2],
            "status": row[3],
            "version": int(row[4]),
            "outcome": row[5],
            "fields": json.loads(row[6]),
            "created_at": row[7],
            "updated_at": row[8],
            "operation": {
                "id": row[1],
                "code": operation[1] if operation else "",
                "name": operation[2] if operation else "",
                "date": op_data.get("date", ""),
                "province": op_data.get("province", ""),
            },
            "device": {
                "device_id": created[0] if created else None,
                "name": (created[1] if created else None) or "",
            },
            "officer": (created[3] or created[2]) if created else "",
            "photos": photos,
            "links": [k.__dict__ for k in links],
            "merged_into": merged_into,
        }

    def _require_person(self, person_id: str) -> None:
        if self.conn.execute("SELECT 1 FROM persons WHERE id = ?", (person_id,)).fetchone() is None:
            raise ReviewError(NO_PERSON, person_id=person_id)

    def _merged_into(self, person_id: str) -> str | None:
        row = self.conn.execute(
            "SELECT person_a FROM hq_links WHERE person_b = ? AND status = 'active'", (person_id,)
        ).fetchone()
        return None if row is None else str(row[0])

    def _pair(self, person_a: str, person_b: str) -> tuple[str, str]:
        if person_a == person_b:
            raise ReviewError(PAIR_WITH_SELF)
        self._require_person(person_a)
        self._require_person(person_b)
        return person_a, person_b

    def link(self, person_a: str, person_b: str, reason: str, shown: dedupe.Candidate | None = None) -> str:
        """Merge the newer record into the older one (reversible with ``unlink``); returns the link id.

        ``shown``: the candidate the analyst decided on (the duplicates search): its match probability,
        its evidence in words and the version of the model that scored it are what the link keeps."""
        decisions.check_reason(reason)
        self._pair(person_a, person_b)
        for person in (person_a, person_b):
            target = self._merged_into(person)
            if target is not None:
                raise ReviewError(ALREADY_MERGED, person=person, target=target)
        dismissed = self.conn.execute(
            "SELECT 1 FROM hq_dismissed_pairs WHERE person_a = ? AND person_b = ?",
            tuple(sorted((person_a, person_b))),
        ).fetchone()
        if dismissed is not None:
            raise ReviewError(PAIR_DISMISSED)
        first, second = dedupe_persons.load_persons(self.store, [person_a, person_b])  # oldest first
        if shown is None or {shown.person_a, shown.person_b} != {person_a, person_b}:
            shown = dedupe.score_pair(self.store, first.id, second.id)  # a link by ids alone (`hq link`)
        link_id = uuid7()
        payload: dict[str, Any] = {
            "link_id": link_id,
            "person_a": first.id,
            "person_b": second.id,
            "score_milli": round(shown.score * 1000),
            "reasons": shown.reasons,
        }
        if shown.model_version is not None:
            payload["model_version"] = shown.model_version
        self.decide("link", payload, reason)
        return link_id

    def unlink(self, link_id: str, reason: str) -> None:
        decisions.check_reason(reason)
        row = self.conn.execute("SELECT status FROM hq_links WHERE link_id = ?", (link_id,)).fetchone()
        if row is None:
            raise ReviewError(NO_LINK, link_id=link_id)
        if row[0] != "active":
            raise ReviewError(LINK_UNDONE, link_id=link_id)
        self.decide("unlink", {"link_id": link_id}, reason)

    def links(self, person_id: str | None = None) -> list[Link]:
        sql = f"SELECT {_LINK_COLUMNS} FROM hq_links"
        params: tuple[str, ...] = ()
        if person_id is not None:
            sql += " WHERE person_a = ? OR person_b = ?"
            params = (person_id, person_id)
        rows = self.conn.execute(sql + " ORDER BY linked_at, link_id", params).fetchall()
        return [
            Link(r[0], r[1], r[2], float(r[3]), r[4], r[5], r[6], r[7], None if r[8] is None else int(r[8]))
            for r in rows
        ]

    def dismiss(self, person_a: str, person_b: str, reason: str) -> None:
        """Record "not the same person": the pair is never proposed again."""
        decisions.check_reason(reason)
        first, second = sorted(self._pair(person_a, person_b))
        if self.conn.execute(
            "SELECT 1 FROM hq_dismissed_pairs WHERE person_a = ? AND person_b = ?", (first, second)
        ).fetchone():
            raise ReviewError(ALREADY_DISMISSED)
        linked = self.conn.execute(
            "SELECT link_id FROM hq_links WHERE status = 'active' AND "
            "((person_a = ? AND person_b = ?) OR (person_a = ? AND person_b = ?))",
            (first, second, second, first),
        ).fetchone()
        if linked is not None:
            raise ReviewError(LINKED_FIRST, link_id=linked[0])
        self.decide("dismiss", {"person_a": first, "person_b": second}, reason)

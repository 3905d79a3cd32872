"""HQ's re-score: what the newest rule and indicator sets say of screenings already recorded.

Recorded screenings keep the rule and set versions they were scored with (their outcome is evidence of what
the officer was shown). This re-scores each one, without changing it, with the current rule and the newest
version of the same sets, using the same scoring function as the laptop (``screening_record.rescore``), so
HQ can see which persons a newer rule would protect differently and send a team back to them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.records import screening_record
from fieldapp.screening import RED_FLAG_FACTS, RULE_VERSION, ScreeningResult, load_set
from fieldapp.vault.db import Connection


@dataclass(frozen=True)
class Rescored:
    screening_id: str
    person_id: str
    temp_id: str
    status: str
    recorded_outcome: str
    recorded_rule: str
    recorded_flags: tuple[str, ...]  # as facts: a scam-compound flag stands for the ILO fact it ticked
    result: ScreeningResult  # with the current rule and the newest sets
    retired_answers: tuple[str, ...]  # answers to questions the newest set no longer asks (ask again)

    @property
    def outcome_changed(self) -> bool:
        return self.result.outcome.value != self.recorded_outcome

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.result.red_flags)

    @property
    def changed(self) -> bool:
        return self.outcome_changed or set(self.flags) != set(self.recorded_flags)

    def to_dict(self) -> dict[str, Any]:
        return {
            "screening_id": self.screening_id,
            "person_id": self.person_id,
            "temp_id": self.temp_id,
            "status": self.status,
            "recorded": {
                "outcome": self.recorded_outcome,
                "rule_version": self.recorded_rule,
                "red_flags": list(self.recorded_flags),
            },
            "now": {
                "outcome": self.result.outcome.value,
                "rule_version": self.result.rule_version,
                "set": f"{self.result.set_id} {self.result.set_version}",
                "linked_set": f"{self.result.linked_set_id} {self.result.linked_set_version}",
                "red_flags": list(self.flags),
            },
            "changed": self.changed,
            "retired_answers": list(self.retired_answers),
        }


def newest_pins(pins: Mapping[str, Any]) -> dict[str, str]:
    """The same sets at their newest versions, and the current rule."""
    main = load_set(str(pins["set_id"]))
    linked = load_set(str(pins["linked_set_id"]))
    return {
        "set_id": main.set_id,
        "set_version": main.version,
        "linked_set_id": linked.set_id,
        "linked_set_version": linked.version,
        "rule_version": RULE_VERSION,
    }


def _as_facts(flag_ids: list[str], pins: Mapping[str, Any]) -> tuple[str, ...]:
    """Recorded red flags as the facts the current rule attaches them to (the legacy rule named the
    scam-compound item: "SC.passport_taken" is the fact "CD.confiscation_docs")."""
    linked = load_set(str(pins["linked_set_id"]), pins.get("linked_set_version"))
    facts: list[str] = []
    for flag_id in flag_ids:
        item = linked.linked(flag_id)
        ticked = [t for t in item.maps_to if t in RED_FLAG_FACTS] if item is not None else []
        facts.extend(ticked or [flag_id])
    return tuple(dict.fromkeys(facts))


def rescore_screenings(conn: Connection, *, changed_only: bool = False) -> list[Rescored]:
    """Every screening not withdrawn or purged, re-scored; ``changed_only`` keeps those whose outcome or red
    flags differ from what was recorded. Reads only: the store is not changed."""
    persons = {
        str(pid): (str(temp_id), json.loads(data))
        for pid, temp_id, data in conn.execute("SELECT id, temp_id, data FROM persons")
    }
    found: list[Rescored] = []
    rows = conn.execute(
        "SELECT id, person_id, status, data FROM screenings WHERE status NOT IN ('withdrawn', 'purged') "
        "ORDER BY created_at, id"
    ).fetchall()
    for screening_id, person_id, status, raw in rows:
        data = json.loads(raw)
        pins = newest_pins(data["pins"])
        sections = {name: data[name] for name in screening_record.SECTIONS if name in data}
        known = set(load_set(pins["set_id"], pins["set_version"]).ids())
        linked = load_set(pins["linked_set_id"], pins["linked_set_version"])
        known |= set(linked.ids())
        answers = (sections.get("indicators") or {}).get("answers") or {}
        # An answer to an item the newest sets dropped altogether cannot be scored by them.
        dropped = sorted(set(answers) - known)
        if dropped:
            kept = {k: v for k, v in answers.items() if k in known}
            sections = {**sections, "indicators": {"answers": kept}}
        temp_id, person = persons.get(str(person_id), ("", {}))
        result = screening_record.rescore(sections, person, pins)
        retired = tuple(
            item_id
            for item_id, value in answers.items()
            if (item := linked.linked(item_id)) is not None
            and item.retired
            and value.get("answer") == "present"
        )
        recorded = data.get("result") or {}
        entry = Rescored(
            screening_id=str(screening_id),
            person_id=str(person_id),
            temp_id=temp_id,
            status=str(status),
            recorded_outcome=str(recorded.get("outcome") or ""),
            recorded_rule=str(recorded.get("rule_version") or (data["pins"].get("rule_version") or "")),
            recorded_flags=_as_facts(
                [str(f.get("id")) for f in recorded.get("red_flags") or []], data["pins"]
            ),
            result=result,
            retired_answers=(*retired, *dropped),
        )
        if entry.changed or not changed_only:
            found.append(entry)
    return found

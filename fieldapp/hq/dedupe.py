"""Candidate pairs of the same person recorded by different teams or raids. Never merges anything.

The persons come from fieldapp/hq/dedupe_persons.py, their comparable values from
fieldapp/hq/linkage_features.py, and the scores from the linkage model (fieldapp/hq/linkage.py): a
match probability and each comparison's weight in words. The model is estimated from HQ's own data the
first time, kept with a version in HQ's store (fieldapp/hq/linkage_store.py), and estimated again when
HQ has grown by a quarter; a candidate names the version that scored it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fieldapp.errors import message
from fieldapp.hq import linkage_features, linkage_store
from fieldapp.hq.dedupe_persons import Person, load_persons
from fieldapp.hq.errors import HqError, ReviewError
from fieldapp.hq.linkage_store import StoredModel
from fieldapp.hq.linkage_words import Evidence
from fieldapp.work import Progress, ShouldCancel, tell

if TYPE_CHECKING:
    from fieldapp.hq.linkage import Scored
    from fieldapp.hq.store import HqStore

NEEDS_LINKAGE = message(
    "dedupe.needs_linkage",
    "The duplicate search needs the HQ part of fieldapp (Splink and DuckDB): install it with "
    "pip install 'fieldapp[hq]'.",
)
UNKNOWN_PERSON = message("dedupe.unknown_person", "HQ holds no person {person_id}.")


class LinkageMissing(HqError):
    code = "linkage_missing"


@dataclass(frozen=True)
class Candidate:
    person_a: str  # the older record
    person_b: str
    score: float  # the match probability, 0..1
    reasons: list[str]  # each piece of evidence in words, the weightiest first
    evidence: tuple[Evidence, ...] = field(default=(), compare=False)
    model_version: int | None = None
    likely: bool = False  # at or above the "likely" threshold in Settings

    def as_json(self) -> dict[str, Any]:
        return {
            "person_a": self.person_a,
            "person_b": self.person_b,
            "score": round(self.score, 4),
            "likely": self.likely,
            "model_version": self.model_version,
            "reasons": self.reasons,
            "evidence": [e.as_json() for e in self.evidence],
        }


def excluded_pairs(store: HqStore) -> set[tuple[str, str]]:
    """Pairs an analyst has already decided on: linked (now or before) or dismissed."""
    rows = list(store.conn.execute("SELECT person_a, person_b FROM hq_links WHERE status = 'active'"))
    rows += list(store.conn.execute("SELECT person_a, person_b FROM hq_dismissed_pairs"))
    return {(min(a, b), max(a, b)) for a, b in rows}


def operation_dates(store: HqStore) -> dict[str, str]:
    dates = {}
    for operation_id, data in store.conn.execute("SELECT id, data FROM operations"):
        day = str(json.loads(data).get("date") or "")[:10]
        if day:
            dates[str(operation_id)] = day
    return dates


@dataclass
class _Inputs:
    persons: list[Person]
    rows: list[dict[str, Any]]
    tf_rows: list[dict[str, Any]]


def _inputs(store: HqStore, persons: list[Person]) -> _Inputs:
    rows = linkage_features.rows(persons, operation_dates(store))
    return _Inputs(persons, rows, linkage_features.term_frequencies(rows))


def _engine() -> Any:
    try:
        from fieldapp.hq import linkage
    except ImportError:  # pragma: no cover - the module itself imports no optional package
        raise LinkageMissing(NEEDS_LINKAGE) from None
    try:
        import duckdb  # noqa: F401
        import splink  # noqa: F401
    except ImportError:
        raise LinkageMissing(NEEDS_LINKAGE) from None
    return linkage


def train(
    store: HqStore, *, progress: Progress | None = None, should_cancel: ShouldCancel | None = None
) -> StoredModel:
    """Estimate a new model version from the persons HQ holds now."""
    linkage = _engine()
    inputs = _inputs(store, load_persons(store))
    estimate = linkage.estimate(inputs.rows, inputs.tf_rows, progress=progress, should_cancel=should_cancel)
    return linkage_store.save(store, estimate)


def _model(
    store: HqStore,
    inputs: _Inputs,
    retrain: bool,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> StoredModel:
    linkage = _engine()
    current = linkage_store.latest(store)
    if (
        current is not None
        and not retrain
        and not linkage_store.is_stale(current, len(inputs.persons))
        and linkage.has_current_levels(current.model)  # an older program's model is estimated again
    ):
        return current
    estimate = linkage.estimate(inputs.rows, inputs.tf_rows, progress=progress, should_cancel=should_cancel)
    return linkage_store.save(store, estimate)


def _candidate(scored: Scored, persons: list[Person], version: int, likely_from: float) -> Candidate:
    a, b = persons[scored.a], persons[scored.b]  # persons are oldest first: a is the older record
    return Candidate(
        a.id,
        b.id,
        scored.probability,
        [e.words for e in scored.evidence],
        scored.evidence,
        version,
        scored.probability >= likely_from,
    )


def find_candidates(
    store: HqStore,
    *,
    min_score: float | None = None,
    limit: int = 500,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    retrain: bool = False,
) -> list[Candidate]:
    """Pairs scoring ``min_score`` (default: the threshold in Settings) or more, the likeliest first."""
    linkage = _engine()
    limits = linkage_store.thresholds(store)
    threshold = limits.propose_from if min_score is None else min_score
    inputs = _inputs(store, load_persons(store))
    tell(progress, 0, 1)
    model = _model(store, inputs, retrain, progress, should_cancel)
    excluded = excluded_pairs(store)
    with linkage.opened(inputs.rows, inputs.tf_rows) as opened:
        scored = linkage.predict(
            opened, model.model, threshold=threshold, progress=progress, should_cancel=should_cancel
        )
    found = [_candidate(s, inputs.persons, model.version, limits.likely_from) for s in scored]
    found = [c for c in found if (min(c.person_a, c.person_b), max(c.person_a, c.person_b)) not in excluded]
    found.sort(key=lambda c: (-c.score, c.person_a, c.person_b))
    return found[:limit]


def score_pair(store: HqStore, person_a: str, person_b: str) -> Candidate:
    """One pair scored by the current model (weighed against everyone HQ holds, for the names' frequency),
    whether or not the search would have proposed it; a or b may be merged away already."""
    linkage = _engine()
    persons = load_persons(store)
    index = {p.id: k for k, p in enumerate(persons)}
    missing = [p for p in (person_a, person_b) if p not in index]
    if missing:
        persons += load_persons(store, missing)  # merged or withdrawn records are not in the search
        index = {p.id: k for k, p in enumerate(persons)}
    for person_id in (person_a, person_b):
        if person_id not in index:
            raise ReviewError(UNKNOWN_PERSON, person_id=person_id)
    inputs = _inputs(store, persons)
    model = _model(store, inputs, retrain=False)
    with linkage.opened(inputs.rows, inputs.tf_rows) as opened:
        scored = linkage.score_pair(opened, model.model, index[person_a], index[person_b])
    likely_from = linkage_store.thresholds(store).likely_from
    return _candidate(scored, persons, model.version, likely_from)

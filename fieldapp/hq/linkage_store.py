"""The linkage models HQ has estimated (``hq_linkage_models``, one version each) and the duplicate
search's thresholds (``hq_settings``), in either HQ store.

A model is estimated from the persons HQ holds the first time the search runs, and again when HQ holds
a quarter more persons than the model was estimated on (or when an analyst asks). Older versions stay:
a link names the version that proposed its pair.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib.metadata import version as installed_version
from typing import TYPE_CHECKING, Any

from fieldapp.errors import message
from fieldapp.hq.errors import ReviewError
from fieldapp.hq.identity import now

if TYPE_CHECKING:
    from fieldapp.hq.linkage import Estimate
    from fieldapp.hq.store import HqStore

RETRAIN_GROWTH = 1.25  # a new model once HQ holds this many times the persons the last one saw
PROPOSE_FROM = "dedupe.propose_from"
LIKELY_FROM = "dedupe.likely_from"
# The bench (tests/bench/hq.py, 100,000 persons of realistic names): from 0.1, nine proposed pairs in ten
# or more are one person, and about 0.1 is where the most true pairs are found at that precision (the
# model is cautious: pairs of 0.1 are more often one person than 0.1 says).
DEFAULTS = {PROPOSE_FROM: 0.1, LIKELY_FROM: 0.95}

BAD_THRESHOLD = message(
    "dedupe.bad_threshold",
    "A match probability threshold is a number from 0 to 1, and the likely threshold is not below the "
    "threshold for proposing a pair (got {propose_from} and {likely_from}).",
)


@dataclass(frozen=True)
class StoredModel:
    version: int
    created_at: str
    engine: str
    persons: int
    anchor_pairs: int
    model: dict[str, Any]
    sha256: str


@dataclass(frozen=True)
class Thresholds:
    propose_from: float  # pairs with this match probability or more are proposed
    likely_from: float  # ... and from this one they are marked as likely the same person


def engine_name() -> str:
    return f"splink {installed_version('splink')}"


def _stored(row: tuple[Any, ...]) -> StoredModel:
    return StoredModel(int(row[0]), row[1], row[2], int(row[3]), int(row[4]), json.loads(row[5]), row[6])


_COLUMNS = "version, created_at, engine, persons, anchor_pairs, model, sha256"


def latest(store: HqStore) -> StoredModel | None:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM hq_linkage_models ORDER BY version DESC LIMIT 1"
    ).fetchone()
    return None if row is None else _stored(row)


def by_version(store: HqStore, version: int) -> StoredModel | None:
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM hq_linkage_models WHERE version = ?", (version,)
    ).fetchone()
    return None if row is None else _stored(row)


def save(store: HqStore, estimate: Estimate) -> StoredModel:
    """Keep a newly estimated model as the next version."""
    text = json.dumps(estimate.model, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    with store.transaction():
        last = store.conn.execute("SELECT max(version) FROM hq_linkage_models").fetchone()[0]
        version = int(last or 0) + 1
        row = (version, now(), engine_name(), estimate.persons, estimate.anchor_pairs, text, digest)
        store.conn.execute(f"INSERT INTO hq_linkage_models ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)", row)
    return _stored(row)


def is_stale(model: StoredModel | None, persons: int) -> bool:
    return model is None or persons >= model.persons * RETRAIN_GROWTH + 1


def thresholds(store: HqStore) -> Thresholds:
    values = dict(DEFAULTS)
    for key, value in store.conn.execute(
        "SELECT key, value FROM hq_settings WHERE key IN (?, ?)", (PROPOSE_FROM, LIKELY_FROM)
    ):
        values[str(key)] = float(value)
    return Thresholds(values[PROPOSE_FROM], values[LIKELY_FROM])


def set_thresholds(store: HqStore, wanted: Thresholds, analyst: str) -> None:
    if not (0.0 <= wanted.propose_from <= 1.0 and wanted.propose_from <= wanted.likely_from <= 1.0):
        raise ReviewError(BAD_THRESHOLD, propose_from=wanted.propose_from, likely_from=wanted.likely_from)
    at = now()
    with store.transaction():
        for key, value in ((PROPOSE_FROM, wanted.propose_from), (LIKELY_FROM, wanted.likely_from)):
            store.conn.execute("DELETE FROM hq_settings WHERE key = ?", (key,))
            store.conn.execute(
                "INSERT INTO hq_settings (key, value, changed_at, changed_by) VALUES (?, ?, ?, ?)",
                (key, repr(float(value)), at, analyst),
            )

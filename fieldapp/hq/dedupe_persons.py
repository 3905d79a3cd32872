"""The persons the HQ dedupe compares (fieldapp/hq/dedupe.py), loaded from the HQ store's projections."""

from __future__ import annotations

import json
from collections.abc import Collection
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from fieldapp.names import Name, normalise_document, parse_name

if TYPE_CHECKING:
    from fieldapp.hq.store import HqStore


class Person(NamedTuple):
    id: str
    operation_id: str
    device_id: str | None
    created_at: str
    names: tuple[Name, ...]
    nationality: str
    sex: str
    dob: str
    birth_year: int | None  # from the date of birth, else the year recorded minus the age
    age: int | None
    age_uncertain: bool
    document: str
    # Photo SHA-256s, sorted. A tuple, not a set: a person has a photo or two, and a tuple of strings
    # is a quarter of a set's size and not tracked by the garbage collector.
    photos: tuple[str, ...]


@lru_cache(maxsize=200_000)
def _names(raws: tuple[str, ...]) -> tuple[Name, ...]:
    """A person's distinct names (many persons share the same ones: cached). A name in a script of its
    own is kept even where it reads as another of the names: the linkage compares it as written."""
    names: list[Name] = []
    for raw in raws:
        name = parse_name(raw)
        if name is not None and (name.script != "Latin" or name.tokens not in {n.tokens for n in names}):
            names.append(name)
    return tuple(names)


def person_from(
    row_id: str,
    operation_id: str,
    device_id: str | None,
    created_at: str,
    data: dict[str, Any],
    photos: Collection[str],
) -> Person:
    """One person's comparable facts (called 100,000s of times: kept lean)."""
    get = data.get
    aliases = get("aliases")
    raws = (get("name") or "", get("name_own_script") or "", *(aliases or ()))
    age, dob = get("age"), get("dob") or ""
    if len(dob) >= 4 and dob[:4].isdigit():
        birth_year: int | None = int(dob[:4])
    elif age is not None and created_at[:4].isdigit():
        birth_year = int(created_at[:4]) - int(age)  # ages recorded in different years still line up
    else:
        birth_year = None
    document = get("document_no")
    return Person(
        row_id,
        operation_id,
        device_id,
        created_at,
        _names(raws),
        get("nationality") or "",
        get("sex") or "",
        dob,
        birth_year,
        None if age is None else int(age),
        bool(get("age_uncertain")),
        normalise_document(document) if document else "",
        photos if type(photos) is tuple else tuple(sorted(set(photos))),
    )


def load_persons(store: HqStore, ids: list[str] | None = None) -> list[Person]:
    """Every person HQ holds that could be someone's duplicate (not withdrawn, purged or merged away),
    oldest first; or just the persons named by ``ids``, whatever their state."""
    if ids is not None:
        marks = ", ".join("?" for _ in ids)
        where, params, photo_where = f"p.id IN ({marks})", list(ids), f"person_id IN ({marks}) AND "
    else:
        where = (
            "p.status NOT IN ('withdrawn', 'purged') "
            "AND p.id NOT IN (SELECT person_b FROM hq_links WHERE status = 'active')"
        )
        params, photo_where = [], ""
    photos: dict[str, tuple[str, ...]] = {}  # tuples: see Person.photos
    for person_id, data in store.conn.execute(
        f"SELECT person_id, data FROM photos WHERE {photo_where}status != 'purged'", params
    ):
        sha = json.loads(data).get("sha256")
        if sha and str(sha) not in (mine := photos.get(person_id, ())):
            photos[person_id] = tuple(sorted((*mine, str(sha))))
    rows = store.conn.execute(
        "SELECT p.created_at, p.id, p.operation_id, e.device_id, p.data FROM persons p "
        f"LEFT JOIN events e ON e.entity_id = p.id AND e.op = 'create' WHERE {where}",
        params,
    ).fetchall()
    rows.sort()  # oldest first (in Python: SQL would sort the data column along)
    return [person_from(r[1], r[2], r[3], r[0], json.loads(r[4]), photos.get(r[1], ())) for r in rows]

"""HQ's persons list: the field app's rows and sorts, plus the laptop (team) that registered each person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from fieldapp.records.service import PersonFilter, PersonRow

LAPTOP_SORT = "laptop"  # the extra sort key HQ's persons table offers
_CHUNK = 500  # ids per IN (...) list


class PersonsStore(Protocol):
    conn: Any

    def person_ids(
        self, where: PersonFilter | None = None, *, sort: str = "temp_id", descending: bool = False
    ) -> list[str]: ...
    def persons_by_ids(self, ids: list[str]) -> list[PersonRow]: ...


@dataclass(frozen=True)
class HqPersonRow(PersonRow):
    laptop: str = ""  # the name of the laptop whose log registered the person


_REGISTERED_ON = (
    "SELECT e.entity_id, d.name FROM events e JOIN hq_devices d ON d.device_id = e.device_id "
    "WHERE e.entity = 'person' AND e.op = 'create'"
)


def _laptops(store: PersonsStore, person_ids: list[str] | None = None) -> dict[str, str]:
    """Person id → laptop name, for these persons (or every person)."""
    if person_ids is None:
        return {str(r[0]): str(r[1]) for r in store.conn.execute(_REGISTERED_ON)}
    found: dict[str, str] = {}
    for start in range(0, len(person_ids), _CHUNK):
        chunk = person_ids[start : start + _CHUNK]
        sql = f"{_REGISTERED_ON} AND e.entity_id IN ({', '.join('?' * len(chunk))})"
        found.update((str(r[0]), str(r[1])) for r in store.conn.execute(sql, chunk))
    return found


def rows(store: PersonsStore, ids: list[str]) -> list[HqPersonRow]:
    """One page of rows, in the order given, each with its laptop."""
    laptops = _laptops(store, ids)
    return [HqPersonRow(**row.__dict__, laptop=laptops.get(row.id, "")) for row in store.persons_by_ids(ids)]


def person_ids(store: PersonsStore, where: PersonFilter, sort: str, descending: bool) -> list[str]:
    """The store's ids in display order; by laptop: laptop name, then temporary id, on both stores."""
    if sort != LAPTOP_SORT:
        return store.person_ids(where, sort=sort, descending=descending)
    ids = store.person_ids(where, sort="temp_id", descending=descending)
    laptops = _laptops(store)
    return sorted(ids, key=lambda i: laptops.get(i, "").casefold(), reverse=descending)

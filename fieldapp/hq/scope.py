"""What a liaison may read: the persons of the nationalities, or handed over to the receiving bodies,
given to their account. Held in the core's person queries on both stores (``SqlStore.person_ids`` and
``persons_by_ids``: the persons list, its search, the rows shown); on PostgreSQL the liaison's own database
role is held by row-level security as well (pg_migrations/0007_account_signatures.sql, fieldapp.hq.pg_roles).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fieldapp.hq.accounts import SignedIn


@dataclass(frozen=True)
class Scope:
    nationalities: tuple[str, ...]
    receiving_bodies: tuple[str, ...]

    @classmethod
    def of(cls, signed_in: SignedIn | None) -> Scope | None:
        """A liaison's scope; None (everything) for the other roles."""
        if signed_in is None or signed_in.role != "liaison":
            return None
        return cls(signed_in.account.nationalities, signed_in.account.receiving_bodies)

    def sql(self, dialect: str = "sqlite") -> tuple[str, list[Any]]:
        """A condition on ``persons`` (and its parameters) that holds for the persons in scope only."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.nationalities:
            clauses.append(f"persons.nationality IN ({', '.join('?' * len(self.nationalities))})")
            params += self.nationalities
        if self.receiving_bodies:
            name = (
                "(h.data::jsonb ->> 'receiving_name')"
                if dialect == "postgresql"
                else "json_extract(h.data, '$.receiving_name')"
            )
            clauses.append(
                f"EXISTS (SELECT 1 FROM handovers h WHERE h.person_id = persons.id AND {name} IN "
                f"({', '.join('?' * len(self.receiving_bodies))}))"
            )
            params += self.receiving_bodies
        return "(" + (" OR ".join(clauses) or "1 = 0") + ")", params

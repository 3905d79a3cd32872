"""Stations and the headcount: nobody lost between intake and the vehicles.

A team lead sets the laptop's station (intake, interview, medical, handover, or vehicle N); every
wristband scanned there (a USB scanner types the band's code, or the camera reads its QR code) is a
signed ``check_in`` event on the person, synced to HQ like any event. The headcount of an operation is
read from the records and those events, on a laptop or at HQ alike (HQ sees every laptop's scans):
registered, screened, handed over by receiving body, where each person was last seen, and who is
unaccounted for (seen at intake and nowhere since, not handed over).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from fieldapp.errors import ValidationError, message, term
from fieldapp.records.handover_fields import RECEIVING_LABELS
from fieldapp.records.service import PersonRow, Records
from fieldapp.vault.session import Session

STATIONS = ("intake", "interview", "medical", "handover", "vehicle")
STATION_WORDS = {
    "intake": term("station", "Intake"),
    "interview": term("station", "Interview"),
    "medical": term("station", "Medical care"),
    "handover": term("station", "Handover"),
    "vehicle": term("station", "Vehicle"),
}
MAX_VEHICLE = 200
SET_STATION = term("actions", "set this laptop's station")
_SETTING = "setting:station"

NO_STATION = message(
    "station.not_set", "No station is set on this laptop: a team lead sets it before scanning wristbands."
)
UNKNOWN_STATION = message("station.unknown", "{station} is not a station.")
VEHICLE_NUMBER = message("station.vehicle_number", "A vehicle needs its number (1 to {most}).")
NOT_THIS_OPERATION = message(
    "station.other_operation", "{temp_id} was registered in another operation, not in this one."
)


@dataclass(frozen=True)
class Station:
    name: str  # one of STATIONS
    vehicle: int | None = None

    def payload(self) -> dict[str, Any]:
        return {"station": self.name, **({"vehicle": self.vehicle} if self.vehicle else {})}

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> Station:
        return cls(str(payload.get("station", "")), payload.get("vehicle"))

    def __str__(self) -> str:
        return f"vehicle {self.vehicle}" if self.name == "vehicle" else self.name


def set_station(session: Session, name: str, vehicle: int | None = None) -> Station:
    """Set where this laptop scans (a team lead's choice; kept in the vault, not synced)."""
    session.require("team_lead", SET_STATION)
    if name not in STATIONS:
        raise ValidationError(UNKNOWN_STATION, station=name)
    if name == "vehicle" and not (vehicle and 1 <= vehicle <= MAX_VEHICLE):
        raise ValidationError(VEHICLE_NUMBER, most=MAX_VEHICLE)
    station = Station(name, vehicle if name == "vehicle" else None)
    session.set_meta(_SETTING, json.dumps(station.payload()))
    return station


def current_station(session: Session) -> Station | None:
    raw = session.meta(_SETTING)
    return Station.from_payload(json.loads(raw)) if raw else None


def check_in(records: Records, scanned: str, operation_id: str) -> tuple[PersonRow, Station]:
    """A wristband scanned (or typed) at this laptop's station: a signed check-in of that person."""
    station = current_station(records.session)
    if station is None:
        raise ValidationError(NO_STATION)
    person = records.find_person(scanned)
    if person.operation_id != operation_id:
        raise ValidationError(NOT_THIS_OPERATION, temp_id=person.temp_id)
    records.session.log.append("person", person.id, "check_in", station.payload())
    return person, station


@dataclass(frozen=True)
class Sighting:
    """Where and when a person was last seen: a station scan, the screening, the handover or intake."""

    station: Station
    at: str  # ISO 8601, UTC


@dataclass(frozen=True)
class PersonCount:
    person_id: str
    temp_id: str
    name: str
    handed_over_to: str  # the receiving body's type, "" if not handed over
    screened: bool
    last: Sighting


@dataclass
class Headcount:
    registered: int = 0
    screened: int = 0
    handed_over: Counter[str] = field(default_factory=Counter)  # by receiving type
    in_vehicle: Counter[int] = field(default_factory=Counter)  # last seen in vehicle N, not handed over
    persons: list[PersonCount] = field(default_factory=list)

    @property
    def not_handed_over(self) -> list[PersonCount]:
        return [p for p in self.persons if not p.handed_over_to]

    @property
    def unaccounted(self) -> list[PersonCount]:
        """Seen at intake and at no later station, and not handed over."""
        return [p for p in self.not_handed_over if p.last.station.name == "intake"]


def headcount(conn: Any, operation_id: str) -> Headcount:
    """The operation's headcount from the records and the signed check-ins (laptop vault or HQ store)."""
    board = Headcount()
    persons = {
        str(pid): (str(temp_id), str(name or name_own or ""), str(created))
        for pid, temp_id, name, name_own, created in conn.execute(
            "SELECT id, temp_id, name, name_own, created_at FROM persons WHERE operation_id = ? "
            "AND status NOT IN ('withdrawn', 'purged') ORDER BY temp_id",
            (operation_id,),
        )
    }
    last: dict[str, Sighting] = {
        pid: Sighting(Station("intake"), created) for pid, (_, _, created) in persons.items()
    }

    def seen(pid: str, station: Station, at: str) -> None:
        if pid in last and at >= last[pid].at:
            last[pid] = Sighting(station, at)

    for entity_id, payload, created in conn.execute(
        "SELECT e.entity_id, e.payload, e.created_at FROM events e JOIN persons p ON p.id = e.entity_id "
        "WHERE e.entity = 'person' AND e.op = 'check_in' AND p.operation_id = ? ORDER BY e.created_at",
        (operation_id,),
    ):
        seen(str(entity_id), Station.from_payload(json.loads(payload)), str(created))
    screened: set[str] = set()
    for person_id, created in conn.execute(
        "SELECT s.person_id, s.created_at FROM screenings s JOIN persons p ON p.id = s.person_id "
        "WHERE p.operation_id = ? AND s.status NOT IN ('withdrawn', 'purged')",
        (operation_id,),
    ):
        screened.add(str(person_id))
        seen(str(person_id), Station("interview"), str(created))
    handed: dict[str, str] = {}
    for person_id, data, updated in conn.execute(
        "SELECT h.person_id, h.data, h.updated_at FROM handovers h JOIN persons p ON p.id = h.person_id "
        "WHERE p.operation_id = ? AND h.status = 'final' ORDER BY h.updated_at",
        (operation_id,),
    ):
        handed[str(person_id)] = str(json.loads(data).get("receiving_type") or "other")
        seen(str(person_id), Station("handover"), str(updated))
    for pid, (temp_id, name, _) in persons.items():
        board.persons.append(PersonCount(pid, temp_id, name, handed.get(pid, ""), pid in screened, last[pid]))
    board.registered = len(persons)
    board.screened = len(screened & persons.keys())
    board.handed_over = Counter(handed[pid] for pid in persons if pid in handed)
    board.in_vehicle = Counter(
        p.last.station.vehicle
        for p in board.not_handed_over
        if p.last.station.name == "vehicle" and p.last.station.vehicle
    )
    return board


def receiving_word(kind: str) -> str:
    return RECEIVING_LABELS.get(kind, (kind, kind))[0]

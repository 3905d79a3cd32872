"""``fieldapp station set|scan`` and ``fieldapp headcount``: wristband check-ins and who is where."""

from __future__ import annotations

import argparse
import json
import sys

from fieldapp.cli.common import EXIT_OK, EXIT_PROBLEMS, Commands, Passphrases, unlock
from fieldapp.errors import FieldAppError
from fieldapp.records.stations import STATIONS, check_in, headcount, receiving_word, set_station


def register(commands: Commands) -> None:
    station = commands.group("station", "this laptop's station and wristband check-ins")
    p = station.command("set", run_set, "set this laptop's station (team lead)")
    p.add_argument("name", choices=STATIONS)
    p.add_argument("--vehicle", type=int, metavar="N", help="the vehicle's number")
    p = station.command(
        "scan",
        run_scan,
        "check persons in at this station: band codes as arguments, or one per line on stdin",
    )
    p.add_argument("operation", metavar="OPERATION", help="the operation: id or code")
    p.add_argument("codes", nargs="*", metavar="CODE", help="wristband codes (a USB scanner types them)")
    p = commands.command("headcount", run_headcount, "registered, screened, handed over, where, unaccounted")
    p.add_argument("operation", metavar="OPERATION", help="the operation: id or code")
    p.add_argument("--json", action="store_true")


def run_set(args: argparse.Namespace, secrets: Passphrases) -> int:
    session = unlock(args, secrets)
    try:
        station = set_station(session, args.name, args.vehicle)
    finally:
        session.close()
    print(f"This laptop is now the {station} station: every wristband scanned here checks the person in.")
    return EXIT_OK


def run_scan(args: argparse.Namespace, secrets: Passphrases) -> int:
    from fieldapp.records.service import Records

    session = unlock(args, secrets)
    failed = 0
    try:
        records = Records(session)
        operation = records.find_operation(args.operation)
        codes = args.codes or (line for line in sys.stdin if line.strip())
        for code in codes:
            try:
                person, station = check_in(records, code, operation.id)
            except FieldAppError as error:  # one bad scan does not stop the queue
                failed += 1
                print(f"{code.strip()}: {error.message}", file=sys.stderr)
                continue
            print(f"{person.temp_id}: checked in at {station}.")
    finally:
        session.close()
    return EXIT_PROBLEMS if failed else EXIT_OK


def run_headcount(args: argparse.Namespace, secrets: Passphrases) -> int:
    from fieldapp.records.service import Records

    session = unlock(args, secrets)
    try:
        records = Records(session)
        operation = records.find_operation(args.operation)
        board = headcount(session.conn, operation.id)
    finally:
        session.close()
    unaccounted = [{"temp_id": p.temp_id, "since": p.last.at} for p in board.unaccounted]
    if args.json:
        counts = {
            "registered": board.registered,
            "screened": board.screened,
            "handed_over": dict(board.handed_over),
            "in_vehicle": {str(k): v for k, v in board.in_vehicle.items()},
            "unaccounted": unaccounted,
        }
        print(json.dumps(counts, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{operation.name}: {board.registered} registered, {board.screened} screened.")
    for kind, count in sorted(board.handed_over.items()):
        print(f"  handed over to {receiving_word(kind)}: {count}")
    for vehicle, count in sorted(board.in_vehicle.items()):
        print(f"  in vehicle {vehicle}: {count}")
    print(f"Unaccounted (seen at intake only, not handed over): {len(unaccounted)}")
    for p in board.unaccounted:
        print(f"  {p.temp_id}  {p.name}  since {p.last.at}")
    return EXIT_OK

"""``fieldapp sync export --to DIR``, ``fieldapp sync receipt FILE`` and ``fieldapp sync purge``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from fieldapp.cli_options import add_unlock_options

EXIT_OK = 0


def register(subparsers: Any) -> None:
    sync = subparsers.add_parser("sync", help="bundles to HQ (USB stick) and HQ's receipts back")
    sub = sync.add_subparsers(dest="sync_command", metavar="ACTION")
    sub.required = True
    p = sub.add_parser("export", help="write the next encrypted bundle for HQ into a folder (a USB stick)")
    p.add_argument("--to", required=True, metavar="DIR", help="the folder to write the bundle into")
    p.add_argument("--max-volume-mb", type=int, default=None, help=argparse.SUPPRESS)
    add_unlock_options(p)
    p.set_defaults(handler=run_export)
    p = sub.add_parser("receipt", help="apply HQ's signed receipt (what HQ has received from this laptop)")
    p.add_argument("file", metavar="FILE")
    add_unlock_options(p)
    p.set_defaults(handler=run_receipt)
    p = sub.add_parser(
        "purge", help="remove persons HQ has acknowledged from this laptop, once past the retention period"
    )
    p.add_argument("--dry-run", action="store_true", help="only count what would be purged")
    add_unlock_options(p)
    p.set_defaults(handler=run_purge)
    p = sub.add_parser("push", help="send everything HQ has not acknowledged over the network (resumes)")
    add_unlock_options(p)
    p.set_defaults(handler=run_push)
    p = sub.add_parser("pull-receipt", help="fetch HQ's latest receipt over the network and apply it")
    add_unlock_options(p)
    p.set_defaults(handler=run_pull_receipt)


def _progress(done: int, expected: int) -> None:
    if sys.stderr.isatty():
        print(f"\r  {done / 1e6:8.1f} of ~{expected / 1e6:.1f} MB", end="", file=sys.stderr, flush=True)


def run_export(args: argparse.Namespace, passphrases: Any) -> int:
    from fieldapp.cli import _unlock
    from fieldapp.sync.export import MAX_VOLUME_BYTES, export_bundle

    session = _unlock(args, passphrases)
    try:
        limit = args.max_volume_mb * 1_000_000 if args.max_volume_mb else MAX_VOLUME_BYTES
        result = export_bundle(session, Path(args.to), max_volume_bytes=limit, progress=_progress)
    finally:
        session.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if result is None:
        print("Nothing to send: HQ has acknowledged every event of this laptop.")
        return EXIT_OK
    for path in result.paths:
        print(f"Wrote {path}")
    print(
        f"Bundle of events {result.seq_from}..{result.seq_to} ({result.events} events, {result.files} files, "
        f"{result.size / 1e6:.1f} MB) written and read back: safe to remove the stick."
    )
    print(f"Bundle hash: {result.bundle_hash}")
    return EXIT_OK


def run_receipt(args: argparse.Namespace, passphrases: Any) -> int:
    from fieldapp.cli import _unlock
    from fieldapp.sync.receipt import apply_receipt

    session = _unlock(args, passphrases)
    try:
        before, after = apply_receipt(session, Path(args.file))
    finally:
        session.close()
    if after > before:
        print(f"HQ has received this laptop's events up to {after} (was {before}).")
    else:
        print(f"Receipt checked; HQ already had acknowledged up to {after}. Nothing changed.")
    return EXIT_OK


def _net_progress(done: int, total: int, label: str) -> None:
    if sys.stderr.isatty():
        print(f"\r  {label}: {done / 1e6:8.1f} of {total / 1e6:.1f} MB", end="", file=sys.stderr, flush=True)


def run_push(args: argparse.Namespace, passphrases: Any) -> int:
    from fieldapp.cli import _unlock
    from fieldapp.sync.network import push

    session = _unlock(args, passphrases)
    try:
        result = push(session, progress=_net_progress)
    finally:
        session.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if result.bundle_hash is None:
        print("Nothing to send: HQ has acknowledged every event of this laptop.")
        return EXIT_OK
    resumed = f" (resumed at {result.resumed_from / 1e6:.1f} MB)" if result.resumed_from else ""
    print(f"Sent {result.size / 1e6:.1f} MB to HQ{resumed}; bundle hash {result.bundle_hash}.")
    print(f"HQ has received this laptop's events up to {result.acked_after} (was {result.acked_before}).")
    return EXIT_OK


def run_pull_receipt(args: argparse.Namespace, passphrases: Any) -> int:
    from fieldapp.cli import _unlock
    from fieldapp.sync.network import pull_receipt

    session = _unlock(args, passphrases)
    try:
        before, after = pull_receipt(session)
    finally:
        session.close()
    print(f"HQ has received this laptop's events up to {after} (was {before}).")
    return EXIT_OK


def run_purge(args: argparse.Namespace, passphrases: Any) -> int:
    from fieldapp.cli import _unlock
    from fieldapp.sync.purge import purge_acknowledged

    session = _unlock(args, passphrases)
    try:
        r = purge_acknowledged(session, dry_run=args.dry_run)
    finally:
        session.close()
    what = (
        f"{r.persons} persons ({r.screenings} screenings, {r.handovers} handovers, {r.photos} photos, "
        f"{r.documents} issued PDFs)"
    )
    if args.dry_run:
        print(f"Would purge {what}: HQ has acknowledged them and they are past the retention period.")
    else:
        print(f"Purged {what}; their ids, hashes and HQ's receipt are kept.")
    return EXIT_OK

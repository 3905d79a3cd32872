"""``fieldapp sync export --to DIR``, ``fieldapp sync receipt FILE`` and ``fieldapp sync purge``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

EXIT_OK = 0


def _common(parser: Any) -> None:
    parser.add_argument("--data-dir", default=argparse.SUPPRESS, help="where the vault lives")
    parser.add_argument("--passphrase-file", default=argparse.SUPPRESS, metavar="FILE",
                        help="read passphrases from FILE, one per line ('-' = standard input)")  # fmt: skip
    parser.add_argument(
        "--officer", default=argparse.SUPPRESS, metavar="NAME", help="the officer who unlocks"
    )


def register(subparsers: Any) -> None:
    sync = subparsers.add_parser("sync", help="bundles to HQ (USB stick) and HQ's receipts back")
    sub = sync.add_subparsers(dest="sync_command", metavar="ACTION")
    sub.required = True
    p = sub.add_parser("export", help="write the next encrypted bundle for HQ into a folder (a USB stick)")
    p.add_argument("--to", required=True, metavar="DIR", help="the folder to write the bundle into")
    p.add_argument("--max-volume-mb", type=int, default=None, help=argparse.SUPPRESS)
    _common(p)
    p.set_defaults(handler=run_export)
    p = sub.add_parser("receipt", help="apply HQ's signed receipt (what HQ has received from this laptop)")
    p.add_argument("file", metavar="FILE")
    _common(p)
    p.set_defaults(handler=run_receipt)
    p = sub.add_parser("purge", help="shred photos HQ has acknowledged, once past the retention period")
    _common(p)
    p.set_defaults(handler=run_purge)


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


def run_purge(args: argparse.Namespace, passphrases: Any) -> int:
    from fieldapp.cli import _unlock
    from fieldapp.sync.receipt import purge_acknowledged

    session = _unlock(args, passphrases)
    try:
        result = purge_acknowledged(session)
    finally:
        session.close()
    print(f"Shredded {result.photos} photos of {result.persons_eligible} persons HQ has acknowledged.")
    return EXIT_OK

"""``fieldapp sync export --to DIR``, ``fieldapp sync receipt FILE`` and ``fieldapp sync purge``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from fieldapp.cli.common import EXIT_OK, Commands, Passphrases, unlock

if TYPE_CHECKING:
    from fieldapp.vault.session import Session

_T = TypeVar("_T")


def register(commands: Commands) -> None:
    sync = commands.group("sync", "bundles to HQ (USB stick or network) and HQ's receipts back")
    p = sync.command(
        "export", run_export, "write the next encrypted bundle for HQ into a folder (a USB stick)"
    )
    p.add_argument("--to", required=True, metavar="DIR", help="the folder to write the bundle into")
    p.add_argument("--max-volume-mb", type=int, default=None, help=argparse.SUPPRESS)
    p = sync.command(
        "receipt", run_receipt, "apply HQ's signed receipt (what HQ has received from this laptop)"
    )
    p.add_argument("file", metavar="FILE")
    p = sync.command(
        "purge",
        run_purge,
        "remove persons HQ has acknowledged from this laptop, once past the retention period",
    )
    p.add_argument("--dry-run", action="store_true", help="only count what would be purged")
    sync.command("push", run_push, "send everything HQ has not acknowledged over the network (resumes)")
    sync.command("pull-receipt", run_pull_receipt, "fetch HQ's latest receipt over the network and apply it")


def _progress(done: int, expected: int, what: str) -> None:
    if sys.stderr.isatty():
        print(f"\r  {done / 1e6:8.1f} of ~{expected / 1e6:.1f} MB", end="", file=sys.stderr, flush=True)


def run_export(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.sync.export import MAX_VOLUME_BYTES, export_bundle

    session = unlock(args, passphrases)
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


def _key_change_said(session: Session, work: Callable[[], _T]) -> _T:
    """Run ``work``; if HQ's key changed on the way (a rotation signed by the pinned key), say so."""
    from fieldapp.vault.hq_key import HQ_KEY_CHANGED_META, last_change

    before = session.meta(HQ_KEY_CHANGED_META)
    result = work()
    after = session.meta(HQ_KEY_CHANGED_META)
    change = last_change(after) if after != before else None
    if change is not None:
        print(
            f"HQ changed its signing key, in a statement signed by the key this laptop trusted: old fingerprint "
            f"{change.old_fingerprint}, new fingerprint {change.new_fingerprint}."
        )
    return result


def run_receipt(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.sync.receipt import apply_receipt

    session = unlock(args, passphrases)
    try:
        before, after = _key_change_said(session, lambda: apply_receipt(session, Path(args.file)))
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


def run_push(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.sync.network import push

    session = unlock(args, passphrases)
    try:
        result = _key_change_said(session, lambda: push(session, progress=_net_progress))
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


def run_pull_receipt(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.sync.network import pull_receipt

    session = unlock(args, passphrases)
    try:
        before, after = _key_change_said(session, lambda: pull_receipt(session))
    finally:
        session.close()
    print(f"HQ has received this laptop's events up to {after} (was {before}).")
    return EXIT_OK


def run_purge(args: argparse.Namespace, passphrases: Passphrases) -> int:
    from fieldapp.sync.purge import purge_acknowledged

    session = unlock(args, passphrases)
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

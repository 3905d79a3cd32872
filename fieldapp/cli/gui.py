"""``fieldapp`` with no command: the desktop app (and the frozen build's smoke checks)."""

from __future__ import annotations

import argparse
import hashlib
import os
import sys

from fieldapp.cli.common import EXIT_ERROR, EXIT_OK, Passphrases


def _smoke_workers() -> int:
    """packaging/smoke.sh: start the worker processes big HQ imports and photo imports use, as this
    build starts them (a frozen build runs itself again as each worker), and get an answer from each."""
    from concurrent.futures import Executor

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from fieldapp.hq import import_plan, importer
    from fieldapp.photos import batch
    from fieldapp.records.events import DEVICE_CONTEXT

    pools: list[tuple[str, Executor]] = [
        ("HQ signature checks", importer._workers()),
        ("photo import", batch._executor("process", 2)),
    ]
    for name, pool in pools:
        pid = pool.submit(os.getpid).result(timeout=120)
        if pid == os.getpid():
            print(f"{name}: ran in this process, not in a worker", file=sys.stderr)
            return EXIT_ERROR
        print(f"{name}: worker process {pid} answered")
    # A signature checked in a worker, as a big import checks them (libsodium must load there too).
    key = Ed25519PrivateKey.generate()
    digest = hashlib.sha256(b"smoke").hexdigest()
    good = key.sign(DEVICE_CONTEXT + bytes.fromhex(digest)).hex()
    device = key.public_key().public_bytes_raw().hex()
    checks = [
        import_plan.Check(1, digest, good, False, None, None),
        import_plan.Check(2, digest, "00" * 64, False, None, None),
    ]
    found = pools[0][1].submit(import_plan.verify_run, device, checks).result(timeout=120)
    if found != (1, ["event 2: device signature is not valid"]):
        print(f"HQ signature checks: wrong answer {found!r}", file=sys.stderr)
        return EXIT_ERROR
    print("HQ signature checks: a good signature passed and a bad one failed in a worker")
    importer._drop_pool()
    pools[1][1].shutdown()
    print("workers ok")
    return EXIT_OK


def run(args: argparse.Namespace, secrets: Passphrases) -> int:
    if args.smoke_workers:
        return _smoke_workers()
    if args.smoke_gui:  # packaging/smoke.sh: open the window, check the frozen build's Qt parts, quit
        from ui.smoke import main as smoke_main

        return smoke_main(data_dir=args.data_dir)
    from ui.app import main as gui_main

    return gui_main(data_dir=args.data_dir)

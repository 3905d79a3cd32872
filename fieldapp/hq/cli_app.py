"""`fieldapp hq app` (the desktop app in HQ mode) and `fieldapp hq demo` (a demo HQ to try it on)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from fieldapp.hq.command import EXIT_OK, _common, _database


def register(sub: Any) -> None:
    p = sub.add_parser(
        "app", help="open the desktop app on the HQ store (bundles, review, persons, dashboard…)"
    )
    _common(p)
    p.set_defaults(handler=run_app)
    p = sub.add_parser(
        "demo", help="build a demo HQ fed by three demo laptops (passphrase: demo hq passphrase)"
    )
    p.add_argument("--persons", type=int, default=24, help="persons per demo laptop (default 24)")
    _common(p)
    p.set_defaults(handler=run_demo)


def run_app(args: argparse.Namespace, passphrases: Any) -> int:
    from ui.hq.app import main  # Qt only when the window is wanted

    return main(Path(args.hq_dir).expanduser(), _database(args))


def run_demo(args: argparse.Namespace, passphrases: Any) -> int:
    from fieldapp.demo.hq import build_demo_hq

    if args.persons < 4:
        from fieldapp.hq.errors import HqError

        raise HqError("--persons must be at least 4.")
    print(build_demo_hq(Path(args.hq_dir).expanduser(), persons=args.persons, database=_database(args)))
    return EXIT_OK

"""``fieldapp hq duplicates|link|unlink|dismiss|resolve``: the analyst's decisions from the command line."""

from __future__ import annotations

import argparse
import json
from typing import Any

from fieldapp.cli.common import EXIT_OK, Commands, Passphrases, hq_review
from fieldapp.cli.hq import add_analyst


def _decision(parser: Any) -> None:
    add_analyst(parser)
    parser.add_argument("--reason", required=True, help="why (a few words at least; kept with the decision)")


def register(hq: Commands) -> None:
    p = hq.command("duplicates", run_duplicates, "candidate pairs of the same person across teams and raids")
    p.add_argument("--min-score", type=float, default=0.6, help="lowest score shown, 0..1 (default 0.6)")
    p.add_argument("--limit", type=int, default=500)
    p.add_argument("--json", action="store_true")
    p = hq.command("link", run_link, "merge person B into person A (reversible with `hq unlink`)")
    p.add_argument("person_a", metavar="A")
    p.add_argument("person_b", metavar="B")
    _decision(p)
    p = hq.command("unlink", run_unlink, "undo a link: both persons stand alone again")
    p.add_argument("link_id", metavar="LINK_ID")
    _decision(p)
    p = hq.command("dismiss", run_dismiss, "A and B are different persons: never propose the pair again")
    p.add_argument("person_a", metavar="A")
    p.add_argument("person_b", metavar="B")
    _decision(p)
    p = hq.command("resolve", run_resolve, "resolve a conflict in the review queue by keeping side a or b")
    p.add_argument("conflict_id", type=int, metavar="CONFLICT_ID")
    p.add_argument("--choose", required=True, choices=("a", "b"))
    _decision(p)


def run_duplicates(args: argparse.Namespace, passphrases: Passphrases) -> int:
    with hq_review(args, passphrases) as review:
        found = review.candidates(min_score=args.min_score, limit=args.limit)
    if args.json:
        print(json.dumps([c.__dict__ for c in found], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not found:
        print(f"No candidate pairs scoring {args.min_score} or more.")
    for c in found:
        print(f"{c.score:.2f}  {c.person_a}  {c.person_b}  {'; '.join(c.reasons)}")
    return EXIT_OK


def run_link(args: argparse.Namespace, passphrases: Passphrases) -> int:
    with hq_review(args, passphrases) as review:
        link_id = review.link(args.person_a, args.person_b, args.reason)
        (link,) = [k for k in review.links(args.person_a) if k.link_id == link_id]
    print(
        f"Linked: {link.person_b} is now shown as {link.person_a} (link {link_id}, score {link.score:.2f})."
    )
    return EXIT_OK


def run_unlink(args: argparse.Namespace, passphrases: Passphrases) -> int:
    with hq_review(args, passphrases) as review:
        review.unlink(args.link_id, args.reason)
    print(f"Unlinked {args.link_id}: both persons stand alone again.")
    return EXIT_OK


def run_dismiss(args: argparse.Namespace, passphrases: Passphrases) -> int:
    with hq_review(args, passphrases) as review:
        review.dismiss(args.person_a, args.person_b, args.reason)
    print(f"Recorded that {args.person_a} and {args.person_b} are different persons.")
    return EXIT_OK


def run_resolve(args: argparse.Namespace, passphrases: Passphrases) -> int:
    with hq_review(args, passphrases) as review:
        review.resolve(args.conflict_id, args.choose, args.reason)
    print(f"Conflict {args.conflict_id} resolved: side {args.choose} kept.")
    return EXIT_OK

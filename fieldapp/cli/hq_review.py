"""``fieldapp hq duplicates|link|unlink|dismiss|resolve``: the analyst's decisions from the command line."""

from __future__ import annotations

import argparse
import json
from typing import Any

from fieldapp.cli.common import EXIT_OK, Commands, Passphrases, hq_review


def _decision(parser: Any) -> None:
    parser.add_argument("--reason", required=True, help="why (a few words at least; kept with the decision)")


def register(hq: Commands) -> None:
    p = hq.command("duplicates", run_duplicates, "candidate pairs of the same person across teams and raids")
    p.add_argument(
        "--min-score",
        type=float,
        default=None,
        help="lowest match probability shown, 0..1 (default: the threshold in Settings)",
    )
    p.add_argument("--limit", type=int, default=500)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--retrain", action="store_true", help="estimate the linkage model again from HQ's data first"
    )
    p.add_argument(
        "--set-thresholds",
        nargs=2,
        type=float,
        metavar=("PROPOSE", "LIKELY"),
        help="save the Settings thresholds (match probabilities) and stop",
    )
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
    from fieldapp.hq import linkage_store

    with hq_review(args, passphrases) as review:
        if args.set_thresholds:
            wanted = linkage_store.Thresholds(*args.set_thresholds)
            linkage_store.set_thresholds(review.store, wanted, review.analyst)
            print(
                f"Pairs are proposed from a match probability of {wanted.propose_from}, "
                f"marked likely from {wanted.likely_from}."
            )
            return EXIT_OK
        found = review.candidates(min_score=args.min_score, limit=args.limit, retrain=args.retrain)
        threshold = (
            linkage_store.thresholds(review.store).propose_from if args.min_score is None else args.min_score
        )
    if args.json:
        print(json.dumps([c.as_json() for c in found], indent=2, ensure_ascii=False))
        return EXIT_OK
    if not found:
        print(f"No candidate pairs with a match probability of {threshold} or more.")
    for c in found:
        print(
            f"{c.score:.3f}{'  likely' if c.likely else ''}  {c.person_a}  {c.person_b}  (model {c.model_version})"
        )
        for reason in c.reasons:
            print(f"    {reason}")
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

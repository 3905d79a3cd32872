"""HQ's signed, hash-chained logs (the decision log, the disclosure log): one way to chain, sign and check.

A row of such a log has a gapless ``seq`` from 1, the previous row's hash (``GENESIS`` for the first),
its own hash (SHA-256 of the canonical JSON of the row's body with HQ's id added, so a row cannot be
moved to another HQ's log) and HQ's Ed25519 signature over ``context + hash``. Each log has its own
``context`` (domain separation: HQ's key also signs receipts and enrolments, and one log's signature
must never pass as another's).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from fieldapp.records.canonical import canonical_json

if TYPE_CHECKING:
    from fieldapp.hq.identity import HqIdentity
    from fieldapp.vault.db import Connection

GENESIS = "0" * 64


def head(conn: Connection, table: str) -> tuple[int, str]:
    """The seq and prev_hash the next row of ``table`` takes (inside the writing transaction)."""
    last = conn.execute(f"SELECT seq, hash FROM {table} ORDER BY seq DESC LIMIT 1").fetchone()
    return (1, GENESIS) if last is None else (int(last[0]) + 1, str(last[1]))


def row_hash(hq_id: str, body: Mapping[str, Any], fields: Iterable[str]) -> str:
    """The hash of a row: its ``fields`` (never its own hash or signature) and HQ's id."""
    picked = {key: body[key] for key in fields}
    return hashlib.sha256(canonical_json({**picked, "hq_id": hq_id})).hexdigest()


def seal(
    identity: HqIdentity, context: bytes, body: Mapping[str, Any], fields: Iterable[str]
) -> tuple[str, str]:
    """A new row's hash and HQ's signature over it (hex)."""
    digest = row_hash(identity.hq_id, body, fields)
    return digest, identity.sign(context + digest.encode("ascii")).hex()


def signed_by(keys: Sequence[str], signature: str, message: bytes) -> int | None:
    """The index of the first of ``keys`` under which ``signature`` verifies, or None."""
    for index, key_hex in enumerate(keys):
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(key_hex)).verify(
                bytes.fromhex(signature), message
            )
        except (InvalidSignature, ValueError):
            continue
        return index
    return None


@dataclass(frozen=True)
class Link:
    """One row as the checker sees it."""

    seq: int
    prev_hash: str
    hash: str
    signature: str
    body: Mapping[str, Any]
    label: str  # how a message names the row, e.g. "HQ decision 4 (link by Dara)"


@dataclass(frozen=True)
class Words:
    """How a broken chain is reported, in the log's own words."""

    gap: Callable[[int], str]  # seq of the first row after the gap
    unlinked: Callable[[str], str]  # label
    altered: Callable[[str], str]
    unsigned: Callable[[str], str]


def verify(
    rows: Sequence[Link],
    *,
    hq_id: str,
    verify_keys: str | Sequence[str],
    context: bytes,
    fields: Iterable[str],
    words: Words,
    broken: Callable[[str], Exception],
) -> int:
    """Check seq order, links, hashes and signatures; raises ``broken(message)`` at the first fault.

    ``verify_keys``: HQ's signing keys, oldest first (HQ rotates its key). A row may carry any of them
    from the one that signed the row before it on: once a newer key signs, an older one (retired,
    perhaps because it leaked) can no longer add rows."""
    keys = [verify_keys] if isinstance(verify_keys, str) else list(verify_keys)
    names = list(fields)
    current = 0
    prev = GENESIS
    for expected_seq, row in enumerate(rows, start=1):
        if row.seq != expected_seq:
            raise broken(words.gap(row.seq))
        if row.prev_hash != prev:
            raise broken(words.unlinked(row.label))
        if row_hash(hq_id, row.body, names) != row.hash:
            raise broken(words.altered(row.label))
        signed = signed_by(keys[current:], row.signature, context + row.hash.encode("ascii"))
        if signed is None:
            raise broken(words.unsigned(row.label))
        current += signed
        prev = row.hash
    return len(rows)

"""HQ's directory of receiving bodies: imported from a CSV or JSON file HQ edits, kept in the store's ``meta``
(both engines) with a revision that only grows, exported back for editing, and shipped signed with every
enrolment file or alone (``fieldapp.hq.enrolments.issue_directory``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Protocol

from fieldapp import bounded
from fieldapp.atomic import write_atomic
from fieldapp.errors import message
from fieldapp.hq.accounts import require
from fieldapp.hq.errors import HqError
from fieldapp.hq.identity import now
from fieldapp.reference.receiving_bodies import (
    HQ_DIRECTORY_META,
    ReceivingBody,
    check_directory,
    directory_document,
    from_csv,
    revision_of,
    to_csv,
)
from fieldapp.vault.db import Connection

DIRECTORY_UNREADABLE = message("hq.directory_unreadable", "{path} cannot be read ({reason}).")
NOT_A_DIRECTORY_FILE = message(
    "hq.not_a_directory_file", "{path} is not a directory file this program reads ({reason})."
)
NO_BODIES = message("hq.directory_no_bodies", "{path} holds no list of receiving bodies.")
DIRECTORY_REFUSED = message("hq.directory_refused", "The directory was not imported: {reason}.")

MAX_FILE_BYTES = 8 * 1024 * 1024


class DirectoryStore(Protocol):
    conn: Any
    signed_in: Any  # the account that unlocked HQ (fieldapp.hq.accounts.SignedIn)


def current(conn: Connection) -> dict[str, Any]:
    """HQ's directory as it ships (the bundled one until HQ imports its own)."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (HQ_DIRECTORY_META,)).fetchone()
    return directory_document(str(row[0]) if row else None)


def entries(conn: Connection) -> list[ReceivingBody]:
    return check_directory(current(conn))


def read_file(path: Path) -> list[dict[str, Any]]:
    """The entries of a directory file HQ edited: CSV (one body a line) or JSON (a list, or ``{"bodies": …}``)."""
    try:
        raw = bounded.read_bounded(path, MAX_FILE_BYTES)
    except (OSError, ValueError) as exc:
        raise HqError(DIRECTORY_UNREADABLE, path=path, reason=exc) from exc
    try:
        if path.suffix.lower() == ".csv":
            return from_csv(raw.decode("utf-8"))
        data = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as exc:
        raise HqError(NOT_A_DIRECTORY_FILE, path=path, reason=exc) from exc
    listed = data.get("bodies") if isinstance(data, dict) else data
    if not isinstance(listed, list):
        raise HqError(NO_BODIES, path=path)
    return listed


def replace(store: DirectoryStore, listed: list[dict[str, Any]]) -> dict[str, Any]:
    """Make ``listed`` HQ's directory, one revision newer (call in a transaction); refused whole if any entry
    is malformed, so laptops never receive a directory HQ could not check. An analyst's or admin's work."""
    require(store.signed_in, "decide")
    document = {"revision": revision_of(current(store.conn)) + 1, "updated_at": now(), "bodies": listed}
    try:
        document["bodies"] = [body.document() for body in check_directory(document)]
    except ValueError as exc:
        raise HqError(DIRECTORY_REFUSED, reason=exc) from exc
    store.conn.execute("DELETE FROM meta WHERE key = ?", (HQ_DIRECTORY_META,))
    store.conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)",
        (HQ_DIRECTORY_META, json.dumps(document, ensure_ascii=False)),
    )
    return document


def export(conn: Connection, path: Path) -> int:
    """Write HQ's directory to ``path`` (CSV or JSON by its suffix) for editing; returns how many bodies."""
    document = current(conn)
    if path.suffix.lower() == ".csv":
        data = to_csv(document).encode("utf-8")
    else:
        data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    write_atomic(path, data, mode=0o644)
    return len(document["bodies"])

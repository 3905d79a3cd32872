"""Long work, one contract: ``progress(done, total, what)`` reports, ``should_cancel()`` is polled, and work
that stops before its end raises the one ``Cancelled`` (nothing half-done is kept).

Reports, photo imports, sync (export, push, purge), HQ import, check, dedupe and exports take these two
callables as keyword arguments ``progress=`` and ``should_cancel=``, both optional. The desktop app passes
the ones of its task runner (``ui.progress``); the command line prints progress or passes nothing. Work
that can keep what it finished (a purge of whole persons, an audit step by step) returns early with its
result marked cancelled instead of raising.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from fieldapp.errors import FieldAppError, Message, message

if TYPE_CHECKING:
    from multiprocessing.context import ForkServerContext, SpawnContext

Progress = Callable[[int, int, str], None]  # (done, total, what: a short label, may be "")
ShouldCancel = Callable[[], bool]

CANCELLED = message("work.cancelled", "Cancelled: nothing half-done was kept.")


class Cancelled(FieldAppError):
    """The user asked to stop; what the work had started was discarded."""

    code = "cancelled"

    def __init__(self, text: Message | str = CANCELLED, /, **params: object) -> None:
        super().__init__(text, **params)


def stop_if_asked(should_cancel: ShouldCancel | None, why: Message = CANCELLED) -> None:
    """Raise ``Cancelled(why)`` when the user has asked to stop."""
    if should_cancel is not None and should_cancel():
        raise Cancelled(why)


def tell(progress: Progress | None, done: int, total: int, what: str = "") -> None:
    if progress is not None:
        progress(done, total, what)


def process_context() -> ForkServerContext | SpawnContext:
    """How long work starts processes of its own (photo import, HQ signature checks, printing).

    Never by forking: the app's process holds an open SQLCipher connection and Qt threads, which a fork
    would copy half-made. "forkserver" where it exists (a frozen build's ``freeze_support`` handles it), else
    "spawn"; on macOS "spawn", Python's own default there."""
    methods = multiprocessing.get_all_start_methods()
    method = "forkserver" if "forkserver" in methods and sys.platform != "darwin" else "spawn"
    return cast("ForkServerContext | SpawnContext", multiprocessing.get_context(method))

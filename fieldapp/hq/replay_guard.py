"""The network server's replay guard and rate limits (fieldapp/hq/server.py).

Nonces of accepted requests are kept for the clock window, in memory and in ``replay-guard.log`` in the
HQ folder, so a request replayed after a restart is still refused.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from fieldapp.atomic import write_atomic

GUARD_FILE = "replay-guard.log"
_HEX = re.compile(r"[0-9a-f]+")


class NonceLog:
    """The replay guard's nonces on disk: one ``EXPIRY HASH`` line per accepted request, fsynced before
    the request is acted on, so a request replayed after a restart is still recognised."""

    def __init__(self, path: Path, now: float) -> None:
        self.path = path
        self.live: dict[str, float] = {}
        try:
            lines = path.read_bytes().split(b"\n")
        except FileNotFoundError:
            lines = []
        for line in lines:  # a line torn by a crash is skipped: its request was never answered
            expiry, _, key = line.decode("ascii", "replace").partition(" ")
            if len(key) == 64 and _HEX.fullmatch(key) and expiry.isdigit() and int(expiry) > now:
                self.live[key] = float(expiry)
        self.lines = 0
        self._fd = -1
        self.compact(self.live)

    def compact(self, live: dict[str, float]) -> None:
        if self._fd >= 0:
            os.close(self._fd)
        write_atomic(self.path, "".join(f"{math.ceil(e)} {k}\n" for k, e in live.items()).encode("ascii"))
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        self.lines = len(live)

    def add(self, key: str, expiry: float) -> None:
        os.write(self._fd, f"{math.ceil(expiry)} {key}\n".encode("ascii"))
        os.fsync(self._fd)
        self.lines += 1


@dataclass
class Guard:
    """Replay (nonces within the clock window) and rate limits (sliding window per key)."""

    rate: tuple[int, float]
    skew: int
    nonces: dict[str, float] = field(default_factory=dict)
    hits: dict[str, deque[float]] = field(default_factory=dict)
    swept: float = 0.0
    log: NonceLog | None = None

    def __post_init__(self) -> None:
        if self.log is not None:
            self.nonces.update(self.log.live)

    def fresh(self, key: str, now: float) -> bool:
        key = hashlib.sha256(key.encode("utf-8")).hexdigest()  # the file need not name devices
        if now - self.swept > 1.0:
            self.nonces = {k: v for k, v in self.nonces.items() if v > now}
            self.hits = {k: v for k, v in self.hits.items() if v and v[-1] > now - self.rate[1]}
            self.swept = now
            if self.log is not None and self.log.lines > 2 * len(self.nonces) + 1024:
                self.log.compact(self.nonces)
        if key in self.nonces:
            return False
        self.nonces[key] = now + 2 * self.skew
        if self.log is not None:
            self.log.add(key, self.nonces[key])
        return True

    def allow(self, key: str, now: float) -> float:
        """0 if allowed, else the seconds to wait."""
        count, window = self.rate
        hits = self.hits.setdefault(key, deque())
        while hits and hits[0] <= now - window:
            hits.popleft()
        if len(hits) >= count:
            return max(0.1, hits[0] + window - now)
        hits.append(now)
        return 0.0

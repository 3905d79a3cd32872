"""Shared by test_tamper.py and test_fuzz.py: an HQ with two enrolled laptops and genuine bundles, and
the oracle every damaged input is held to (refused with a typed error and nothing changed at HQ, or
imported with exactly the genuine content). Not a test module."""

from __future__ import annotations

import random
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from fieldapp.errors import FieldAppError
from fieldapp.hq.importer import import_bundle
from fieldapp.hq.store import open_store
from fieldapp.sync.export import ExportResult, export_bundle
from tests.core.test_sync import Hq, add_persons, laptop
from tests.reliability.results import Result

FIXED = "every class (not scaled)"  # the position-class cases are the same at any scale
CHUNK = 64 * 1024 + 16  # an age payload chunk: 64 KiB of plaintext and a 16-byte Poly1305 tag


# --- the world: an HQ, two laptops, genuine bundles ------------------------------------------------


@dataclass
class World:
    root: Path
    hq: Hq
    pristine: Path
    a: ExportResult  # the bundle every mutation starts from
    b: ExportResult  # the same events exported again (another nonce, key and manifest)
    c: ExportResult  # another laptop's bundle
    volumes: ExportResult  # the same laptop's bundle in 100 kB volumes
    reference: tuple[Any, ...] = ()
    counter: int = 0

    @property
    def hq_dir(self) -> Path:
        return self.hq.identity.folder

    def reset(self) -> None:
        """HQ back to its state before any import (devices approved, nothing else)."""
        self.hq.store.close()
        shutil.rmtree(self.hq_dir)
        shutil.copytree(self.pristine, self.hq_dir)
        self.hq.store = open_store(self.hq.identity)

    def state(self) -> tuple[Any, ...]:
        counts = tuple(
            self.hq.count(t)
            for t in ("events", "hq_bundles", "hq_blobs", "hq_files", "hq_receipts", "hq_alarms")
        )
        devices = tuple(self.hq.store.conn.execute("SELECT device_id, status FROM hq_devices ORDER BY 1"))
        return counts, devices, tuple(sorted(self.hq.store.projection_digest().items()))

    def content(self) -> tuple[Any, ...]:
        conn = self.hq.store.conn
        events = tuple(conn.execute("SELECT event_id, hash FROM events ORDER BY event_id"))
        files = tuple(conn.execute("SELECT sha256 FROM hq_files ORDER BY sha256"))
        return events, files, tuple(sorted(self.hq.store.projection_digest().items()))

    def write(self, data: bytes) -> Path:
        self.counter += 1
        path = self.root / "cases" / f"case-{self.counter}.bundle"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        return path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("tamper")
    hq = Hq(root / "hq")
    sessions = [laptop(root, "tamper-laptop"), laptop(root, "other-laptop")]
    try:
        for session in sessions:
            hq.enrol(session)
            hq.approve(session)
        add_persons(sessions[0], 3, photos=1)  # about 280 kB: five age chunks
        add_persons(sessions[1], 1)
        exports = []
        for n, (session, limit) in enumerate(
            ((sessions[0], 0), (sessions[0], 0), (sessions[1], 0), (sessions[0], 100_000))
        ):
            stick = root / f"stick-{n}"
            stick.mkdir()
            result = export_bundle(session, stick, max_volume_bytes=limit or 4_000_000_000)
            assert result is not None
            exports.append(result)
    finally:
        for session in sessions:
            session.close()
    hq.store.close()
    pristine = root / "hq-pristine"
    shutil.copytree(root / "hq", pristine)
    hq.store = open_store(hq.identity)
    w = World(root, hq, pristine, *exports)
    import_bundle(hq.store, hq.identity, w.a.paths)
    w.reference = w.content()
    w.reset()
    assert len(w.volumes.paths) >= 3
    yield w
    hq.store.close()


@dataclass
class Verdicts:
    """How each case ended: refused (by error type), or accepted with the genuine content."""

    refused: Counter[str] = field(default_factory=Counter)
    equivalent: int = 0
    accepted: list[str] = field(default_factory=list)

    def summary(self) -> str:
        kinds = ", ".join(f"{n} {name}" for name, n in self.refused.most_common())
        return f"{sum(self.refused.values())} refused ({kinds}); {self.equivalent} accepted with identical content"


def expect_refused(world: World, result: Result, verdicts: Verdicts, volumes: list[Path], label: str) -> None:
    before = world.state()
    result.cases += 1
    try:
        import_bundle(world.hq.store, world.hq.identity, volumes)
    except FieldAppError as exc:
        verdicts.refused[type(exc).__name__] += 1
        result.check(bool(exc.message.strip()), f"{label}: refused without a message")
        result.check(world.state() == before, f"{label}: refused, but HQ's store changed")
        return
    except Exception as exc:  # anything untyped is a bug: the admin would see a traceback
        result.fail(f"{label}: untyped error {type(exc).__name__}: {exc}")
        world.reset()
        return
    if result.check(world.content() == world.reference, f"{label}: a tampered bundle was imported"):
        verdicts.equivalent += 1
        verdicts.accepted.append(label)
    world.reset()


def mutations(data: bytes, other: bytes, pos: int, rng: random.Random) -> dict[str, bytes]:
    out = {}
    if pos < len(data):
        flipped = bytearray(data)
        flipped[pos] ^= 1 << rng.randrange(8)
        out["flip"] = bytes(flipped)
    if pos < len(data):
        out["truncate"] = data[:pos]
    out["extend"] = data[:pos] + rng.randbytes(rng.choice((1, 16, 100))) + data[pos:]
    if pos < len(other) and data[:pos] != other[:pos]:  # a shared prefix would give the other file whole
        out["splice"] = data[:pos] + other[pos:]
    return out

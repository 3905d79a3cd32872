"""Writing bundles: volumes, a full stick (simulated and for real), a pulled stick, cancel, read-back."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.hq.errors import DevicePending
from fieldapp.sync import bundle
from fieldapp.sync.errors import BundleDiskFull, BundleInvalid, ExportFailed
from fieldapp.sync.export import VolumeWriter, export_bundle
from fieldapp.vault.session import Session
from fieldapp.work import Cancelled
from tests.core.test_sync import Hq, _exported, add_persons, stick_of
from tests.support import PASSPHRASE


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[Hq]:
    h = Hq(tmp_path / "hq")
    yield h
    h.store.close()


# --- writing: volumes, full stick, pulled stick, cancel ---------------------------------------


def test_volumes_split_and_join(enrolled: Session, hq: Hq, tmp_path: Path) -> None:
    add_persons(enrolled, 2, photos=1)
    stick = stick_of(tmp_path)
    result = _exported(enrolled, stick, max_volume_bytes=50_000)
    assert len(result.paths) > 2
    assert [p.name[-4:] for p in result.paths] == [f".{i:03d}" for i in range(1, len(result.paths) + 1)]
    assert all(p.stat().st_size <= 50_000 for p in result.paths)
    assert sorted(stick.iterdir()) == result.paths  # no temp files left
    assert bundle.volume_paths(result.paths[1]) == result.paths
    assert bundle.group_bundles([result.paths[2], result.paths[0]]) == [result.paths]
    with pytest.raises(DevicePending):
        hq.imports(result)
    hq.approve(enrolled)
    assert hq.imports(result).new_events == result.events
    # A missing middle volume makes a truncated bundle: refused, nothing imported.
    add_persons(enrolled, 1, photos=1)
    second = _exported(enrolled, stick_of(tmp_path, "s2"), max_volume_bytes=50_000)
    second.paths[-1].unlink()
    events = hq.count()
    with pytest.raises(BundleInvalid):
        hq.imports([second.paths[0]])
    assert hq.count() == events


class _FailingAfter:
    def __init__(self, limit: int, err: int) -> None:
        self.limit, self.err, self.written = limit, err, 0

    def patch(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real = os.fdopen
        state = self

        class Handle:
            def __init__(self, inner: Any) -> None:
                self.inner = inner

            def write(self, data: Any) -> int:
                if state.written + len(data) > state.limit:
                    raise OSError(state.err, os.strerror(state.err))
                state.written += len(data)
                return int(self.inner.write(data))

            def __getattr__(self, name: str) -> Any:
                return getattr(self.inner, name)

        monkeypatch.setattr("fieldapp.sync.export.os.fdopen", lambda *a, **k: Handle(real(*a, **k)))


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EIO])
def test_write_failures_leave_nothing(
    enrolled: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, err: int
) -> None:
    add_persons(enrolled, 2, photos=1)
    for limit in (0, 1, 100, 65_000, 70_000, 100_000, 150_000):
        stick = stick_of(tmp_path, f"stick-{err}-{limit}")
        failing = _FailingAfter(limit, err)
        with monkeypatch.context() as m:
            failing.patch(m)
            expected = BundleDiskFull if err == errno.ENOSPC else ExportFailed
            with pytest.raises(expected, match="nothing was recorded as sent|Nothing was recorded as sent"):
                export_bundle(enrolled, stick, max_volume_bytes=100_000)
        assert list(stick.iterdir()) == [], limit
        assert enrolled.meta("sync_last_bundle_hash") is None


def test_full_stick_for_real_in_a_subprocess(enrolled: Session, tmp_path: Path) -> None:
    """RLIMIT_FSIZE makes the kernel refuse writes past the limit (EFBIG), like a full FAT stick."""
    add_persons(enrolled, 2, photos=1)
    enrolled.close()
    stick = stick_of(tmp_path)
    code = textwrap.dedent(f"""
        import resource, signal, sys
        from pathlib import Path
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        from fieldapp.vault.session import unlock
        from fieldapp.sync.errors import BundleDiskFull
        from fieldapp.sync.export import export_bundle
        session = unlock({str(enrolled.data_dir)!r}, "Sok Dara", {PASSPHRASE!r})
        resource.setrlimit(resource.RLIMIT_FSIZE, (60_000, 60_000))
        try:
            export_bundle(session, Path({str(stick)!r}))
        except BundleDiskFull as exc:
            print("FULL", exc.message)
            sys.exit(0)
        sys.exit(3)
    """)
    env = {**os.environ, "FIELDAPP_INSECURE_FAST_KDF": "1"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=os.getcwd()
    )
    assert done.returncode == 0, done.stderr
    assert "FULL" in done.stdout and "nothing was recorded as sent" in done.stdout
    assert list(stick.iterdir()) == []
    from fieldapp.vault.session import unlock

    again = unlock(enrolled.data_dir, "Sok Dara", PASSPHRASE)
    try:
        assert again.meta("sync_last_bundle_hash") is None
    finally:
        again.close()


def test_destination_problems(enrolled: Session, tmp_path: Path) -> None:
    add_persons(enrolled, 1)
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("x")
    with pytest.raises(ExportFailed, match="not a folder"):
        export_bundle(enrolled, not_a_dir)
    with pytest.raises(ExportFailed, match="not a folder"):
        export_bundle(enrolled, tmp_path / "missing")


def test_cancel_and_progress(enrolled: Session, tmp_path: Path) -> None:
    add_persons(enrolled, 2, photos=1)
    seen: list[int] = []
    stick = stick_of(tmp_path)
    with pytest.raises(Cancelled):
        export_bundle(
            enrolled,
            stick,
            progress=lambda done, total, _what: seen.append(done),
            should_cancel=lambda: len(seen) > 2,
        )
    assert list(stick.iterdir()) == [] and enrolled.meta("sync_last_bundle_hash") is None
    seen.clear()
    result = _exported(enrolled, stick, progress=lambda done, total, _what: seen.append(done))
    assert seen == sorted(seen) and seen[-1] == result.size


def test_verify_after_write_catches_a_faulty_stick(
    enrolled: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_persons(enrolled, 1)
    stick = stick_of(tmp_path)
    real_close = VolumeWriter._close_volume

    def corrupting_close(self: VolumeWriter) -> None:
        real_close(self)
        for temp in self.temps:
            if temp.exists() and temp.stat().st_size:
                data = bytearray(temp.read_bytes())
                data[-1] ^= 1
                temp.write_bytes(bytes(data))

    monkeypatch.setattr(VolumeWriter, "_close_volume", corrupting_close)
    with pytest.raises(ExportFailed, match="faulty"):
        export_bundle(enrolled, stick)
    assert list(stick.iterdir()) == [] and enrolled.meta("sync_last_bundle_hash") is None

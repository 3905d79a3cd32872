"""The fork server's parent side for test_crash_matrix.py: start jobs, SIGKILL workers, collect lines.

tests/reliability/crash_child.py imports the app once and forks one worker per job, so a kill round
costs milliseconds instead of an interpreter start. Not a test module.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.results import Result

CHILD = Path(__file__).with_name("crash_child.py")
LINE_TIMEOUT = 60.0  # seconds without a line from the fork server before calling it hung


@dataclass
class Round:
    lines: list[str]
    code: int

    @property
    def killed(self) -> bool:
        return self.code == -signal.SIGKILL

    def confirmed(self, what: str) -> list[list[str]]:
        return [line.split()[2:] for line in self.lines if line.split()[:2] == ["CONFIRMED", what]]


@dataclass
class Zygote:
    proc: subprocess.Popen[bytes]
    stderr_path: Path
    lines: queue.Queue[str | None] = field(default_factory=queue.Queue)
    worker: int | None = None  # the running worker's pid, between PID and EXIT

    @classmethod
    def start(cls, workdir: Path) -> Zygote:
        env = dict(
            os.environ, FIELDAPP_INSECURE_FAST_KDF="1", TMPDIR=str(workdir), QT_QPA_PLATFORM="offscreen"
        )
        env["PYTHONPATH"] = os.pathsep.join(
            [str(Path(__file__).resolve().parents[2]), env.get("PYTHONPATH", "")]
        )
        stderr_path = workdir / "zygote-stderr.txt"
        with stderr_path.open("wb") as stderr:
            proc = subprocess.Popen(
                [sys.executable, str(CHILD)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=env,
            )
        zygote = cls(proc, stderr_path)
        threading.Thread(target=zygote._pump, daemon=True).start()
        assert zygote._next() == "ZYGOTE"
        return zygote

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            self.lines.put(raw.decode("utf-8", "replace").rstrip("\n"))
        self.lines.put(None)

    def _next(self, timeout: float = LINE_TIMEOUT) -> str | None:
        """The next line; None if none came within ``timeout`` (shorter than LINE_TIMEOUT: a deadline)."""
        try:
            line = self.lines.get(timeout=max(timeout, 0.0))
        except queue.Empty:
            if timeout < LINE_TIMEOUT:
                return None
            self.proc.kill()
            pytest.fail(f"the fork server printed nothing for {LINE_TIMEOUT} s:\n" + self.stderr_tail())
        if line is None:
            pytest.fail("the fork server ended:\n" + self.stderr_tail())
        return line

    def stderr_tail(self) -> str:
        return self.stderr_path.read_text("utf-8", "replace")[-3000:]

    def run(self, job: dict[str, Any], trigger: str, delay: float) -> Round:
        """Start a job; SIGKILL its worker ``delay`` s after it printed ``trigger`` (unless it ended first)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(job).encode() + b"\n")
        self.proc.stdin.flush()
        lines: list[str] = []
        pid = None
        deadline = None
        while True:
            line = self._next() if deadline is None else self._next(deadline - time.monotonic())
            if line is None:
                if pid is not None:
                    break  # the moment to kill
                continue  # the fork server always names the worker before long
            if line.startswith("PID "):
                pid = self.worker = int(line.split()[1])
            elif line.startswith("EXIT "):
                self.worker = None
                return Round(lines, int(line.split()[2]))
            else:
                lines.append(line)
                if line == trigger and deadline is None:
                    deadline = time.monotonic() + delay
            if pid is not None and deadline is not None and time.monotonic() >= deadline:
                break
        assert pid is not None
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:  # it ended by itself just before (already reaped)
            pass
        while not (line := self._next() or "").startswith("EXIT "):
            lines.append(line)
        self.worker = None
        return Round(lines, int(line.split()[2]))

    def stop(self) -> None:
        """End the fork server; a worker a failed test left running is killed first (it is ours)."""
        if self.worker is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.worker, signal.SIGKILL)
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def zygote(tmp_path: Path) -> Iterator[Zygote]:
    work = tmp_path / "zygote"
    work.mkdir()
    server = Zygote.start(work)
    yield server
    server.stop()


def expect_killed(
    result: Result, rnd: Round, zygote: Zygote, round_no: int, *, may_finish: bool = False
) -> None:
    if not (rnd.killed or (may_finish and rnd.code == 0)):
        result.fail(
            f"round {round_no}: the worker ended by itself (exit {rnd.code}):\n{zygote.stderr_tail()}"
        )
        pytest.fail(result.failures[-1])

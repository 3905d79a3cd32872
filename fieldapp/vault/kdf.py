"""Argon2id parameters of a key slot (or HQ's key file), and the bounds any file's parameters must keep.

Tuned at creation for about a second on a field laptop; read back from a file, each parameter has a floor
and a ceiling, so a doctored file can neither make a slot worthless nor make one unlock take minutes or
exhaust a laptop's memory. The test suite's cheap setting is honoured only under pytest, never in a
frozen build.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

# Tuned for ~0.5-1 s on a field laptop (docs/keys.md: m = 256 MiB, p = 2-4, t >= 3).
PRODUCTION_KDF = (256 * 1024, 3, 4)
# Only for the test suite (FIELDAPP_INSECURE_FAST_KDF=1 under pytest; never in a frozen build).
# `fieldapp check` warns about such slots.
INSECURE_TEST_KDF = (8 * 1024, 1, 1)
MIN_SAFE_MEMORY_KIB = 64 * 1024
# What a file may ask for: below the floors a slot is not worth the name, above the ceilings one unlock
# would take minutes or exhaust a laptop's memory (1 GiB t=4 took 5.5 s on the build machine).
MEMORY_KIB_RANGE = (INSECURE_TEST_KDF[0], 1024 * 1024)
ITERATIONS_RANGE = (1, 16)
LANES_RANGE = (1, 16)
MAX_WORK_KIB = 4 * 1024 * 1024  # memory x iterations
SALT_BYTES_RANGE = (16, 64)


def fast_kdf_allowed() -> bool:
    """The test suite's cheap KDF switch: honoured only under pytest, never in a frozen build."""
    if getattr(sys, "frozen", False) or os.environ.get("FIELDAPP_INSECURE_FAST_KDF") != "1":
        return False
    return "pytest" in sys.modules or "PYTEST_CURRENT_TEST" in os.environ


def _bounded(data: dict[str, Any], key: str, bounds: tuple[int, int]) -> int:
    value = data.get(key)
    if type(value) is not int or not bounds[0] <= value <= bounds[1]:
        raise ValueError(
            f"key-derivation setting {key} = {value!r} is outside what this program accepts "
            f"({bounds[0]} to {bounds[1]})"
        )
    return value


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    memory_kib: int
    iterations: int
    lanes: int

    @classmethod
    def new(cls) -> KdfParams:
        memory, iterations, lanes = INSECURE_TEST_KDF if fast_kdf_allowed() else PRODUCTION_KDF
        return cls(os.urandom(16), memory, iterations, lanes)

    @property
    def is_weak(self) -> bool:
        return self.memory_kib < MIN_SAFE_MEMORY_KIB

    def to_json(self) -> dict[str, Any]:
        return {
            "alg": "argon2id",
            "salt": self.salt.hex(),
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        """Parameters read from a file, each within its floor and ceiling (ValueError, in plain words)."""
        if not isinstance(data, dict) or data.get("alg") != "argon2id":
            raise ValueError("unknown key-derivation function")
        memory = _bounded(data, "memory_kib", MEMORY_KIB_RANGE)
        iterations = _bounded(data, "iterations", ITERATIONS_RANGE)
        lanes = _bounded(data, "lanes", LANES_RANGE)
        if memory * iterations > MAX_WORK_KIB:
            raise ValueError("the key-derivation settings would take minutes to unlock")
        if memory < 8 * lanes:
            raise ValueError("the key-derivation memory is too small for its lanes")
        salt = bytes.fromhex(str(data.get("salt")))
        if not SALT_BYTES_RANGE[0] <= len(salt) <= SALT_BYTES_RANGE[1]:
            raise ValueError("the key-derivation salt has the wrong length")
        return cls(salt, memory, iterations, lanes)

    def derive(self, passphrase: str) -> bytes:
        kdf = Argon2id(
            salt=self.salt,
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(passphrase.encode("utf-8"))

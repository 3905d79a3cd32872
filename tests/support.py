"""Shared test constants and helpers (importable as ``tests.support``)."""

from __future__ import annotations

PASSPHRASE = "correct horse battery"

"""The device key, as sync needs it: manifest signatures (domain-separated) and fingerprints."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from fieldapp.records.events import MANIFEST_CONTEXT
from fieldapp.vault.session import Session

__all__ = ["MANIFEST_CONTEXT", "device_public_hex", "device_signer", "fingerprint"]


def device_signer(session: Session) -> Callable[[bytes], bytes]:
    """Sign a bundle manifest's SHA-256 (32 bytes) with this laptop's device key."""
    return session.sign_manifest


def device_public_hex(session: Session) -> str:
    return session.device_public_key


def fingerprint(public_hex: str) -> str:
    """A short, readable fingerprint of an Ed25519 public key (128 bits, in groups of four)."""
    digest = hashlib.sha256(bytes.fromhex(public_hex)).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))

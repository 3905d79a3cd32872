"""Receipts acknowledge content, not only a seq (issue 17, item 5): a cloned vault's bundle that reaches HQ
first cannot make the real laptop stop sending, nor purge what HQ never received."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from fieldapp.sync.errors import ReceiptInvalid
from fieldapp.sync.purge import eligible_persons
from fieldapp.sync.receipt import apply_receipt
from fieldapp.vault.session import Session, unlock
from tests.core.test_sync import _exported, add_persons, receipt_file, stick_of
from tests.support import PASSPHRASE


def test_a_cloned_vaults_receipt_is_refused_by_the_real_laptop(
    enrolled: Session, hq: Any, vault_dir: Path, tmp_path: Path
) -> None:
    add_persons(enrolled, 1)
    hq.approve(enrolled)
    first = hq.imports(_exported(enrolled, stick_of(tmp_path, "one")))
    apply_receipt(enrolled, receipt_file(tmp_path, first))
    enrolled.close()
    clone_dir = tmp_path / "clone"
    shutil.copytree(vault_dir, clone_dir)  # a copy of the whole vault (restored backup, or taken by someone)
    clone = unlock(clone_dir, "Sok Dara", PASSPHRASE)
    add_persons(clone, 2)  # the clone's events take the next seqs in the laptop's name
    from_clone = hq.imports(_exported(clone, stick_of(tmp_path, "clone")))
    clone.close()
    real = unlock(vault_dir, "Sok Dara", PASSPHRASE)
    own = add_persons(real, 2)  # the real laptop's own, different events at the same seqs
    acked_before = real.meta("hq_acked_seq")
    with pytest.raises(ReceiptInvalid, match="another copy of this vault"):
        apply_receipt(real, _write(tmp_path, from_clone))
    assert real.meta("hq_acked_seq") == acked_before  # it goes on sending what HQ lacks
    later = datetime.now(UTC) + timedelta(days=60)  # long past retention
    assert not set(own) & set(eligible_persons(real, now=later))  # and purges nothing HQ never received
    real.close()


def _write(folder: Path, result: Any) -> Path:
    path = folder / "clone-receipt.json"
    path.write_bytes(result.receipt)
    return path

"""Tamper: damaged or forged bundles, key-slot files and receipts, at every byte-position class.

Every byte-position class of a bundle (the age header's lines, the payload nonce, each 64 KiB
ciphertext chunk's start, middle, tag and boundary, the last chunk, the end of the file), of a
key-slot file and of a receipt is mutated four ways: a flipped bit, a cut, extra bytes (inserted, and
appended after the end), and a splice with another genuine file. The oracle for each case:

* bundles: the import is refused with a typed FieldAppError carrying a plain message, and HQ's store
  is exactly as before (counts of events, bundles, files, receipts, devices and the projection
  digest). A mutation that still imports must give exactly the genuine bundle's content (never seen
  for ciphertext; seen for harmless plaintext changes such as JSON whitespace);
* key-slot files: unlocking either self-repairs from the previous generation (the documented
  behaviour: it opens, warns "restored", and rewrites a good current copy) or, without a good
  previous copy, is refused with a typed error. A file that opens without a warning holds the same
  slots as before;
* receipts: refused with ReceiptInvalid and the laptop's acknowledged seq unchanged, or parsed to
  the very same receipt.

The hypothesis fuzzers of the parsers are in test_fuzz.py; the HQ world and the oracle in tampering.py.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from fieldapp.errors import FieldAppError
from fieldapp.hq.importer import import_bundle
from fieldapp.paths import KEYSLOT_FILE
from fieldapp.sync import receipt as receipts
from fieldapp.sync.errors import ReceiptInvalid
from fieldapp.vault import keyslots
from fieldapp.vault.session import Session, create_vault, unlock
from tests.reliability.results import recording
from tests.reliability.tampering import CHUNK, FIXED, Verdicts, World, expect_refused, mutations
from tests.support import PASSPHRASE, add_officer


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_INSECURE_FAST_KDF", "1")


# --- bundles: every byte-position class ------------------------------------------------------------


def positions(data: bytes) -> dict[str, int]:
    """Named byte positions of an age file: header lines, nonce, chunk starts/middles/tags/boundaries."""
    header_end = data.index(b"\n--- ") + 1
    header_end = data.index(b"\n", header_end) + 1
    lines = data[:header_end].split(b"\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    named = {
        "header: version line": 3,
        "header: recipient stanza line": starts[1] + 5,
        "header: stanza body": starts[2] + 7,
        "header: MAC line": starts[-2] + 10,
        "header: last MAC character": header_end - 2,
        "header: final newline": header_end - 1,
        "payload nonce: first byte": header_end,
        "payload nonce: last byte": header_end + 15,
    }
    payload = header_end + 16
    count = (len(data) - payload + CHUNK - 1) // CHUNK
    for k in range(count):
        start, end = payload + k * CHUNK, min(payload + (k + 1) * CHUNK, len(data))
        name = "last chunk" if k == count - 1 else f"chunk {k + 1}"
        named |= {
            f"{name}: first byte": start,
            f"{name}: middle": (start + end) // 2,
            f"{name}: tag": end - 16,
            f"{name}: last byte": end - 1,
        }
        if k < count - 1:
            named[f"chunk {k + 1}/{k + 2} boundary"] = end
    named["end of file"] = len(data)
    return named


def test_tampered_bundles_are_refused_and_change_nothing(world: World) -> None:
    what = "bundle bytes flipped, cut, extended, spliced at every position class; volumes dropped/swapped"
    with recording("tamper_bundles", what) as result:
        rng, verdicts = random.Random(9), Verdicts()
        data, other, foreign = (
            world.a.paths[0].read_bytes(),
            world.b.paths[0].read_bytes(),
            world.c.paths[0].read_bytes(),
        )
        named = positions(data)
        for name, pos in named.items():
            for how, mutated in mutations(data, other, pos, rng).items():
                expect_refused(world, result, verdicts, [world.write(mutated)], f"{how} at {name}")
        header_end = named["payload nonce: first byte"]
        chunks = [data[i : i + CHUNK] for i in range(header_end + 16, len(data), CHUNK)]
        whole: dict[str, bytes] = {
            "append a copy of the last chunk": data + chunks[-1],
            "append another bundle": data + foreign,
            "drop the last chunk": data[: len(data) - len(chunks[-1])],
            "swap chunks 1 and 2": data[: header_end + 16] + chunks[1] + chunks[0] + b"".join(chunks[2:]),
            "repeat chunk 1": data[: header_end + 16] + chunks[0] + b"".join(chunks),
            "header of another export, payload of this one": other[: other.index(b"\n--- ")]
            + data[data.index(b"\n--- ") :],
            "this header, another export's payload": data[: header_end + 16] + other[header_end + 16 :],
            "another laptop's payload": data[:header_end]
            + foreign[foreign.index(b"\n--- ") :].split(b"\n", 1)[1],
            "empty file": b"",
            "only the header": data[:header_end],
        }
        for label, mutated in whole.items():
            expect_refused(world, result, verdicts, [world.write(mutated)], label)
        vols = world.volumes.paths
        for label, chosen in {
            "volume 2 missing": [vols[0], *vols[2:]],
            "last volume missing": vols[:-1],
            "volumes swapped": [vols[1], vols[0], *vols[2:]],
            "a volume twice": [vols[0], vols[1], vols[1], *vols[2:]],
            "a volume of another bundle": [vols[0], world.a.paths[0], *vols[2:]],
        }.items():
            expect_refused(world, result, verdicts, chosen, label)
        cut = world.write(vols[1].read_bytes()[:-7])
        expect_refused(world, result, verdicts, [vols[0], cut, *vols[2:]], "a volume cut short")
        # The genuine files still import (so every refusal above was the mutation's doing).
        for genuine in (world.a, world.volumes):
            import_bundle(world.hq.store, world.hq.identity, genuine.paths)
            result.check(world.content() == world.reference, "a genuine bundle imported differently")
            world.reset()
        result.check(verdicts.equivalent == 0, f"ciphertext mutations were accepted: {verdicts.accepted}")
        result.details |= {"position_classes": len(named), "refusals": dict(verdicts.refused), "scale": FIXED}
        result.found = f"every case refused, HQ unchanged: {verdicts.summary()}"


# --- key-slot files -------------------------------------------------------------------------------


def _slot_positions(raw: bytes) -> dict[str, int]:
    text = raw.decode()
    named = {"first byte": 0, "last byte": len(raw) - 1, "end of file": len(raw)}
    for key in (
        "vault_id",
        "generation",
        "officer_name",
        "salt",
        "memory_kib",
        "nonce",
        "ciphertext",
        "sha256",
    ):
        at = text.index(f'"{key}"')
        named[f"{key} value"] = at + len(key) + 6
    named["ciphertext tail"] = text.index('"', text.index('"ciphertext"') + 15) - 3
    return named


def test_tampered_key_slot_files(tmp_path: Path) -> None:
    what = (
        "keyslots.json flipped, cut, extended, spliced with another vault's, with and without a previous copy"
    )
    with recording("tamper_keyslots", what) as result:
        rng, outcomes = random.Random(11), Counter[str]()
        vault = tmp_path / "vault"
        create_vault(vault, "Sok Dara", PASSPHRASE, device_name="slot-laptop").close()
        single = (vault / KEYSLOT_FILE).read_bytes()  # one generation, no previous copy
        session = unlock(vault, "Sok Dara", PASSPHRASE)
        add_officer(session, "Chan Sophea", "team_lead", "team lead passphrase")
        vault_id = session.vault_id
        session.close()
        current, previous = keyslots.slot_paths(vault)
        good_current, good_previous = current.read_bytes(), previous.read_bytes()
        other_dir = tmp_path / "other"
        create_vault(other_dir, "Sok Dara", PASSPHRASE, device_name="other-laptop").close()
        foreign = (other_dir / KEYSLOT_FILE).read_bytes()

        def attempt(label: str, mutated: bytes, with_previous: bool) -> None:
            result.cases += 1
            current.write_bytes(mutated)
            if with_previous:
                previous.write_bytes(good_previous)
            else:
                previous.unlink(missing_ok=True)
            (vault / "unlock-attempts.json").unlink(missing_ok=True)  # each case starts without back-off
            try:
                opened = unlock(vault, "Sok Dara", PASSPHRASE)
            except FieldAppError as exc:
                outcomes[f"refused: {type(exc).__name__}"] += 1
                result.check(bool(exc.message), f"{label}: refused without a message")
                result.check(
                    not with_previous or mutated == foreign or _decodes(mutated),
                    f"{label}: refused although a good previous copy was there: {exc}",
                )
                return
            except Exception as exc:
                result.fail(f"{label}: untyped error {type(exc).__name__}: {exc}")
                return
            try:
                result.check(opened.vault_id == vault_id, f"{label}: opened another vault")
                if any("restored" in w for w in opened.warnings):
                    outcomes["self-repaired from the previous copy"] += 1
                    result.check(
                        _decodes(current.read_bytes()), f"{label}: the current copy was not repaired"
                    )
                else:
                    outcomes["opened unchanged (same slots)"] += 1
                    same = (
                        keyslots.SlotFile.decode(mutated, "x").body()
                        == keyslots.SlotFile.decode(good_current if with_previous else single, "y").body()
                    )
                    result.check(same, f"{label}: a changed key-slot file opened without a warning")
            finally:
                opened.close()

        for with_previous, base in ((True, good_current), (False, single)):
            for name, pos in _slot_positions(base).items():
                for how, mutated in mutations(base, foreign, pos, rng).items():
                    attempt(
                        f"{how} at {name} ({'with' if with_previous else 'no'} previous copy)",
                        mutated,
                        with_previous,
                    )
            attempt("another vault's whole key-slot file", foreign, with_previous)
            attempt("trailing newline added", base + b"\n", with_previous)
        # Both copies damaged: refused, pointing at HQ's recovery key.
        result.cases += 1
        current.write_bytes(good_current[:100])
        previous.write_bytes(good_previous[:-5])
        with pytest.raises(FieldAppError, match="recovery key"):
            unlock(vault, "Sok Dara", PASSPHRASE)
        current.write_bytes(good_current)
        previous.write_bytes(good_previous)
        unlock(vault, "Sok Dara", PASSPHRASE).close()
        result.details |= dict(outcomes) | {"scale": FIXED}
        result.found = "; ".join(f"{n} {what}" for what, n in outcomes.most_common())


def _decodes(raw: bytes) -> bool:
    try:
        keyslots.SlotFile.decode(raw, "x")
    except FieldAppError:
        return False
    return True


# --- receipts ------------------------------------------------------------------------------------


def test_tampered_receipts(world: World, tmp_path: Path) -> None:
    what = "HQ receipts flipped, cut, extended, spliced at every field; applied to the laptop"
    with recording("tamper_receipts", what) as result:
        rng, outcomes = random.Random(13), Counter[str]()
        first = import_bundle(world.hq.store, world.hq.identity, world.a.paths)
        second = import_bundle(world.hq.store, world.hq.identity, world.c.paths)
        world.reset()
        genuine, other = first.receipt, second.receipt
        verify_key = world.hq.identity.verify_key
        expected = receipts.parse(genuine, verify_key)
        session: Session = unlock(world.root / "tamper-laptop", "Sok Dara", PASSPHRASE)
        try:
            acked = session.meta("hq_acked_seq")
            text = genuine.decode()
            named = {"first byte": 0, "end of file": len(genuine)}
            for key in (
                "format",
                "version",
                "hq_id",
                "device_id",
                "acked_seq",
                "bundle_hash",
                "issued_at",
                "signature",
            ):
                named[f"{key} value"] = text.index(f'"{key}"') + len(key) + 5
            named["signature tail"] = text.rindex('"') - 2
            path = tmp_path / "receipt.json"
            for name, pos in named.items():
                for how, mutated in mutations(genuine, other, pos, rng).items():
                    result.cases += 1
                    label = f"{how} at {name}"
                    path.write_bytes(mutated)
                    try:
                        parsed = receipts.parse(mutated, verify_key)
                    except ReceiptInvalid:
                        try:
                            receipts.apply_receipt(session, path)
                        except ReceiptInvalid as exc:
                            outcomes["refused"] += 1
                            result.check(bool(exc.message), f"{label}: refused without a message")
                        else:
                            result.fail(f"{label}: parse refused it but apply_receipt took it")
                        result.check(session.meta("hq_acked_seq") == acked, f"{label}: the acked seq moved")
                        continue
                    except Exception as exc:
                        result.fail(f"{label}: untyped error {type(exc).__name__}: {exc}")
                        continue
                    if result.check(parsed == expected, f"{label}: an altered receipt was accepted"):
                        outcomes["same receipt (whitespace only)"] += 1
            # The other laptop's genuine receipt is HQ's, but not for this laptop.
            result.cases += 1
            path.write_bytes(other)
            with pytest.raises(ReceiptInvalid, match="another laptop"):
                receipts.apply_receipt(session, path)
            result.check(
                session.meta("hq_acked_seq") == acked, "another laptop's receipt moved the acked seq"
            )
            outcomes["refused"] += 1
        finally:
            session.close()
        result.details |= dict(outcomes) | {"scale": FIXED}
        result.found = (
            "; ".join(f"{n} {what}" for what, n in outcomes.most_common()) + "; acked seq never moved"
        )

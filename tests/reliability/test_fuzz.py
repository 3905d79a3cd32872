"""Fuzzing with hypothesis (derandomized): the bundle parser behind a valid age wrapping, the event
decoder, and the enrolment parser.

* bundle parser: the genuine decrypted stream is mutated (bit flips, cuts, inserted and deleted bytes,
  records dropped, duplicated, swapped, given other bodies, kinds or lying lengths, JSON values
  changed deep inside), re-encrypted to HQ and imported: refused with a typed error and HQ unchanged,
  or imported with exactly the genuine content (JSON whitespace changes). The parser alone must give
  the same verdict however the stream is cut into writes;
* event decoder: arbitrary JSON and bytes as one event record: a typed refusal or a well-typed Event;
* enrolment parser: byte mutations of a signed enrolment file and generated documents: EnrolmentError
  with a plain message, or a file whose signed content is HQ's (unsigned v1 files load by design,
  without indicator sets).

Examples: FIELDAPP_RELIABILITY_SCALE times 150 / 150 / 300.
"""

from __future__ import annotations

import hashlib
import json
import random
import struct
from collections import Counter
from collections.abc import Callable
from typing import Any

import pyrage
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fieldapp.errors import EnrolmentError, FieldAppError
from fieldapp.hq.identity import enrolment_file
from fieldapp.records.events import Event
from fieldapp.sync import bundle
from fieldapp.vault.enrolment import parse_enrolment, signing_message
from tests.reliability.results import SCALE, recording
from tests.reliability.tampering import Verdicts, World, expect_refused

HEADER = struct.Struct(">cQ")
FUZZ = settings(
    max_examples=150 * SCALE,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDAPP_INSECURE_FAST_KDF", "1")


# --- the decrypted stream, behind a valid age wrapping (hypothesis) ---------------------------------


def split_records(plain: bytes) -> list[tuple[bytes, bytes]] | None:
    """The records of a well-framed stream; None once earlier mutations broke the framing."""
    if not plain.startswith(bundle.MAGIC):
        return None
    pos, out = len(bundle.MAGIC), []
    while pos < len(plain):
        if pos + HEADER.size > len(plain):
            return None
        kind, length = HEADER.unpack_from(plain, pos)
        pos += HEADER.size
        if pos + length > len(plain):
            return None
        out.append((kind, plain[pos : pos + length]))
        pos += length
    return out


def join_records(records: list[tuple[bytes, bytes]]) -> bytes:
    return bundle.MAGIC + b"".join(bundle.record(kind, body) for kind, body in records)


def _json_edit(body: bytes, rng: random.Random) -> bytes:
    """Change one value deep inside a JSON record (it stays valid JSON), or only its whitespace."""
    try:
        doc = json.loads(body)
    except ValueError:
        return body + b" "
    if rng.random() < 0.2:
        return json.dumps(doc, indent=2, ensure_ascii=False).encode()  # same content, other bytes
    node: Any = doc
    while isinstance(node, dict | list) and node:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = rng.choice(keys)
        child = node[key]
        if not isinstance(child, dict | list) or not child or rng.random() < 0.3:
            node[key] = rng.choice(
                (None, 0, 1, -1, 2**63, "", "x", True, [], {}, "0" * 64, str(child) + "x", child)
            )
            break
        node = child
    return json.dumps(doc, ensure_ascii=False).encode()


def mutate_plain(plain: bytes, ops: list[tuple[str, int, int, bytes]]) -> bytes:
    for op, a, b, extra in ops:
        records = split_records(plain)
        if op.startswith("record") and records:
            i, j = a % len(records), b % len(records)
            kind, body = records[i]
            rng = random.Random(a * 7919 + b)
            if op == "record drop":
                del records[i]
            elif op == "record duplicate":
                records.insert(j, records[i])
            elif op == "record swap":
                records[i], records[j] = records[j], records[i]
            elif op == "record body":
                records[i] = (kind, extra)
            elif op == "record kind":
                records[i] = (extra[:1] or b"Q", body)
            elif op == "record json":
                records[i] = (kind, _json_edit(body, rng))
            plain = join_records(records)
            if op == "record length":  # a length field that lies about its body
                offset = len(bundle.MAGIC) + sum(HEADER.size + len(r[1]) for r in records[:i])
                plain = plain[: offset + 1] + struct.pack(">Q", b * 1_000_003) + plain[offset + 9 :]
        elif op == "flip" and plain:
            pos = a % len(plain)
            plain = plain[:pos] + bytes([plain[pos] ^ (1 << (b % 8))]) + plain[pos + 1 :]
        elif op == "truncate":
            plain = plain[: a % (len(plain) + 1)]
        elif op == "insert":
            pos = a % (len(plain) + 1)
            plain = plain[:pos] + extra + plain[pos:]
        elif op == "delete" and plain:
            pos = a % len(plain)
            plain = plain[:pos] + plain[pos + 1 + b % 64 :]
    return plain


OPS = st.lists(
    st.tuples(
        st.sampled_from(
            (
                "flip",
                "truncate",
                "insert",
                "delete",
                "record drop",
                "record duplicate",
                "record swap",
                "record body",
                "record kind",
                "record json",
                "record json",
                "record length",
            )
        ),
        st.one_of(
            st.integers(0, 4096), st.integers(0, 2**20)
        ),  # the manifest and events sit in the first KiB
        st.integers(0, 2**16),
        st.binary(max_size=48),
    ),
    min_size=1,
    max_size=3,
)


def parse_outcome(plain: bytes, cuts: list[int]) -> str:
    """The parser's verdict when fed ``plain`` cut at ``cuts`` (no HQ involved): OK or the error type."""
    seen: list[Any] = []
    parser = bundle.BundleParser(
        seen.append, seen.append, lambda i, d: seen.append(hashlib.sha256(d).hexdigest())
    )
    try:
        previous = 0
        for cut in [*sorted(c % (len(plain) + 1) for c in cuts), len(plain)]:
            parser.write(plain[previous:cut])
            previous = max(previous, cut)
        parser.finish()
    except FieldAppError as exc:
        return type(exc).__name__
    return "OK " + hashlib.sha256(repr(seen).encode()).hexdigest()


def test_fuzz_the_bundle_parser_behind_valid_encryption(world: World) -> None:
    what = "hypothesis: decrypted bundle streams mutated (bytes and records), re-encrypted to HQ, imported"
    with recording("fuzz_bundle_parser", what) as result:
        plain = pyrage.decrypt(world.a.paths[0].read_bytes(), [world.hq.identity.age_identity])
        recipient = pyrage.x25519.Recipient.from_str(world.hq.identity.recipient)
        verdicts, streaming = Verdicts(), [0]

        last_event = max(i for i, (kind, _) in enumerate(split_records(plain) or []) if kind == b"E")

        @FUZZ
        @given(ops=OPS, cuts=st.lists(st.integers(0, 2**20), max_size=6))
        # Found by the full run (an untyped IndexError until the parser counted events): one event too many.
        @example(ops=[("record duplicate", last_event, last_event + 1, b"")], cuts=[])
        def case(ops: list[tuple[str, int, int, bytes]], cuts: list[int]) -> None:
            mutated = mutate_plain(plain, ops)
            whole, pieces = parse_outcome(mutated, []), parse_outcome(mutated, cuts)
            streaming[0] += 1
            result.check(whole == pieces, f"the parser's verdict depends on chunking: {whole} vs {pieces}")
            path = world.write(pyrage.encrypt(mutated, [recipient]))
            expect_refused(
                world, result, verdicts, [path], f"plaintext ops {[(o, a, b) for o, a, b, _ in ops]}"
            )

        case()
        result.check(
            parse_outcome(plain, [1, 17, 5000, 70000]).startswith("OK"), "the genuine stream fails to parse"
        )
        result.details |= {
            "refusals": dict(verdicts.refused),
            "accepted_identical": verdicts.equivalent,
            "streaming_comparisons": streaming[0],
        }
        result.found = (
            f"no altered content accepted: {verdicts.summary()} (whitespace-only JSON changes); "
            "the parser's verdict never depended on how the stream was cut"
        )


def test_fuzz_event_decoding(world: World) -> None:
    """decode_event on arbitrary JSON: a typed refusal or an Event, never another exception."""
    with recording(
        "fuzz_event_decoder", "hypothesis: arbitrary JSON documents and bytes given as one event"
    ) as result:
        plain = pyrage.decrypt(world.a.paths[0].read_bytes(), [world.hq.identity.age_identity])
        sample = json.loads(next(body for kind, body in split_records(plain) or [] if kind == b"E"))
        outcomes: Counter[str] = Counter()
        values = st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
            lambda inner: (
                st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
            ),
            max_leaves=8,
        )
        docs = st.fixed_dictionaries({k: st.one_of(st.just(v), values) for k, v in sample.items()})

        @FUZZ
        @given(raw=st.one_of(docs.map(lambda d: json.dumps(d).encode()), st.binary(max_size=200)))
        def case(raw: bytes) -> None:
            result.cases += 1
            try:
                event = bundle.decode_event(raw)
            except FieldAppError:
                outcomes["refused"] += 1
                return
            except Exception as exc:
                result.fail(f"decode_event raised {type(exc).__name__}: {exc} for {raw[:80]!r}")
                return
            outcomes["decoded"] += 1
            result.check(
                isinstance(event, Event) and type(event.device_seq) is int, "a malformed event decoded"
            )

        case()
        result.details |= dict(outcomes)
        result.found = (
            f"{outcomes['refused']} refused, {outcomes['decoded']} well-typed events; no other exception"
        )


# --- the enrolment parser (hypothesis) ------------------------------------------------------------


def test_fuzz_the_enrolment_parser(world: World) -> None:
    what = "hypothesis: signed enrolment files mutated byte-wise, and generated JSON documents, parsed"
    with recording("fuzz_enrolment_parser", what) as result:
        _, genuine = enrolment_file(world.hq.identity, "fuzz-laptop")
        reference = parse_enrolment(genuine)
        outcomes: Counter[str] = Counter()
        values = st.one_of(
            st.none(), st.booleans(), st.integers(), st.text(max_size=20), st.lists(st.integers(), max_size=2)
        )
        required = ("format", "version", "hq_id", "hq_name", "recipient", "verify_key")
        small = {k: v for k, v in reference.items() if k != "indicator_sets"}
        # One required field (or none) replaced by an arbitrary value; the optional ones present or not.
        optional = [k for k in small if k not in required]

        def document(spoiled: str | None, value: Any, keep: list[bool]) -> bytes:
            doc = {k: small[k] for k in required} | {
                k: small[k] for k, kept in zip(optional, keep, strict=True) if kept
            }
            if spoiled is not None:
                doc[spoiled] = value
            return json.dumps(doc).encode()

        docs = st.builds(
            document,
            st.sampled_from([None, *required]),
            values,
            st.lists(st.booleans(), min_size=len(optional), max_size=len(optional)),
        )
        edits = st.tuples(
            st.sampled_from(("flip", "truncate", "insert", "delete")),
            st.integers(0, len(genuine)),
            st.integers(0, 255),
            st.binary(min_size=1, max_size=12),
        )

        def byte_edit(edit: tuple[str, int, int, bytes]) -> bytes:
            return mutate_plain(genuine, [edit])

        check_every: Callable[[bytes], None]

        def check_every(raw: bytes) -> None:
            result.cases += 1
            try:
                data = parse_enrolment(raw)
            except EnrolmentError as exc:
                outcomes["refused"] += 1
                result.check(bool(exc.message), "refused without a message")
                return
            except Exception as exc:
                result.fail(f"parse_enrolment raised {type(exc).__name__}: {exc} for {raw[:80]!r}")
                return
            if "signature" in data:
                outcomes["accepted, signed"] += 1
                body = {k: v for k, v in data.items() if k != "signature"}
                result.check(
                    signing_message(body)
                    == signing_message({k: v for k, v in reference.items() if k != "signature"})
                    or data["verify_key"] != reference["verify_key"],
                    "a signed file's content changed under HQ's own signature",
                )
            else:
                outcomes["accepted, unsigned (v1 by design)"] += 1
                result.check("indicator_sets" not in data, "an unsigned file brought indicator sets")

        @settings(FUZZ, max_examples=300 * SCALE)
        @given(raw=st.one_of(edits.map(byte_edit), docs, st.binary(max_size=300)))
        def case(raw: bytes) -> None:
            check_every(raw)

        case()
        result.details |= dict(outcomes)
        result.found = (
            f"{outcomes['refused']} refused with a plain EnrolmentError; no other exception; no signed file "
            f"altered under HQ's key; {outcomes['accepted, unsigned (v1 by design)']} generated unsigned v1 "
            "documents accepted as documented (no indicator sets from them)"
        )

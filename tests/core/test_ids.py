from __future__ import annotations

import uuid

from fieldapp.records.ids import uuid7


def test_uuid7_version_variant_and_strict_order() -> None:
    ids = [uuid7() for _ in range(20_000)]  # many share a millisecond
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    parsed = uuid.UUID(ids[0])
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122

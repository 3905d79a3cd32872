"""UUIDv7 (RFC 9562): time-ordered ids, so events sort by creation and index well.

Within one millisecond the 12-bit ``rand_a`` field is a counter (RFC 9562 §6.2, method 1), so ids made
by this process are strictly increasing even when several are made in the same millisecond.
"""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = -1
_counter = 0


def uuid7() -> str:
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms  # the clock stood still or stepped back: stay monotonic
            _counter += 1
            if _counter > 0xFFF:  # counter exhausted: borrow the next millisecond
                ms, _counter = ms + 1, 0
        else:
            _counter = int.from_bytes(os.urandom(2), "big") & 0x3FF  # random start, room to count
        _last_ms = ms
        counter = _counter
    value = (ms & (2**48 - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= counter << 64  # rand_a: the counter
    value |= 0b10 << 62  # RFC 9562 variant
    value |= int.from_bytes(os.urandom(8), "big") & (2**62 - 1)  # rand_b
    return str(uuid.UUID(int=value))

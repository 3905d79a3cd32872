"""What the sync screen shows: enrolment, acknowledged and pending events, the next bundle's size."""

from __future__ import annotations

import json
from dataclasses import dataclass

from fieldapp.sync.export import pending
from fieldapp.sync.keys import fingerprint
from fieldapp.vault.hq_key import HQ_KEY_CHANGED_META, HQ_KEY_META, KeyChange, last_change
from fieldapp.vault.session import Session


@dataclass(frozen=True)
class SyncState:
    hq_name: str | None
    hq_url: str | None  # set when the enrolment carries HQ's network address (network sync possible)
    acked_seq: int
    last_seq: int
    last_bundle: str | None
    last_bundle_seq: int | None
    receipt_issued: str | None
    estimate: int
    team_lead: bool
    admin: bool = False
    device_fingerprint: str = ""  # this laptop's key, as HQ's Devices tab shows it for the analyst to compare
    hq_fingerprint: str | None = None  # the HQ key this laptop trusts
    hq_key_change: KeyChange | None = None  # the last change of HQ's key this laptop took

    @property
    def pending(self) -> int:
        return self.last_seq - self.acked_seq


def load_state(session: Session) -> SyncState:
    last = session.conn.execute(
        "SELECT coalesce(max(device_seq), 0) FROM events WHERE device_id = ?", (session.device_id,)
    ).fetchone()[0]
    issued = None
    raw = session.meta("hq_last_receipt")
    if raw:
        issued = str(json.loads(raw)["receipt"]["issued_at"])
    bundle_seq = session.meta("sync_last_bundle_seq")
    return SyncState(
        hq_name=session.meta("hq_name") if session.meta("hq_id") else None,
        hq_url=(session.meta("hq_url") or None) if session.meta("hq_tls_pin") else None,
        acked_seq=int(session.meta("hq_acked_seq") or 0),
        last_seq=int(last),
        last_bundle=session.meta("sync_last_bundle_hash"),
        last_bundle_seq=int(bundle_seq) if bundle_seq else None,
        receipt_issued=issued,
        estimate=pending(session).expected_size,
        team_lead=session.officer.has_role("team_lead"),
        admin=session.officer.has_role("admin"),
        device_fingerprint=fingerprint(session.device_public_key),
        hq_fingerprint=fingerprint(hq_key) if (hq_key := session.meta(HQ_KEY_META)) else None,
        hq_key_change=last_change(session.meta(HQ_KEY_CHANGED_META)),
    )

-- HQ schema 9 (issue 24): mapping a receiving body typed as free text to an entry of HQ's directory, and a
-- referral's status recorded at HQ (from the returned signed copy, or closed by HQ) are signed HQ decisions
-- (fieldapp/hq/decisions.py, fieldapp/hq/referrals.py); the two tables below are made by folding them.
-- The SQLite twin is fieldapp/hq/migrations/0009_referrals.sql.
CREATE TABLE hq_receiving_body_map (
    handover_id  TEXT COLLATE "C" PRIMARY KEY,
    body_id      TEXT COLLATE "C" NOT NULL,
    body_type    TEXT COLLATE "C" NOT NULL,
    decision_id  TEXT COLLATE "C" NOT NULL,
    mapped_at    TEXT COLLATE "C" NOT NULL
);
CREATE TABLE hq_referral_steps (
    decision_id       TEXT COLLATE "C" PRIMARY KEY,
    handover_id       TEXT COLLATE "C" NOT NULL,
    status            TEXT COLLATE "C" NOT NULL,
    via               TEXT COLLATE "C" NOT NULL,
    analyst           TEXT NOT NULL,
    receiving_officer TEXT NOT NULL,
    reason            TEXT NOT NULL,
    at                TEXT COLLATE "C" NOT NULL
);
CREATE INDEX hq_referral_steps_handover ON hq_referral_steps (handover_id);
ALTER TABLE hq_decisions DROP CONSTRAINT hq_decisions_kind_check,
    ADD CONSTRAINT hq_decisions_kind_check CHECK (kind IN ('link', 'unlink', 'dismiss', 'resolve_conflict', 'approve_device', 'revoke_device', 'revoke_officer', 'map_receiving_body', 'referral_status'));

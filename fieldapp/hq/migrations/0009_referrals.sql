-- HQ schema 9 (issue 24): mapping a receiving body typed as free text to an entry of HQ's directory, and a
-- referral's status recorded at HQ (from the returned signed copy, or closed by HQ) are signed HQ decisions
-- (fieldapp/hq/decisions.py, fieldapp/hq/referrals.py); the two tables below are made by folding them.
-- The PostgreSQL twin is pg_migrations/0009_referrals.sql.
CREATE TABLE hq_receiving_body_map (
    handover_id  TEXT PRIMARY KEY,
    body_id      TEXT NOT NULL,
    body_type    TEXT NOT NULL,
    decision_id  TEXT NOT NULL,
    mapped_at    TEXT NOT NULL
);
CREATE TABLE hq_referral_steps (
    decision_id       TEXT PRIMARY KEY,
    handover_id       TEXT NOT NULL,
    status            TEXT NOT NULL,
    via               TEXT NOT NULL,
    analyst           TEXT NOT NULL,
    receiving_officer TEXT NOT NULL,
    reason            TEXT NOT NULL,
    at                TEXT NOT NULL
);
CREATE INDEX hq_referral_steps_handover ON hq_referral_steps (handover_id);

-- SQLite cannot change a CHECK constraint: the log is copied into a table that allows the new kinds
-- (DROP TABLE fires no DELETE trigger), and its append-only triggers are made again.
CREATE TABLE hq_decisions_v9 (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('link', 'unlink', 'dismiss', 'resolve_conflict', 'approve_device', 'revoke_device', 'revoke_officer', 'map_receiving_body', 'referral_status')),
    payload     TEXT NOT NULL,
    analyst     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    signature   TEXT NOT NULL,
    account_key TEXT,
    account_signature TEXT
);
INSERT INTO hq_decisions_v9 SELECT id, seq, prev_hash, hash, kind, payload, analyst, reason, created_at, signature,
    account_key, account_signature FROM hq_decisions;
DROP TABLE hq_decisions;
ALTER TABLE hq_decisions_v9 RENAME TO hq_decisions;
CREATE TRIGGER hq_decisions_append_only_update BEFORE UPDATE ON hq_decisions
BEGIN SELECT RAISE(ABORT, 'the HQ decision log is append-only'); END;
CREATE TRIGGER hq_decisions_append_only_delete BEFORE DELETE ON hq_decisions
BEGIN SELECT RAISE(ABORT, 'the HQ decision log is append-only'); END;

-- HQ schema 4: approving or revoking a laptop and revoking an officer are signed HQ decisions, with the
-- analyst's name and a reason (fieldapp/hq/decisions.py). decision_id names the decision that set the row;
-- NULL: set before schema 4, and kept as it was when the decisions are folded again.
-- The PostgreSQL twin is pg_migrations/0004_signed_device_decisions.sql.
ALTER TABLE hq_devices ADD COLUMN decision_id TEXT;
ALTER TABLE hq_revoked_officers ADD COLUMN decision_id TEXT;

-- SQLite cannot change a CHECK constraint: the log is copied into a table that allows the new kinds
-- (DROP TABLE fires no DELETE trigger), and its append-only triggers are made again.
CREATE TABLE hq_decisions_v4 (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('link', 'unlink', 'dismiss', 'resolve_conflict', 'approve_device', 'revoke_device', 'revoke_officer')),
    payload     TEXT NOT NULL,
    analyst     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    signature   TEXT NOT NULL
);
INSERT INTO hq_decisions_v4 SELECT id, seq, prev_hash, hash, kind, payload, analyst, reason, created_at, signature
    FROM hq_decisions;
DROP TABLE hq_decisions;
ALTER TABLE hq_decisions_v4 RENAME TO hq_decisions;
CREATE TRIGGER hq_decisions_append_only_update BEFORE UPDATE ON hq_decisions
BEGIN SELECT RAISE(ABORT, 'the HQ decision log is append-only'); END;
CREATE TRIGGER hq_decisions_append_only_delete BEFORE DELETE ON hq_decisions
BEGIN SELECT RAISE(ABORT, 'the HQ decision log is append-only'); END;

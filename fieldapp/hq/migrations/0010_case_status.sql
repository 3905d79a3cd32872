-- HQ schema 10 (issue 24): each person's case status after the handover (in shelter, repatriated, witness,
-- prosecution, compensation claimed or received, re-trafficked, closed) is a signed HQ decision of the kind
-- 'case_status' (fieldapp/hq/followup.py). hq_case_statuses is derived from those decisions, one row per
-- decision, so a person's history and the follow-up reminders are read by index rather than by parsing
-- every decision's JSON; `decisions.rebuild` empties it and folds the log again.
-- The PostgreSQL twin is pg_migrations/0010_case_status.sql.

-- SQLite cannot change a CHECK constraint: the log is copied into a table that allows the new kind (DROP
-- TABLE fires no DELETE trigger), and its append-only triggers are made again.
CREATE TABLE hq_decisions_v10 (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('link', 'unlink', 'dismiss', 'resolve_conflict', 'approve_device', 'revoke_device', 'revoke_officer', 'map_receiving_body', 'referral_status', 'case_status')),
    payload     TEXT NOT NULL,
    analyst     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    signature   TEXT NOT NULL,
    account_key TEXT,
    account_signature TEXT
);
INSERT INTO hq_decisions_v10 SELECT id, seq, prev_hash, hash, kind, payload, analyst, reason, created_at, signature,
    account_key, account_signature FROM hq_decisions;
DROP TABLE hq_decisions;
ALTER TABLE hq_decisions_v10 RENAME TO hq_decisions;
CREATE TRIGGER hq_decisions_append_only_update BEFORE UPDATE ON hq_decisions
BEGIN SELECT RAISE(ABORT, 'the HQ decision log is append-only'); END;
CREATE TRIGGER hq_decisions_append_only_delete BEFORE DELETE ON hq_decisions
BEGIN SELECT RAISE(ABORT, 'the HQ decision log is append-only'); END;

-- effective_on: the day the status took effect (YYYY-MM-DD); decided_at: when HQ recorded it.
CREATE TABLE hq_case_statuses (
    decision_id   TEXT PRIMARY KEY,
    seq           INTEGER NOT NULL,
    person_id     TEXT NOT NULL,
    status        TEXT NOT NULL,
    effective_on  TEXT NOT NULL,
    decided_at    TEXT NOT NULL
);
-- Covering: a person's statuses in the order they took effect, read without the table's rows.
CREATE INDEX hq_case_statuses_by_person ON hq_case_statuses (person_id, effective_on, seq, status, decided_at);

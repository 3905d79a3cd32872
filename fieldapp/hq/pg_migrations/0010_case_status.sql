-- HQ schema 10 (issue 24), PostgreSQL twin of migrations/0010_case_status.sql: the decision kind
-- 'case_status' (a person's case status after the handover) and the table derived from those decisions.
ALTER TABLE hq_decisions DROP CONSTRAINT hq_decisions_kind_check,
    ADD CONSTRAINT hq_decisions_kind_check CHECK (kind IN ('link', 'unlink', 'dismiss', 'resolve_conflict', 'approve_device', 'revoke_device', 'revoke_officer', 'map_receiving_body', 'referral_status', 'case_status'));

CREATE TABLE hq_case_statuses (
    decision_id   TEXT PRIMARY KEY,
    seq           BIGINT NOT NULL,
    person_id     TEXT NOT NULL,
    status        TEXT NOT NULL,
    effective_on  TEXT NOT NULL,
    decided_at    TEXT NOT NULL
);
-- Covering: a person's statuses in the order they took effect, read without the table's rows.
CREATE INDEX hq_case_statuses_by_person ON hq_case_statuses (person_id, effective_on, seq, status, decided_at);

-- HQ schema 4: approving or revoking a laptop and revoking an officer are signed HQ decisions, with the
-- analyst's name and a reason (fieldapp/hq/decisions.py). decision_id names the decision that set the row;
-- NULL: set before schema 4, and kept as it was when the decisions are folded again.
-- The SQLite twin is fieldapp/hq/migrations/0004_signed_device_decisions.sql.
ALTER TABLE hq_devices ADD COLUMN decision_id TEXT;
ALTER TABLE hq_revoked_officers ADD COLUMN decision_id TEXT;
ALTER TABLE hq_decisions DROP CONSTRAINT hq_decisions_kind_check,
    ADD CONSTRAINT hq_decisions_kind_check CHECK (kind IN ('link', 'unlink', 'dismiss', 'resolve_conflict', 'approve_device', 'revoke_device', 'revoke_officer'));

-- HQ schema 6 (issue 17 / 19): a re-keyed laptop's new device key waits for approval by fingerprint
-- (pending_key); the key it replaced still signs its network requests until then (previous_key).
-- Enrolment files carry an issue number and an expiry, and each enrolment id is bound to the first
-- laptop (device id and key) that uses it. The SQLite twin is fieldapp/hq/migrations/0006_authority.sql.
ALTER TABLE hq_devices ADD COLUMN pending_key TEXT;
ALTER TABLE hq_devices ADD COLUMN previous_key TEXT;
ALTER TABLE hq_enrolments ADD COLUMN issue_no INTEGER;
ALTER TABLE hq_enrolments ADD COLUMN expires_at TEXT;
ALTER TABLE hq_enrolments ADD COLUMN device_id TEXT;
ALTER TABLE hq_enrolments ADD COLUMN public_key TEXT;

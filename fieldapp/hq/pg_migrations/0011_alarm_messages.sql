-- HQ schema 11 (issue 18), PostgreSQL twin of migrations/0011_alarm_messages.sql: an import alarm's
-- declared message as JSON beside its English text; older alarms keep NULL.
ALTER TABLE hq_alarms ADD COLUMN message TEXT COLLATE "C";

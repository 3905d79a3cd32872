-- HQ schema 8 (issue 23), PostgreSQL twin of migrations/0008_disclosures.sql: HQ's disclosure log (every
-- view of a person at HQ, every export and file written), signed by HQ's key, chained by hashes and
-- append-only (a trigger refuses UPDATE, DELETE and TRUNCATE).
CREATE TABLE hq_disclosures (
    id          TEXT PRIMARY KEY,
    seq         BIGINT NOT NULL UNIQUE,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('view', 'export', 'print', 'copy')),
    what        TEXT NOT NULL,
    persons     TEXT NOT NULL,
    actor       TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    signature   TEXT NOT NULL
);
CREATE INDEX hq_disclosures_by_time ON hq_disclosures (created_at);

CREATE FUNCTION hq_disclosures_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the HQ disclosure log is append-only';
END;
$$;
CREATE TRIGGER hq_disclosures_append_only_row BEFORE UPDATE OR DELETE ON hq_disclosures
    FOR EACH ROW EXECUTE FUNCTION hq_disclosures_append_only();
CREATE TRIGGER hq_disclosures_append_only_truncate BEFORE TRUNCATE ON hq_disclosures
    FOR EACH STATEMENT EXECUTE FUNCTION hq_disclosures_append_only();
CREATE INDEX events_by_kind ON events (entity, op);

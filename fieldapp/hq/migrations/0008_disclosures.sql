-- HQ schema 8 (issue 23): HQ's disclosure log. Every view of a person's record at HQ, every export and
-- every file written at HQ is one row: who (the analyst), when, which persons (a JSON list of person ids),
-- the kind (view / export / print / copy), what exactly (e.g. ctdc, partner_package, dashboard_pdf) and
-- the stated purpose. Signed by HQ's key, chained by hashes (fieldapp/hq/chain.py), append-only. The
-- laptops' own disclosures arrive as signed events (entity 'disclosure') in `events`. The PostgreSQL twin
-- is pg_migrations/0008_disclosures.sql.
CREATE TABLE hq_disclosures (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,
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
CREATE TRIGGER hq_disclosures_append_only_update BEFORE UPDATE ON hq_disclosures
BEGIN SELECT RAISE(ABORT, 'the HQ disclosure log is append-only'); END;
CREATE TRIGGER hq_disclosures_append_only_delete BEFORE DELETE ON hq_disclosures
BEGIN SELECT RAISE(ABORT, 'the HQ disclosure log is append-only'); END;
-- The laptops' disclosures are found among the events by entity.
CREATE INDEX events_by_kind ON events (entity, op);

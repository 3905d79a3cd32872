-- HQ schema 2, PostgreSQL twin of migrations/0002_decisions.sql (same tables and columns): HQ's own
-- decisions, signed by HQ's key, chained by hashes and append-only (a trigger refuses UPDATE, DELETE
-- and TRUNCATE); and the tables folded from them, which `decisions.rebuild` empties and folds again.
CREATE TABLE hq_decisions (
    id          TEXT PRIMARY KEY,
    seq         BIGINT NOT NULL UNIQUE,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('link', 'unlink', 'dismiss', 'resolve_conflict')),
    payload     TEXT NOT NULL,
    analyst     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    signature   TEXT NOT NULL
);

CREATE FUNCTION hq_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the HQ decision log is append-only';
END;
$$;
CREATE TRIGGER hq_decisions_append_only_row BEFORE UPDATE OR DELETE ON hq_decisions
    FOR EACH ROW EXECUTE FUNCTION hq_decisions_append_only();
CREATE TRIGGER hq_decisions_append_only_truncate BEFORE TRUNCATE ON hq_decisions
    FOR EACH STATEMENT EXECUTE FUNCTION hq_decisions_append_only();

-- person_b is merged into person_a (the older record); unlinking keeps the row, status 'unlinked'.
-- decision_id: the decision that set the current status (the link, then the unlink).
CREATE TABLE hq_links (
    link_id      TEXT PRIMARY KEY,
    person_a     TEXT NOT NULL,
    person_b     TEXT NOT NULL,
    score        DOUBLE PRECISION NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('active', 'unlinked')),
    linked_at    TEXT NOT NULL,
    unlinked_at  TEXT,
    decision_id  TEXT NOT NULL
);
CREATE INDEX hq_links_by_a ON hq_links (person_a);
CREATE INDEX hq_links_by_b ON hq_links (person_b);

CREATE TABLE hq_dismissed_pairs (
    person_a      TEXT NOT NULL,
    person_b      TEXT NOT NULL,
    decision_id   TEXT NOT NULL,
    dismissed_at  TEXT NOT NULL,
    PRIMARY KEY (person_a, person_b)
);

ALTER TABLE hq_conflicts ADD COLUMN decision_id TEXT;
ALTER TABLE hq_conflicts ADD COLUMN chosen TEXT;

-- HQ schema 2: HQ's own decisions (link / unlink / dismiss / resolve_conflict), each signed by HQ's key,
-- chained by hashes and append-only; and the tables folded from them (fieldapp/hq/decisions.py), which
-- `decisions.rebuild` empties and folds again. The PostgreSQL twin is pg_migrations/0002_decisions.sql.
CREATE TABLE hq_decisions (
    id          TEXT PRIMARY KEY,
    seq         INTEGER NOT NULL UNIQUE,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('link', 'unlink', 'dismiss', 'resolve_conflict')),
    payload     TEXT NOT NULL,
    analyst     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    signature   TEXT NOT NULL
);
CREATE TRIGGER hq_decisions_append_only_update BEFORE UPDATE ON hq_decisions
BEGIN SELECT RAISE(ABORT, 'the HQ decision log is append-only'); END;
CREATE TRIGGER hq_decisions_append_only_delete BEFORE DELETE ON hq_decisions
BEGIN SELECT RAISE(ABORT, 'the HQ decision log is append-only'); END;

-- person_b is merged into person_a (the older record); unlinking keeps the row, status 'unlinked'.
-- decision_id: the decision that set the current status (the link, then the unlink).
CREATE TABLE hq_links (
    link_id      TEXT PRIMARY KEY,
    person_a     TEXT NOT NULL,
    person_b     TEXT NOT NULL,
    score        REAL NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('active', 'unlinked')),
    linked_at    TEXT NOT NULL,
    unlinked_at  TEXT,
    decision_id  TEXT NOT NULL
);
CREATE INDEX hq_links_by_a ON hq_links (person_a);
CREATE INDEX hq_links_by_b ON hq_links (person_b);

-- "Not the same person": the pair (ids in sorted order) is never proposed again.
CREATE TABLE hq_dismissed_pairs (
    person_a      TEXT NOT NULL,
    person_b      TEXT NOT NULL,
    decision_id   TEXT NOT NULL,
    dismissed_at  TEXT NOT NULL,
    PRIMARY KEY (person_a, person_b)
);

-- A resolved conflict names the decision and the side chosen ('a' or 'b').
ALTER TABLE hq_conflicts ADD COLUMN decision_id TEXT;
ALTER TABLE hq_conflicts ADD COLUMN chosen TEXT;

-- HQ schema 5: the duplicate search's linkage model (fieldapp/hq/linkage.py) and the analyst's settings.
-- Each model HQ estimates from its own data is kept with a version; a link decided on a proposed pair names
-- the version that proposed it (decision payload and hq_links.model_version; NULL: decided before schema 5,
-- with the score and reasons recorded then). The PostgreSQL twin is pg_migrations/0005_linkage.sql.
CREATE TABLE hq_linkage_models (
    version       INTEGER PRIMARY KEY,
    created_at    TEXT NOT NULL,
    engine        TEXT NOT NULL,
    persons       INTEGER NOT NULL,
    anchor_pairs  INTEGER NOT NULL,
    model         TEXT NOT NULL,
    sha256        TEXT NOT NULL
);
CREATE TABLE hq_settings (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    changed_at  TEXT NOT NULL,
    changed_by  TEXT NOT NULL
);
ALTER TABLE hq_links ADD COLUMN model_version INTEGER;

-- PostgreSQL twin of the laptop schema (fieldapp/vault/migrations 0001-0005) and HQ's 0001_hq.sql, so
-- fieldapp.records.projections.apply folds the same events into the same tables. Differences, on purpose:
--   * text columns are COLLATE "C": compared and sorted byte by byte, as SQLite does;
--   * events and persons carry `rowid` (an identity column): code orders the log by it, and
--     person_search rows are keyed by the person's rowid as in SQLite (projection digests leave it out);
--   * person_search is a plain table with a trigram index (pg_trgm) instead of an FTS5 table;
--   * hq_blobs.data holds AES-256-GCM ciphertext (fieldapp/hq/pg_store.py), not the file itself.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE meta (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);

CREATE TABLE events (
    event_id    TEXT COLLATE "C" PRIMARY KEY,
    device_id   TEXT COLLATE "C" NOT NULL,
    device_seq  BIGINT NOT NULL,
    entity      TEXT COLLATE "C" NOT NULL,
    entity_id   TEXT COLLATE "C" NOT NULL,
    op          TEXT COLLATE "C" NOT NULL,
    payload     TEXT COLLATE "C" NOT NULL,
    officer_id  TEXT COLLATE "C" NOT NULL,
    created_at  TEXT COLLATE "C" NOT NULL,
    parent      TEXT COLLATE "C",
    prev_hash   TEXT COLLATE "C" NOT NULL,
    hash        TEXT COLLATE "C" NOT NULL UNIQUE,
    device_sig  TEXT COLLATE "C" NOT NULL,
    officer_sig TEXT COLLATE "C",
    rowid       BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    UNIQUE (device_id, device_seq)
);
CREATE INDEX events_by_entity ON events (entity_id);

-- Append-only, with exactly the one exception the laptop schema makes (vault migration 0005): a payload
-- replaced by its redacted form, on an event of a purged record that HQ has acknowledged. An HQ store
-- has no hq_acked_seq, so there every UPDATE is refused, as in the SQLCipher HQ store.
CREATE FUNCTION events_redaction_allowed(o events, n events) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
DECLARE
    old_p jsonb;
    new_p jsonb;
    acked bigint;
BEGIN
    IF (n.event_id, n.device_id, n.device_seq, n.entity, n.entity_id, n.op, n.officer_id, n.created_at,
        n.parent, n.prev_hash, n.hash, n.device_sig, n.officer_sig, n.rowid)
       IS DISTINCT FROM
       (o.event_id, o.device_id, o.device_seq, o.entity, o.entity_id, o.op, o.officer_id, o.created_at,
        o.parent, o.prev_hash, o.hash, o.device_sig, o.officer_sig, o.rowid) THEN
        RETURN false;
    END IF;
    IF o.entity NOT IN ('person', 'screening', 'photo', 'handover') OR o.op = 'purge' THEN
        RETURN false;
    END IF;
    BEGIN
        old_p := o.payload::jsonb;
        new_p := n.payload::jsonb;
    EXCEPTION WHEN others THEN
        RETURN false;  -- not JSON
    END;
    IF jsonb_typeof(old_p) IS DISTINCT FROM 'object' OR jsonb_typeof(new_p) IS DISTINCT FROM 'object'
       OR old_p ? 'redacted' OR new_p -> 'redacted' IS DISTINCT FROM 'true'::jsonb
       OR jsonb_typeof(new_p -> 'payload_sha256') IS DISTINCT FROM 'string'
       OR length(new_p ->> 'payload_sha256') <> 64 THEN
        RETURN false;
    END IF;
    IF EXISTS (SELECT 1 FROM jsonb_object_keys(new_p) AS k
               WHERE k NOT IN ('redacted', 'payload_sha256', 'fields', 'reason', 'version')) THEN
        RETURN false;
    END IF;
    IF (new_p ? 'reason' AND (new_p -> 'reason') IS DISTINCT FROM (old_p -> 'reason'))
       OR (new_p ? 'version' AND (new_p -> 'version') IS DISTINCT FROM (old_p -> 'version')) THEN
        RETURN false;
    END IF;
    IF new_p ? 'fields' THEN
        IF jsonb_typeof(new_p -> 'fields') <> 'object' OR jsonb_typeof(old_p -> 'fields') IS DISTINCT FROM 'object' THEN
            RETURN false;
        END IF;
        IF EXISTS (SELECT 1 FROM jsonb_each(new_p -> 'fields') AS kept
                   WHERE kept.value IS DISTINCT FROM (old_p -> 'fields' -> kept.key)) THEN
            RETURN false;
        END IF;
    END IF;
    SELECT CAST(value AS bigint) INTO acked FROM meta WHERE key = 'hq_acked_seq';
    IF acked IS NULL OR o.device_seq > acked THEN
        RETURN false;
    END IF;
    RETURN EXISTS (SELECT 1 FROM events AS p WHERE p.entity_id = o.entity_id AND p.op = 'purge'
                   AND p.device_id = o.device_id AND p.device_seq > o.device_seq);
END;
$$;

CREATE FUNCTION events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND events_redaction_allowed(OLD, NEW) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the event log is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION events_append_only();
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_append_only();
CREATE TRIGGER events_append_only_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();

-- Projections: rebuilt from the log at any time.
CREATE TABLE devices (
    id         TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT COLLATE "C" NOT NULL,
    public_key TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
);

CREATE TABLE officers (
    id         TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT COLLATE "C" NOT NULL,
    role       TEXT COLLATE "C" NOT NULL,
    public_key TEXT COLLATE "C" NOT NULL,
    active     INTEGER NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
);

CREATE TABLE operations (
    id         TEXT COLLATE "C" PRIMARY KEY,
    code       TEXT COLLATE "C" NOT NULL,
    name       TEXT COLLATE "C" NOT NULL,
    status     TEXT COLLATE "C" NOT NULL,
    version    INTEGER NOT NULL,
    data       TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    last_event TEXT COLLATE "C" NOT NULL
);

CREATE TABLE persons (
    id            TEXT COLLATE "C" PRIMARY KEY,
    operation_id  TEXT COLLATE "C" NOT NULL,
    temp_id       TEXT COLLATE "C" NOT NULL,
    status        TEXT COLLATE "C" NOT NULL,
    version       INTEGER NOT NULL,
    name          TEXT COLLATE "C" NOT NULL,
    name_own      TEXT COLLATE "C" NOT NULL,
    nationality   TEXT COLLATE "C" NOT NULL,
    sex           TEXT COLLATE "C" NOT NULL,
    age           INTEGER,
    minor         INTEGER NOT NULL,
    document_no   TEXT COLLATE "C" NOT NULL,
    outcome       TEXT COLLATE "C",
    handed_over   INTEGER NOT NULL,
    data          TEXT COLLATE "C" NOT NULL,
    created_at    TEXT COLLATE "C" NOT NULL,
    updated_at    TEXT COLLATE "C" NOT NULL,
    last_event    TEXT COLLATE "C" NOT NULL,
    rowid         BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE
);
CREATE UNIQUE INDEX persons_by_operation ON persons (operation_id, temp_id);
CREATE INDEX persons_by_name ON persons (name);
CREATE INDEX persons_by_nationality ON persons (nationality);
CREATE INDEX persons_by_outcome ON persons (outcome);

CREATE TABLE screenings (
    id           TEXT COLLATE "C" PRIMARY KEY,
    person_id    TEXT COLLATE "C" NOT NULL,
    status       TEXT COLLATE "C" NOT NULL,
    version      INTEGER NOT NULL,
    outcome      TEXT COLLATE "C",
    data         TEXT COLLATE "C" NOT NULL,
    created_at   TEXT COLLATE "C" NOT NULL,
    updated_at   TEXT COLLATE "C" NOT NULL,
    last_event   TEXT COLLATE "C" NOT NULL
);
CREATE INDEX screenings_by_person ON screenings (person_id);

CREATE TABLE photos (
    id          TEXT COLLATE "C" PRIMARY KEY,
    person_id   TEXT COLLATE "C" NOT NULL,
    status      TEXT COLLATE "C" NOT NULL,
    version     INTEGER NOT NULL,
    data        TEXT COLLATE "C" NOT NULL,
    created_at  TEXT COLLATE "C" NOT NULL,
    updated_at  TEXT COLLATE "C" NOT NULL,
    last_event  TEXT COLLATE "C" NOT NULL
);
CREATE INDEX photos_by_person ON photos (person_id);

CREATE TABLE handovers (
    id          TEXT COLLATE "C" PRIMARY KEY,
    person_id   TEXT COLLATE "C" NOT NULL,
    status      TEXT COLLATE "C" NOT NULL,
    version     INTEGER NOT NULL,
    data        TEXT COLLATE "C" NOT NULL,
    created_at  TEXT COLLATE "C" NOT NULL,
    updated_at  TEXT COLLATE "C" NOT NULL,
    last_event  TEXT COLLATE "C" NOT NULL
);
CREATE INDEX handovers_by_person ON handovers (person_id);

CREATE TABLE record_versions (
    entity_id  TEXT COLLATE "C" NOT NULL,
    version    INTEGER NOT NULL,
    event_id   TEXT COLLATE "C" NOT NULL,
    reason     TEXT COLLATE "C",
    PRIMARY KEY (entity_id, version)
);

-- Search by any name in any script: `body ILIKE '%term%'` served by the trigram index (any substring,
-- which Khmer, Thai and Chinese need). body keeps the database's own collation, so ILIKE folds case
-- beyond ASCII as FTS5's trigram tokenizer does.
CREATE TABLE person_search (
    rowid      BIGINT PRIMARY KEY,
    person_id  TEXT COLLATE "C" NOT NULL,
    body       TEXT NOT NULL
);
CREATE INDEX person_search_body ON person_search USING gin (body gin_trgm_ops);

CREATE TABLE temp_id_counters (
    operation_id TEXT COLLATE "C" NOT NULL,
    prefix       TEXT COLLATE "C" NOT NULL,
    last_number  INTEGER NOT NULL,
    PRIMARY KEY (operation_id, prefix)
);

CREATE TABLE issued_documents (
    id          TEXT COLLATE "C" PRIMARY KEY,
    sha256      TEXT COLLATE "C" NOT NULL,
    size        BIGINT NOT NULL,
    record_id   TEXT COLLATE "C" NOT NULL,
    version     INTEGER NOT NULL,
    kind        TEXT COLLATE "C" NOT NULL,
    created_at  TEXT COLLATE "C" NOT NULL,
    event_id    TEXT COLLATE "C" NOT NULL
);
CREATE INDEX issued_documents_by_sha256 ON issued_documents (sha256);
CREATE INDEX issued_documents_by_record ON issued_documents (record_id, version);

-- The laptop's own mutable tables (photo keys, issued PDFs), unused at HQ, kept so both schemas list the same.
CREATE TABLE photo_keys (
    photo_id TEXT COLLATE "C" PRIMARY KEY,
    file     TEXT COLLATE "C" NOT NULL UNIQUE,
    key      BYTEA NOT NULL CHECK (length(key) = 32),
    thumb    BYTEA NOT NULL
);
CREATE TABLE issued_document_files (
    document_id TEXT COLLATE "C" PRIMARY KEY,
    pdf         BYTEA NOT NULL
);

-- HQ's own tables (fieldapp/hq/migrations/0001_hq.sql).
CREATE TABLE hq_devices (
    device_id      TEXT COLLATE "C" PRIMARY KEY,
    public_key     TEXT COLLATE "C" NOT NULL,
    fingerprint    TEXT COLLATE "C" NOT NULL,
    name           TEXT COLLATE "C" NOT NULL,
    enrolment_id   TEXT COLLATE "C",
    status         TEXT COLLATE "C" NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
    first_seen     TEXT COLLATE "C" NOT NULL,
    decided_at     TEXT COLLATE "C",
    projected_seq  BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE hq_enrolments (
    enrolment_id  TEXT COLLATE "C" PRIMARY KEY,
    device_name   TEXT COLLATE "C" NOT NULL,
    issued_at     TEXT COLLATE "C" NOT NULL
);

CREATE TABLE hq_bundles (
    bundle_hash       TEXT COLLATE "C" PRIMARY KEY,
    bundle_id         TEXT COLLATE "C" NOT NULL,
    device_id         TEXT COLLATE "C" NOT NULL,
    seq_from          BIGINT NOT NULL,
    seq_to            BIGINT NOT NULL,
    prev_bundle_hash  TEXT COLLATE "C",
    created_at        TEXT COLLATE "C" NOT NULL,
    imported_at       TEXT COLLATE "C" NOT NULL,
    new_events        BIGINT NOT NULL,
    size              BIGINT NOT NULL
);

CREATE TABLE hq_receipts (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    device_id    TEXT COLLATE "C" NOT NULL,
    bundle_hash  TEXT COLLATE "C" NOT NULL,
    acked_seq    BIGINT NOT NULL,
    issued_at    TEXT COLLATE "C" NOT NULL,
    receipt      TEXT COLLATE "C" NOT NULL
);

CREATE TABLE hq_alarms (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at           TEXT COLLATE "C" NOT NULL,
    kind         TEXT COLLATE "C" NOT NULL,
    device_id    TEXT COLLATE "C",
    bundle_hash  TEXT COLLATE "C",
    detail       TEXT COLLATE "C" NOT NULL
);

-- size is the file's own size; data is nonce (12 bytes) + AES-256-GCM ciphertext under HQ's store key.
CREATE TABLE hq_blobs (
    sha256  TEXT COLLATE "C" PRIMARY KEY,
    size    BIGINT NOT NULL,
    data    BYTEA NOT NULL
);
CREATE TABLE hq_files (
    kind       TEXT COLLATE "C" NOT NULL,
    id         TEXT COLLATE "C" NOT NULL,
    sha256     TEXT COLLATE "C" NOT NULL REFERENCES hq_blobs (sha256),
    device_id  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (kind, id)
);

CREATE TABLE hq_conflicts (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    entity       TEXT COLLATE "C" NOT NULL,
    entity_id    TEXT COLLATE "C" NOT NULL,
    field        TEXT COLLATE "C" NOT NULL,
    event_a      TEXT COLLATE "C" NOT NULL,
    event_b      TEXT COLLATE "C" NOT NULL,
    detected_at  TEXT COLLATE "C" NOT NULL,
    status       TEXT COLLATE "C" NOT NULL DEFAULT 'open',
    UNIQUE (event_a, event_b, field)
);
CREATE INDEX hq_conflicts_by_record ON hq_conflicts (entity_id);

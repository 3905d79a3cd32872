-- HQ schema 1. Runs after the laptop's own migrations (fieldapp/vault/migrations), which give the
-- HQ store the same append-only `events` table and the same projection tables, so HQ folds the
-- same events with the same code (fieldapp.records.projections.apply).

-- Devices as HQ's admin sees them. `devices` (from the laptop schema) is a projection of the log;
-- this table is HQ's own decision about each device key.
CREATE TABLE hq_devices (
    device_id      TEXT PRIMARY KEY,
    public_key     TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,
    name           TEXT NOT NULL,
    enrolment_id   TEXT,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'revoked')),
    first_seen     TEXT NOT NULL,
    decided_at     TEXT,
    projected_seq  INTEGER NOT NULL DEFAULT 0
);

-- Enrolment files HQ has issued (`fieldapp hq enrol --device NAME`).
CREATE TABLE hq_enrolments (
    enrolment_id  TEXT PRIMARY KEY,
    device_name   TEXT NOT NULL,
    issued_at     TEXT NOT NULL
);

CREATE TABLE hq_bundles (
    bundle_hash       TEXT PRIMARY KEY,
    bundle_id         TEXT NOT NULL,
    device_id         TEXT NOT NULL,
    seq_from          INTEGER NOT NULL,
    seq_to            INTEGER NOT NULL,
    prev_bundle_hash  TEXT,
    created_at        TEXT NOT NULL,
    imported_at       TEXT NOT NULL,
    new_events        INTEGER NOT NULL,
    size              INTEGER NOT NULL
);

CREATE TABLE hq_receipts (
    id           INTEGER PRIMARY KEY,
    device_id    TEXT NOT NULL,
    bundle_hash  TEXT NOT NULL,
    acked_seq    INTEGER NOT NULL,
    issued_at    TEXT NOT NULL,
    receipt      TEXT NOT NULL
);

CREATE TABLE hq_alarms (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    kind         TEXT NOT NULL,
    device_id    TEXT,
    bundle_hash  TEXT,
    detail       TEXT NOT NULL
);

-- File originals (photos, issued PDFs) by SHA-256, inside the encrypted store; and what refers to them.
CREATE TABLE hq_blobs (
    sha256  TEXT PRIMARY KEY,
    size    INTEGER NOT NULL,
    data    BLOB NOT NULL
);
CREATE TABLE hq_files (
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    sha256     TEXT NOT NULL REFERENCES hq_blobs (sha256),
    device_id  TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);

-- The review queue: two concurrent changes to one field of one record, both kept.
CREATE TABLE hq_conflicts (
    id           INTEGER PRIMARY KEY,
    entity       TEXT NOT NULL,
    entity_id    TEXT NOT NULL,
    field        TEXT NOT NULL,
    event_a      TEXT NOT NULL,
    event_b      TEXT NOT NULL,
    detected_at  TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open',
    UNIQUE (event_a, event_b, field)
);
CREATE INDEX hq_conflicts_by_record ON hq_conflicts (entity_id);

-- Schema 1: the signed, append-only event log and the projections that screens read.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE events (
    event_id    TEXT PRIMARY KEY,
    device_id   TEXT NOT NULL,
    device_seq  INTEGER NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    op          TEXT NOT NULL,
    payload     TEXT NOT NULL,
    officer_id  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    parent      TEXT,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL UNIQUE,
    device_sig  TEXT NOT NULL,
    officer_sig TEXT,
    UNIQUE (device_id, device_seq)
);
CREATE INDEX events_by_entity ON events (entity_id);

CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

-- Projections: rebuilt from the log at any time (`fieldapp check --rebuild`).
CREATE TABLE devices (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    public_key TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE officers (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    role       TEXT NOT NULL,
    public_key TEXT NOT NULL,
    active     INTEGER NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE operations (
    id         TEXT PRIMARY KEY,
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    status     TEXT NOT NULL,
    version    INTEGER NOT NULL,
    data       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_event TEXT NOT NULL
);

CREATE TABLE persons (
    id            TEXT PRIMARY KEY,
    operation_id  TEXT NOT NULL,
    temp_id       TEXT NOT NULL,
    status        TEXT NOT NULL,
    version       INTEGER NOT NULL,
    name          TEXT NOT NULL,
    name_own      TEXT NOT NULL,
    nationality   TEXT NOT NULL,
    sex           TEXT NOT NULL,
    age           INTEGER,
    minor         INTEGER NOT NULL,
    document_no   TEXT NOT NULL,
    outcome       TEXT,
    handed_over   INTEGER NOT NULL,
    data          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    last_event    TEXT NOT NULL
);
CREATE UNIQUE INDEX persons_by_operation ON persons (operation_id, temp_id);
CREATE INDEX persons_by_name ON persons (name);

CREATE TABLE screenings (
    id           TEXT PRIMARY KEY,
    person_id    TEXT NOT NULL,
    status       TEXT NOT NULL,
    version      INTEGER NOT NULL,
    outcome      TEXT,
    data         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    last_event   TEXT NOT NULL
);
CREATE INDEX screenings_by_person ON screenings (person_id);

CREATE TABLE photos (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL,
    status      TEXT NOT NULL,
    version     INTEGER NOT NULL,
    data        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    last_event  TEXT NOT NULL
);
CREATE INDEX photos_by_person ON photos (person_id);

CREATE TABLE handovers (
    id          TEXT PRIMARY KEY,
    person_id   TEXT NOT NULL,
    status      TEXT NOT NULL,
    version     INTEGER NOT NULL,
    data        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    last_event  TEXT NOT NULL
);
CREATE INDEX handovers_by_person ON handovers (person_id);

-- One row per version a record has had once final: the amendment history with its reasons.
CREATE TABLE record_versions (
    entity_id  TEXT NOT NULL,
    version    INTEGER NOT NULL,
    event_id   TEXT NOT NULL,
    reason     TEXT,
    PRIMARY KEY (entity_id, version)
);

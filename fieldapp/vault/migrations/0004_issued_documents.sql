-- Schema 4: the PDFs the app issued (handover forms), with the record version each one shows.
-- issued_documents is a projection of the signed `document.issue` events (rebuilt by `fieldapp check`);
-- an event names the file's SHA-256 and size, never its bytes.
CREATE TABLE issued_documents (
    id          TEXT PRIMARY KEY,
    sha256      TEXT NOT NULL,
    size        INTEGER NOT NULL,
    record_id   TEXT NOT NULL,
    version     INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    event_id    TEXT NOT NULL
);
CREATE INDEX issued_documents_by_sha256 ON issued_documents (sha256);
CREATE INDEX issued_documents_by_record ON issued_documents (record_id, version);

-- The PDF bytes, inside the encrypted vault. Like photo_keys, neither a projection nor in the log:
-- mutable on purpose, so a purge can delete a file while its signed hash stays in the log.
CREATE TABLE issued_document_files (
    document_id TEXT PRIMARY KEY,
    pdf         BLOB NOT NULL
);

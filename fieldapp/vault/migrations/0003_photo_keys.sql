-- Schema 3: per-photo keys for crypto-shredding (fieldapp/photos/store.py).
-- Mutable on purpose and neither a projection nor in the event log: a purge deletes the row
-- (secure_delete is on), after which the photo's encrypted file can no longer be decrypted.
-- `thumb` is the photo's thumbnail, encrypted with the same key, kept here for fast lists.
CREATE TABLE photo_keys (
    photo_id TEXT PRIMARY KEY,
    file     TEXT NOT NULL UNIQUE,
    key      BLOB NOT NULL CHECK (length(key) = 32),
    thumb    BLOB NOT NULL
);

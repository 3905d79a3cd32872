-- Schema 6: recorded prompts HQ ships for workers who cannot read (fieldapp/vault/audio_prompts.py):
-- one sound file per question (or consent-script line) and language, from a pack HQ signed. A new pack
-- replaces the prompts it carries.
CREATE TABLE audio_prompts (
    language   TEXT NOT NULL,
    key        TEXT NOT NULL,
    media_type TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    data       BLOB NOT NULL,
    pack       TEXT NOT NULL,  -- the SHA-256 of the signed manifest it came in
    PRIMARY KEY (language, key)
);

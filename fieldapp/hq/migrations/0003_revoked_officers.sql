-- HQ schema 3: officers HQ has revoked (their key lost, their post left). Their later work still comes in
-- (a laptop's log cannot drop it), but each import raises an alarm naming it (fieldapp/hq/officers.py).
-- held_seq: HQ held the laptop's events up to this seq when it revoked; later ones are the ones flagged.
-- The PostgreSQL twin is pg_migrations/0003_revoked_officers.sql.
CREATE TABLE hq_revoked_officers (
    device_id   TEXT NOT NULL,
    officer_id  TEXT NOT NULL,
    revoked_at  TEXT NOT NULL,
    held_seq    INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    PRIMARY KEY (device_id, officer_id)
);

-- HQ schema 7 (issue 23): named HQ accounts. A decision made since carries the public signing key of the
-- account that made it (account_key) and that account's signature over the decision's hash
-- (account_signature), beside HQ's; NULL: a decision made before accounts, signed by HQ alone.
-- The PostgreSQL twin is pg_migrations/0007_account_signatures.sql.
ALTER TABLE hq_decisions ADD COLUMN account_key TEXT;
ALTER TABLE hq_decisions ADD COLUMN account_signature TEXT;

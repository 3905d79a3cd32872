-- HQ schema 7 (issue 23): named HQ accounts. A decision made since carries the public signing key of the
-- account that made it (account_key) and that account's signature over the decision's hash
-- (account_signature), beside HQ's; NULL: a decision made before accounts, signed by HQ alone.
-- The SQLite twin is fieldapp/hq/migrations/0007_account_signatures.sql.
ALTER TABLE hq_decisions ADD COLUMN account_key TEXT;
ALTER TABLE hq_decisions ADD COLUMN account_signature TEXT;

-- A liaison's own PostgreSQL role (fieldapp/hq/pg_roles.py) reads the persons in their scope and nothing
-- else: SELECT on persons alone, under row-level security. The role HQ's programs connect as owns the
-- tables, so the policy does not bind it (the core keeps a liaison's queries to their scope itself).
CREATE TABLE hq_liaison_scopes (
    role_name TEXT COLLATE "C" NOT NULL,
    kind      TEXT COLLATE "C" NOT NULL CHECK (kind IN ('nationality', 'receiving_body')),
    value     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (role_name, kind, value)
);
-- Runs with its owner's rights (the liaison may not read the scopes or the handovers themselves), on the
-- store's own schema whatever the caller's search_path.
CREATE FUNCTION hq_liaison_sees(person_id TEXT, person_nationality TEXT) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT EXISTS (
        SELECT 1 FROM hq_liaison_scopes s
        WHERE s.role_name = session_user
          AND ((s.kind = 'nationality' AND s.value = person_nationality)
               OR (s.kind = 'receiving_body' AND EXISTS (
                   SELECT 1 FROM handovers h
                   WHERE h.person_id = hq_liaison_sees.person_id
                     AND (h.data::jsonb ->> 'receiving_name') = s.value)))
    )
$$;
ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
CREATE POLICY hq_liaison_scope ON persons FOR SELECT USING (hq_liaison_sees(id, nationality));

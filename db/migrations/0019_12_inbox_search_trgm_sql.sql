-- A requester as the inbox search reads them: name, email and external id in lower case, every run of other
-- characters one space, with a leading space, so "begins a word" is LIKE '% word%' (lib/inbox/search.ts).
CREATE OR REPLACE FUNCTION dexra_requester_text(first_name text, last_name text, email text, external_id text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ' ' || regexp_replace(lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '')
    || ' ' || coalesce(external_id, '')), '[^[:alnum:]]+', ' ', 'g')
$$;--> statement-breakpoint
-- Trigram indexes make the requester LIKE and the typo-tolerant fallback index lookups. pg_trgm ships with
-- PostgreSQL (contrib); where it cannot be installed (the embedded PGlite) search works without them and the
-- fallback is off (hasTrigramSearch).
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE INDEX IF NOT EXISTS end_users_requester_text_trgm_idx ON end_users
    USING gin (dexra_requester_text(first_name, last_name, email, external_id) gin_trgm_ops);
  CREATE INDEX IF NOT EXISTS conversations_subject_trgm_idx ON conversations USING gin (lower(subject) gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%): typo-tolerant search is off', SQLERRM;
END $$;

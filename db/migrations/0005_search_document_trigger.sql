-- The exception block starts a subtransaction, which parallel workers cannot: the function is parallel unsafe.
ALTER FUNCTION dexra_search_append(tsvector, tsvector) PARALLEL UNSAFE;--> statement-breakpoint
-- Conversations' search documents follow every message insert, whoever writes it (the app, an import, an older
-- app instance still running during an upgrade): once per statement, one update per conversation it touched.
CREATE OR REPLACE FUNCTION dexra_append_message_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE conversations c SET search_document = dexra_search_append(c.search_document, d.doc)
  FROM (SELECT conversation_id, dexra_search_agg(search ORDER BY created_at, id) AS doc
        FROM inserted_messages GROUP BY conversation_id) d
  WHERE c.id = d.conversation_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER messages_search_document AFTER INSERT ON messages
  REFERENCING NEW TABLE AS inserted_messages FOR EACH STATEMENT EXECUTE FUNCTION dexra_append_message_words();--> statement-breakpoint
-- JIT compiles plans estimated above jit_above_cost, which costs this app's short queries 50-240 ms and never pays
-- back. Set for the database (server side, so it also holds behind PgBouncer); skipped when we do not own it.
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'not the database owner: leaving jit as it is';
END $$;

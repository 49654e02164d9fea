-- Appends a message's words to a conversation's search document. NULL means "too large to keep as one
-- document" (a tsvector holds at most 1 MB): search then reads that conversation's messages instead.
CREATE OR REPLACE FUNCTION dexra_search_append(doc tsvector, addition tsvector) RETURNS tsvector
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF addition IS NULL THEN RETURN doc; END IF;
  IF doc IS NULL OR length(doc) + length(addition) > 20000 THEN RETURN NULL; END IF;
  RETURN doc || addition;
EXCEPTION WHEN program_limit_exceeded THEN
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE AGGREGATE dexra_search_agg(tsvector) (SFUNC = dexra_search_append, STYPE = tsvector, INITCOND = '');--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "search_document" "tsvector" DEFAULT ''::tsvector;--> statement-breakpoint
UPDATE "conversations" c SET "search_document" = d.doc
  FROM (SELECT conversation_id, dexra_search_agg(search ORDER BY created_at, id) AS doc FROM messages GROUP BY conversation_id) d
  WHERE c.id = d.conversation_id;--> statement-breakpoint
CREATE INDEX "conversations_search_document_idx" ON "conversations" USING gin ("search_document");--> statement-breakpoint
CREATE INDEX "conversations_search_overflow_idx" ON "conversations" USING btree ("organization_id") WHERE "conversations"."search_document" is null;

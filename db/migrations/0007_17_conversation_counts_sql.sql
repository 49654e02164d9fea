-- Exact conversation counts kept by triggers in the changing transaction, so every writer (API, inbox, imports,
-- raw SQL) keeps them right. Locks on counter rows are taken in key order (ORDER BY) so two transactions moving
-- conversations between the same statuses cannot deadlock on them.
CREATE FUNCTION dexra_count_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO conversation_counts (organization_id, status, assignee_key, n)
    SELECT organization_id, status, coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'::uuid), count(*)
    FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (organization_id, status, assignee_key) DO UPDATE SET n = conversation_counts.n + excluded.n;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE conversation_counts c SET n = c.n - d.n
    FROM (SELECT organization_id, status, coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) AS assignee_key, count(*) AS n
          FROM old_rows GROUP BY 1, 2, 3) d
    WHERE c.organization_id = d.organization_id AND c.status = d.status AND c.assignee_key = d.assignee_key;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER conversations_count_insert AFTER INSERT ON conversations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dexra_count_conversations();
--> statement-breakpoint
CREATE TRIGGER conversations_count_delete AFTER DELETE ON conversations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dexra_count_conversations();
--> statement-breakpoint
-- Most updates (every message bumps last_message_at) change neither column: the WHEN clause skips the function.
CREATE FUNCTION dexra_count_conversation_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO conversation_counts (organization_id, status, assignee_key, n)
  SELECT o, s, a, sum(d) FROM (VALUES
    (OLD.organization_id, OLD.status, coalesce(OLD.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid), -1::bigint),
    (NEW.organization_id, NEW.status, coalesce(NEW.assignee_id, '00000000-0000-0000-0000-000000000000'::uuid), 1::bigint)) v(o, s, a, d)
  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (organization_id, status, assignee_key) DO UPDATE SET n = conversation_counts.n + excluded.n;
  IF OLD.status IS DISTINCT FROM NEW.status THEN
    INSERT INTO conversation_tag_counts (organization_id, tag_id, status, n)
    SELECT NEW.organization_id, ct.tag_id, v.s, v.d
    FROM conversation_tags ct, (VALUES (OLD.status, -1::bigint), (NEW.status, 1::bigint)) v(s, d)
    WHERE ct.conversation_id = NEW.id ORDER BY 2, 3
    ON CONFLICT (organization_id, tag_id, status) DO UPDATE SET n = conversation_tag_counts.n + excluded.n;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER conversations_count_change AFTER UPDATE OF status, assignee_id ON conversations FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.assignee_id IS DISTINCT FROM NEW.assignee_id)
  EXECUTE FUNCTION dexra_count_conversation_change();
--> statement-breakpoint
-- A deleted conversation's tags go by cascade after the row is gone: count them down while they are still there.
CREATE FUNCTION dexra_count_deleted_conversation_tags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE conversation_tag_counts c SET n = c.n - 1
  FROM conversation_tags ct
  WHERE ct.conversation_id = OLD.id AND c.organization_id = OLD.organization_id AND c.tag_id = ct.tag_id AND c.status = OLD.status;
  RETURN OLD;
END $$;
--> statement-breakpoint
CREATE TRIGGER conversations_count_deleted_tags BEFORE DELETE ON conversations FOR EACH ROW
  EXECUTE FUNCTION dexra_count_deleted_conversation_tags();
--> statement-breakpoint
CREATE FUNCTION dexra_count_conversation_tags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO conversation_tag_counts (organization_id, tag_id, status, n)
    SELECT c.organization_id, t.tag_id, c.status, count(*)
    FROM new_rows t JOIN conversations c ON c.id = t.conversation_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (organization_id, tag_id, status) DO UPDATE SET n = conversation_tag_counts.n + excluded.n;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    -- Rows whose conversation is already deleted were counted down by the BEFORE DELETE trigger above.
    UPDATE conversation_tag_counts c SET n = c.n - d.n
    FROM (SELECT cv.organization_id, t.tag_id, cv.status, count(*) AS n
          FROM old_rows t JOIN conversations cv ON cv.id = t.conversation_id GROUP BY 1, 2, 3) d
    WHERE c.organization_id = d.organization_id AND c.tag_id = d.tag_id AND c.status = d.status;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER conversation_tags_count_insert AFTER INSERT ON conversation_tags
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dexra_count_conversation_tags();
--> statement-breakpoint
CREATE TRIGGER conversation_tags_count_update AFTER UPDATE ON conversation_tags
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dexra_count_conversation_tags();
--> statement-breakpoint
CREATE TRIGGER conversation_tags_count_delete AFTER DELETE ON conversation_tags
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dexra_count_conversation_tags();
--> statement-breakpoint
-- Backfill from the rows already there (in this migration's transaction, so no change slips between).
INSERT INTO conversation_counts (organization_id, status, assignee_key, n)
SELECT organization_id, status, coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'::uuid), count(*)
FROM conversations GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO conversation_tag_counts (organization_id, tag_id, status, n)
SELECT c.organization_id, ct.tag_id, c.status, count(*)
FROM conversation_tags ct JOIN conversations c ON c.id = ct.conversation_id GROUP BY 1, 2, 3;

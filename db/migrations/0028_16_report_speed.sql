DROP INDEX "reporting_facts_org_kind_time_idx";--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "automated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reporting_facts" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "conversations_org_sla_idx" ON "conversations" USING btree ("organization_id","id") WHERE "conversations"."sla_policy_id" is not null;--> statement-breakpoint
CREATE INDEX "reporting_facts_org_kind_time_idx" ON "reporting_facts" USING btree ("organization_id","kind","occurred_at","conversation_id","seconds","business_seconds","agent_id","team_id","superseded_at","score");
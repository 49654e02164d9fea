CREATE TABLE "reporting_daily" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"team_id" uuid,
	"agent_id" uuid,
	"count" integer DEFAULT 0 NOT NULL,
	"seconds_sum" bigint DEFAULT 0 NOT NULL,
	"business_seconds_sum" bigint DEFAULT 0 NOT NULL,
	"score_sum" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_daily_key" UNIQUE NULLS NOT DISTINCT("organization_id","day","kind","team_id","agent_id")
);
--> statement-breakpoint
CREATE TABLE "reporting_facts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reporting_facts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"organization_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"agent_id" uuid,
	"team_id" uuid,
	"started_at" timestamp with time zone,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seconds" integer,
	"business_seconds" integer,
	"score" smallint,
	"message_id" uuid,
	"detail" text
);
--> statement-breakpoint
ALTER TABLE "reporting_daily" ADD CONSTRAINT "reporting_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_facts" ADD CONSTRAINT "reporting_facts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_facts" ADD CONSTRAINT "reporting_facts_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_facts" ADD CONSTRAINT "reporting_facts_agent_id_agents_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."agents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_facts" ADD CONSTRAINT "reporting_facts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reporting_facts_org_kind_time_idx" ON "reporting_facts" USING btree ("organization_id","kind","occurred_at","conversation_id","seconds","business_seconds","agent_id","team_id");--> statement-breakpoint
CREATE INDEX "reporting_facts_conversation_idx" ON "reporting_facts" USING btree ("conversation_id","kind");
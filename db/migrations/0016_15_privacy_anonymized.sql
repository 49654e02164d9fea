ALTER TABLE "organizations" ADD COLUMN "anonymize_closed_after_days" integer;--> statement-breakpoint
ALTER TABLE "end_users" ADD COLUMN "anonymized_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "anonymized_at" timestamp with time zone;
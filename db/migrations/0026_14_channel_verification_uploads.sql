CREATE TYPE "public"."channel_status" AS ENUM('pending', 'verified');--> statement-breakpoint
CREATE TABLE "file_deletions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "channels_address_unique";--> statement-breakpoint
ALTER TABLE "attachments" ADD COLUMN "uploaded_from_address" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "status" "channel_status" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_nonce" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_error" text;--> statement-breakpoint
CREATE INDEX "file_deletions_due_idx" ON "file_deletions" USING btree ("next_attempt_at");--> statement-breakpoint
CREATE INDEX "attachments_uploader_idx" ON "attachments" USING btree ("uploaded_by_end_user_id","created_at") WHERE "attachments"."uploaded_by_end_user_id" is not null;--> statement-breakpoint
CREATE INDEX "attachments_uploader_address_idx" ON "attachments" USING btree ("organization_id","uploaded_from_address","created_at") WHERE "attachments"."uploaded_from_address" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "channels_verified_address_unique" ON "channels" USING btree (lower("address")) WHERE "channels"."status" = 'verified';--> statement-breakpoint
CREATE UNIQUE INDEX "channels_org_address_unique" ON "channels" USING btree ("organization_id",lower("address"));--> statement-breakpoint
CREATE INDEX "channels_verification_due_idx" ON "channels" USING btree ("verification_next_attempt_at") WHERE "channels"."verification_next_attempt_at" is not null;
CREATE TYPE "public"."channel_status" AS ENUM('pending', 'verified');--> statement-breakpoint
DROP INDEX "channels_address_unique";--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "status" "channel_status" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_nonce" text;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_next_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_locked_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "verification_error" text;--> statement-breakpoint
CREATE UNIQUE INDEX "channels_verified_address_unique" ON "channels" USING btree (lower("address")) WHERE "channels"."status" = 'verified';--> statement-breakpoint
CREATE UNIQUE INDEX "channels_org_address_unique" ON "channels" USING btree ("organization_id",lower("address"));--> statement-breakpoint
CREATE INDEX "channels_verification_due_idx" ON "channels" USING btree ("verification_next_attempt_at") WHERE "channels"."verification_next_attempt_at" is not null;
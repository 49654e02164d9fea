CREATE TYPE "public"."agent_availability" AS ENUM('online', 'away', 'offline');--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "availability" "agent_availability" DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "availability_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "signature" text;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "notification_prefs" jsonb DEFAULT '{}'::jsonb NOT NULL;
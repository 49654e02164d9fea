CREATE TABLE "widget_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"color" text DEFAULT '#4f46e5' NOT NULL,
	"position" text DEFAULT 'right' NOT NULL,
	"greeting" text DEFAULT 'Hi! How can we help?' NOT NULL,
	"launcher_label" text DEFAULT 'Chat with us' NOT NULL,
	"pre_chat_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"allowed_domains" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "end_users" ADD COLUMN "unverified_email" text;--> statement-breakpoint
ALTER TABLE "widget_settings" ADD CONSTRAINT "widget_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
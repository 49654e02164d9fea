CREATE TABLE "conversation_counts" (
	"organization_id" uuid NOT NULL,
	"status" "conversation_status" NOT NULL,
	"assignee_key" uuid NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "conversation_counts_organization_id_status_assignee_key_pk" PRIMARY KEY("organization_id","status","assignee_key")
);
--> statement-breakpoint
CREATE TABLE "conversation_tag_counts" (
	"organization_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	"status" "conversation_status" NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "conversation_tag_counts_organization_id_tag_id_status_pk" PRIMARY KEY("organization_id","tag_id","status")
);

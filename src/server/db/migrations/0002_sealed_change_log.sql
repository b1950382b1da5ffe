CREATE TABLE "audit_pending" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"actor_kind" text NOT NULL,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"result" text NOT NULL,
	"origin" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scope_exit_pending" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"team_id" text,
	"assignee_id" text
);
--> statement-breakpoint
ALTER TABLE "sync_rows" ALTER COLUMN "seq" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "sync_rows_unsealed" ON "sync_rows" USING btree ("entity","id") WHERE seq is null;
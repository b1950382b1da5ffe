-- Messages (#16): attachments by reference, the template a message was started from, delivery to My IND
-- for outbound messages, and reads per user (message_reads) instead of one read_at for everyone.
CREATE TABLE "message_reads" (
	"id" text PRIMARY KEY NOT NULL,
	"message_id" text NOT NULL,
	"case_id" text NOT NULL,
	"user_id" text NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "template" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "delivery" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "delivery_failure" text;--> statement-breakpoint
ALTER TABLE "message_reads" ADD CONSTRAINT "message_reads_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_reads" ADD CONSTRAINT "message_reads_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_reads" ADD CONSTRAINT "message_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "message_reads_message_user" ON "message_reads" USING btree ("message_id","user_id");--> statement-breakpoint
CREATE INDEX "message_reads_case" ON "message_reads" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "messages_thread" ON "messages" USING btree ("thread_id");--> statement-breakpoint
CREATE INDEX "messages_delivery_pending" ON "messages" USING btree ("sent_at") WHERE delivery = 'pending';--> statement-breakpoint
-- What was sent before delivery was tracked reached My IND when it was sent.
UPDATE "messages" SET "delivery" = 'delivered', "delivered_at" = "sent_at", "version" = "version" + 1 WHERE "direction" = 'outbound';--> statement-breakpoint
-- The one reading recorded so far becomes that reader's row.
INSERT INTO "message_reads" ("id", "message_id", "case_id", "user_id", "read_at")
SELECT gen_random_uuid()::text, "id", "case_id", "read_by", "read_at" FROM "messages" WHERE "read_at" IS NOT NULL AND "read_by" IS NOT NULL;--> statement-breakpoint
-- Clients hold the published rows: republish the changed messages (unsealed, so the sealer stamps them anew)
-- and publish the reads with the scope of their message, as the projections would.
UPDATE "sync_rows" SET "seq" = NULL, "version" = m."version", "data" = "sync_rows"."data" || jsonb_build_object(
  'attachments', '[]'::jsonb, 'template', NULL, 'delivery', m."delivery",
  'deliveredAt', CASE WHEN m."delivered_at" IS NULL THEN NULL ELSE to_char(m."delivered_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END,
  'deliveryFailure', NULL, 'version', m."version")
FROM "messages" m WHERE "sync_rows"."entity" = 'message' AND "sync_rows"."id" = m."id" AND "sync_rows"."deleted" = false;--> statement-breakpoint
INSERT INTO "sync_rows" ("entity", "id", "seq", "version", "case_id", "team_id", "assignee_id", "owner_id", "global", "deleted", "data")
SELECT 'messageRead', r."id", NULL, r."version", r."case_id", s."team_id", s."assignee_id", NULL, false, false, jsonb_build_object(
  'id', r."id", 'messageId', r."message_id", 'caseId', r."case_id", 'userId', r."user_id",
  'readAt', to_char(r."read_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'version', r."version")
FROM "message_reads" r JOIN "sync_rows" s ON s."entity" = 'message' AND s."id" = r."message_id";

ALTER TABLE "annotations" ADD COLUMN "quote" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "application" jsonb;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD COLUMN "field" text;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD COLUMN "page" integer;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD COLUMN "quote" text;
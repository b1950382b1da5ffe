-- Who saved a letter's body last (letter.saveDraft's conflict rule: a stale base conflicts only when someone else saved since).
ALTER TABLE "letters" ADD COLUMN "saved_by" text;--> statement-breakpoint
ALTER TABLE "letters" ADD CONSTRAINT "letters_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
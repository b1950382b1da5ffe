-- Decision letters (#15): a letter keeps the frame it is rendered in, the SHA-256 of the PDF its reviewer
-- approved and the document its sent PDF is stored as; that document points back at its letter.
ALTER TABLE "documents" ADD COLUMN "letter_id" text;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "frame" jsonb;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "approved_sha256" text;--> statement-breakpoint
ALTER TABLE "letters" ADD COLUMN "document_id" text;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_letter_id_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."letters"("id") ON DELETE no action ON UPDATE no action;

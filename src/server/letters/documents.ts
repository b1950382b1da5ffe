/**
 * A sent letter's PDF as a document of its case: the bytes content-addressed in `blobs` like every
 * document (intake, training load), a `documents` row with source 'letter' pointing back at the
 * letter, published as a case child so the workbench shows and caches it like any other document.
 */
import { randomUUID } from 'node:crypto';
import type { MadeLetter } from '../../render/letters/letter';
import { publishCaseChild, type CaseRow } from '../cases/records';
import { blobs, documents } from '../db/schema';
import type { MutationContext } from '../mutations/context';
import type { LetterRow } from './service';

export type DocumentRow = typeof documents.$inferSelect;

/** Stores the PDF and its document row; the caller links the letter to it. */
export async function storeLetterDocument(context: MutationContext, kase: CaseRow, letter: LetterRow, made: MadeLetter): Promise<DocumentRow> {
  const { tx, batch } = context;
  // The same bytes may already be stored (a letter sent, its case reopened, sent again): one blob serves both.
  await tx.insert(blobs).values({ sha256: made.sha256, size: made.pdf.length, content: made.pdf, createdAt: batch.now }).onConflictDoNothing();
  const [document] = await tx.insert(documents).values({
    id: randomUUID(), caseId: kase.id, title: `${made.rendered.template.title}, ${made.document.date}`,
    kind: 'letter', mediaType: 'application/pdf', sha256: made.sha256, size: made.pdf.length, source: 'letter',
    uploadedAt: batch.now, letterId: letter.id,
  }).returning();
  if (!document) throw new Error('document insert returned nothing');
  publishCaseChild(batch, kase, 'document', document);
  return document;
}

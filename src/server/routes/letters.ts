/**
 * GET /letters/:id/pdf: a letter as the server renders it, for whoever may read its case. A letter
 * still in the workflow is rendered from its current frame and body (the reviewer sees exactly what
 * approval would fix); a sent letter answers with the stored document, the bytes that went out.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { authenticate, audit, deny, type AppContext } from '../context';
import { canWorkOnCase, type Actor } from '../authz/actor';
import { blobs, documents, letters } from '../db/schema';
import { findCase } from '../cases/records';
import { LetterNotRenderable } from '../letters/service';
import { ApiError, problemSchema } from '../problem';
import { bearerSecurity, idParam, problemResponses } from './schemas';

/** The sent PDF's bytes and hash, or null when the letter has no stored document. */
async function storedPdf(context: AppContext, documentId: string | null): Promise<{ bytes: Uint8Array; sha256: string } | null> {
  if (documentId === null) return null;
  const [document] = await context.db.select().from(documents).where(eq(documents.id, documentId));
  if (!document) return null;
  const [blob] = await context.db.select().from(blobs).where(eq(blobs.sha256, document.sha256));
  return blob ? { bytes: blob.content, sha256: document.sha256 } : null;
}

async function readAudit(context: AppContext, actor: Actor, letterId: string): Promise<void> {
  await audit(context, [{ actorId: actor.userId, actorKind: 'user', action: 'letter.pdf', objectType: 'letter', objectId: letterId, result: 'ok', origin: 'api' }]);
}

/** Registers GET /letters/:id/pdf. */
export function registerLetterRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/letters/:id/pdf', {
    schema: {
      tags: ['letters'],
      summary: 'A letter as PDF (audited): a sent letter\'s stored document, else its current version rendered; the SHA-256 is in x-letter-sha256',
      security: bearerSecurity, params: idParam,
      response: { 200: z.any().describe('application/pdf'), ...problemResponses, 503: problemSchema },
    },
  }, async (request, reply) => {
    const actor = await authenticate(context, request);
    const letterId = request.params.id;
    const [letter] = await context.db.select().from(letters).where(eq(letters.id, letterId));
    const kase = letter ? await findCase(context.db, letter.caseId) : null;
    if (!letter || !kase || !canWorkOnCase(actor, kase)) return deny(context, actor, 'letter.pdf', 'letter', letterId, 'not_found');

    const send = (bytes: Uint8Array, sha256: string) => reply.header('content-type', 'application/pdf')
      .header('x-letter-sha256', sha256).header('cache-control', 'private, no-store').send(Buffer.from(bytes));

    const stored = letter.status === 'sent' ? await storedPdf(context, letter.documentId) : null;
    if (stored) {
      await readAudit(context, actor, letter.id);
      return send(stored.bytes, stored.sha256);
    }
    try {
      const renderable = context.letters.renderable(letter, kase);
      // A letter saved before frames has nothing the server could render.
      if (renderable === null) return await deny(context, actor, 'letter.pdf', 'letter', letterId, 'not_found');
      const made = await context.letters.make(letter, renderable);
      await readAudit(context, actor, letter.id);
      return send(made.pdf, made.sha256);
    } catch (error) {
      if (!(error instanceof LetterNotRenderable)) throw error;
      if (error.serverFault) throw new ApiError('unavailable', 'The letter cannot be rendered right now.');
      // Only the code: the reason names template paths, never the letter's text.
      throw new ApiError('not_found', `The letter cannot be rendered (${error.reason}).`);
    }
  });
}

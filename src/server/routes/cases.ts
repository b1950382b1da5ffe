/** Reading case files: the list in scope, one case with everything in it, and document contents. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq, or, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { authenticate, audit, deny, type AppContext } from '../context';
import { caseScope, canWorkOnCase, type Actor } from '../authz/actor';
import { blobs, cases, documents, syncRows } from '../db/schema';
import { findCase, rowData } from '../cases/records';
import { bearerSecurity, idParam, problemResponses, recordSchema } from './schemas';

function scopeCondition(actor: Actor): SQL | undefined | 'none' {
  const scope = caseScope(actor);
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'none') return 'none';
  const byAssignee = eq(cases.assigneeId, scope.userId);
  return scope.teamIds.length > 0 ? or(inArray(cases.teamId, [...scope.teamIds]), byAssignee) : byAssignee;
}

/** Registers GET /cases, GET /cases/:id and GET /documents/:id/content. */
export function registerCaseRoutes(app: FastifyInstance, context: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/cases', {
    schema: {
      tags: ['cases'], summary: 'Cases in the caller\'s scope, oldest deadline first', security: bearerSecurity,
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(1000).default(200),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      response: { 200: z.object({ items: z.array(recordSchema) }), ...problemResponses },
    },
  }, async (request) => {
    const actor = await authenticate(context, request);
    const condition = scopeCondition(actor);
    if (condition === 'none') return { items: [] };
    const rows = await context.db.select().from(cases).where(condition)
      .orderBy(asc(cases.deadline), asc(cases.id)).limit(request.query.limit).offset(request.query.offset);
    await audit(context, [{ actorId: actor.userId, actorKind: 'user', action: 'case.list', objectType: 'case', objectId: null, result: 'ok', origin: 'api' }]);
    return { items: rows.map(rowData) };
  });

  api.get('/cases/:id', {
    schema: {
      tags: ['cases'], summary: 'One case with its parties, documents, letters, messages and history (audited)',
      security: bearerSecurity, params: idParam,
      response: {
        200: z.object({ case: recordSchema, related: z.array(z.object({ entity: z.string(), id: z.string(), version: z.number(), data: recordSchema })) }),
        ...problemResponses,
      },
    },
  }, async (request) => {
    const actor = await authenticate(context, request);
    const kase = await findCase(context.db, request.params.id);
    if (!kase || !canWorkOnCase(actor, kase)) return deny(context, actor, 'case.read', 'case', request.params.id, 'not_found');
    const related = await context.db.select({ entity: syncRows.entity, id: syncRows.id, version: syncRows.version, data: syncRows.data })
      .from(syncRows).where(and(eq(syncRows.caseId, kase.id), eq(syncRows.deleted, false))).orderBy(asc(syncRows.seq));
    await audit(context, [{ actorId: actor.userId, actorKind: 'user', action: 'case.read', objectType: 'case', objectId: kase.id, result: 'ok', origin: 'api' }]);
    return {
      case: rowData(kase),
      related: related.filter((row) => row.entity !== 'case').map((row) => ({ ...row, data: row.data ?? {} })),
    };
  });

  api.get('/documents/:id/content', {
    schema: {
      tags: ['cases'], summary: 'The bytes of a document (audited); cache them by the SHA-256 in the ETag',
      security: bearerSecurity, params: idParam,
      response: { 200: z.any().describe('application/pdf'), ...problemResponses },
    },
  }, async (request, reply) => {
    const actor = await authenticate(context, request);
    const [document] = await context.db.select().from(documents).where(eq(documents.id, request.params.id));
    const kase = document ? await findCase(context.db, document.caseId) : null;
    if (!document || !kase || !canWorkOnCase(actor, kase)) {
      return deny(context, actor, 'document.read', 'document', request.params.id, 'not_found');
    }
    const [blob] = await context.db.select().from(blobs).where(eq(blobs.sha256, document.sha256));
    if (!blob) return deny(context, actor, 'document.read', 'document', document.id, 'not_found');
    await audit(context, [{ actorId: actor.userId, actorKind: 'user', action: 'document.read', objectType: 'document', objectId: document.id, result: 'ok', origin: 'api' }]);
    return reply.header('content-type', document.mediaType).header('etag', `"${document.sha256}"`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(blob.content));
  });
}

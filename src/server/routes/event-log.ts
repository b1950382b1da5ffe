/**
 * GET /event-log: the case events in the caller's scope as a process-mining event log, XES (IEEE
 * 1849-2016) or OCEL 2.0 JSON, streamed page by page. For team leads (their teams' cases, people
 * pseudonymised) and admins (every case, people by id); audited with the counts it wrote.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { authenticate, audit, deny, type AppContext } from '../context';
import type { Actor } from '../authz/actor';
import { users } from '../db/schema';
import { boundInstant, eventLogScope, readCases, readTraces, type EventLogFilter, type EventLogScope } from '../event-log/query';
import { Pseudonyms } from '../event-log/pseudonym';
import { xesContentType, xesDocument, type LogCounts, type ResourceName } from '../event-log/xes';
import { ocelContentType, ocelDocument } from '../event-log/ocel';
import { bearerSecurity, problemResponses } from './schemas';

const bound = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const eventLogQuery = z.object({
  format: z.enum(['xes', 'ocel']).default('xes').describe('xes: IEEE 1849-2016 XES; ocel: OCEL 2.0 JSON'),
  from: bound.optional().describe('Events at or after this instant; a date is the start of that day in Europe/Amsterdam'),
  to: bound.optional().describe('Events before this instant; a date includes that whole day (Europe/Amsterdam)'),
  caseType: z.string().min(1).max(100).optional().describe('Only cases of this type'),
});

export interface EventLogRouteOptions {
  /** Key of the pseudonyms (event-log/pseudonym.ts); keep it stable to keep pseudonyms stable. */
  pseudonymKey: Uint8Array;
}

async function displayNames(context: AppContext, userIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (let start = 0; start < userIds.length; start += 1000) {
    const rows = await context.db.select({ id: users.id, displayName: users.displayName }).from(users)
      .where(inArray(users.id, userIds.slice(start, start + 1000)));
    for (const row of rows) names.set(row.id, row.displayName);
  }
  return names;
}

/**
 * Runs the document's generator and audits the export when it ends: with the counts written, and
 * as failed when the client went away or a read broke midway (the log it got is then partial).
 */
async function* audited(context: AppContext, actor: Actor, format: 'xes' | 'ocel', counts: LogCounts, chunks: AsyncGenerator<string>): AsyncGenerator<string> {
  const started = Date.now();
  let complete = false;
  try {
    yield* chunks;
    complete = true;
  } finally {
    // Counts and the format only: the audit log and the logs hold ids and codes, never names.
    await audit(context, [{
      actorId: actor.userId, actorKind: 'user', action: 'event_log.export', objectType: 'event_log',
      objectId: `${format};cases=${counts.cases};events=${counts.events}`, result: complete ? 'ok' : 'failed', origin: 'api',
    }]);
    context.logger.info('event log exported', {
      format, role: actor.role, cases: counts.cases, events: counts.events, complete, milliseconds: Date.now() - started,
    });
  }
}

function documentFor(context: AppContext, actor: Actor, scope: EventLogScope, filter: EventLogFilter, format: 'xes' | 'ocel',
  pseudonymKey: Uint8Array, counts: LogCounts): AsyncGenerator<string> {
  const pseudonyms = new Pseudonyms(pseudonymKey);
  const admin = actor.role === 'admin';
  const resource: ResourceName = admin ? (userId) => userId : (userId) => pseudonyms.of(userId);
  const traces = readTraces(context.db, scope, filter);
  if (format === 'xes') return xesDocument(traces, resource, counts);
  return ocelDocument({
    traces, cases: () => readCases(context.db, scope, filter), resource,
    ...(admin ? { displayNames: (ids: readonly string[]) => displayNames(context, ids) } : {}),
  }, counts);
}

/** Registers GET /event-log. */
export function registerEventLogRoutes(app: FastifyInstance, context: AppContext, options: EventLogRouteOptions): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/event-log', {
    schema: {
      tags: ['process-mining'],
      summary: 'The case events in scope as an event log (audited): XES or OCEL 2.0, streamed; team leads get pseudonyms, admins user ids',
      security: bearerSecurity, querystring: eventLogQuery,
      response: { 200: z.any().describe('application/xml (XES) or application/json (OCEL 2.0)'), ...problemResponses },
    },
  }, async (request, reply) => {
    const actor = await authenticate(context, request);
    const scope = eventLogScope(actor);
    if (!scope) return deny(context, actor, 'event_log.export', 'event_log', null, 'forbidden');
    const { format, from, to, caseType } = request.query;
    const filter: EventLogFilter = {
      ...(from === undefined ? {} : { from: boundInstant(from, false) }),
      ...(to === undefined ? {} : { before: boundInstant(to, true) }),
      ...(caseType === undefined ? {} : { caseType }),
    };
    const counts: LogCounts = { cases: 0, events: 0 };
    const chunks = audited(context, actor, format, counts, documentFor(context, actor, scope, filter, format, options.pseudonymKey, counts));
    const day = context.clock.today();
    return reply
      .header('content-type', format === 'xes' ? xesContentType : ocelContentType)
      .header('content-disposition', `attachment; filename="werkbank-event-log-${day}.${format === 'xes' ? 'xes' : 'ocel.json'}"`)
      .header('cache-control', 'private, no-store')
      .send(Readable.from(chunks, { objectMode: false, highWaterMark: 1 }));
  });
}

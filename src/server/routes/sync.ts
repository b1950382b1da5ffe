/** GET /sync/pull, POST /sync/push and GET /sync/events (docs/architecture.md, "Sync"). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pokeEventName, pullQuery, pullResponse, pushRequest, pushResponse, type PullResponse } from '../../shared/sync';
import { audit, authenticate, type AppContext } from '../context';
import { problemSchema } from '../problem';
import { pullChangesJson } from '../sync/pull';
import { applyPush } from '../sync/push';
import { bearerSecurity, problemResponses } from './schemas';

/** Registers the sync endpoints; the SSE keep-alive interval also bounds how late other processes' commits are noticed. */
export function registerSyncRoutes(app: FastifyInstance, context: AppContext, options: { keepAliveMilliseconds: number }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Open event streams never end by themselves: close them first, or shutdown would wait forever.
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });

  api.get('/sync/pull', {
    schema: {
      tags: ['sync'], summary: 'Changes in the caller\'s scope after the cursor, one page at a time',
      description: 'Without a cursor the client bootstraps from the start. 410 when the cursor is older than the retained change log.',
      security: bearerSecurity, querystring: pullQuery,
      response: { 200: pullResponse, 410: problemSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const actor = await authenticate(context, request);
    const cursor = request.query.cursor === undefined ? undefined : Number(request.query.cursor);
    const page = await pullChangesJson(context.db, context.head, actor, cursor, request.query.limit);
    if (page.changeCount > 0) {
      // Pulled case data is a read of case files: one audit entry per page, naming the range.
      await audit(context, [{
        actorId: actor.userId, actorKind: 'user', action: 'sync.pull', objectType: 'sync_page',
        objectId: `${cursor ?? 0}..${page.nextCursor}`, result: 'ok', origin: 'sync',
      }]);
    }
    // Serialised by pullChangesJson in the shape of the response schema above (which stays for the
    // OpenAPI document); fastify sends a string as it is, so the type is only told, not converted.
    return reply.type('application/json; charset=utf-8').send(page.json as unknown as PullResponse);
  });

  api.post('/sync/push', {
    schema: {
      tags: ['sync'], summary: 'Apply named mutations; each gets applied, rejected or conflict',
      description: 'Each mutation runs in its own transaction with its result stored; a replayed clientMutationId returns the stored result.',
      security: bearerSecurity, body: pushRequest, response: { 200: pushResponse, ...problemResponses },
    },
  }, async (request) => {
    const actor = await authenticate(context, request);
    const results = await applyPush({ db: context.db, clock: context.clock, listener: context.head, logger: context.logger, letters: context.letters },
      actor, request.body.mutations);
    return { results };
  });

  api.get('/sync/events', {
    schema: {
      tags: ['sync'], summary: 'Server-sent events: a `poke` with the newest cursor whenever something was committed',
      security: bearerSecurity, response: { 200: z.string().describe('text/event-stream'), ...problemResponses },
    },
  }, async (request, reply) => {
    await authenticate(context, request);
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (head: number) => response.write(`event: ${pokeEventName}\ndata: ${head}\n\n`);
    send(await context.head.current());
    const unsubscribe = context.head.onDidAdvance(send);
    // Keep-alive also refreshes the head, so commits by other API processes reach this client.
    const timer = setInterval(() => {
      response.write(': keep-alive\n\n');
      void context.head.current().catch(() => undefined);
    }, options.keepAliveMilliseconds);
    const close = () => {
      clearInterval(timer);
      unsubscribe();
      streams.delete(end);
    };
    const end = () => {
      close();
      response.end();
    };
    streams.add(end);
    request.raw.on('close', close);
    response.on('error', close);
  });
}

/** The services every route uses, built once per server by createServer. */
import type { FastifyRequest } from 'fastify';
import type { Database } from './db/database';
import type { Actor, ActorDirectory } from './authz/actor';
import type { FailureCounter, SessionServices } from './auth/sessions';
import { ApiError } from './problem';
import type { Clock, EnvironmentKind, Logger, TokenIssuer } from './services';
import type { SyncHead } from './sync/head';
import { runWrite } from './sync/publish';
import type { AuditEntry } from './audit/log';
import type { LetterService } from './letters/service';

export interface AppContext {
  db: Database;
  clock: Clock;
  tokens: TokenIssuer;
  environment: EnvironmentKind;
  logger: Logger;
  head: SyncHead;
  actors: ActorDirectory;
  sessions: SessionServices;
  failures: FailureCounter;
  /** SHA-256 hashes of the service tokens My IND uses for intake. */
  intakeTokenHashes: ReadonlySet<string>;
  /** Renders and checks letters; one per server, so templates and fonts are read once. */
  letters: LetterService;
}

/** The bearer token of a request, or null; tokens are accepted only in the Authorization header. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice('Bearer '.length).trim() || null;
}

/** The signed-in actor of a request; 401 without a valid access token of an active user. */
export async function authenticate(context: AppContext, request: FastifyRequest): Promise<Actor> {
  const token = bearerToken(request);
  // Tokens live in real time even when the training clock has moved "today".
  const now = context.sessions.clock.now();
  const claims = token ? context.tokens.verify(token, now) : null;
  if (!claims) throw new ApiError('unauthenticated');
  const actor = await context.actors.load(claims.userId, now.getTime());
  if (!actor) throw new ApiError('unauthenticated');
  return actor;
}

/** Writes audit entries in their own transaction (reads and denials that change nothing else). */
export async function audit(context: AppContext, entries: AuditEntry[]): Promise<void> {
  await runWrite(context.db, context.clock.now(), context.head, async (batch) => {
    for (const entry of entries) batch.audit(entry);
  });
}

/** Audits a refusal and throws it: denials are answered without data and always logged. */
export async function deny(context: AppContext, actor: Actor | null, action: string, objectType: string,
  objectId: string | null, code: 'forbidden' | 'not_found'): Promise<never> {
  await audit(context, [{
    actorId: actor?.userId ?? null, actorKind: actor ? 'user' : 'anonymous', action, objectType, objectId,
    result: 'denied', origin: 'api',
  }]);
  throw new ApiError(code);
}

/**
 * The central API as a Fastify instance built from injected services (database, clock, token
 * issuer, environment, logger), so tests, the embedded training environment and production each
 * pass their own. src/server/start.ts adds the database and a listening port around it.
 */
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import {
  hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from './db/database';
import { ActorDirectory } from './authz/actor';
import { defaultSessionPolicy, FailureCounter, type SessionPolicy } from './auth/sessions';
import { defaultPasswordCost, type PasswordCost } from './auth/passwords';
import { hashToken } from './auth/tokens';
import type { AppContext } from './context';
import { ApiError, problem, problemContentType, type ProblemCode } from './problem';
import type { Clock, EnvironmentKind, Logger, TokenIssuer } from './services';
import { SyncHead } from './sync/head';
import { registerAuthRoutes } from './routes/auth';
import { registerCaseRoutes } from './routes/cases';
import { registerSyncRoutes } from './routes/sync';
import { registerAdminRoutes } from './routes/admin';
import { registerIntakeRoutes } from './routes/intake';
import { registerLetterRoutes } from './routes/letters';
import { registerEventLogRoutes } from './routes/event-log';
import { LetterService } from './letters/service';
import { registerTrainingRoutes, type TrainingServices } from './training/routes';

export interface ServerOptions {
  db: Database;
  clock: Clock;
  tokens: TokenIssuer;
  environment: EnvironmentKind;
  logger: Logger;
  /** Service tokens of the applicant portal (My IND) for the intake endpoints. */
  intakeTokens?: readonly string[];
  sessionPolicy?: SessionPolicy;
  passwordCost?: PasswordCost;
  /** Sign-in attempts per client address per minute. */
  loginsPerMinute?: number;
  /** Largest JSON body in bytes; intake documents have their own, larger limit. */
  bodyLimit?: number;
  documentBodyLimit?: number;
  sseKeepAliveMilliseconds?: number;
  /** Included in /health and the OpenAPI document. */
  version?: string;
  /**
   * Real time for sessions and access tokens when `clock` is the trainer's movable clock: moving
   * "today" must not sign everyone out. Defaults to `clock`.
   */
  sessionClock?: Clock;
  /** The training environment's endpoints (/training/*); only with environment 'training'. */
  training?: TrainingServices;
  /** The letter templates and fonts (default: the repository's resources, as the data host's). */
  lettersDirectory?: string;
  fontsDirectory?: string;
  /**
   * Key of the event log's pseudonyms (32+ bytes). Without one a random key is drawn, so pseudonyms
   * hold only for this process; start.ts derives a lasting one from the token secret.
   */
  pseudonymKey?: Uint8Array;
}

export interface WerkbankServer {
  app: FastifyInstance;
  context: AppContext;
}

const errorCodes: Record<string, ProblemCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_request',
  FST_ERR_VALIDATION: 'invalid_request',
};

/** Builds the API (not yet listening). */
export async function createServer(options: ServerOptions): Promise<WerkbankServer> {
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    trustProxy: false,
    return503OnClosing: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const head = new SyncHead(options.db);
  const sessionPolicy = options.sessionPolicy ?? defaultSessionPolicy;
  const passwordCost = options.passwordCost ?? defaultPasswordCost;
  const context: AppContext = {
    db: options.db, clock: options.clock, tokens: options.tokens, environment: options.environment, logger: options.logger,
    head, actors: new ActorDirectory(options.db, options.environment),
    sessions: { db: options.db, clock: options.sessionClock ?? options.clock, tokens: options.tokens, policy: sessionPolicy, passwordCost, listener: head },
    failures: new FailureCounter(sessionPolicy),
    intakeTokenHashes: new Set((options.intakeTokens ?? []).map(hashToken)),
    letters: new LetterService({ lettersDirectory: options.lettersDirectory, fontsDirectory: options.fontsDirectory, logger: options.logger }),
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    let body;
    if (error instanceof ApiError) {
      body = problem(error.code, error.detail, error.issues);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      body = problem('invalid_request', `Invalid ${error.validationContext ?? 'input'}.`, error.validation.map((issue) => ({
        path: issue.instancePath || '/', message: issue.message ?? 'invalid',
      })));
    } else if (error.code && errorCodes[error.code]) {
      body = problem(errorCodes[error.code] as ProblemCode);
    } else if (error.statusCode === 429) {
      body = problem('rate_limited');
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      body = problem('invalid_request');
    } else {
      // Only ids and codes: exception messages may quote data.
      options.logger.error('request failed', { requestId: request.id, route: request.routeOptions.url ?? null, errorCode: error.code ?? error.name });
      body = problem('internal');
    }
    void reply.code(body.status).header('content-type', problemContentType).serializer(JSON.stringify).send(body);
  });
  app.setNotFoundHandler((_request, reply) => {
    void reply.code(404).header('content-type', problemContentType).serializer(JSON.stringify).send(problem('not_found'));
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Werkbank central API', version: options.version ?? '0.1.0',
        description: 'Cases, parties, documents, messages and letters of IND casework, with sign-in, roles, an audit log and sync.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'Access token from POST /auth/login' },
          intake: { type: 'http', scheme: 'bearer', description: 'Service token of the applicant portal (My IND)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, limit) => Object.assign(new ApiError('rate_limited'), { statusCode: limit.statusCode }),
  });

  app.get('/health', {
    schema: {
      tags: ['health'], summary: 'Liveness and database reachability',
      response: { 200: z.object({ status: z.literal('ok'), environment: z.enum(['production', 'training']), version: z.string(), time: z.string(), today: z.string() }) },
    },
  }, async () => {
    await head.current();
    return { status: 'ok' as const, environment: options.environment, version: options.version ?? '0.1.0', time: options.clock.now().toISOString(), today: options.clock.today() };
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthRoutes(app, context, options.loginsPerMinute ?? 20);
  registerCaseRoutes(app, context);
  registerLetterRoutes(app, context);
  registerEventLogRoutes(app, context, { pseudonymKey: options.pseudonymKey ?? randomBytes(32) });
  registerSyncRoutes(app, context, { keepAliveMilliseconds: options.sseKeepAliveMilliseconds ?? 15_000 });
  registerAdminRoutes(app, context, passwordCost);
  registerIntakeRoutes(app, context, { documentBodyLimit: options.documentBodyLimit ?? 30 * 1024 * 1024 });
  if (options.training) {
    if (options.environment !== 'training') throw new Error('training services need environment training');
    registerTrainingRoutes(app, context, options.training);
  }
  await app.ready();
  return { app, context };
}

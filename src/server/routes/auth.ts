/** POST /auth/login, /auth/refresh and /auth/logout. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { refreshSession, signIn, signOut } from '../auth/sessions';
import type { AppContext } from '../context';
import { problemResponses, tokenPairSchema } from './schemas';

const refreshBody = z.object({ refreshToken: z.string().min(1).max(200) }).strict();

/** Registers the sign-in routes; sign-in is rate-limited per client address and per username. */
export function registerAuthRoutes(app: FastifyInstance, context: AppContext, loginsPerMinute: number): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/auth/login', {
    config: { rateLimit: { max: loginsPerMinute, timeWindow: 60_000 } },
    schema: {
      tags: ['auth'], summary: 'Sign in with username and password',
      body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1000) }).strict(),
      response: { 200: tokenPairSchema, ...problemResponses },
    },
  }, async (request) => signIn(context.sessions, context.failures, request.body.username, request.body.password));

  api.post('/auth/refresh', {
    config: { rateLimit: { max: loginsPerMinute * 6, timeWindow: 60_000 } },
    schema: {
      tags: ['auth'], summary: 'Exchange a refresh token for a new token pair (the old one stops working)',
      body: refreshBody, response: { 200: tokenPairSchema, ...problemResponses },
    },
  }, async (request) => refreshSession(context.sessions, request.body.refreshToken));

  api.post('/auth/logout', {
    schema: {
      tags: ['auth'], summary: 'End the session of a refresh token',
      body: refreshBody, response: { 204: z.null(), ...problemResponses },
    },
  }, async (request, reply) => {
    await signOut(context.sessions, request.body.refreshToken);
    return reply.code(204).send(null);
  });
}

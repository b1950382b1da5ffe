/** Admin endpoints: users, teams and the audit log. Only the admin role may call them. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { asc, gt } from 'drizzle-orm';
import { z } from 'zod';
import { authenticate, deny, type AppContext } from '../context';
import { isAdmin, type Actor } from '../authz/actor';
import { auditLog, teamMembers, users } from '../db/schema';
import { createTeam, createUser, updateUser } from '../admin/directory';
import { verifyAuditChain } from '../audit/log';
import { runWrite } from '../sync/publish';
import { ApiError } from '../problem';
import type { PasswordCost } from '../auth/passwords';
import { bearerSecurity, idParam, problemResponses, roleSchema } from './schemas';

const userSchema = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), role: roleSchema, active: z.boolean(),
  teamIds: z.array(z.string()),
});

/** Registers /admin/users, /admin/teams, /admin/audit and /admin/audit/verify. */
export function registerAdminRoutes(app: FastifyInstance, context: AppContext, passwordCost: PasswordCost): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const requireAdmin = async (actor: Actor, action: string) => {
    if (!isAdmin(actor)) await deny(context, actor, action, 'admin', null, 'forbidden');
  };
  const write = <T>(actor: Actor, action: string, objectType: string, work: Parameters<typeof runWrite<T>>[3]) =>
    runWrite(context.db, context.clock.now(), context.head, async (batch) => {
      const value = await work(batch);
      batch.audit({ actorId: actor.userId, actorKind: 'user', action, objectType, objectId: typeof value === 'string' ? value : null, result: 'ok', origin: 'api' });
      return value;
    });

  api.get('/admin/users', {
    schema: { tags: ['admin'], summary: 'All users', security: bearerSecurity, response: { 200: z.object({ items: z.array(userSchema) }), ...problemResponses } },
  }, async (request) => {
    const actor = await authenticate(context, request);
    await requireAdmin(actor, 'user.list');
    const [rows, memberships] = await Promise.all([
      context.db.select().from(users).orderBy(asc(users.username)),
      context.db.select().from(teamMembers),
    ]);
    return {
      items: rows.map((user) => ({
        id: user.id, username: user.username, displayName: user.displayName, role: user.role, active: user.active,
        teamIds: memberships.filter((row) => row.userId === user.id).map((row) => row.teamId),
      })),
    };
  });

  api.post('/admin/users', {
    schema: {
      tags: ['admin'], summary: 'Create a user', security: bearerSecurity,
      body: z.object({
        username: z.string().regex(/^[a-z0-9._-]{2,64}$/), displayName: z.string().min(1).max(200), role: roleSchema,
        password: z.string().min(12).max(1000), teamIds: z.array(z.uuid()).max(50).default([]),
      }).strict(),
      response: { 201: z.object({ id: z.string() }), 409: problemSchemaRef(), ...problemResponses },
    },
  }, async (request, reply) => {
    const actor = await authenticate(context, request);
    await requireAdmin(actor, 'user.create');
    try {
      const id = await write(actor, 'user.create', 'user', (batch) => createUser(batch, request.body, passwordCost));
      return reply.code(201).send({ id });
    } catch (error) {
      if ((error as { cause?: { code?: string } }).cause?.code === '23505' || (error as { code?: string }).code === '23505') throw new ApiError('conflict', 'The username is taken.');
      if ((error as { cause?: { code?: string } }).cause?.code === '23503' || (error as { code?: string }).code === '23503') throw new ApiError('invalid_request', 'Unknown team.');
      throw error;
    }
  });

  api.patch('/admin/users/:id', {
    schema: {
      tags: ['admin'], summary: 'Change a user\'s role, teams or active flag', security: bearerSecurity, params: idParam,
      body: z.object({ role: roleSchema.optional(), active: z.boolean().optional(), teamIds: z.array(z.uuid()).max(50).optional() }).strict(),
      response: { 204: z.null(), ...problemResponses },
    },
  }, async (request, reply) => {
    const actor = await authenticate(context, request);
    await requireAdmin(actor, 'user.update');
    const found = await write(actor, 'user.update', 'user', (batch) => updateUser(batch, request.params.id, request.body));
    if (!found) throw new ApiError('not_found');
    context.actors.forget(request.params.id);
    return reply.code(204).send(null);
  });

  api.post('/admin/teams', {
    schema: {
      tags: ['admin'], summary: 'Create a team', security: bearerSecurity,
      body: z.object({ name: z.string().min(1).max(200) }).strict(),
      response: { 201: z.object({ id: z.string() }), ...problemResponses },
    },
  }, async (request, reply) => {
    const actor = await authenticate(context, request);
    await requireAdmin(actor, 'team.create');
    const id = await write(actor, 'team.create', 'team', (batch) => createTeam(batch, request.body.name));
    return reply.code(201).send({ id });
  });

  api.get('/admin/audit', {
    schema: {
      tags: ['admin'], summary: 'Audit log entries after a sequence number', security: bearerSecurity,
      querystring: z.object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
      response: {
        200: z.object({
          items: z.array(z.object({
            seq: z.number(), at: z.string(), actorId: z.string().nullable(), actorKind: z.string(), action: z.string(),
            objectType: z.string(), objectId: z.string().nullable(), result: z.string(), origin: z.string(), hash: z.string(),
          })),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => {
    const actor = await authenticate(context, request);
    await requireAdmin(actor, 'audit.query');
    const rows = await context.db.select().from(auditLog).where(gt(auditLog.seq, request.query.after))
      .orderBy(asc(auditLog.seq)).limit(request.query.limit);
    return { items: rows.map(({ prevHash: _prevHash, ...row }) => ({ ...row, at: row.at.toISOString() })) };
  });

  api.get('/admin/audit/verify', {
    schema: {
      tags: ['admin'], summary: 'Re-compute the audit hash chain', security: bearerSecurity,
      response: {
        200: z.object({ ok: z.boolean(), entries: z.number(), brokenAt: z.number().optional(), problem: z.string().optional() }),
        ...problemResponses,
      },
    },
  }, async (request) => {
    const actor = await authenticate(context, request);
    await requireAdmin(actor, 'audit.verify');
    const verdict = await verifyAuditChain(context.db);
    return verdict.ok ? { ok: true, entries: verdict.entries } : verdict;
  });
}

function problemSchemaRef() {
  return problemResponses[400];
}

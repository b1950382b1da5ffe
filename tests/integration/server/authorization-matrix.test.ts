/**
 * The authorization matrix (SECURITY.md): every endpoint and mutation × role × same/other team ×
 * own/other case, generated from the table below. The expected answers are written here from the
 * policy in words, independently of src/server/authz, so a drift in either shows up.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, messages } from '../../../src/server/db/schema';
import type { MutationResult } from '../../../src/shared/sync';
import { createTestServer, intakeToken, mutation, pullAll, push, request, seedWorld, type TestServer, type World, type WorldUser } from './harness';
import { consistentFrame } from './letter-frames';

type CaseKey = keyof World['cases'];
type UserKey = keyof World['users'];
type Kind = 'read' | 'work' | 'assign' | 'review' | 'export';

/** The policy in words: who may do which kind of thing to a case of the same/other team, own/other. */
function allowed(role: WorldUser['role'], kind: Kind, sameTeam: boolean, own: boolean, environment: 'production' | 'training'): boolean {
  // The event log: admins over every case, team leads over their own teams' cases, nobody else.
  if (kind === 'export') return role === 'admin' || (role === 'team_lead' && sameTeam);
  if (role === 'admin') return false;
  if (role === 'trainer') return environment === 'training';
  const inScope = sameTeam || own;
  switch (kind) {
    case 'read':
    case 'work':
      return inScope;
    case 'assign':
      return role === 'team_lead' && sameTeam;
    case 'review':
      return (role === 'reviewer' || role === 'team_lead') && sameTeam;
  }
}

interface Endpoint {
  name: string;
  kind: Kind;
  /** Only for cases that have this (documents exist for A1 and B1, assignees for A2 and B2). */
  cases?: CaseKey[];
  /** Performs the call; returns whether it was allowed and, when denied, the body to scan for leaks. */
  call(server: TestServer, world: World, user: WorldUser, target: CaseKey): Promise<{ allowed: boolean; body: string; auditObject: string }>;
}

const outcome = (result: MutationResult | undefined) =>
  !(result?.status === 'rejected' && (result.code === 'forbidden' || result.code === 'not_found'));

async function pushOne(server: TestServer, user: WorldUser, name: string, args: unknown, base: Record<string, string | null> = {}) {
  const envelope = mutation(name, args, base);
  const [result] = await push(server, user, [envelope]);
  return { allowed: outcome(result), body: JSON.stringify(result), auditObject: envelope.clientMutationId };
}

const endpoints: Endpoint[] = [
  {
    name: 'GET /cases/:id', kind: 'read',
    async call(server, world, user, target) {
      const response = await request(server, user, 'GET', `/cases/${world.cases[target].id}`);
      expect([200, 404]).toContain(response.statusCode);
      return { allowed: response.statusCode === 200, body: response.body, auditObject: world.cases[target].id };
    },
  },
  {
    name: 'GET /documents/:id/content', kind: 'read', cases: ['A1', 'B1'],
    async call(server, world, user, target) {
      const id = world.documents[target as 'A1' | 'B1'];
      const response = await request(server, user, 'GET', `/documents/${id}/content`);
      expect([200, 404]).toContain(response.statusCode);
      return { allowed: response.statusCode === 200, body: response.body, auditObject: id };
    },
  },
  {
    name: 'GET /cases (list)', kind: 'read',
    async call(server, world, user, target) {
      const response = await request(server, user, 'GET', '/cases?limit=1000');
      const ids = (response.json() as { items: { id: string }[] }).items.map((item) => item.id);
      return { allowed: ids.includes(world.cases[target].id), body: '', auditObject: '' };
    },
  },
  {
    name: 'GET /sync/pull (bootstrap)', kind: 'read',
    async call(server, world, user, target) {
      const page = await pullAll(server, user);
      const seen = page.changes.some((change) => change.caseId === world.cases[target].id);
      return { allowed: seen, body: '', auditObject: '' };
    },
  },
  {
    name: 'push case.addNote', kind: 'work',
    call: (server, world, user, target) => pushOne(server, user, 'case.addNote', { caseId: world.cases[target].id, noteId: randomUUID(), body: 'matrix' }),
  },
  {
    name: 'push message.send', kind: 'work',
    call: (server, world, user, target) => pushOne(server, user, 'message.send', {
      caseId: world.cases[target].id, threadId: randomUUID(), messageId: randomUUID(), body: 'matrix', newThread: { subject: 'Matrix', counterpart: 'applicant' },
    }),
  },
  {
    name: 'push message.markRead', kind: 'work',
    call: (server, _world, user, target) => pushOne(server, user, 'message.markRead', { messageId: conversations[target].inboundId }),
  },
  {
    name: 'push message.markThreadRead', kind: 'work',
    call: (server, _world, user, target) => pushOne(server, user, 'message.markThreadRead', {
      threadId: conversations[target].threadId, upTo: server.clock.now().toISOString(),
    }),
  },
  {
    // The first allowed caller makes it pending again; later ones are refused as invalid_state, which is no denial.
    name: 'push message.retryDelivery', kind: 'work',
    call: (server, _world, user, target) => pushOne(server, user, 'message.retryDelivery', { messageId: conversations[target].failedId }),
  },
  {
    name: 'push document.annotate', kind: 'work', cases: ['A1', 'B1'],
    call: (server, world, user, target) => pushOne(server, user, 'document.annotate', {
      annotationId: randomUUID(), documentId: world.documents[target as 'A1' | 'B1'], page: 1, body: 'matrix',
    }),
  },
  {
    name: 'push audit.recordRead', kind: 'read',
    call: (server, world, user, target) => pushOne(server, user, 'audit.recordRead', { objectType: 'case', objectId: world.cases[target].id, readAt: '2026-03-01T10:00:00Z' }),
  },
  {
    name: 'push case.recordNoticeOfDefault', kind: 'work',
    call: (server, world, user, target) => pushOne(server, user, 'case.recordNoticeOfDefault', { caseId: world.cases[target].id, noticeId: randomUUID(), receivedOn: '2026-03-01' }),
  },
  {
    // Re-assigning to the current assignee keeps every scope as it was, so rows stay independent.
    name: 'push case.assign', kind: 'assign', cases: ['A2', 'B2'],
    call: (server, world, user, target) => pushOne(server, user, 'case.assign',
      { caseId: world.cases[target].id, assigneeId: world.users.caseworkerA.id, reason: 'matrix' }, { assigneeId: world.users.caseworkerA.id }),
  },
  {
    name: 'GET /letters/:id/pdf', kind: 'read',
    async call(server, _world, user, target) {
      const response = await request(server, user, 'GET', `/letters/${letters[target]}/pdf`);
      expect([200, 404]).toContain(response.statusCode);
      return { allowed: response.statusCode === 200, body: response.body, auditObject: letters[target] };
    },
  },
  {
    name: 'GET /event-log', kind: 'export',
    async call(server, world, user, target) {
      const response = await request(server, user, 'GET', '/event-log?format=ocel');
      expect([200, 403]).toContain(response.statusCode);
      const objects = response.statusCode === 200 ? (response.json() as { objects: { id: string }[] }).objects : [];
      // A refusal is audited without an object id, so only the answer is checked here.
      return { allowed: objects.some((object) => object.id === world.cases[target].id), body: response.body, auditObject: '' };
    },
  },
  {
    name: 'push letter.approve', kind: 'review',
    call: (server, _world, user, target) => pushOne(server, user, 'letter.approve', { letterId: letters[target] }, { status: 'submitted' }),
  },
];

const letters = {} as Record<CaseKey, string>;
/** Per case: a thread with an inbound message, and an outbound message whose delivery failed. */
const conversations = {} as Record<CaseKey, { threadId: string; inboundId: string; failedId: string }>;
const userKeys: UserKey[] = ['caseworkerA', 'caseworkerA2', 'reviewerA', 'leadA', 'caseworkerB', 'leadB', 'trainer', 'admin'];
const caseKeys: CaseKey[] = ['A1', 'A2', 'B1', 'B2'];
const caseTeam: Record<CaseKey, 'A' | 'B'> = { A1: 'A', A2: 'A', B1: 'B', B2: 'B' };
const caseAssignee: Record<CaseKey, UserKey | null> = { A1: null, A2: 'caseworkerA', B1: null, B2: 'caseworkerA' };
const userTeam: Record<UserKey, 'A' | 'B' | null> = {
  caseworkerA: 'A', caseworkerA2: 'A', reviewerA: 'A', leadA: 'A', caseworkerB: 'B', leadB: 'B', trainer: null, admin: null,
};

const rows = endpoints.flatMap((endpoint) => userKeys.flatMap((userKey) => (endpoint.cases ?? caseKeys).map((caseKey) => {
  const sameTeam = userTeam[userKey] === caseTeam[caseKey];
  const own = caseAssignee[caseKey] === userKey;
  return { endpoint, userKey, caseKey, sameTeam, own, label: `${endpoint.name} · ${userKey} · ${sameTeam ? 'same' : 'other'} team · ${own ? 'own' : 'other'} case ${caseKey}` };
})));

async function prepareLetters(server: TestServer, world: World): Promise<void> {
  for (const caseKey of caseKeys) {
    const drafter = caseTeam[caseKey] === 'A' ? world.users.caseworkerA2 : world.users.caseworkerB;
    const letterId = randomUUID();
    // Submit and approval render the letter and check it against the case: the frame must agree with it.
    const frame = await consistentFrame(server, world.cases[caseKey].id, 'grant', server.clock.today());
    const results = await push(server, drafter, [
      mutation('letter.saveDraft', { letterId, caseId: world.cases[caseKey].id, kind: 'grant', body: 'Granted.', frame }),
      mutation('letter.submit', { letterId }, { status: 'draft' }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['applied', 'applied']);
    letters[caseKey] = letterId;
  }
}

const asIntake = (server: TestServer, method: 'GET' | 'POST', url: string, token: string | null, payload?: object) => server.app.inject({
  method, url, headers: token ? { authorization: `Bearer ${token}` } : {}, ...(payload ? { payload: payload as Record<string, unknown> } : {}),
});

async function prepareConversations(server: TestServer, world: World): Promise<void> {
  for (const caseKey of caseKeys) {
    const received = await asIntake(server, 'POST', '/intake/messages', intakeToken, {
      caseNumber: world.cases[caseKey].caseNumber, counterpart: 'applicant', subject: 'Matrix', body: 'matrix',
    });
    expect(received.statusCode).toBe(201);
    const inboundId = (received.json() as { id: string }).id;
    const [row] = await server.database.db.select({ threadId: messages.threadId }).from(messages).where(eq(messages.id, inboundId));
    const sender = caseTeam[caseKey] === 'A' ? world.users.caseworkerA : world.users.caseworkerB;
    const failedId = randomUUID();
    const [sent] = await push(server, sender, [mutation('message.send', {
      caseId: world.cases[caseKey].id, threadId: randomUUID(), messageId: failedId, body: 'matrix', newThread: { subject: 'Matrix', counterpart: 'applicant' },
    })]);
    expect(sent?.status).toBe('applied');
    const failed = await asIntake(server, 'POST', `/intake/messages/${failedId}/delivery`, intakeToken, { status: 'failed', reason: 'portal_unavailable' });
    expect(failed.statusCode).toBe(200);
    conversations[caseKey] = { threadId: row?.threadId ?? '', inboundId, failedId };
  }
}

describe('authorization matrix (production environment)', () => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    server = await createTestServer();
    world = await seedWorld(server);
    await prepareLetters(server, world);
    await prepareConversations(server, world);
  });
  afterAll(async () => server.close());

  it.each(rows)('$label', async ({ endpoint, userKey, caseKey, sameTeam, own }) => {
    const user = world.users[userKey];
    const expected = allowed(user.role, endpoint.kind, sameTeam, own, 'production');
    const answer = await endpoint.call(server, world, user, caseKey);
    expect(answer.allowed).toBe(expected);
    if (!expected) {
      // No case data in a denial, and the denial is in the audit log.
      expect(answer.body).not.toContain(world.cases[caseKey].caseNumber);
      expect(answer.body).not.toContain('Applicant');
      if (answer.auditObject) {
        const entries = await server.database.db.select().from(auditLog)
          .where(and(eq(auditLog.actorId, user.id), eq(auditLog.objectId, answer.auditObject), eq(auditLog.result, 'denied')));
        expect(entries.length).toBeGreaterThan(0);
      }
    }
  });

  it.each(userKeys.flatMap((userKey) => ['/admin/users', '/admin/audit', '/admin/audit/verify'].map((url) => ({ userKey, url }))))(
    'GET $url · $userKey', async ({ userKey, url }) => {
      const user = world.users[userKey];
      const response = await request(server, user, 'GET', url);
      expect(response.statusCode).toBe(user.role === 'admin' ? 200 : 403);
      if (user.role !== 'admin') {
        const denied = await server.database.db.select().from(auditLog)
          .where(and(eq(auditLog.actorId, user.id), eq(auditLog.objectType, 'admin'), eq(auditLog.result, 'denied')));
        expect(denied.length).toBeGreaterThan(0);
      }
    });

  // My IND's endpoints take the intake service token only: no token, a wrong one or any user's token is unauthenticated.
  const intakeRoutes: { name: string; method: 'GET' | 'POST'; url: (world: World) => string; payload?: (world: World) => object; ok: number }[] = [
    { name: 'GET /intake/messages/outbound', method: 'GET', url: () => '/intake/messages/outbound', ok: 200 },
    { name: 'POST /intake/messages/:id/delivery', method: 'POST', url: () => `/intake/messages/${conversations.A1.failedId}/delivery`, payload: () => ({ status: 'failed', reason: 'portal_unavailable' }), ok: 200 },
    { name: 'POST /intake/messages', method: 'POST', url: () => '/intake/messages', payload: (world) => ({ caseNumber: world.cases.A1.caseNumber, counterpart: 'applicant', subject: 'Matrix', body: 'matrix' }), ok: 201 },
  ];
  it.each(intakeRoutes.flatMap((route) => [null, 'wrong-token', ...userKeys, 'service'].map((caller) => ({ route, caller, label: `${route.name} · ${caller ?? 'no token'}` }))))(
    '$label', async ({ route, caller }) => {
      const token = caller === null ? null : caller === 'service' ? intakeToken : caller === 'wrong-token' ? 'wrong-token' : world.users[caller as UserKey].token;
      const response = await asIntake(server, route.method, route.url(world), token, route.payload?.(world));
      expect(response.statusCode).toBe(caller === 'service' ? route.ok : 401);
      if (caller !== 'service') {
        expect(response.json()).toMatchObject({ code: 'unauthenticated' });
        expect(response.body).not.toContain(world.cases.A1.caseNumber);
      }
    });

  it('refuses every endpoint without a token, and with a token signed by another key', async () => {
    for (const url of ['/cases', `/cases/${world.cases.A1.id}`, '/sync/pull', '/admin/users']) {
      expect((await request(server, null, 'GET', url)).statusCode).toBe(401);
      // Alter a character inside the signature: the last one has spare bits that decode alike.
      const token = world.users.admin.token;
      const at = token.length - 10;
      const forged = { ...world.users.admin, token: token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1) };
      expect((await request(server, forged, 'GET', url)).statusCode).toBe(401);
    }
  });
});

describe('authorization matrix (training environment)', () => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    server = await createTestServer({ environment: 'training' });
    world = await seedWorld(server);
    await prepareLetters(server, world);
    await prepareConversations(server, world);
  });
  afterAll(async () => server.close());

  const trainingRows = rows.filter((row) => row.userKey === 'trainer' || row.userKey === 'admin' || row.userKey === 'caseworkerB');
  it.each(trainingRows)('$label', async ({ endpoint, userKey, caseKey, sameTeam, own }) => {
    const user = world.users[userKey];
    const answer = await endpoint.call(server, world, user, caseKey);
    expect(answer.allowed).toBe(allowed(user.role, endpoint.kind, sameTeam, own, 'training'));
  });
});

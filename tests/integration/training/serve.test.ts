/**
 * The training server (npm run server -- --demo, the app's embedded default): seeding on first
 * start, identification, demo users, the trainer's movable clock (persisted, audited, trainer
 * only), scenario resets, and none of it on a production server. PGlite in a temporary folder, or
 * a fresh PostgreSQL database when DATABASE_URL is set.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPasswordCost } from '../../../src/server/auth/passwords';
import { auditLog, cases, messages } from '../../../src/server/db/schema';
import { fixedClock, silentLogger } from '../../../src/server/services';
import { type DatasetCase } from '../../../src/server/training/dataset';
import { readCases } from '../../../src/server/training/load';
import { runSimulation } from '../../../src/server/training/simulate';
import { startTrainingServer, type TrainingServer } from '../../../src/server/training/serve';
import { demoPassword, demoUsernames } from '../../../src/server/training/staff';
import { createTestServer } from '../server/harness';

const intakeToken = 'training-intake-token-0123456789';
const datasetToday = '2026-03-16';
const realClock = fixedClock(new Date('2026-11-22T10:00:00Z'));
const folder = mkdtempSync(join(tmpdir(), 'werkbank-training-serve-'));
let databaseUrl: string | undefined;
let dropDatabase = async () => {};
let server: TrainingServer;
let scenarioCases: DatasetCase[];

async function start(): Promise<TrainingServer> {
  return startTrainingServer({
    port: 0, dataDir: folder, seed: 3, caseCount: 8, today: datasetToday, intakeTokens: [intakeToken],
    logger: silentLogger, passwordCost: testPasswordCost, realClock, ...(databaseUrl ? { databaseUrl } : {}),
  });
}

beforeAll(async () => {
  const url = process.env['DATABASE_URL'];
  if (url) {
    const name = `werkbank_training_${randomBytes(5).toString('hex')}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    databaseUrl = target.toString();
    dropDatabase = async () => {
      const dropper = new Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  }
  server = await start();
  scenarioCases = [];
  for await (const kase of readCases(join(folder, 'training-dataset'))) if (kase.scenario) scenarioCases.push(kase);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await dropDatabase();
  rmSync(folder, { recursive: true, force: true });
});

async function call(method: 'GET' | 'PUT' | 'POST', path: string, token: string | null, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

async function signIn(username: string): Promise<string> {
  const answer = await call('POST', '/auth/login', null, { username, password: demoPassword });
  expect(answer.status).toBe(200);
  return (answer.json as { accessToken: string }).accessToken;
}

function scenarioCase(id: string): DatasetCase {
  const found = scenarioCases.find((kase) => kase.scenario === id);
  if (!found) throw new Error(`no case for scenario ${id}`);
  return found;
}

describe('a training server', () => {
  it('seeds an empty database and identifies itself as training, on the dataset\'s today', async () => {
    expect(server.seeded).toBe(true);
    expect(await server.database.db.$count(cases)).toBe(8);
    const health = await call('GET', '/health', null);
    expect(health.json).toMatchObject({ environment: 'training', today: datasetToday });
    const info = await call('GET', '/training/info', null);
    expect(info).toEqual({ status: 200, json: { environment: 'training', today: datasetToday, clock: { mode: 'fixed', today: datasetToday }, seed: 3, caseCount: 8, datasetToday } });
  });

  it('lists the demo users without signing in, and they sign in with the training password', async () => {
    const answer = await call('GET', '/training/demo-users', null);
    expect(answer.status).toBe(200);
    const users = answer.json as { username: string; role: string; displayName: string; team: string | null }[];
    expect(users.map((user) => user.username).sort()).toEqual(Object.values(demoUsernames).sort());
    expect(users.find((user) => user.username === demoUsernames.caseworker)).toMatchObject({ role: 'caseworker', team: 'Team Kennis & Arbeid' });
    expect(users.find((user) => user.username === demoUsernames.trainer)).toMatchObject({ role: 'trainer', team: null });
    expect(JSON.stringify(users)).not.toContain(demoPassword);
    await signIn(demoUsernames.caseworker);
  });

  it('lets only the trainer move the clock, and audits both the move and the refusal', async () => {
    const caseworker = await signIn(demoUsernames.caseworker);
    expect((await call('PUT', '/training/clock', caseworker, { today: '2026-04-01' })).status).toBe(403);
    expect((await call('PUT', '/training/clock', null, { today: '2026-04-01' })).status).toBe(401);
    expect((await call('GET', '/training/info', null)).json).toMatchObject({ today: datasetToday });

    const trainer = await signIn(demoUsernames.trainer);
    expect((await call('PUT', '/training/clock', trainer, { today: 'not-a-date' })).status).toBe(400);
    const moved = await call('PUT', '/training/clock', trainer, { today: '2026-03-20' });
    expect(moved).toMatchObject({ status: 200, json: { setting: { mode: 'fixed', today: '2026-03-20' }, today: '2026-03-20' } });
    expect((await call('GET', '/health', null)).json).toMatchObject({ today: '2026-03-20' });
    // The trainer's session survives the move: tokens live in real time.
    expect((await call('GET', '/training/clock', trainer)).status).toBe(200);

    const entries = await server.database.db.select().from(auditLog).where(eq(auditLog.objectType, 'training_clock'));
    expect(entries.map((entry) => [entry.action, entry.result, entry.objectId])).toEqual([['training.clock.set', 'ok', '2026-03-20']]);
    const denied = await server.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'training.clock.set'), eq(auditLog.result, 'denied')));
    expect(denied).toHaveLength(1);
  });

  it('computes penalties on the trainer\'s day, when the clock moves and on later writes', async () => {
    const trainer = await signIn(demoUsernames.trainer);
    const kase = scenarioCase('penalty-accruing');
    const penalty = async () => {
      const [row] = await server.database.db.select({ penalty: cases.penaltyAmountCents, version: cases.version }).from(cases).where(eq(cases.id, kase.id));
      return row ?? { penalty: -1, version: -1 };
    };
    expect((await call('PUT', '/training/clock', trainer, { today: datasetToday })).status).toBe(200);
    const early = await penalty();
    expect(early.penalty).toBeGreaterThan(0);
    // Moving the clock alone recomputes the accruing penalty (a new version clients pull).
    expect((await call('PUT', '/training/clock', trainer, { today: '2026-03-30' })).status).toBe(200);
    const later = await penalty();
    expect(later.penalty).toBeGreaterThan(early.penalty);
    expect(later.version).toBeGreaterThan(early.version);
    // A write on the case computes on the trainer's day too: the same day gives the same penalty.
    const recorded = await call('POST', '/intake/biometrics-appointments', intakeToken,
      { caseNumber: kase.caseNumber, kind: 'ind_desk', location: 'IND Den Haag', at: '2026-04-02T09:00:00.000Z' });
    expect(recorded.status).toBe(201);
    expect((await penalty()).penalty).toBe(later.penalty);
    expect((await call('PUT', '/training/clock', trainer, { today: '2026-03-20' })).status).toBe(200);
  });

  it('resets a scenario for the trainer only, audited', async () => {
    const kase = scenarioCase('missing-documents');
    const before = await server.database.db.$count(messages, eq(messages.caseId, kase.id));
    const sent = await call('POST', '/intake/messages', intakeToken, { caseNumber: kase.caseNumber, subject: 'Bankafschriften', counterpart: 'applicant', body: 'Bijgevoegd.' });
    expect(sent.status).toBe(201);
    expect(await server.database.db.$count(messages, eq(messages.caseId, kase.id))).toBe(before + 1);

    const caseworker = await signIn(demoUsernames.caseworker);
    expect((await call('POST', '/training/scenarios/reset', caseworker, {})).status).toBe(403);
    const trainer = await signIn(demoUsernames.trainer);
    const listed = await call('GET', '/training/scenarios', trainer);
    expect((listed.json as { id: string }[]).map((scenario) => scenario.id)).toContain('missing-documents');
    expect((await call('POST', '/training/scenarios/reset', trainer, { scenarios: ['no-such-scenario'] })).status).toBe(404);
    const reset = await call('POST', '/training/scenarios/reset', trainer, { scenarios: ['missing-documents'] });
    expect(reset).toEqual({ status: 200, json: { scenarios: ['missing-documents'], cases: 1 } });
    expect(await server.database.db.$count(messages, eq(messages.caseId, kase.id))).toBe(before);
    const entries = await server.database.db.select().from(auditLog).where(eq(auditLog.action, 'training.scenario.reset'));
    expect(entries.map((entry) => entry.objectId)).toEqual(['missing-documents']);
  });

  it('takes the simulator\'s applicant traffic over loopback, and delivers what caseworkers sent', async () => {
    const before = await server.database.db.$count(cases);
    const caseworker = await signIn(demoUsernames.caseworker);
    const kase = scenarioCase('deadline-tomorrow');
    const messageId = randomUUID();
    const pushed = await call('POST', '/sync/push', caseworker, { mutations: [{ clientMutationId: randomUUID(), name: 'message.send', base: {}, args: {
      caseId: kase.id, threadId: randomUUID(), messageId, body: 'Uw aanvraag is in behandeling.', newThread: { subject: 'Stand van zaken', counterpart: 'applicant' },
    } }] });
    expect(pushed.json).toMatchObject({ results: [{ status: 'applied' }] });
    const summary = await runSimulation({ serverUrl: server.url, token: intakeToken, ratePerSecond: 1000, maxEvents: 40, seed: 2, concurrency: 4 });
    expect(summary).toMatchObject({ events: 40, accepted: 40, failed: 0 });
    expect(summary.deliveries.delivered + summary.deliveries.failed).toBeGreaterThanOrEqual(1);
    expect(summary.deliveries.errors).toBe(0);
    const [sent] = await server.database.db.select().from(messages).where(eq(messages.id, messageId));
    expect(sent?.delivery).not.toBe('pending');
    expect(summary.casesCreated).toBeGreaterThan(0);
    expect(await server.database.db.$count(cases)).toBe(before + summary.casesCreated);
    const refused = await runSimulation({ serverUrl: server.url, token: 'wrong-token', ratePerSecond: 1000, maxEvents: 3, seed: 2 });
    expect(refused).toMatchObject({ accepted: 0, failed: 3, failuresByStatus: { 401: 3 } });
  });

  it('keeps its data and the trainer\'s clock over a restart, and returns to real time on request', async () => {
    await server.close();
    server = await start();
    expect(server.seeded).toBe(false);
    expect((await call('GET', '/training/info', null)).json).toMatchObject({ today: '2026-03-20', clock: { mode: 'fixed', today: '2026-03-20' } });
    const trainer = await signIn(demoUsernames.trainer);
    const real = await call('PUT', '/training/clock', trainer, { mode: 'real' });
    expect(real).toMatchObject({ status: 200, json: { setting: { mode: 'real' }, today: '2026-11-22' } });
  }, 60_000);
});

describe('a production server', () => {
  it('has no training endpoints and reports environment production', async () => {
    const production = await createTestServer();
    try {
      for (const url of ['/training/info', '/training/demo-users', '/training/clock', '/training/scenarios']) {
        expect((await production.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
      }
      expect((await production.app.inject({ method: 'PUT', url: '/training/clock', payload: { today: '2026-01-01' } })).statusCode).toBe(404);
      expect((await production.app.inject({ method: 'GET', url: '/health' })).json()).toMatchObject({ environment: 'production' });
    } finally {
      await production.close();
    }
  });
});

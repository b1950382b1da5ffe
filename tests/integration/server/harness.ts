/**
 * Test harness for the central API: a fresh database per test file (PGlite in memory, or a new
 * database on the server of DATABASE_URL, dropped afterwards), a server on a fixed clock, and a
 * small world of teams, users and cases to test against.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase, type OpenDatabase } from '../../../src/server/db/database';
import { createServer, type WerkbankServer } from '../../../src/server/app';
import { createHmacTokenIssuer } from '../../../src/server/auth/tokens';
import { testPasswordCost } from '../../../src/server/auth/passwords';
import { createTeam, createUser } from '../../../src/server/admin/directory';
import { runWrite } from '../../../src/server/sync/publish';
import { fixedClock, silentLogger, type EnvironmentKind } from '../../../src/server/services';
import type { Role } from '../../../src/server/db/schema';
import { pullResponse, type MutationEnvelope, type MutationResult, type PullResponse } from '../../../src/shared/sync';

export interface TestDatabase extends OpenDatabase {
  /** Where it runs, for test names. */
  label: string;
}

/** A fresh database: PGlite in memory, or CREATE DATABASE werkbank_t_<random> on DATABASE_URL. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env['DATABASE_URL'];
  if (!url) return { ...(await openDatabase({ kind: 'pglite' })), label: 'pglite' };
  const name = `werkbank_t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  admin.on('error', () => undefined);
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 8 });
  return {
    ...database, label: 'postgres',
    close: async () => {
      await database.close();
      const dropper = new Client({ connectionString: url });
      dropper.on('error', () => undefined);
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export const intakeToken = 'intake-test-token-0123456789abcdef';
export const startOfTest = new Date('2026-03-02T09:00:00Z');

export interface TestServer extends WerkbankServer {
  database: TestDatabase;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

/** A server on a fresh database with a fixed clock. */
export async function createTestServer(options: { environment?: EnvironmentKind; database?: TestDatabase; loginsPerMinute?: number } = {}): Promise<TestServer> {
  const database = options.database ?? (await createTestDatabase());
  const clock = fixedClock(startOfTest);
  const server = await createServer({
    db: database.db, clock, environment: options.environment ?? 'production', logger: silentLogger,
    tokens: createHmacTokenIssuer(randomBytes(32)), intakeTokens: [intakeToken], passwordCost: testPasswordCost,
    loginsPerMinute: options.loginsPerMinute ?? 1000, bodyLimit: 256 * 1024, documentBodyLimit: 1024 * 1024,
  });
  return {
    ...server, database, clock,
    close: async () => {
      await server.app.close();
      if (!options.database) await database.close();
    },
  };
}

export const password = 'correct horse battery staple';

export interface WorldUser {
  id: string;
  username: string;
  role: Role;
  teamIds: string[];
  token: string;
}

export interface World {
  teamA: string;
  teamB: string;
  users: Record<'caseworkerA' | 'caseworkerA2' | 'reviewerA' | 'leadA' | 'caseworkerB' | 'leadB' | 'trainer' | 'admin', WorldUser>;
  /** A1 team A unassigned; A2 team A assigned to caseworkerA; B1 team B unassigned; B2 team B assigned to caseworkerA. */
  cases: Record<'A1' | 'A2' | 'B1' | 'B2', { id: string; caseNumber: string }>;
  documents: Record<'A1' | 'B1', string>;
}

/** A minimal valid-looking PDF. */
export const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** Teams, one user per role (two caseworkers in A), four cases created through intake, two documents. */
export async function seedWorld(server: TestServer): Promise<World> {
  const { db } = server.database;
  const now = server.clock.now();
  const made = await runWrite(db, now, server.context.head, async (batch) => {
    const teamA = await createTeam(batch, 'Team A');
    const teamB = await createTeam(batch, 'Team B');
    const specs: [keyof World['users'], Role, string[]][] = [
      ['caseworkerA', 'caseworker', [teamA]], ['caseworkerA2', 'caseworker', [teamA]], ['reviewerA', 'reviewer', [teamA]],
      ['leadA', 'team_lead', [teamA]], ['caseworkerB', 'caseworker', [teamB]], ['leadB', 'team_lead', [teamB]],
      ['trainer', 'trainer', []], ['admin', 'admin', []],
    ];
    const users = {} as World['users'];
    for (const [key, role, teamIds] of specs) {
      const id = await createUser(batch, { username: key.toLowerCase(), displayName: key, role, password, teamIds }, testPasswordCost);
      const token = server.context.tokens.issue({ userId: id, sessionId: randomUUID(), role }, new Date(now.getTime() + 3600_000 * 24 * 365 - 300_000)).token;
      users[key] = { id, username: key.toLowerCase(), role, teamIds, token };
    }
    return { teamA, teamB, users };
  });
  // Tokens issued "in the future" stay valid while tests move the clock forward by up to a year.
  const cases = {} as World['cases'];
  for (const [key, team] of [['A1', made.teamA], ['A2', made.teamA], ['B1', made.teamB], ['B2', made.teamB]] as const) {
    const caseNumber = `IND-${key}-${randomBytes(3).toString('hex')}`;
    const response = await server.app.inject({
      method: 'POST', url: '/intake/applications', headers: { authorization: `Bearer ${intakeToken}` },
      payload: {
        caseNumber, caseType: 'highly_skilled_migrant', receivedOn: '2026-02-02', teamId: team,
        applicant: { name: `Applicant ${key}`, vNumber: '0123456789', nationality: 'IND' },
      },
    });
    if (response.statusCode !== 201) throw new Error(`intake failed: ${response.body}`);
    cases[key] = { id: (response.json() as { caseId: string }).caseId, caseNumber };
  }
  const documents = {} as World['documents'];
  for (const key of ['A1', 'B1'] as const) {
    const response = await server.app.inject({
      method: 'POST', url: '/intake/documents', headers: { authorization: `Bearer ${intakeToken}` },
      payload: { caseNumber: cases[key].caseNumber, title: 'Passport', kind: 'passport', mediaType: 'application/pdf', contentBase64: tinyPdf.toString('base64') },
    });
    if (response.statusCode !== 201) throw new Error(`document intake failed: ${response.body}`);
    documents[key] = (response.json() as { id: string }).id;
  }
  const world: World = { teamA: made.teamA, teamB: made.teamB, users: made.users, cases, documents };
  // Assignments as a team lead would make them, through the real mutation.
  await push(server, world.users.leadA, [mutation('case.assign', { caseId: cases.A2.id, assigneeId: made.users.caseworkerA.id, reason: 'seed' }, { assigneeId: null })]);
  await push(server, world.users.leadB, [mutation('case.assign', { caseId: cases.B2.id, assigneeId: made.users.caseworkerA.id, reason: 'seed' }, { assigneeId: null })]);
  return world;
}

/**
 * An objection case (bezwaar) in team A, through intake like the world's cases. Kept out of seedWorld:
 * other test files count the world's cases, and only the objection tests need one.
 */
export async function seedObjectionCase(server: TestServer, world: World, caseType: 'objection_regular' | 'objection_naturalisation',
  dates: { receivedOn: string; contestedDecisionOn: string }): Promise<{ id: string; caseNumber: string }> {
  const caseNumber = `IND-OBJ-${randomBytes(3).toString('hex')}`;
  const response = await server.app.inject({
    method: 'POST', url: '/intake/applications', headers: { authorization: `Bearer ${intakeToken}` },
    payload: {
      caseNumber, caseType, ...dates, teamId: world.teamA,
      applicant: { name: 'Applicant Objection', vNumber: '0123456780', nationality: 'IND' },
    },
  });
  if (response.statusCode !== 201) throw new Error(`objection intake failed: ${response.body}`);
  return { id: (response.json() as { caseId: string }).caseId, caseNumber };
}

/** A mutation envelope with a fresh client mutation id. */
export function mutation(name: string, args: unknown, base: Record<string, string | number | boolean | null> = {}): MutationEnvelope {
  return { clientMutationId: randomUUID(), name, args, base };
}

/** Pushes mutations as `user` and returns the results; fails the test on a non-200 answer. */
export async function push(server: TestServer, user: WorldUser, mutations: MutationEnvelope[]): Promise<MutationResult[]> {
  const response = await server.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${user.token}` }, payload: { mutations } });
  if (response.statusCode !== 200) throw new Error(`push answered ${response.statusCode}: ${response.body}`);
  const results = (response.json() as { results: MutationResult[] }).results;
  return results;
}

/** Pulls every page after `cursor` as `user`. */
export async function pullAll(server: TestServer, user: WorldUser, cursor?: string, limit = 500): Promise<PullResponse> {
  const changes: PullResponse['changes'] = [];
  let next = cursor;
  for (;;) {
    const query = new URLSearchParams({ limit: String(limit), ...(next === undefined ? {} : { cursor: next }) });
    const response = await server.app.inject({ method: 'GET', url: `/sync/pull?${query}`, headers: { authorization: `Bearer ${user.token}` } });
    if (response.statusCode !== 200) throw new Error(`pull answered ${response.statusCode}: ${response.body}`);
    // Parsed with the protocol's schema: the server writes this JSON by hand (pullChangesJson).
    const page = pullResponse.parse(response.json());
    changes.push(...page.changes);
    next = page.nextCursor;
    if (!page.hasMore) return { changes, nextCursor: page.nextCursor, hasMore: false };
  }
}

/** Sends an authenticated request with `inject`. */
export function request(server: TestServer, user: WorldUser | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) {
  return server.app.inject({
    method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    headers: user ? { authorization: `Bearer ${user.token}` } : {},
  });
}

/**
 * npm run bench:server — the central API against PostgreSQL on loopback (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test; a fresh database is created and dropped).
 *
 * Prints one JSON object per line: {"bench", "metric", "value", "unit", "floor"?}. Floors measured
 * in the same run: a bare Node HTTP server answering the same idle-pull body (the HTTP floor), and
 * raw PostgreSQL single-row insert transactions (the commit floor of the database).
 * Goals on the 2-core machine: idle pull p99 ≤ 20 ms at 200 clients; ≥ 300 mutations/s.
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, createServer, request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { Client, Pool } from 'pg';
import { openDatabase } from '../../src/server/db/database';
import { runWrite } from '../../src/server/sync/publish';
import { createTeam, createUser } from '../../src/server/admin/directory';
import { testPasswordCost } from '../../src/server/auth/passwords';

const baseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const clients = Number(process.env['BENCH_CLIENTS'] ?? 200);
const seconds = Number(process.env['BENCH_SECONDS'] ?? 8);
const teamsCount = 10;
const casesCount = Number(process.env['BENCH_CASES'] ?? 1000);
const intakeToken = 'bench-intake-token';

function emit(bench: string, metric: string, value: number, unit: string, floor?: number): void {
  const rounded = (number: number) => Math.round(number * 100) / 100;
  console.log(JSON.stringify({ bench, metric, value: rounded(value), unit, ...(floor === undefined ? {} : { floor: rounded(floor) }) }));
}

const agent = new Agent({ keepAlive: true, maxSockets: clients + 20 });

/** One HTTP request over the shared keep-alive agent; resolves with status and body. */
function call(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, agent, headers: { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    request.on('error', reject);
    if (body) request.write(body);
    request.end();
  });
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? Number.NaN;
}

/** `workers` loops each calling `work` until `durationMs` passes; returns latencies in ms. */
async function closedLoop(workers: number, durationMs: number, work: (worker: number) => Promise<void>): Promise<{ latencies: number[]; elapsed: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(Array.from({ length: workers }, async (_, worker) => {
    while (performance.now() < deadline) {
      const begin = performance.now();
      await work(worker);
      latencies.push(performance.now() - begin);
    }
  }));
  return { latencies: latencies.sort((left, right) => left - right), elapsed: performance.now() - started };
}

/** Each of `workers` clients calls `work` every `intervalMs` (offered load independent of latency). */
async function paced(workers: number, intervalMs: number, durationMs: number, work: (worker: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  const deadline = performance.now() + durationMs;
  await Promise.all(Array.from({ length: workers }, async (_, worker) => {
    await new Promise((resolve) => setTimeout(resolve, (intervalMs * worker) / workers));
    while (performance.now() < deadline) {
      const begin = performance.now();
      await work(worker);
      const took = performance.now() - begin;
      latencies.push(took);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - took)));
    }
  }));
  return latencies.sort((left, right) => left - right);
}

async function main(): Promise<void> {
  const name = `werkbank_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const target = new URL(baseUrl);
  target.pathname = `/${name}`;
  const databaseUrl = target.toString();
  const secret = randomBytes(32).toString('base64');
  let child: ReturnType<typeof spawn> | undefined;
  try {
    // Seed teams and users directly (fast password cost), then start the API in its own process.
    const database = await openDatabase({ kind: 'postgres', url: databaseUrl });
    const users: { username: string; teamId: string }[] = [];
    const teamIds: string[] = [];
    await runWrite(database.db, new Date(), null, async (batch) => {
      for (let team = 0; team < teamsCount; team += 1) teamIds.push(await createTeam(batch, `Team ${team}`));
      for (let user = 0; user < clients; user += 1) {
        const teamId = teamIds[user % teamsCount] as string;
        const username = `bench${user}`;
        await createUser(batch, { username, displayName: username, role: 'caseworker', password: 'bench password', teamIds: [teamId] }, testPasswordCost);
        users.push({ username, teamId });
      }
    });
    await database.close();

    child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/server-process.ts'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, WERKBANK_TOKEN_SECRET: secret, WERKBANK_INTAKE_TOKEN: intakeToken },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(child.stdout as NodeJS.ReadableStream, 'data')) as [Buffer];
    const { url } = JSON.parse(line.toString().split('\n')[0] as string) as { url: string };

    const caseIdsByTeam = new Map<string, string[]>();
    for (let index = 0; index < casesCount; index += 1) {
      const teamId = teamIds[index % teamsCount] as string;
      const response = await call(`${url}/intake/applications`, 'POST', { authorization: `Bearer ${intakeToken}` }, JSON.stringify({
        caseNumber: `BENCH-${index}`, caseType: index % 3 === 0 ? 'study' : 'highly_skilled_migrant', receivedOn: '2026-01-15', teamId,
        applicant: { name: `Applicant ${index}`, vNumber: String(1_000_000_000 + index) },
      }));
      if (response.status !== 201) throw new Error(`intake ${response.status}`);
      caseIdsByTeam.set(teamId, [...(caseIdsByTeam.get(teamId) ?? []), (JSON.parse(response.body) as { caseId: string }).caseId]);
    }
    const sessions = await Promise.all(users.map(async (user) => {
      const response = await call(`${url}/auth/login`, 'POST', {}, JSON.stringify({ username: user.username, password: 'bench password' }));
      if (response.status !== 200) throw new Error(`login ${response.status}`);
      return { ...user, token: (JSON.parse(response.body) as { accessToken: string }).accessToken, cursor: '' };
    }));
    // Bootstrap every client to the head.
    for (const session of sessions) {
      let hasMore = true;
      while (hasMore) {
        const response = await call(`${url}/sync/pull?limit=1000${session.cursor ? `&cursor=${session.cursor}` : ''}`, 'GET', { authorization: `Bearer ${session.token}` });
        const page = JSON.parse(response.body) as { nextCursor: string; hasMore: boolean };
        session.cursor = page.nextCursor;
        hasMore = page.hasMore;
      }
    }

    const only = process.env['BENCH_ONLY'];
    if (only !== 'mutations') {
    // HTTP floor: a bare Node server on loopback answering the same idle body.
    const idleBody = JSON.stringify({ changes: [], nextCursor: sessions[0]?.cursor ?? '0', hasMore: false });
    const bare = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(idleBody);
    });
    bare.listen(0, '127.0.0.1');
    await once(bare, 'listening');
    const bareAddress = bare.address();
    const bareUrl = `http://127.0.0.1:${typeof bareAddress === 'object' && bareAddress ? bareAddress.port : 0}/`;
    const floorRun = await closedLoop(clients, seconds * 500, async () => { await call(bareUrl, 'GET', {}); });
    bare.close();

    const idleRun = await closedLoop(clients, seconds * 1000, async (worker) => {
      const session = sessions[worker] as (typeof sessions)[number];
      const response = await call(`${url}/sync/pull?cursor=${session.cursor}`, 'GET', { authorization: `Bearer ${session.token}` });
      if (response.status !== 200) throw new Error(`pull ${response.status}`);
    });
    emit('server.idle_pull', 'throughput_200_clients_closed_loop', idleRun.latencies.length / (idleRun.elapsed / 1000), 'req/s', floorRun.latencies.length / (floorRun.elapsed / 1000));
    emit('server.idle_pull', 'p50_200_clients_closed_loop', percentile(idleRun.latencies, 0.5), 'ms', percentile(floorRun.latencies, 0.5));
    emit('server.idle_pull', 'p99_200_clients_closed_loop', percentile(idleRun.latencies, 0.99), 'ms', percentile(floorRun.latencies, 0.99));
    // Clients that poll once a second each (the fallback when SSE is unavailable).
    const pacedRun = await paced(clients, 1000, seconds * 1000, async (worker) => {
      const session = sessions[worker] as (typeof sessions)[number];
      await call(`${url}/sync/pull?cursor=${session.cursor}`, 'GET', { authorization: `Bearer ${session.token}` });
    });
    emit('server.idle_pull', 'p50_200_clients_polling_1s', percentile(pacedRun, 0.5), 'ms');
    emit('server.idle_pull', 'p99_200_clients_polling_1s', percentile(pacedRun, 0.99), 'ms');
    // The same 200 clients polling ten times a second (2,000 pulls/s offered).
    const busyRun = await paced(clients, 100, seconds * 1000, async (worker) => {
      const session = sessions[worker] as (typeof sessions)[number];
      await call(`${url}/sync/pull?cursor=${session.cursor}`, 'GET', { authorization: `Bearer ${session.token}` });
    });
    emit('server.idle_pull', 'p50_200_clients_polling_100ms', percentile(busyRun, 0.5), 'ms');
    emit('server.idle_pull', 'p99_200_clients_polling_100ms', percentile(busyRun, 0.99), 'ms');
    }

    // Raw commit floor of PostgreSQL: single-row insert transactions from 20 connections.
    const rawPool = new Pool({ connectionString: databaseUrl, max: 20 });
    await rawPool.query('create table bench_raw (id bigserial primary key, body text)');
    const rawRun = await closedLoop(20, seconds * 500, async () => {
      const connection = await rawPool.connect();
      try {
        await connection.query('begin');
        await connection.query('insert into bench_raw (body) values ($1)', ['x']);
        await connection.query('commit');
      } finally {
        connection.release();
      }
    });
    await rawPool.end();
    const rawPerSecond = rawRun.latencies.length / (rawRun.elapsed / 1000);

    // Mutations: 20 clients pushing one mutation per request (note, message, claim/release).
    let applied = 0;
    let refused = 0;
    const mutationClients = Number(process.env['BENCH_MUTATION_CLIENTS'] ?? 20);
    const single = await closedLoop(mutationClients, seconds * 1000, async (worker) => {
      const session = sessions[worker] as (typeof sessions)[number];
      const caseIds = caseIdsByTeam.get(session.teamId) ?? [];
      const caseId = caseIds[Math.floor(Math.random() * caseIds.length)] as string;
      const kind = Math.random();
      const envelope = kind < 0.6
        ? { name: 'case.addNote', args: { caseId, noteId: randomUUID(), body: 'Benchmark note.' }, base: {} }
        : { name: 'message.send', args: { caseId, threadId: randomUUID(), messageId: randomUUID(), body: 'Benchmark message.', newThread: { subject: 'Bench', counterpart: 'applicant' } }, base: {} };
      const response = await call(`${url}/sync/push`, 'POST', { authorization: `Bearer ${session.token}` },
        JSON.stringify({ mutations: [{ clientMutationId: randomUUID(), ...envelope }] }));
      const results = (JSON.parse(response.body) as { results: { status: string }[] }).results;
      for (const result of results) if (result.status === 'applied') applied += 1; else refused += 1;
    });
    emit('server.mutations', 'applied_per_second_20_clients_1_per_push', applied / (single.elapsed / 1000), 'mutations/s', rawPerSecond);
    emit('server.mutations', 'push_p99_20_clients_1_per_push', percentile(single.latencies, 0.99), 'ms');
    if (refused > 0) emit('server.mutations', 'refused', refused, 'count');

    applied = 0;
    const batched = await closedLoop(mutationClients, seconds * 1000, async (worker) => {
      const session = sessions[worker] as (typeof sessions)[number];
      const caseIds = caseIdsByTeam.get(session.teamId) ?? [];
      const mutations = Array.from({ length: 10 }, () => ({
        clientMutationId: randomUUID(), name: 'case.addNote',
        args: { caseId: caseIds[Math.floor(Math.random() * caseIds.length)], noteId: randomUUID(), body: 'Outbox flush.' }, base: {},
      }));
      const response = await call(`${url}/sync/push`, 'POST', { authorization: `Bearer ${session.token}` }, JSON.stringify({ mutations }));
      for (const result of (JSON.parse(response.body) as { results: { status: string }[] }).results) if (result.status === 'applied') applied += 1;
    });
    emit('server.mutations', 'applied_per_second_20_clients_10_per_push', applied / (batched.elapsed / 1000), 'mutations/s', rawPerSecond);
  } finally {
    if (child) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    agent.destroy();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

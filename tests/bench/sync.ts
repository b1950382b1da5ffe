/**
 * npm run bench:sync — the data host's sync against the central API on PostgreSQL (DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/test; a fresh database is created and dropped).
 *
 * Prints one JSON object per line: {"bench", "metric", "value", "unit", "floor"?}. Measures, for
 * BENCH_SYNC_CASES (default 100,000) realistic cases of about 1 KB (case row + applicant, and a
 * sponsor for every third case): bootstrap into an empty cache, 1,000 incremental changes, a
 * no-change pull, the host's peak RSS; and in the same run the raw floor, a better-sqlite3 bulk
 * insert of the same rows in one transaction.
 * Goals on the 2-core machine: bootstrap ≤ 3× floor and ≤ 15 s; 1,000 changes ≤ 1 s;
 * no-change pull ≤ 20 ms; host memory ≤ 400 MB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { openCache } from '../../src/main/host/db/open';
import { silentLogger } from '../../src/main/host/log';
import { createCentralApi } from '../../src/main/host/sync/api-client';
import { SyncEngine } from '../../src/main/host/sync/engine';
import { memorySecretStore, Session } from '../../src/main/host/session/session';
import { openDatabase } from '../../src/server/db/database';
import { runWrite } from '../../src/server/sync/publish';
import { createTeam, createUser } from '../../src/server/admin/directory';
import { testPasswordCost } from '../../src/server/auth/passwords';
import { tempDir } from '../helpers/temp-dir';

const databaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const casesCount = Number(process.env['BENCH_SYNC_CASES'] ?? 100_000);
const changesCount = 1000;
const password = 'bench password that is long enough';

function emit(metric: string, value: number, unit: string, floor?: number): void {
  const rounded = (number: number) => Math.round(number * 100) / 100;
  console.log(JSON.stringify({ bench: 'sync', metric, value: rounded(value), unit, ...(floor === undefined ? {} : { floor: rounded(floor) }) }));
}

async function admin(statement: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Teams, the benchmark user, and the published rows of `casesCount` cases, written straight into the change log. */
async function seed(url: string): Promise<void> {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
  try {
    const now = new Date();
    const teamId = await runWrite(database.db, now, null, async (batch) => {
      const team = await createTeam(batch, 'Bench team');
      await createUser(batch, { username: 'bench', displayName: 'Bench caseworker', role: 'caseworker', password, teamIds: [team] }, testPasswordCost);
      return team;
    });
    // Shaped like the rows the API publishes (rowData of cases and parties), in one statement per
    // 10,000 cases; each case is followed by its parties in sequence order, as intake writes them.
    for (let from = 1; from <= casesCount; from += 10_000) {
      const to = Math.min(casesCount, from + 9_999);
      await database.db.execute(sql`
        insert into sync_rows (entity, id, seq, version, case_id, team_id, assignee_id, owner_id, global, deleted, data)
        select r.entity, r.id, nextval('sync_seq'), 1, r.case_id, ${teamId}::text, null, null, false, false, r.data from (
          select g, k,
            case k when 0 then 'case' else 'party' end as entity,
            md5(k || '-' || g)::uuid::text as id,
            md5('0-' || g)::uuid::text as case_id,
            case k
              when 0 then jsonb_build_object(
                'id', md5('0-' || g)::uuid::text, 'caseNumber', 'IND-2026-' || lpad(g::text, 7, '0'),
                'caseType', (array['highly_skilled_migrant','family_reunification','study','asylum_regular'])[1 + g % 4],
                'regime', (array['regular_90_days','regular_90_days','regular_60_days','asylum_6_months'])[1 + g % 4],
                'status', (array['intake','in_progress','waiting_on_applicant','in_review'])[1 + g % 4],
                'teamId', ${teamId}::text, 'assigneeId', null,
                'receivedOn', to_char(date '2025-06-01' + (g % 300), 'YYYY-MM-DD'), 'contestedDecisionOn', null,
                'feeStatus', 'paid', 'feePaidOn', to_char(date '2025-06-01' + (g % 300), 'YYYY-MM-DD'), 'feeAmountCents', 38000,
                'biometrics', jsonb_build_object('kind', 'ind_desk', 'location', 'IND-loket Rijswijk', 'at', '2025-07-01T09:30:00.000Z'),
                'deadline', to_char(date '2025-09-01' + (g % 300), 'YYYY-MM-DD'), 'penaltyAmountCents', 0,
                'application', null, 'decision', null, 'decidedOn', null, 'version', 1,
                'createdAt', '2025-06-01T08:00:00.000Z', 'updatedAt', '2025-06-01T08:00:00.000Z')
              else jsonb_build_object(
                'id', md5(k || '-' || g)::uuid::text, 'caseId', md5('0-' || g)::uuid::text,
                'role', case k when 1 then 'applicant' else 'sponsor' end,
                'name', case k when 1 then 'Applicant ' || g || ' van der Berg-Öztürk' else 'Sponsor ' || g || ' B.V.' end,
                'vNumber', case k when 1 then lpad((g * 7919 % 10000000000)::text, 10, '0') else null end,
                'bsn', null, 'birthDate', case k when 1 then '1990-04-12' else null end, 'nationality', case k when 1 then 'TUR' else null end,
                'organisation', case k when 2 then 'Sponsor ' || g || ' B.V.' else null end, 'recognisedSponsor', k = 2,
                'address', jsonb_build_object('street', 'Stationsweg ' || g, 'postalCode', '2312 AV', 'city', 'Leiden', 'country', 'NL'),
                'email', 'person' || g || '@example.org', 'phone', '+31 6 1234 5678', 'version', 1,
                'createdAt', '2025-06-01T08:00:00.000Z', 'updatedAt', '2025-06-01T08:00:00.000Z')
            end as data
          from generate_series(${from}::int, ${to}::int) g cross join (values (0), (1), (2)) v(k)
          where k < 2 or g % 3 = 0
          order by g, k
        ) r`);
    }
  } finally {
    await database.close();
  }
}

async function startServerProcess(url: string): Promise<{ process: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'server-process.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: url, WERKBANK_TOKEN_SECRET: randomBytes(32).toString('base64') },
  });
  if (!child.stdout) throw new Error('server process has no stdout');
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  return { process: child, baseUrl: (JSON.parse(line.toString().split('\n')[0] ?? '{}') as { url: string }).url };
}

/**
 * The raw floor: the cache's rows, inserted by better-sqlite3 into a fresh file in one transaction
 * with the same pragmas.
 */
function measureFloor(cache: Database.Database, file: string): { floor: number; rowCount: number } {
  const rows = cache.prepare('SELECT entity, id, version, case_id AS caseId, data FROM server_rows').all() as
    { entity: string; id: string; version: number; caseId: string | null; data: string }[];
  const floorDb = new Database(file);
  floorDb.pragma('journal_mode = WAL');
  floorDb.pragma('synchronous = FULL');
  floorDb.exec('CREATE TABLE rows (entity TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, case_id TEXT, data TEXT NOT NULL, PRIMARY KEY (entity, id)) STRICT, WITHOUT ROWID');
  const insert = floorDb.prepare('INSERT INTO rows (entity, id, version, case_id, data) VALUES (?, ?, ?, ?, ?)');
  const floorStart = performance.now();
  floorDb.transaction(() => {
    for (const row of rows) insert.run(row.entity, row.id, row.version, row.caseId, row.data);
  })();
  const floor = performance.now() - floorStart;
  floorDb.close();
  return { floor, rowCount: rows.length };
}

async function main(): Promise<void> {
  const name = `werkbank_sync_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const target = new URL(databaseUrl);
  target.pathname = `/${name}`;
  const dir = tempDir('werkbank-sync-bench-');
  let server: ChildProcess | undefined;
  try {
    const seeding = performance.now();
    await seed(target.toString());
    emit('seed_server', performance.now() - seeding, 'ms');
    const started = await startServerProcess(target.toString());
    server = started.process;

    const cache = openCache({ file: join(dir.path, 'cache.sqlite') });
    const direct = createCentralApi({ baseUrl: started.baseUrl, timeoutMilliseconds: 60_000 });
    // Time spent waiting for the server's pages, to split the bootstrap into server and host shares.
    let waiting = 0;
    const api = {
      ...direct,
      pull: async (...args: Parameters<typeof direct.pull>) => {
        const begin = performance.now();
        try {
          return await direct.pull(...args);
        } finally {
          waiting += performance.now() - begin;
        }
      },
    };
    const clock = { now: () => new Date() };
    const session = new Session({ sqlite: cache.sqlite, api, secrets: memorySecretStore(), now: clock.now });
    const engine = new SyncEngine({
      sqlite: cache.sqlite, api, session, clock, random: Math.random, logger: silentLogger, schedule: () => () => undefined,
    });
    await session.signIn('bench', password);
    // Time spent applying pages to the cache, the host's share of the bootstrap.
    let applying = 0;
    const applyPages = engine.inbound.applyPages.bind(engine.inbound);
    engine.inbound.applyPages = (...args: Parameters<typeof applyPages>) => {
      const begin = performance.now();
      try {
        return applyPages(...args);
      } finally {
        applying += performance.now() - begin;
      }
    };

    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const bootstrapStart = performance.now();
    await engine.syncNow();
    const bootstrap = performance.now() - bootstrapStart;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const listed = cache.sqlite.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    if (listed !== casesCount || engine.status().state !== 'online') throw new Error(`bootstrap incomplete: ${listed} cases, ${engine.status().state}`);

    // Requests overlap with applying the previous pages, so this sum is not a share of the total.
    emit('bootstrap_server_request_time_sum', waiting, 'ms');
    emit('bootstrap_apply_time_sum', applying, 'ms');
    // The rest of the bootstrap: waiting for pages the server has not finished, and reading them.
    emit('bootstrap_outside_apply', bootstrap - applying, 'ms');
    emit('bootstrap_cases', listed, 'cases');
    emit('host_rss_peak', peak / 1024 / 1024, 'MB');

    // 1,000 changed cases, published as the API would (new seq, version + 1).
    const database = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 1 });
    await database.db.execute(sql`
      update sync_rows set seq = nextval('sync_seq'), version = version + 1,
        data = jsonb_set(jsonb_set(data, '{status}', '"in_review"'), '{version}', to_jsonb(version + 1))
      where entity = 'case' and id in (select id from sync_rows where entity = 'case' order by seq limit ${changesCount})`);
    await database.close();
    // The API notices commits by other processes within its head refresh interval (250 ms).
    await new Promise((resolve) => setTimeout(resolve, 400));
    const changesStart = performance.now();
    await engine.syncNow();
    const changes = performance.now() - changesStart;
    const inReview = cache.sqlite.prepare(`SELECT count(*) FROM cases WHERE status = 'in_review'`).pluck().get() as number;
    emit('incremental_1000_changes', changes, 'ms');
    emit('incremental_cases_in_review', inReview, 'cases');

    const idle: number[] = [];
    for (let index = 0; index < 50; index += 1) {
      const begin = performance.now();
      await engine.syncNow();
      idle.push(performance.now() - begin);
    }
    idle.sort((left, right) => left - right);
    emit('no_change_pull_median', idle[Math.floor(idle.length / 2)] ?? Number.NaN, 'ms');
    emit('no_change_pull_p95', idle[Math.floor(idle.length * 0.95)] ?? Number.NaN, 'ms');
    global.gc?.();
    emit('host_rss_after', process.memoryUsage().rss / 1024 / 1024, 'MB');
    // The floor last: its copy of every row would otherwise count as the host's memory.
    const { floor, rowCount } = measureFloor(cache.sqlite, join(dir.path, 'floor.sqlite'));
    emit('bootstrap', bootstrap, 'ms', floor);
    emit('bootstrap_ratio_to_floor', bootstrap / floor, 'x');
    emit('bootstrap_rows', rowCount, 'rows');
    cache.sqlite.close();
  } finally {
    server?.kill('SIGTERM');
    if (server) await once(server, 'exit');
    dir.remove();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

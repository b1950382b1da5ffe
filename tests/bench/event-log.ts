/**
 * npm run bench:eventlog — GET /event-log?format=xes over 100,000 cases' events (BENCH_CASES,
 * BENCH_EVENTS_PER_CASE), on PGlite in memory or, with DATABASE_URL, a fresh PostgreSQL database
 * (created and dropped). Rows are generated in the database (INSERT … SELECT generate_series).
 *
 * Prints one JSON object per line: {"bench", "metric", "value", "unit", "floor"?}. The floor of the
 * export's speed is reading the same rows with the same paged queries and discarding them; the RSS
 * is sampled in this process (server and client) while the export runs, beside its value before.
 * Goal: ≥ 50,000 events/s with the RSS below 300 MB. Figures only, never assertions.
 */
import { randomUUID } from 'node:crypto';
import { get } from 'node:http';
import { sql } from 'drizzle-orm';
import { createServer } from '../../src/server/app';
import { createHmacTokenIssuer } from '../../src/server/auth/tokens';
import { createTeam, createUser } from '../../src/server/admin/directory';
import { testPasswordCost } from '../../src/server/auth/passwords';
import { runWrite } from '../../src/server/sync/publish';
import { fixedClock, silentLogger } from '../../src/server/services';
import { readTraces } from '../../src/server/event-log/query';
import { createTestDatabase } from '../integration/server/harness';

const casesCount = Number(process.env['BENCH_CASES'] ?? 100_000);
const eventsPerCase = Number(process.env['BENCH_EVENTS_PER_CASE'] ?? 5);
const actorsCount = 20;

function emit(metric: string, value: number, unit: string, floor?: number): void {
  const rounded = (number: number) => Math.round(number * 100) / 100;
  console.log(JSON.stringify({ bench: 'event_log', metric, value: rounded(value), unit, ...(floor === undefined ? {} : { floor: rounded(floor) }) }));
}

const megabytes = (bytes: number) => bytes / (1024 * 1024);

/** Streams `url` and discards the body; resolves with its size and the peak RSS seen meanwhile. */
function download(url: string, token: string): Promise<{ bytes: number; peakRss: number; peakHeap: number; peakLive: number; status: number }> {
  return new Promise((resolve, reject) => {
    let peakRss = process.memoryUsage().rss;
    let peakHeap = process.memoryUsage().heapUsed;
    let peakLive = 0;
    let samples = 0;
    const collect = (globalThis as { gc?: () => void }).gc;
    const sampler = setInterval(() => {
      samples += 1;
      // Every 40th sample (1 s) after a full collection: what the export keeps alive, not its garbage.
      if (collect && samples % 40 === 0) {
        collect();
        peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
      }
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 25);
    get(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => { bytes += chunk.length; });
      response.on('end', () => {
        clearInterval(sampler);
        resolve({ bytes, peakRss: Math.max(peakRss, process.memoryUsage().rss), peakHeap, peakLive, status: response.statusCode ?? 0 });
      });
      response.on('error', reject);
    }).on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
  });
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
  const server = await createServer({ db: database.db, clock, environment: 'production', logger: silentLogger, tokens: createHmacTokenIssuer(Buffer.alloc(32, 7)) });
  try {
    const { teamId, leadId, actorIds } = await runWrite(database.db, clock.now(), server.context.head, async (batch) => {
      const team = await createTeam(batch, 'Bench team');
      const lead = await createUser(batch, { username: 'benchlead', displayName: 'Bench Lead', role: 'team_lead', password: 'bench password 1234', teamIds: [team] }, testPasswordCost);
      const actors: string[] = [];
      for (let index = 0; index < actorsCount; index += 1) {
        actors.push(await createUser(batch, { username: `benchworker${index}`, displayName: `Worker ${index}`, role: 'caseworker', password: 'bench password 1234', teamIds: [team] }, testPasswordCost));
      }
      return { teamId: team, leadId: lead, actorIds: actors };
    });

    const seedStart = performance.now();
    const actors = sql.raw(`array[${actorIds.map((id) => `'${id}'`).join(',')}]`);
    await database.db.execute(sql`
      insert into cases (id, case_number, case_type, regime, status, team_id, received_on, created_at, updated_at)
      select 'c' || lpad(i::text, 9, '0'), 'BENCH-' || i, (array['highly_skilled_migrant','family_reunification','naturalisation'])[1 + i % 3],
        'regular', 'in_progress', ${teamId}, date '2026-01-01', now(), now()
      from generate_series(1, ${casesCount}) as i`);
    await database.db.execute(sql`
      insert into case_events (id, case_id, at, actor_id, kind, detail)
      select 'e' || lpad(i::text, 9, '0') || '-' || j, 'c' || lpad(i::text, 9, '0'),
        timestamptz '2026-01-01 08:00:00+00' + (i * interval '1 minute') + (j * interval '1 hour'),
        case when j = 1 then null else (${actors})[1 + (i + j) % ${actorsCount}] end,
        (array['intake.application','case.claim','case.requestDocuments','letter.create','letter.send','case.release'])[1 + (j - 1) % 6], '{}'::jsonb
      from generate_series(1, ${casesCount}) as i, generate_series(1, ${eventsPerCase}) as j`);
    // Production tables have planner statistics; freshly bulk-loaded ones would not yet.
    await database.db.execute(sql`analyze cases`);
    await database.db.execute(sql`analyze case_events`);
    const totalEvents = casesCount * eventsPerCase;
    emit('seed_seconds', (performance.now() - seedStart) / 1000, 's');
    if (process.env['BENCH_EXPLAIN']) {
      for (const query of [
        sql`explain analyze select id, case_type from cases where team_id in (${teamId}) and id > 'c000050000' order by id limit 500`,
        sql`explain analyze select case_id, id, at, actor_id, kind from case_events where case_id in (select id from cases where id > 'c000050000' order by id limit 500) order by case_id, at, id`,
      ]) console.error(JSON.stringify(await database.db.execute(query), null, 1));
    }

    // The floor: the export's own paged reads, rows discarded.
    const floorStart = performance.now();
    let floorEvents = 0;
    for await (const traces of readTraces(database.db, { kind: 'teams', teamIds: [teamId] }, {})) {
      for (const trace of traces) floorEvents += trace.events.length;
    }
    const floorRate = floorEvents / ((performance.now() - floorStart) / 1000);

    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const token = server.context.tokens.issue({ userId: leadId, sessionId: randomUUID(), role: 'team_lead' }, clock.now()).token;
    const collect = (globalThis as { gc?: () => void }).gc;
    collect?.();
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;
    for (const format of ['xes', 'ocel'] as const) {
      collect?.();
      const started = performance.now();
      const result = await download(`http://127.0.0.1:${port}/event-log?format=${format}`, token);
      const seconds = (performance.now() - started) / 1000;
      if (result.status !== 200) throw new Error(`export answered ${result.status}`);
      const prefix = format === 'xes' ? '' : 'ocel_';
      emit(`${format}_events_per_second`, totalEvents / seconds, 'events/s', floorRate);
      emit(`${format}_megabytes`, megabytes(result.bytes), 'MB');
      emit(`${prefix}server_rss_peak_mb`, megabytes(result.peakRss), 'MB');
      emit(`${prefix}heap_used_peak_mb`, megabytes(result.peakHeap), 'MB');
      if (result.peakLive > 0) emit(`${prefix}heap_live_peak_mb`, megabytes(result.peakLive), 'MB');
    }
    // PGlite keeps the whole database in this process's memory: the baseline says how much of the peak is not the export.
    emit('server_rss_before_export_mb', megabytes(rssBefore), 'MB');
    emit('heap_used_before_export_mb', megabytes(heapBefore), 'MB');
    emit('events', totalEvents, 'events');
    emit('database', database.label === 'postgres' ? 1 : 0, 'postgres=1');
  } finally {
    await server.app.close();
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

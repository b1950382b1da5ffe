/**
 * The query half of `npm run bench:queue`: p50/p95 of the typical queue views as the host answers
 * `queue.list` (argument check, QueueService.queue, result check, as serveRpc does; not the
 * transport), and in the same run the raw floor: the same SQL (QueueReader.sqlOf) through prepared
 * better-sqlite3 statements on the same connection, rows and count. Measured and floor runs
 * alternate, so a busy neighbour on the shared machine slows both alike.
 */
import type Database from 'better-sqlite3';
import { calls, type QueueArgs } from '../../src/shared/contract';
import { QueueReader, type QueueQuery, type QueueViewer } from '../../src/main/host/queue/query';
import { QueueService } from '../../src/main/host/queue/service';
import type { QueueBenchData } from './queue-data';

const spec = calls['queue.list'];

/** One view of the queue: who asks (the bench user unless `viewer` says otherwise) and what. */
export interface QueueView {
  name: string;
  args: QueueArgs;
  /** 'lead': a team lead of all three teams; 'none': no session (the browser preview's host). */
  viewer?: 'lead' | 'none';
  /** Not in the list: reported for context. */
  extra?: boolean;
}

export interface ViewFigures {
  view: string;
  p50: number;
  p95: number;
  floorP50: number;
  floorP95: number;
  /** The floor's two statements apart: the window of rows and the count. */
  floorRowsP50: number;
  floorCountP50: number;
  rows: number;
  total: number;
  runs: number;
  plan: string;
  countPlan: string;
}

/** The typical views, plus a few that explain other figures. */
export function typicalViews(data: QueueBenchData): QueueView[] {
  const team = (filter: QueueArgs['filter'] = {}, more: Partial<QueueArgs> = {}): QueueArgs => ({ tab: 'team', filter, ...more });
  return [
    { name: 'mine', args: { tab: 'mine' } },
    { name: 'team', args: team() },
    { name: 'unassigned', args: { tab: 'unassigned' } },
    { name: 'team_overdue', args: team({ window: 'overdue' }) },
    { name: 'team_due_7_days', args: team({ window: '7' }) },
    { name: 'team_case_type', args: team({ caseTypes: [data.sampleCaseType] }) },
    { name: 'team_vulnerable', args: team({ flags: ['vulnerable'] }) },
    { name: 'search_v_number', args: team({ text: data.sampleVNumber }) },
    { name: 'search_surname_prefix', args: team({ text: data.surnamePrefix }) },
    { name: 'team_by_applicant', args: team({}, { sort: { column: 'applicant', direction: 'asc' } }) },
    { name: 'team_by_deadline', args: team({}, { sort: { column: 'deadline', direction: 'asc' } }) },
    { name: 'team_offset_50000', args: team({}, { offset: 50_000 }) },
    // A team lead sees several teams: `team IN (…)` over the priority index.
    { name: 'lead_3_teams', args: team(), viewer: 'lead', extra: true },
    { name: 'lead_3_teams_by_applicant', args: team({}, { sort: { column: 'applicant', direction: 'asc' } }), viewer: 'lead', extra: true },
    // What the browser half's Team tab asks (no session, so no team condition): top and bottom of the scroll.
    { name: 'no_session_team', args: team(), viewer: 'none', extra: true },
    { name: 'no_session_team_offset_99900', args: team({}, { offset: 99_900 }), viewer: 'none', extra: true },
  ];
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/** The host's answer to one queue.list call, checked both ways as serveRpc checks it. */
function answer(service: QueueService, raw: QueueArgs): { items: unknown[]; total: number } {
  const parsed = spec.args.safeParse(raw);
  if (!parsed.success) throw new Error('bench arguments do not match the contract');
  const checked = spec.result.safeParse(service.queue(parsed.data as QueueQuery));
  if (!checked.success) throw new Error('the host produced an invalid queue.list result');
  return checked.data;
}

/** The raw floor of one view: its SQL through prepared statements, each statement timed apart. */
function floorOf(sqlite: Database.Database, sql: { rows: string; count: string; parameters: (string | number)[] }, query: QueueQuery) {
  const rowsStatement = sqlite.prepare(sql.rows);
  const countStatement = sqlite.prepare(sql.count).pluck();
  const times = { rows: [] as number[], count: [] as number[] };
  const run = (): { rows: number; total: number } => {
    const begin = performance.now();
    const rows = rowsStatement.all(...sql.parameters, query.limit, query.offset).length;
    const between = performance.now();
    const total = countStatement.get(...sql.parameters) as number;
    times.rows.push(between - begin);
    times.count.push(performance.now() - between);
    return { rows, total };
  };
  return { run, times };
}

function planOf(sqlite: Database.Database, text: string, parameters: readonly unknown[]): string {
  return (sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...parameters) as { detail: string }[]).map((row) => row.detail).join(' | ');
}

interface MeasureOptions { runs: number; minimumRuns: number; warmup: number; budgetMilliseconds: number }

function measureView(sqlite: Database.Database, view: QueueView, service: QueueService, viewer: QueueViewer, options: MeasureOptions): ViewFigures {
  const query = spec.args.parse(view.args) as QueueQuery;
  const sql = new QueueReader(sqlite).sqlOf(query, viewer);
  if (!sql) throw new Error(`view ${view.name} matches nothing`);
  const floor = floorOf(sqlite, sql, query);

  // The floor must be the same question: same rows and total as the host's answer.
  const host = answer(service, view.args);
  const raw = floor.run();
  if (raw.rows !== host.items.length || raw.total !== host.total) {
    throw new Error(`view ${view.name}: floor answered ${raw.rows}/${raw.total}, host ${host.items.length}/${host.total}`);
  }
  // Warm-up: statements, page cache and JIT; a slow view (hundreds of ms) gets a few rounds, not 20.
  const warming = performance.now();
  for (let index = 0; index < options.warmup && (index < 2 || performance.now() - warming < options.budgetMilliseconds / 4); index++) {
    answer(service, view.args);
    floor.run();
  }
  floor.times.rows.length = 0;
  floor.times.count.length = 0;
  const measured: number[] = [];
  const floors: number[] = [];
  const timed = (into: number[], work: () => unknown): void => {
    const begin = performance.now();
    work();
    into.push(performance.now() - begin);
  };
  const started = performance.now();
  for (let run = 0; run < options.runs; run++) {
    // Alternating which goes first, so neither always runs on a cache the other just warmed.
    if (run % 2 === 0) {
      timed(measured, () => answer(service, view.args));
      timed(floors, floor.run);
    } else {
      timed(floors, floor.run);
      timed(measured, () => answer(service, view.args));
    }
    if (run + 1 >= options.minimumRuns && performance.now() - started > options.budgetMilliseconds) break;
  }
  for (const list of [measured, floors, floor.times.rows, floor.times.count]) list.sort((left, right) => left - right);
  return {
    view: view.name, p50: percentile(measured, 0.5), p95: percentile(measured, 0.95),
    floorP50: percentile(floors, 0.5), floorP95: percentile(floors, 0.95),
    floorRowsP50: percentile(floor.times.rows, 0.5), floorCountP50: percentile(floor.times.count, 0.5),
    rows: host.items.length, total: host.total, runs: measured.length,
    plan: planOf(sqlite, sql.rows, [...sql.parameters, query.limit, query.offset]), countPlan: planOf(sqlite, sql.count, sql.parameters),
  };
}

/**
 * Measures every view: `runs` per view after `warmup`, both cut short past the time budget (never
 * below `minimumRuns`) so a slow view does not eat the run; the runs done are reported.
 */
export function measureViews(sqlite: Database.Database, data: QueueBenchData, views: readonly QueueView[], options: MeasureOptions): ViewFigures[] {
  const viewers: Record<'me' | 'lead' | 'none', QueueViewer> = {
    me: { userId: data.userId, teamIds: [data.teamIds[0] ?? ''], today: data.today },
    lead: { userId: data.leadId, teamIds: data.teamIds, today: data.today },
    none: { userId: null, teamIds: [], today: data.today },
  };
  const services = {
    me: new QueueService({ sqlite, userId: () => data.userId, today: () => data.today }),
    lead: new QueueService({ sqlite, userId: () => data.leadId, today: () => data.today }),
    none: new QueueService({ sqlite, userId: () => null, today: () => data.today }),
  };
  return views.map((view) => measureView(sqlite, view, services[view.viewer ?? 'me'], viewers[view.viewer ?? 'me'], options));
}

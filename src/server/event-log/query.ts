/**
 * What an event log covers and how it is read: the caller's scope, the filters of the query, and
 * the case events in pages. Pages are a run of cases (keyset on the case id, the primary key) with
 * their events (the case_events_case index), so every page is a bounded, indexed read whatever the
 * size of the log, and memory stays flat.
 */
import { and, asc, exists, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/database';
import { caseEvents, cases } from '../db/schema';
import type { Actor } from '../authz/actor';

/**
 * Whose cases an export covers. Team leads see their own teams' cases (not cases merely assigned to
 * them elsewhere: the log describes how their teams work); admins see every case, because an event
 * log carries no case file content, only kinds, times, case types and (pseudonymised) actors.
 */
export type EventLogScope = { kind: 'all' } | { kind: 'teams'; teamIds: readonly string[] };

/** The scope of an export by `actor`, or null when their role may not export. */
export function eventLogScope(actor: Actor): EventLogScope | null {
  if (actor.role === 'admin') return { kind: 'all' };
  if (actor.role === 'team_lead') return { kind: 'teams', teamIds: actor.teamIds };
  return null;
}

export interface EventLogFilter {
  /** Events at or after this instant. */
  from?: Date;
  /** Events before this instant. */
  before?: Date;
  caseType?: string;
}

/** A case of the log and its events, in time order. */
export interface CaseTrace {
  caseId: string;
  caseType: string;
  events: LogEvent[];
}

export interface LogEvent {
  id: string;
  at: Date;
  actorId: string | null;
  kind: string;
}

const amsterdamParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

/** Europe/Amsterdam's offset from UTC at `moment`, in milliseconds. */
function amsterdamOffset(moment: number): number {
  const parts = Object.fromEntries(amsterdamParts.formatToParts(new Date(moment)).map((part) => [part.type, part.value]));
  const local = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']));
  return local - Math.floor(moment / 60_000) * 60_000;
}

/**
 * The instant a query bound stands for. Dates of the law are Amsterdam calendar days, so a bare
 * date means the start of that day there; `endOfDay` moves it to the start of the next day, which
 * makes `to=2026-03-01` include all of 1 March. A full timestamp is taken as given.
 */
export function boundInstant(value: string, endOfDay: boolean): Date {
  if (value.length > 10) return new Date(value);
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, day + (endOfDay ? 1 : 0));
  // Amsterdam changes its offset at 02:00 or 03:00, never near midnight: one correction suffices.
  return new Date(midnightUtc - amsterdamOffset(midnightUtc - amsterdamOffset(midnightUtc)));
}

function caseConditions(scope: EventLogScope, filter: EventLogFilter): SQL[] {
  const conditions: SQL[] = [];
  if (scope.kind === 'teams') {
    conditions.push(scope.teamIds.length > 0 ? inArray(cases.teamId, [...scope.teamIds]) : sql`false`);
  }
  if (filter.caseType !== undefined) conditions.push(sql`${cases.caseType} = ${filter.caseType}`);
  return conditions;
}

function eventConditions(filter: EventLogFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.from) conditions.push(gte(caseEvents.at, filter.from));
  if (filter.before) conditions.push(lt(caseEvents.at, filter.before));
  return conditions;
}

/** Cases in scope after `afterId`, in id order. */
function casePage(db: Database, scope: EventLogScope, filter: EventLogFilter, afterId: string | null, limit: number, withEventsOnly: boolean) {
  const conditions = caseConditions(scope, filter);
  if (afterId !== null) conditions.push(gt(cases.id, afterId));
  if (withEventsOnly) {
    conditions.push(exists(db.select({ one: sql`1` }).from(caseEvents)
      .where(and(sql`${caseEvents.caseId} = ${cases.id}`, ...eventConditions(filter)))));
  }
  return db.select({ id: cases.id, caseType: cases.caseType }).from(cases).where(and(...conditions))
    .orderBy(asc(cases.id)).limit(limit);
}

/**
 * The traces of the log, one page of cases at a time, ordered by case id and, within a case, by
 * time (then event id, so equal times keep one order). Cases without events in range are left out.
 */
export async function* readTraces(db: Database, scope: EventLogScope, filter: EventLogFilter, casesPerPage = 500): AsyncGenerator<CaseTrace[]> {
  let afterId: string | null = null;
  for (;;) {
    const page = await casePage(db, scope, filter, afterId, casesPerPage, false);
    if (page.length === 0) return;
    const events = await db.select({ caseId: caseEvents.caseId, id: caseEvents.id, at: caseEvents.at, actorId: caseEvents.actorId, kind: caseEvents.kind })
      .from(caseEvents).where(and(inArray(caseEvents.caseId, page.map((kase) => kase.id)), ...eventConditions(filter)))
      .orderBy(asc(caseEvents.caseId), asc(caseEvents.at), asc(caseEvents.id));
    const traces: CaseTrace[] = [];
    let index = 0;
    for (const kase of page) {
      const trace: CaseTrace = { caseId: kase.id, caseType: kase.caseType, events: [] };
      while (index < events.length && (events[index] as LogEvent & { caseId: string }).caseId === kase.id) {
        const { id, at, actorId, kind } = events[index] as LogEvent & { caseId: string };
        trace.events.push({ id, at, actorId, kind });
        index += 1;
      }
      if (trace.events.length > 0) traces.push(trace);
    }
    yield traces;
    afterId = (page[page.length - 1] as { id: string }).id;
    if (page.length < casesPerPage) return;
  }
}

/** The cases that have events in range (the OCEL objects), a page at a time, in id order. */
export async function* readCases(db: Database, scope: EventLogScope, filter: EventLogFilter, casesPerPage = 2000): AsyncGenerator<{ id: string; caseType: string }[]> {
  let afterId: string | null = null;
  for (;;) {
    const page = await casePage(db, scope, filter, afterId, casesPerPage, true);
    if (page.length > 0) yield page;
    if (page.length < casesPerPage) return;
    afterId = (page[page.length - 1] as { id: string }).id;
  }
}

/**
 * The queue's read: one tab of the local cache, filtered and sorted, one window of rows plus the
 * total. Built so that the usual views are index ranges in priority order (see migration 0005):
 * the tab and "open" are equalities on an index prefix, the remaining filters are checked while
 * walking it, and LIMIT stops the walk.
 */
import type Database from 'better-sqlite3';
import type { QueueFilter, QueueFlag, QueueResult, QueueRow, QueueSort, QueueTab } from '../../../shared/contract';
import { addDays } from '../../../shared/domain/dates';
import { searchExpression, syncStatesOf } from '../cases/store';
import type { Directory } from './directory';
import { flagBits } from './rank';

export interface QueueQuery {
  tab: QueueTab;
  filter: QueueFilter;
  sort: QueueSort;
  offset: number;
  limit: number;
}

/** Who is asking and for which day. */
export interface QueueViewer {
  userId: string | null;
  teamIds: readonly string[];
  today: string;
}

type Parameter = string | number;

const sortExpressions: Record<Exclude<QueueSort['column'], 'priority'>, string> = {
  caseNumber: 'c.case_number',
  applicant: 'c.applicant_name COLLATE NOCASE',
  caseType: 'c.case_type',
  received: 'c.received_on',
  deadline: 'c.deadline IS NULL, c.deadline',
  status: 'c.status',
};

const flagConditions: Record<QueueFlag, string> = {
  penalty: `c.priority_band = 'penalty_accruing'`,
  noticeOfDefault: `(c.notice_of_default_on IS NOT NULL AND c.priority_band <> 'penalty_accruing')`,
  vulnerable: `(c.flags & ${flagBits.vulnerable}) <> 0`,
  waiting: `((c.flags & ${flagBits.waiting}) <> 0 OR c.status = 'waiting_on_applicant')`,
  newDocument: `(c.flags & ${flagBits.newDocument}) <> 0`,
  newMessage: `(c.flags & ${flagBits.newMessage}) <> 0`,
  conflict: `c.id IN (SELECT case_id FROM outbox WHERE state = 'conflict')`,
  unsynced: `c.id IN (SELECT case_id FROM outbox WHERE state IN ('queued', 'sent', 'failed'))`,
};

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** The WHERE clause and its parameters; null when the filter can match nothing (e.g. a search of only punctuation). */
export function queueConditions(query: QueueQuery, viewer: QueueViewer): { where: string; parameters: Parameter[]; searching: boolean } | null {
  const conditions: string[] = [];
  const parameters: Parameter[] = [];
  const { filter } = query;
  const expression = filter.text ? searchExpression(filter.text) : null;
  if (filter.text && expression === null) return null;
  // A search starts from its (few) matches: '+' makes the tab's terms unusable for an index, so the
  // planner cannot walk a whole tab checking each row against the matches instead.
  const tabTerm = expression === null ? '' : '+';
  if (query.tab === 'mine') {
    conditions.push(`${tabTerm}c.assignee = ?`);
    parameters.push(viewer.userId ?? '');
  } else {
    // Team and unassigned: my teams' cases (a team lead sees all their teams); the cache may also hold
    // cases of other teams assigned to me, which belong to "mine" only.
    if (query.tab === 'unassigned') conditions.push(`${tabTerm}c.assignee IS NULL`);
    if (viewer.teamIds.length > 0) {
      conditions.push(`${tabTerm}c.team IN (${placeholders(viewer.teamIds)})`);
      parameters.push(...viewer.teamIds);
    }
  }
  if (filter.statuses && filter.statuses.length > 0) {
    conditions.push(`c.status IN (${placeholders(filter.statuses)})`);
    parameters.push(...filter.statuses);
  } else {
    conditions.push(`${tabTerm}c.open = 1`);
  }
  if (filter.caseTypes && filter.caseTypes.length > 0) {
    conditions.push(`c.case_type IN (${placeholders(filter.caseTypes)})`);
    parameters.push(...filter.caseTypes);
  }
  if (filter.window) {
    conditions.push(filter.window === 'overdue' ? 'c.deadline < ?' : 'c.deadline <= ?');
    parameters.push(filter.window === 'overdue' ? viewer.today : addDays(viewer.today, Number(filter.window)));
  }
  if (filter.flags && filter.flags.length > 0) {
    conditions.push(`(${filter.flags.map((flag) => flagConditions[flag]).join(' OR ')})`);
  }
  if (filter.assignees && filter.assignees.length > 0) {
    conditions.push(`c.assignee IN (${placeholders(filter.assignees)})`);
    parameters.push(...filter.assignees);
  }
  if (filter.teams && filter.teams.length > 0) {
    conditions.push(`c.team IN (${placeholders(filter.teams)})`);
    parameters.push(...filter.teams);
  }
  if (expression !== null) {
    conditions.push('c.rowid IN (SELECT rowid FROM cases_search WHERE cases_search MATCH ?)');
    parameters.push(expression);
  }
  return { where: conditions.join(' AND '), parameters, searching: expression !== null };
}

/**
 * The ORDER BY clause; ties fall back to priority, then rowid, so paging is stable. A descending
 * sort flips the tie-breakers too, so it walks the same index backwards.
 */
export function queueOrder(sort: QueueSort, searching: boolean): string {
  // A search drives from its (few) matches: '+' keeps the planner from walking the priority index instead.
  const score = searching ? '+c.priority_score' : 'c.priority_score';
  if (sort.column === 'priority') {
    return sort.direction === 'desc' ? `${score} DESC, c.rowid` : `${score} ASC, c.rowid DESC`;
  }
  const descending = sort.direction === 'desc';
  const terms = sortExpressions[sort.column].split(', ').map((term) => `${term}${descending ? ' DESC' : ''}`);
  return [...terms, `${score}${descending ? '' : ' DESC'}`, `c.rowid${descending ? ' DESC' : ''}`].join(', ');
}

interface QueueDatabaseRow {
  id: string; caseNumber: string; applicantName: string; vNumber: string; caseType: string; regime: string;
  status: QueueRow['status']; receivedOn: string; deadline: string | null; assignee: string | null; team: string | null;
  band: QueueRow['band']; priorityScore: number; flags: number; noticeOfDefaultOn: string | null;
  decidedOn: string | null; contestedDecisionOn: string | null; sponsorName: string | null; unread: number;
}

const columns = `c.id, c.case_number AS caseNumber, c.applicant_name AS applicantName, c.v_number AS vNumber,
  c.case_type AS caseType, c.regime, c.status, c.received_on AS receivedOn, c.deadline, c.assignee, c.team,
  c.priority_band AS band, c.priority_score AS priorityScore, c.flags, c.notice_of_default_on AS noticeOfDefaultOn,
  c.decided_on AS decidedOn, c.contested_decision_on AS contestedDecisionOn, c.sponsor_name AS sponsorName, c.unread`;

function flagsOf(row: QueueDatabaseRow, syncState: string | null): QueueFlag[] {
  const flags: QueueFlag[] = [];
  if (row.band === 'penalty_accruing') flags.push('penalty');
  else if (row.noticeOfDefaultOn !== null) flags.push('noticeOfDefault');
  if (row.flags & flagBits.vulnerable) flags.push('vulnerable');
  if (row.flags & flagBits.waiting || row.status === 'waiting_on_applicant') flags.push('waiting');
  if (row.flags & flagBits.newDocument) flags.push('newDocument');
  if (row.flags & flagBits.newMessage) flags.push('newMessage');
  if (syncState === 'conflict') flags.push('conflict');
  else if (syncState !== null) flags.push('unsynced');
  return flags;
}

/** Prepared statements are cached by their SQL text: the shapes of the queue's queries are few. */
export class QueueReader {
  private readonly statements = new Map<string, Database.Statement>();
  /** Totals by query, valid while the connection has changed no row since (total_changes() is unchanged). */
  private readonly totals = new Map<string, { changes: number; total: number }>();
  private readonly changes: Database.Statement;

  constructor(private readonly sqlite: Database.Database) {
    this.changes = sqlite.prepare('SELECT total_changes()').pluck();
  }

  /**
   * The count of a query; scrolling asks for window after window of the same query, and counting
   * costs more than a window, so it is counted again only after a write. The host is the cache's only
   * writer, so its own connection's change counter sees every write.
   */
  private total(sql: string, parameters: readonly Parameter[]): number {
    const key = `${sql}\u0000${JSON.stringify(parameters)}`;
    const changes = this.changes.get() as number;
    const known = this.totals.get(key);
    if (known && known.changes === changes) return known.total;
    const total = this.prepare(sql).pluck().get(...parameters) as number;
    if (this.totals.size > 200) this.totals.clear();
    this.totals.set(key, { changes, total });
    return total;
  }

  private prepare(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.sqlite.prepare(text);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** The SQL of a queue read, exposed for the plan tests and the benchmark. */
  sqlOf(query: QueueQuery, viewer: QueueViewer): { rows: string; count: string; parameters: Parameter[] } | null {
    const conditions = queueConditions(query, viewer);
    if (!conditions) return null;
    return {
      rows: `SELECT ${columns} FROM cases c WHERE ${conditions.where} ORDER BY ${queueOrder(query.sort, conditions.searching)} LIMIT ? OFFSET ?`,
      count: `SELECT count(*) FROM cases c WHERE ${conditions.where}`,
      parameters: conditions.parameters,
    };
  }

  read(query: QueueQuery, viewer: QueueViewer, directory: Directory): QueueResult {
    const sql = this.sqlOf(query, viewer);
    if (!sql) return { items: [], total: 0, today: viewer.today };
    const rows = this.prepare(sql.rows).all(...sql.parameters, query.limit, query.offset) as QueueDatabaseRow[];
    const total = this.total(sql.count, sql.parameters);
    const states = syncStatesOf(this.sqlite, rows.map((row) => row.id));
    const items = rows.map((row): QueueRow => {
      const syncState = states.get(row.id) ?? null;
      return {
        id: row.id, caseNumber: row.caseNumber, applicantName: row.applicantName, vNumber: row.vNumber === '' ? null : row.vNumber,
        caseType: row.caseType, regime: row.regime, status: row.status, receivedOn: row.receivedOn, deadline: row.deadline,
        assignee: row.assignee, team: row.team, syncState, band: row.band, priorityScore: row.priorityScore,
        flags: flagsOf(row, syncState),
        assigneeName: row.assignee === null ? null : directory.users.get(row.assignee)?.displayName ?? null,
        teamName: row.team === null ? null : directory.teams.get(row.team) ?? null,
        sponsorName: row.sponsorName, noticeOfDefaultOn: row.noticeOfDefaultOn, decidedOn: row.decidedOn,
        contestedDecisionOn: row.contestedDecisionOn, unread: row.unread,
      };
    });
    return { items, total, today: viewer.today };
  }
}

/**
 * A case's place in the work queue: the domain engine's priority as of a day, stored on the case
 * row with the flags, so the queue is an index range instead of a sort of every case. Priorities
 * depend on "today" (days left, the penalty's first day), so every case is ranked again when the
 * day changes (`rerankAll`), which the host checks before it answers a queue read.
 */
import type Database from 'better-sqlite3';
import { computePriority, isVulnerableCaseType, type PriorityBand, type PriorityCase } from '../../../shared/domain';
import { isRegime, type Regime } from '../../../shared/domain/rules';
import { dayKey } from '../../../shared/domain/priority';
import type { QueueBand } from '../../../shared/contract';

/** Bits of cases.flags. Penalty and notice of default are bands, conflict and unsynced come from the outbox. */
export const flagBits = { vulnerable: 1, waiting: 2, newDocument: 4, newMessage: 8 } as const;

/** The facts of a case the rank needs; all from the cases row. */
export interface RankFacts {
  regime: string;
  caseType: string;
  status: string;
  receivedOn: string;
  deadline: string | null;
  decidedOn: string | null;
  noticeOfDefaultOn: string | null;
  flags: number;
}

export interface Rank {
  score: number;
  band: QueueBand;
  open: boolean;
}

const closedStatuses = new Set(['decided', 'closed']);
/** Below every band with a deadline but above decided cases: the period has not started (e.g. fee unpaid). */
const noDeadlineBase = 5e10;

/**
 * The domain engine's view of a case with a deadline, from its row: waiting and vulnerable from the
 * flags (or the status), and a closed case without a decision date taken as decided on its deadline.
 */
export function priorityCaseOf(facts: RankFacts & { regime: Regime; deadline: string }): PriorityCase {
  const open = !closedStatuses.has(facts.status);
  const decidedOn = facts.decidedOn ?? (open ? undefined : facts.deadline);
  return {
    regime: facts.regime, receivedOn: facts.receivedOn, deadline: facts.deadline,
    ...(facts.noticeOfDefaultOn ? { noticeOfDefaultReceivedOn: facts.noticeOfDefaultOn } : {}),
    ...(decidedOn ? { decidedOn } : {}),
    waitingOnApplicant: (facts.flags & flagBits.waiting) !== 0 || facts.status === 'waiting_on_applicant',
    vulnerable: (facts.flags & flagBits.vulnerable) !== 0,
  };
}

/** The rank of a case on `today`; never throws (a case the engine refuses sinks to the bottom of open cases). */
export function rankCase(facts: RankFacts, today: string): Rank {
  const open = !closedStatuses.has(facts.status);
  const { regime } = facts;
  if (!isRegime(regime)) return { score: 0, band: 'no_deadline', open };
  try {
    if (facts.deadline === null && open) return { score: noDeadlineBase + dayKey(facts.receivedOn), band: 'no_deadline', open };
    const result = computePriority(priorityCaseOf({ ...facts, regime, deadline: facts.deadline ?? facts.receivedOn }), today);
    return { score: result.score, band: result.band satisfies PriorityBand, open };
  } catch {
    return { score: 0, band: 'no_deadline', open };
  }
}

/** The flags a case's own data and type give it (the rest come from child rows, in projector.ts). */
export function vulnerableBit(caseType: string): number {
  return isVulnerableCaseType(caseType) ? flagBits.vulnerable : 0;
}

const rankedForKey = 'queue.rankedFor';

/** The day the stored priorities were computed for, or null before the first ranking. */
export function rankedFor(sqlite: Database.Database): string | null {
  const value = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(rankedForKey) as string | undefined;
  return value ?? null;
}

/**
 * Ranks every case again for `today` in one transaction and remembers the day; only rows whose
 * rank changed are written. Returns how many changed.
 */
export function rerankAll(sqlite: Database.Database, today: string): number {
  return sqlite.transaction(() => {
    const changed = rerankCases(sqlite, today, '1');
    rememberRankedFor(sqlite, today);
    return changed;
  }).immediate();
}

/** Records that every case's stored priority is for `today` (after ranking them all). */
export function rememberRankedFor(sqlite: Database.Database, today: string): void {
  sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(rankedForKey, today);
}

/** Ranks the cases matching `where` (SQL over cases' columns) again for `today`; returns how many changed. */
export function rerankCases(sqlite: Database.Database, today: string, where: string): number {
  const read = sqlite.prepare(`SELECT rowid, regime, case_type AS caseType, status, received_on AS receivedOn, deadline,
    decided_on AS decidedOn, notice_of_default_on AS noticeOfDefaultOn, flags, priority_score AS score,
    priority_band AS band FROM cases WHERE ${where}`);
  const write = sqlite.prepare('UPDATE cases SET priority_score = ?, priority_band = ?, open = ? WHERE rowid = ?');
  let changed = 0;
  // Read first, then write: better-sqlite3 runs no statement while an iterator is open.
  for (const row of read.all() as (RankFacts & { rowid: number; score: number; band: string })[]) {
    const rank = rankCase(row, today);
    if (rank.score === row.score && rank.band === row.band) continue;
    write.run(rank.score, rank.band, rank.open ? 1 : 0, row.rowid);
    changed += 1;
  }
  return changed;
}

/**
 * The penalty a penalty decision (dwangsombeschikking, Awb 4:18) fixes, from the domain engine: the
 * letter builder (build-fields.ts) states it and the letter check's record (the host's, the server's)
 * compares it, so both pick the counted notice the same way.
 */
import { addDays } from '../domain/dates';
import { computeDecisionDeadline } from '../domain/deadline';
import { DomainError } from '../domain/errors';
import { computePenalty, type Penalty } from '../domain/penalty';
import { domainRules, type DomainRules, type Regime } from '../domain/rules';
import type { LetterCheckPenalty, LetterCheckRecord } from './consistency-rules';
import type { LetterFields } from './fields';

export interface LetterPenaltyFacts {
  regime: Regime;
  /** The decision deadline as it stands on the letter date. */
  deadline: string;
  noticesOfDefault: readonly { receivedOn: string }[];
  decidedOn: string | null;
  letterDate: string;
}

/**
 * The notice the penalty runs from: the earliest received after the deadline. One received before
 * it does not count (Awb 4:17), and a later one cannot restart a penalty the first already started.
 */
export function countedNotice(notices: readonly { receivedOn: string }[], deadline: string): string | null {
  const late = notices.map((notice) => notice.receivedOn).filter((receivedOn) => receivedOn > deadline).sort();
  return late[0] ?? null;
}

/** The engine's penalty of the case on the letter date, with the notice it counted. */
export function letterPenalty(facts: LetterPenaltyFacts, rules: DomainRules = domainRules): { notice: string | null; penalty: Penalty } {
  const notice = countedNotice(facts.noticesOfDefault, facts.deadline);
  const penalty = computePenalty({
    regime: facts.regime, deadline: facts.deadline, asOf: facts.letterDate,
    ...(notice === null ? {} : { noticeOfDefaultReceivedOn: notice }),
    ...(facts.decidedOn === null ? {} : { decidedOn: facts.decidedOn }),
  }, rules);
  return { notice, penalty };
}

/** Whether the penalty can be fixed: it stopped with the decision or reached its maximum, after at least one day. */
export function isFinalPenalty(penalty: Pick<Penalty, 'status' | 'penaltyDays'>): boolean {
  return (penalty.status === 'stopped' || penalty.status === 'capped') && penalty.penaltyDays > 0;
}

/** The letter's penalty fields; null while the penalty is not final (nothing owed, in grace, still accruing). */
export function penaltyFields({ notice, penalty }: { notice: string | null; penalty: Penalty }): LetterFields['penalty'] {
  if (notice === null || penalty.firstPenaltyDay === null || !isFinalPenalty(penalty)) return null;
  return {
    noticeReceivedOn: notice, firstPenaltyDay: penalty.firstPenaltyDay,
    lastPenaltyDay: addDays(penalty.firstPenaltyDay, penalty.penaltyDays - 1),
    days: penalty.penaltyDays, amountCents: penalty.amountCents,
  };
}

/** The penalty as the letter check's record keeps it. */
export function penaltyForCheck(penalty: Penalty): LetterCheckPenalty {
  return { status: penalty.status, days: penalty.penaltyDays, amountCents: penalty.amountCents };
}

/**
 * The record's penalty, recounted from the record's own deadline facts (the server has no letter
 * fields to trust); null when the engine cannot compute the deadline.
 */
export function recordPenalty(
  record: Pick<LetterCheckRecord, 'regime' | 'receivedOn' | 'contestedDecisionOn' | 'suspensions' | 'extensions' | 'letterDate'>,
  noticesOfDefault: readonly { receivedOn: string }[], decidedOn: string | null, rules: DomainRules = domainRules,
): LetterCheckPenalty | null {
  try {
    const { deadline } = computeDecisionDeadline({
      regime: record.regime, receivedOn: record.receivedOn,
      ...(record.contestedDecisionOn === null ? {} : { contestedDecisionOn: record.contestedDecisionOn }),
      suspensions: [...record.suspensions], extensions: [...record.extensions], asOf: record.letterDate,
    }, rules);
    return penaltyForCheck(letterPenalty({ regime: record.regime, deadline, noticesOfDefault, decidedOn, letterDate: record.letterDate }, rules).penalty);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/**
 * The decision period and penalty of the case on screen, recomputed by the domain engine from what
 * the screen shows, queued actions included, so a requested suspension or an extension moves the
 * date at once (offline too) and every step is explained. Mirrors the server's computation.
 */
import type { ReviewCase } from '../../../shared/contract';
import {
  computeDecisionDeadline, computePenalty, DomainError, type DecisionDeadline, type Penalty, type Period,
} from '../../../shared/domain';
import { isRegime } from '../../../shared/domain/rules';

export type CaseDeadline =
  | {
    ok: true; deadline: DecisionDeadline; penalty: Penalty; noticeCounts: string | null;
    /** While a suspension is open: the deadline if it runs until its due date (the term used in full). */
    projected: DecisionDeadline | null;
  }
  | { ok: false; reason: 'unknown_regime' | 'rules' ; code: string };

/** The deadline and penalty of a case as of `today`. */
export function caseDeadline(review: ReviewCase, today: string): CaseDeadline {
  const regime = review.summary.regime;
  if (!isRegime(regime)) return { ok: false, reason: 'unknown_regime', code: 'unknown_regime' };
  try {
    const suspensions = [...review.suspensions].sort((left, right) => left.requestedOn.localeCompare(right.requestedOn));
    const extensions = [...review.extensions].sort((left, right) => left.announcedOn.localeCompare(right.announcedOn));
    const compute = (asOf: string, runToDue: boolean) => computeDecisionDeadline({
      regime,
      receivedOn: review.summary.receivedOn,
      ...(review.contestedDecisionOn ? { contestedDecisionOn: review.contestedDecisionOn } : {}),
      suspensions: suspensions.map((suspension) => {
        const endedOn = suspension.endedOn ?? (runToDue ? suspension.dueOn : null);
        return { requestedOn: suspension.requestedOn, ...(endedOn ? { endedOn } : {}) };
      }),
      extensions: extensions.map((extension) => extension.period as Period),
      asOf,
    });
    const deadline = compute(today, false);
    const open = suspensions.some((suspension) => suspension.endedOn === null && suspension.dueOn > today);
    const projected = open ? compute(today, true) : null;
    // The first notice received after the deadline counts; one received before it does not (Awb 4:17).
    const notice = [...review.noticesOfDefault].sort((left, right) => left.receivedOn.localeCompare(right.receivedOn))
      .find((entry) => entry.receivedOn > deadline.deadline);
    const penalty = computePenalty({
      regime, deadline: deadline.deadline, asOf: today,
      ...(notice ? { noticeOfDefaultReceivedOn: notice.receivedOn } : {}),
      ...(review.decidedOn ? { decidedOn: review.decidedOn } : {}),
    });
    return { ok: true, deadline, penalty, noticeCounts: notice?.receivedOn ?? null, projected };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, reason: 'rules', code: error.code };
    throw error;
  }
}

/**
 * "Why here?" for one case: the domain engine's priority reasons and its deadline explanation,
 * computed from the cached server rows of the case (suspensions, extensions, notices of default).
 */
import type Database from 'better-sqlite3';
import type { PriorityExplanation } from '../../../shared/contract';
import { computeDecisionDeadline, computePriority, type Period, type Suspension } from '../../../shared/domain';
import { isRegime } from '../../../shared/domain/rules';
import { RpcError } from '../../../shared/rpc';
import { priorityCaseOf } from './rank';

interface CaseColumns {
  regime: string; caseType: string; status: string; receivedOn: string; deadline: string | null; decidedOn: string | null;
  contestedDecisionOn: string | null; noticeOfDefaultOn: string | null; flags: number; band: PriorityExplanation['band'];
}

export class Explainer {
  private readonly statements;

  constructor(sqlite: Database.Database) {
    this.statements = {
      kase: sqlite.prepare(`SELECT regime, case_type AS caseType, status, received_on AS receivedOn, deadline, decided_on AS decidedOn,
        contested_decision_on AS contestedDecisionOn, notice_of_default_on AS noticeOfDefaultOn, flags, priority_band AS band
        FROM cases WHERE id = ?`),
      children: sqlite.prepare(`SELECT entity, data FROM server_rows WHERE case_id = ? AND entity IN ('suspension', 'extension')`),
    };
  }

  explain(caseId: string, today: string): PriorityExplanation {
    const kase = this.statements.kase.get(caseId) as CaseColumns | undefined;
    if (!kase) throw new RpcError('not_found', 'This case is not in the local cache.');
    const suspensions: Suspension[] = [];
    const extensions: Period[] = [];
    for (const row of this.statements.children.all(caseId) as { entity: string; data: string }[]) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      if (row.entity === 'suspension' && typeof data['requestedOn'] === 'string') {
        suspensions.push(typeof data['endedOn'] === 'string' ? { requestedOn: data['requestedOn'], endedOn: data['endedOn'] } : { requestedOn: data['requestedOn'] });
      } else if (row.entity === 'extension' && typeof data['period'] === 'object' && data['period'] !== null) {
        extensions.push(data['period'] as Period);
      }
    }
    const { regime, deadline: cachedDeadline } = kase;
    if (!isRegime(regime) || cachedDeadline === null) return { band: kase.band, reasons: [], deadline: null, today };
    try {
      const deadline = computeDecisionDeadline({
        regime, receivedOn: kase.receivedOn, suspensions, extensions, asOf: today,
        ...(kase.contestedDecisionOn ? { contestedDecisionOn: kase.contestedDecisionOn } : {}),
      });
      // The same facts the queue was ranked with, so the reasons explain the row's place.
      const priority = computePriority(priorityCaseOf({ ...kase, regime, deadline: cachedDeadline }), today);
      return {
        band: priority.band, reasons: priority.reasons, today,
        deadline: { deadline: deadline.deadline, steps: deadline.steps, rulesVersion: deadline.rulesVersion },
      };
    } catch {
      // Facts the engine refuses (e.g. a suspension before receipt): say what is known, never fail the popover.
      return { band: kase.band, reasons: [], deadline: null, today };
    }
  }
}

/**
 * What a mutation does to the local cache before the server has seen it (optimistic apply), and
 * which guarded values it sends as its base. Only effects on the case row are applied locally;
 * everything else becomes visible when the server's rows come back with the next pull.
 */
import type { MutationName } from '../../../shared/sync';

/** The case fields the local effects read and write (the server's row, as JSON). */
export type CaseData = Record<string, unknown> & { assigneeId?: unknown; status?: unknown; deadline?: unknown };

/** The case a mutation's arguments refer to, if any. */
export function caseIdOf(args: unknown): string | null {
  if (typeof args === 'object' && args !== null && 'caseId' in args && typeof args.caseId === 'string') return args.caseId;
  return null;
}

function stringField(args: unknown, field: string): string | null {
  if (typeof args !== 'object' || args === null) return null;
  const value = (args as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : null;
}

/** The guarded fields a mutation compares-and-sets, per ARCHITECTURE.md (assignee, deadline, letter status). */
export function guardedFields(name: string): { entity: 'case' | 'letter'; fields: string[] } | null {
  switch (name) {
    case 'case.claim':
    case 'case.release':
    case 'case.assign':
      return { entity: 'case', fields: ['assigneeId'] };
    case 'case.extendPeriod':
      return { entity: 'case', fields: ['deadline'] };
    case 'letter.submit':
    case 'letter.approve':
    case 'letter.return':
    case 'letter.send':
      return { entity: 'letter', fields: ['status'] };
    default:
      return null;
  }
}

/** The id of the row a guarded mutation's base refers to. */
export function guardedRowId(name: string, args: unknown): string | null {
  const guard = guardedFields(name);
  if (!guard) return null;
  return guard.entity === 'case' ? caseIdOf(args) : stringField(args, 'letterId');
}

/** Applies `name`'s local effect to a case as the user sees it; returns the same object when it has none. */
export function applyToCase(name: MutationName | string, args: unknown, kase: CaseData, userId: string): CaseData {
  switch (name) {
    case 'case.claim':
      return { ...kase, assigneeId: userId, status: kase.status === 'intake' ? 'in_progress' : kase.status };
    case 'case.release':
      return { ...kase, assigneeId: null };
    case 'case.assign':
      return { ...kase, assigneeId: stringField(args, 'assigneeId') };
    case 'case.requestDocuments':
      return { ...kase, status: 'waiting_on_applicant' };
    default:
      return kase;
  }
}

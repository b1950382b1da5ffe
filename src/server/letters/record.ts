/**
 * The case record a letter is checked against (LetterCheckRecord, src/shared/letters/consistency-rules.ts),
 * read from PostgreSQL: the server never trusts the fields a workbench sends for the facts that
 * matter, it compares them with its own rows. The same check runs in the editor over the cache, so a
 * letter the editor passes only fails here when the cache was behind the server.
 */
import { asc, eq } from 'drizzle-orm';
import { asylumTracks, type AsylumTrack } from '../../shared/domain/remedies';
import type { Regime } from '../../shared/domain/rules';
import type { LetterCheckRecord } from '../../shared/letters/consistency';
import { outcomeOfCaseDecision, type LetterFrame } from '../../shared/letters/draft';
import { recordPenalty } from '../../shared/letters/penalty';
import type { LetterKind } from '../../shared/sync/mutations';
import type { CaseRow } from '../cases/records';
import type { Executor } from '../db/database';
import { extensions, noticesOfDefault, parties, suspensions } from '../db/schema';

/**
 * The decision code a sent letter registers on the case. First-instance decisions keep the codes the
 * queue, the training data and the host already read; an objection decision records its outcome,
 * since "decided on objection" alone does not say whether the contested decision stands.
 */
export function caseDecisionCode(kind: LetterKind, frame: LetterFrame): string | null {
  switch (kind) {
    case 'grant': return 'grant';
    case 'refusal': return 'refuse';
    case 'not_processed': return 'not_processed';
    case 'objection_decision': return frame.decision?.outcome ?? frame.fields.decision?.outcome ?? 'objection_decided';
    default: return null;
  }
}

function asylumTrackOf(kase: CaseRow): AsylumTrack | undefined {
  const track = kase.application?.['asylumTrack'];
  return (asylumTracks as readonly unknown[]).includes(track) ? (track as AsylumTrack) : undefined;
}

/**
 * The record of `kase` for a letter dated `letterDate`. The decision is the one the case records;
 * before any is recorded it is the one the draft's decision record states, which sending the letter
 * then registers (a decision letter is the decision).
 */
export async function letterCheckRecord(executor: Executor, kase: CaseRow, regime: Regime, letterDate: string,
  frame: LetterFrame): Promise<LetterCheckRecord> {
  // One after the other: a transaction is one connection, which runs one query at a time anyway.
  const caseParties = await executor.select().from(parties).where(eq(parties.caseId, kase.id)).orderBy(asc(parties.id));
  const caseSuspensions = await executor.select().from(suspensions).where(eq(suspensions.caseId, kase.id))
    .orderBy(asc(suspensions.requestedOn));
  const caseExtensions = await executor.select().from(extensions).where(eq(extensions.caseId, kase.id))
    .orderBy(asc(extensions.announcedOn));
  const notices = await executor.select({ receivedOn: noticesOfDefault.receivedOn }).from(noticesOfDefault)
    .where(eq(noticesOfDefault.caseId, kase.id));
  const applicant = caseParties.find((party) => party.role === 'applicant');
  const representative = caseParties.find((party) => party.role === 'representative');
  const recorded = kase.decision === null ? undefined : outcomeOfCaseDecision[kase.decision];
  const asylumTrack = asylumTrackOf(kase);
  const record: Omit<LetterCheckRecord, 'penalty'> = {
    decision: recorded ?? frame.decision?.outcome ?? null,
    parties: {
      // A case without an applicant party cannot pass: no letter names an empty applicant.
      applicant: { name: applicant?.name ?? '', vNumber: applicant?.vNumber ?? null },
      representative: representative ? { name: representative.name } : null,
    },
    caseType: kase.caseType,
    regime,
    receivedOn: kase.receivedOn,
    contestedDecisionOn: kase.contestedDecisionOn,
    suspensions: caseSuspensions.map((suspension) => (suspension.endedOn === null
      ? { requestedOn: suspension.requestedOn }
      : { requestedOn: suspension.requestedOn, endedOn: suspension.endedOn })),
    extensions: caseExtensions.map((extension) => extension.period),
    letterDate,
    ...(asylumTrack === undefined ? {} : { asylumTrack }),
  };
  return { ...record, penalty: recordPenalty(record, notices, kase.decidedOn) };
}

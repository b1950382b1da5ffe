/** Letters and their workflow: draft → submitted → approved | returned → sent (four-eyes review). */
import { eq } from 'drizzle-orm';
import { needsSecondApprover } from '../../shared/domain/rules';
import type { LetterKind } from '../../shared/sync';
import { canReviewLetters } from '../authz/actor';
import { letters } from '../db/schema';
import { publishCaseChild, recordCaseEvent, updateCase, type CaseRow } from '../cases/records';
import { caseInScope, expectBase, Rejection, type MutationContext, type MutationHandler } from './context';

type LetterRow = typeof letters.$inferSelect;


/** Sending one of these letters records the decision on the case. */
const decisionOfKind: Partial<Record<LetterKind, string>> = {
  grant: 'grant', refusal: 'refuse', not_processed: 'not_processed', objection_decision: 'objection_decided',
};

async function letterInScope(context: MutationContext, letterId: string): Promise<{ letter: LetterRow; kase: CaseRow }> {
  const [letter] = await context.tx.select().from(letters).where(eq(letters.id, letterId)).for('update');
  if (!letter) throw new Rejection('not_found', 'letter not found');
  const kase = await caseInScope(context, letter.caseId);
  return { letter, kase };
}

async function saveLetter(context: MutationContext, kase: CaseRow, letter: LetterRow,
  changes: Partial<LetterRow>, event: string, detail: Record<string, unknown> = {}): Promise<void> {
  const [saved] = await context.tx.update(letters)
    .set({ ...changes, version: letter.version + 1, updatedAt: context.batch.now })
    .where(eq(letters.id, letter.id)).returning();
  if (!saved) throw new Error('letter vanished during update');
  publishCaseChild(context.batch, kase, 'letter', saved);
  await recordCaseEvent(context.tx, context.batch, kase, event, context.actor.userId, { letterId: letter.id, ...detail });
}

/** letter.saveDraft: creates the letter or replaces the body of a draft (plain field, last writer wins). */
export const saveDraft: MutationHandler<'letter.saveDraft'> = async (context, args) => {
  const kase = await caseInScope(context, args.caseId);
  const [existing] = await context.tx.select().from(letters).where(eq(letters.id, args.letterId)).for('update');
  if (!existing) {
    const [created] = await context.tx.insert(letters).values({
      id: args.letterId, caseId: kase.id, kind: args.kind, status: 'draft', body: JSON.stringify(args.body),
      drafterId: context.actor.userId, updatedAt: context.batch.now,
    }).returning();
    if (!created) throw new Error('letter insert returned nothing');
    publishCaseChild(context.batch, kase, 'letter', created);
    await recordCaseEvent(context.tx, context.batch, kase, 'letter.create', context.actor.userId, { letterId: created.id, kind: args.kind });
    return;
  }
  if (existing.caseId !== kase.id) throw new Rejection('invalid_arguments', 'letter belongs to another case');
  if (existing.status !== 'draft' && existing.status !== 'returned') throw new Rejection('invalid_state', 'letter is no longer a draft');
  await saveLetter(context, kase, existing, { body: JSON.stringify(args.body), kind: args.kind, status: 'draft' }, 'letter.saveDraft');
};

export const submitLetter: MutationHandler<'letter.submit'> = async (context, args) => {
  const { letter, kase } = await letterInScope(context, args.letterId);
  expectBase(context, 'letter', letter, { status: letter.status });
  if (letter.status !== 'draft' && letter.status !== 'returned') throw new Rejection('invalid_state', 'only drafts can be submitted');
  await saveLetter(context, kase, letter, { status: 'submitted', submittedAt: context.batch.now }, 'letter.submit');
};

export const approveLetter: MutationHandler<'letter.approve'> = async (context, args) => {
  const { letter, kase } = await letterInScope(context, args.letterId);
  if (!canReviewLetters(context.actor, kase)) throw new Rejection('forbidden', 'only reviewers and team leads approve letters');
  expectBase(context, 'letter', letter, { status: letter.status });
  if (letter.status !== 'submitted') throw new Rejection('invalid_state', 'only submitted letters can be approved');
  // Which kinds is the rules table's (domainRules.fourEyes), versioned like every rule.
  if (needsSecondApprover(letter.kind, context.today) && letter.drafterId === context.actor.userId) {
    throw new Rejection('four_eyes', 'the approver must not be the drafter');
  }
  await saveLetter(context, kase, letter, { status: 'approved', approverId: context.actor.userId, approvedAt: context.batch.now },
    'letter.approve', { drafterId: letter.drafterId, approverId: context.actor.userId });
};

export const returnLetter: MutationHandler<'letter.return'> = async (context, args) => {
  const { letter, kase } = await letterInScope(context, args.letterId);
  if (!canReviewLetters(context.actor, kase)) throw new Rejection('forbidden', 'only reviewers and team leads return letters');
  expectBase(context, 'letter', letter, { status: letter.status });
  if (letter.status !== 'submitted') throw new Rejection('invalid_state', 'only submitted letters can be returned');
  await saveLetter(context, kase, letter, { status: 'returned', returnedReason: args.reason, approverId: context.actor.userId },
    'letter.return', { drafterId: letter.drafterId, reviewerId: context.actor.userId });
};

/** letter.send: only an approved letter goes out; a decision letter decides the case. */
export const sendLetter: MutationHandler<'letter.send'> = async (context, args) => {
  const { letter, kase } = await letterInScope(context, args.letterId);
  expectBase(context, 'letter', letter, { status: letter.status });
  if (letter.status !== 'approved') throw new Rejection('invalid_state', 'only approved letters can be sent');
  await saveLetter(context, kase, letter, { status: 'sent', sentAt: context.batch.now }, 'letter.send');
  const decision = decisionOfKind[letter.kind as LetterKind];
  if (decision) {
    await updateCase(context.tx, context.batch, kase, { decision, decidedOn: context.today, status: 'decided' }, context.today);
  }
};

/** Letters and their workflow: draft → submitted → approved | returned → sent (four-eyes review). */
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { needsSecondApprover } from '../../shared/domain/rules';
import { storedLetterBody } from '../../shared/letters/body';
import { hasBlockingFindings } from '../../shared/letters/consistency';
import type { LetterFrame } from '../../shared/letters/draft';
import type { MadeLetter } from '../../render/letters/letter';
import { canReviewLetters } from '../authz/actor';
import { blobs, documents, letters } from '../db/schema';
import { publishCaseChild, recordCaseEvent, rowData, updateCase, type CaseRow } from '../cases/records';
import { caseDecisionCode } from '../letters/record';
import { findingsReason, LetterNotRenderable, noFrameReason, type LetterRow, type RenderableLetter } from '../letters/service';
import { caseInScope, Conflict, expectBase, Rejection, type MutationContext, type MutationHandler } from './context';

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

/**
 * A frame belongs to the case it is saved on (a frame of another case would put its facts in this
 * letter) and to a template of the letter's kind (else no render could ever match it).
 */
function checkFrame(kase: CaseRow, kind: string, frame: LetterFrame | undefined): void {
  if (!frame) return;
  if (frame.fields.case.caseNumber !== kase.caseNumber) throw new Rejection('invalid_arguments', 'frame is of another case');
  if (!frame.template.startsWith(`${kind}/`)) throw new Rejection('invalid_arguments', 'frame template is of another letter kind');
}

/**
 * The letter as the server would send it now: rendered from its frame and stored body. A letter
 * without a frame cannot be rendered by the server, so it cannot go on in the workflow.
 */
async function renderStored(context: MutationContext, letter: LetterRow, kase: CaseRow): Promise<{ renderable: RenderableLetter; made: MadeLetter }> {
  try {
    const renderable = context.letters.renderable(letter, kase);
    if (renderable === null) throw new Rejection('invalid_state', noFrameReason);
    return { renderable, made: await context.letters.make(letter, renderable) };
  } catch (error) {
    if (!(error instanceof LetterNotRenderable)) throw error;
    if (error.reason === 'template_changed') {
      throw new Rejection('letter_changed', 'the letter\'s template is no longer the one it was drafted from: draft it again');
    }
    throw new Rejection('invalid_state', `letter cannot be rendered: ${error.reason}`);
  }
}

/** Renders the letter and refuses it when it disagrees with the case record (submit and approve). */
async function renderChecked(context: MutationContext, letter: LetterRow, kase: CaseRow): Promise<{ renderable: RenderableLetter; made: MadeLetter }> {
  const rendered = await renderStored(context, letter, kase);
  const findings = await context.letters.check(context.tx, kase, rendered.renderable, rendered.made);
  if (hasBlockingFindings(findings)) throw new Rejection('letter_inconsistent', findingsReason(findings));
  return rendered;
}

/**
 * A sent letter's PDF as a document of its case: the bytes content-addressed in `blobs` like every
 * document (intake, training load), a `documents` row with source 'letter' pointing back at the
 * letter, published as a case child so the workbench shows and caches it like any other document.
 */
async function storeLetterDocument(context: MutationContext, kase: CaseRow, letter: LetterRow, made: MadeLetter): Promise<string> {
  const { tx, batch } = context;
  // The same bytes may already be stored (the same letter sent again after a reopening): one blob serves both.
  await tx.insert(blobs).values({ sha256: made.sha256, size: made.pdf.length, content: made.pdf, createdAt: batch.now }).onConflictDoNothing();
  const [document] = await tx.insert(documents).values({
    id: randomUUID(), caseId: kase.id, title: `${made.rendered.template.title}, ${made.document.date}`,
    kind: 'letter', mediaType: 'application/pdf', sha256: made.sha256, size: made.pdf.length, source: 'letter',
    uploadedAt: batch.now, letterId: letter.id,
  }).returning();
  if (!document) throw new Error('document insert returned nothing');
  publishCaseChild(batch, kase, 'document', document);
  return document.id;
}

/**
 * letter.saveDraft: creates the letter or replaces the body of a draft (plain field, last writer
 * wins), and its frame when one is given: a draft saved by an older workbench keeps the frame it had.
 */
export const saveDraft: MutationHandler<'letter.saveDraft'> = async (context, args) => {
  const kase = await caseInScope(context, args.caseId);
  checkFrame(kase, args.kind, args.frame);
  const frame = args.frame === undefined ? {} : { frame: args.frame };
  const [existing] = await context.tx.select().from(letters).where(eq(letters.id, args.letterId)).for('update');
  if (!existing) {
    const [created] = await context.tx.insert(letters).values({
      id: args.letterId, caseId: kase.id, kind: args.kind, status: 'draft', body: JSON.stringify(args.body),
      drafterId: context.actor.userId, savedBy: context.actor.userId, updatedAt: context.batch.now, ...frame,
    }).returning();
    if (!created) throw new Error('letter insert returned nothing');
    publishCaseChild(context.batch, kase, 'letter', created);
    await recordCaseEvent(context.tx, context.batch, kase, 'letter.create', context.actor.userId, { letterId: created.id, kind: args.kind });
    return;
  }
  if (existing.caseId !== kase.id) throw new Rejection('invalid_arguments', 'letter belongs to another case');
  if (existing.status !== 'draft' && existing.status !== 'returned') throw new Rejection('invalid_state', 'letter is no longer a draft');
  expectOwnDraftBase(context, existing);
  await saveLetter(context, kase, existing, { body: JSON.stringify(args.body), kind: args.kind, status: 'draft', savedBy: context.actor.userId, ...frame }, 'letter.saveDraft');
};

/**
 * Two people saving the same draft: a save based on an older version is a conflict when someone
 * else saved since, never a silent overwrite. The same person's saves in flight (typed faster than
 * the workbench pulled its own last save back) build on each other and apply. A save without a
 * base (an older client's) is taken as before.
 */
function expectOwnDraftBase(context: MutationContext, letter: LetterRow): void {
  const base = context.base['version'];
  if (typeof base !== 'number' || base === letter.version) return;
  // A letter from before saved_by was kept was last saved by its drafter.
  if ((letter.savedBy ?? letter.drafterId) === context.actor.userId) return;
  throw new Conflict(['version'], 'letter', letter.id, rowData(letter));
}

/** letter.submit: only a letter the server can render and that agrees with the case record goes to review. */
export const submitLetter: MutationHandler<'letter.submit'> = async (context, args) => {
  const { letter, kase } = await letterInScope(context, args.letterId);
  expectBase(context, 'letter', letter, { status: letter.status });
  if (letter.status !== 'draft' && letter.status !== 'returned') throw new Rejection('invalid_state', 'only drafts can be submitted');
  await renderChecked(context, letter, kase);
  await saveLetter(context, kase, letter, { status: 'submitted', submittedAt: context.batch.now }, 'letter.submit');
};

/**
 * letter.approve: the reviewer approves the PDF the server renders now, checked again (the case may
 * have changed since submission); its SHA-256 is kept, so sending can prove it sends these bytes.
 */
export const approveLetter: MutationHandler<'letter.approve'> = async (context, args) => {
  const { letter, kase } = await letterInScope(context, args.letterId);
  if (!canReviewLetters(context.actor, kase)) throw new Rejection('forbidden', 'only reviewers and team leads approve letters');
  expectBase(context, 'letter', letter, { status: letter.status });
  if (letter.status !== 'submitted') throw new Rejection('invalid_state', 'only submitted letters can be approved');
  // Which kinds is the rules table's (domainRules.fourEyes), versioned like every rule.
  if (needsSecondApprover(letter.kind, context.today) && letter.drafterId === context.actor.userId) {
    throw new Rejection('four_eyes', 'the approver must not be the drafter');
  }
  const { made } = await renderChecked(context, letter, kase);
  await saveLetter(context, kase, letter, {
    status: 'approved', approverId: context.actor.userId, approvedAt: context.batch.now, approvedSha256: made.sha256,
  }, 'letter.approve', { drafterId: letter.drafterId, approverId: context.actor.userId, sha256: made.sha256 });
};

export const returnLetter: MutationHandler<'letter.return'> = async (context, args) => {
  const { letter, kase } = await letterInScope(context, args.letterId);
  if (!canReviewLetters(context.actor, kase)) throw new Rejection('forbidden', 'only reviewers and team leads return letters');
  expectBase(context, 'letter', letter, { status: letter.status });
  if (letter.status !== 'submitted') throw new Rejection('invalid_state', 'only submitted letters can be returned');
  await saveLetter(context, kase, letter, { status: 'returned', returnedReason: args.reason, approverId: context.actor.userId },
    // The version that was returned, so the drafter's next submission can be read as a diff against it.
    'letter.return', { drafterId: letter.drafterId, reviewerId: context.actor.userId, returnedBody: storedLetterBody(letter.body) });
};

/**
 * letter.send: only an approved letter goes out, and only as the bytes that were approved. Its PDF
 * becomes a document of the case; a decision letter registers the decision on the case, on the
 * letter date, which stops the decision period and the penalty.
 */
export const sendLetter: MutationHandler<'letter.send'> = async (context, args) => {
  const { letter, kase } = await letterInScope(context, args.letterId);
  expectBase(context, 'letter', letter, { status: letter.status });
  if (letter.status !== 'approved') throw new Rejection('invalid_state', 'only approved letters can be sent');
  const { renderable, made } = await renderStored(context, letter, kase);
  const { frame, kind } = renderable;
  // The remedy period runs from the day after the letter date (Awb 6:8): sent later, it would be shorter than the letter states.
  if (frame.letterDate < context.today) {
    throw new Rejection('invalid_state', 'the letter date has passed: re-date the letter and have it approved again');
  }
  if (letter.approvedSha256 === null || made.sha256 !== letter.approvedSha256) {
    throw new Rejection('letter_changed', 'the letter is no longer the one that was approved: submit it for approval again');
  }
  const documentId = await storeLetterDocument(context, kase, letter, made);
  await saveLetter(context, kase, letter, { status: 'sent', sentAt: context.batch.now, documentId }, 'letter.send', {
    documentId, sha256: made.sha256, remediesLastDay: frame.fields.remedies?.lastDay ?? null,
  });
  const decision = caseDecisionCode(kind, frame);
  if (decision) {
    await updateCase(context.tx, context.batch, kase, { decision, decidedOn: frame.letterDate, status: 'decided' }, context.today);
  }
};

/**
 * Drafts a training letter at load time the way the editor drafts one (src/main/host/letters/draft.ts
 * `LetterDrafts.view`): fields from the case's rows (build-fields.ts), the reasoning from the chosen
 * grounds and the case's verified evidence links (reasoning.ts), the template's first body with the
 * reasoning block filled in, the consistency check, and the frame the draft is saved with. The rows
 * are the ones just inserted, projected as clients get them, so the frame says what the server's own
 * check reads: a training letter the check refuses is a generator bug and fails the load loudly.
 */
import { isRegime } from '../../shared/domain/rules';
import { bodyFromBlocks, letterBodyText, type LetterBody } from '../../shared/letters/body';
import { buildLetterFields } from '../../shared/letters/build-fields';
import { checkLetterConsistency, hasBlockingFindings } from '../../shared/letters/consistency';
import type { LetterDecisionRecord, LetterFrame } from '../../shared/letters/draft';
import { letterTemplates, selectTemplate } from '../../shared/letters/manifest';
import { buildReasoning, type ReasoningResult } from '../../shared/letters/reasoning';
import type { LetterKind } from '../../shared/sync/mutations';
import { LetterMaker } from '../../render/letters/letter';
import type { CaseRow } from '../cases/records';
import type { documents, evidenceLinks, extensions, noticesOfDefault, parties, suspensions } from '../db/schema';
import { projections } from '../sync/projections';
import type { DatasetLetterDraft } from './dataset';

/** The block a decision's reasoning is written in (the templates' `{% free "reasoning" %}`). */
const reasoningBlock = 'reasoning';

/** The rows of one case the letter is drafted from, as inserted. */
export type DraftingRows = {
  kase: CaseRow;
  parties: (typeof parties.$inferSelect)[];
  suspensions: (typeof suspensions.$inferSelect)[];
  extensions: (typeof extensions.$inferSelect)[];
  noticesOfDefault: (typeof noticesOfDefault.$inferSelect)[];
  documents: (typeof documents.$inferSelect)[];
  evidenceLinks: (typeof evidenceLinks.$inferSelect)[];
};

export type DraftRequest = { kind: LetterKind; draft: DatasetLetterDraft; letterDate: string; signatory: string | null };

/** Templates parsed and fonts read once per process: a load drafts a handful of letters, a reset one or two. */
let sharedMaker: LetterMaker | null = null;
const maker = (): LetterMaker => (sharedMaker ??= new LetterMaker());

/** The template's first body with the reasoning block holding the built reasoning. */
function withReasoning(body: LetterBody, reasoning: ReasoningResult): LetterBody {
  let filled = false;
  const content = body.content.map((node) => {
    if (node.type !== 'freeBlock' || node.attrs.block !== reasoningBlock) return node;
    filled = true;
    return { ...node, content: reasoning.paragraphs };
  });
  if (!filled) throw new Error('training letter: the template has no reasoning block');
  return { ...body, content };
}

/** The frame and body of a decision letter on the case; throws when the letter would not pass the check. */
export async function draftTrainingLetter(rows: DraftingRows, request: DraftRequest): Promise<{ frame: LetterFrame; body: LetterBody }> {
  const { kase } = rows;
  const { kind, draft, letterDate } = request;
  if (!isRegime(kase.regime)) throw new Error(`training letter: case ${kase.caseNumber} has an unknown regime`);
  const regime = kase.regime;
  // The fields are worded in the language of the template that will be used, as the editor does.
  const language = selectTemplate(letterTemplates, kind, draft.language, regime, letterDate)?.language ?? draft.language;
  const titles = new Map(rows.documents.map((document) => [document.id, document.title]));
  const reasoning = buildReasoning({
    groundIds: draft.groundIds, caseType: kase.caseType, language, on: letterDate, application: kase.application ?? {},
    evidence: rows.evidenceLinks.map((link) => ({
      requirement: link.requirement, field: link.field, documentId: link.documentId, documentTitle: titles.get(link.documentId) ?? '',
      page: link.page, quote: link.quote,
    })),
  });
  const partyRows = rows.parties.map((row) => projections.party(row));
  const applicant = partyRows.find((party) => party.role === 'applicant');
  const record: LetterDecisionRecord = { outcome: 'refused', groundIds: draft.groundIds };
  const caseEntity = projections.case(kase);
  const text = letterBodyText({ type: 'doc', content: [{ type: 'freeBlock', attrs: { block: reasoningBlock }, content: reasoning.paragraphs }] });
  const built = buildLetterFields({
    summary: { caseNumber: kase.caseNumber, caseType: kase.caseType, regime, receivedOn: kase.receivedOn, vNumber: applicant?.vNumber ?? null },
    contestedDecisionOn: kase.contestedDecisionOn,
    suspensions: rows.suspensions.map((row) => projections.suspension(row)),
    extensions: rows.extensions.map((row) => projections.extension(row)),
    noticesOfDefault: rows.noticesOfDefault,
    kase: caseEntity, parties: partyRows, signatory: request.signatory,
  }, { letterDate, language, kind, reasoning: text, decision: { record, grounds: reasoning.fieldsGrounds } });

  const first = await maker().make({ kind, language: draft.language, regime: built.regime, fields: built.fields, body: null });
  const body = withReasoning(bodyFromBlocks(first.templateBlocks, first.template, first.rendered.emptyFreeBlocks), reasoning);
  const made = await maker().make({ kind, language: draft.language, regime: built.regime, fields: built.fields, body });
  const findings = checkLetterConsistency({ kind, fields: built.fields, blocks: made.blocks, record: built.record, grounds: reasoning.references });
  if (hasBlockingFindings(findings)) {
    // Codes and field paths only: the findings' messages may quote the applicant's data.
    const codes = findings.filter((finding) => finding.severity === 'error').map((finding) => finding.field ?? finding.code);
    throw new Error(`training letter on case ${kase.caseNumber} fails the letter check: ${codes.join(', ')}`);
  }
  return { frame: { letterDate, language: made.rendered.language, template: made.template, fields: built.fields, decision: record }, body };
}

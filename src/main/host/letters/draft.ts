/**
 * A letter as the editor works on it: the case's fields for the letter date, the body (or the
 * template's proposal), the PDF, the frame the draft is saved with and the consistency check's
 * findings, all from the local cache, so a caseworker on a train sees what the reviewer will see.
 */
import type { Language, LetterDraftView, lettersCalls } from '../../../shared/contract';
import type { ArgsOut } from '../../../shared/rpc';
import type { Regime } from '../../../shared/domain/rules';
import { bodyFromBlocks, freeBlockText, type LetterBody } from '../../../shared/letters/body';
import { checkLetterConsistency } from '../../../shared/letters/consistency';
import type { LetterFrame } from '../../../shared/letters/draft';
import { letterTemplates, selectTemplate } from '../../../shared/letters/manifest';
import { decisionKinds, type LetterFieldsReader } from './fields';
import { previewOf, type LetterPreviewer } from './preview';

/** The block a decision's reasoning is written in (the templates' `{% free "reasoning" %}`). */
const reasoningBlock = 'reasoning';

/** What the preview call asks, as the contract parsed it. */
export type DraftRequest = ArgsOut<typeof lettersCalls, 'letters.preview'>;

/** The grounds as the letter prints them, looked up in the catalogue by id. */
export type GroundTexts = (ids: readonly string[], language: Language) => { text: string; legalBasis: string; reference: string }[];


export class LetterDrafts {
  constructor(
    private readonly fields: LetterFieldsReader,
    private readonly previewer: LetterPreviewer,
    private readonly regimeOf: (caseId: string) => Regime | null,
    private readonly groundTexts: GroundTexts,
  ) {}

  async view(request: DraftRequest): Promise<LetterDraftView> {
    const { caseId, kind, letterDate, body } = request;
    const regime = this.regimeOf(caseId);
    // The fields are worded in the language of the text that will be used: Dutch where the asked one has none.
    const entry = regime === null ? null : selectTemplate(letterTemplates, kind, request.language, regime, letterDate);
    const language = entry?.language ?? request.language;
    const decision = decisionKinds.has(kind) ? request.decision : null;
    const grounds = decision === null ? [] : this.groundTexts(decision.groundIds, language);
    const built = this.fields.build({
      caseId, letterDate, language, kind, reasoning: body === null ? '' : freeBlockText(body, reasoningBlock),
      decision: decision === null ? null : { record: decision, grounds: grounds.map(({ text, legalBasis }) => ({ text, legalBasis })) },
    });
    const made = await this.previewer.make({ kind, language: request.language, regime: built.regime, fields: built.fields, body });
    const findings = checkLetterConsistency({
      kind, fields: built.fields, blocks: made.blocks, record: built.record,
      ...(decision === null ? {} : { grounds: grounds.map(({ reference }) => ({ reference })) }),
    });
    const proposal = bodyFromBlocks(made.templateBlocks, made.template, made.rendered.emptyFreeBlocks);
    // The template fills its reasoning block from the caseworker's own text (decision.reasoning): as the
    // template's proposal, the diff must see that block empty, or the reasoning would never show as written.
    const templateBody: LetterBody = {
      ...proposal,
      content: proposal.content.map((node) => (node.type === 'freeBlock' && node.attrs.block === reasoningBlock
        ? { ...node, content: [{ type: 'paragraph' as const }] } : node)),
    };
    const frame: LetterFrame = { letterDate, language: made.rendered.language, template: made.template, fields: built.fields, decision };
    return {
      preview: previewOf(made),
      body: body ?? proposal,
      frame,
      templateBody,
      findings,
    };
  }
}

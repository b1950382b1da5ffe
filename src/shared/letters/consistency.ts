/**
 * The letter consistency check (issue #15): does what a letter states agree with the case record and
 * with the domain engine? Pure and synchronous, so the editor can run it on every keystroke and the
 * data host and the central API can run the very same code to refuse a submit or an approval.
 *
 * Every check is a small function over the same input and all of them run: a caseworker fixing one
 * finding should see the others at once, not one per round trip. What a rule needs per letter kind
 * is data (`letterKindRules`, `placeholderMarkers`, the rules table's `dutyToLeave`), not code.
 *
 * Findings carry codes, field paths of LetterFields and language-neutral values only; the texts are
 * `consistency.<code>` in messages.ts. An `error` blocks submit and approve, a `warning` does not.
 */
import { domainRules, versionInEffect, type DomainRules } from '../domain/rules';
import type { LetterBlock } from './blocks';
import { checkDeadline, checkRemedies } from './consistency-periods';
import { finding, letterKindRules, type LetterCheck, type LetterCheckInput, type LetterFinding } from './consistency-rules';
import { fieldValue } from './merge';
import { isFinalPenalty } from './penalty';

export * from './consistency-rules';

/**
 * Marks of text nobody filled in: a Liquid tag that did not render, a bracketed placeholder of a
 * standard text, an ellipsis standing in for a missing word. An ellipsis in a caseworker's own
 * reasoning is blocked too: a decision quoting "…" can write "(...)" instead, a forgotten gap cannot.
 */
export const placeholderMarkers: readonly string[] = ['{{', '{%', '[[', '…'];

/** The block a refusal's reasoning is written in (the templates' `{% free "reasoning" %}`). */
const reasoningBlock = 'reasoning';
/** The block whose first line names the addressee. */
const addressBlock = 'address';

/** Names compare as a person would read them: Unicode-normalised, without stray spaces. */
function sameName(left: string, right: string): boolean {
  const normal = (value: string) => value.normalize('NFC').trim().replace(/\s+/g, ' ');
  return normal(left) === normal(right);
}

const blank = (value: string | null | undefined): boolean => value === null || value === undefined || value.trim() === '';

/** The text of a block, or null when the letter does not have it (it rendered empty). */
function blockText(blocks: readonly LetterBlock[], name: string): string | null {
  const found = blocks.filter((block) => block.block === name).map((block) => block.text);
  return found.length === 0 ? null : found.join('\n');
}

/** The letter states the decision the case records, and an outcome its kind can have. */
export const checkOutcome: LetterCheck = ({ kind, fields, record }) => {
  const { outcomes } = letterKindRules[kind];
  if (outcomes === null) return [];
  const findings: LetterFinding[] = [];
  const stated = fields.decision?.outcome ?? null;
  if (stated === null) findings.push(finding('decision_missing', 'error', { kind }, 'decision'));
  else if (!outcomes.includes(stated)) findings.push(finding('outcome_not_for_kind', 'error', { kind, stated }, 'decision.outcome'));
  if (record.decision === null) findings.push(finding('decision_not_recorded', 'error', { kind }));
  else if (stated !== null && stated !== record.decision) {
    findings.push(finding('outcome_differs_from_record', 'error', { stated, recorded: record.decision }, 'decision.outcome'));
  }
  return findings;
};

/** The letter is about this case: its case type and letter date are the record's. */
export const checkIdentity: LetterCheck = ({ fields, record }) => {
  const findings: LetterFinding[] = [];
  if (fields.case.caseType !== record.caseType) {
    findings.push(finding('case_type_differs', 'error', { stated: fields.case.caseType, recorded: record.caseType }, 'case.caseType'));
  }
  if (fields.letter.date !== record.letterDate) {
    findings.push(finding('letter_date_differs', 'error', { stated: fields.letter.date, recorded: record.letterDate }, 'letter.date'));
  }
  return findings;
};

/** The applicant and V-number are the case's; with a representative, the letter goes to them. */
export const checkParties: LetterCheck = ({ fields, blocks, record }) => {
  const findings: LetterFinding[] = [];
  const { applicant, representative } = record.parties;
  if (!sameName(fields.applicant.name, applicant.name)) findings.push(finding('applicant_name_differs', 'error', {}, 'applicant.name'));
  if ((fields.applicant.vNumber ?? null) !== (applicant.vNumber ?? null)) findings.push(finding('v_number_differs', 'error', {}, 'applicant.vNumber'));
  if (representative !== null && fields.representative === null) findings.push(finding('representative_missing', 'error', {}, 'representative'));
  if (representative === null && fields.representative !== null) findings.push(finding('representative_not_on_case', 'error', {}, 'representative'));
  if (representative !== null && fields.representative !== null && !sameName(fields.representative.name, representative.name)) {
    findings.push(finding('representative_name_differs', 'error', {}, 'representative.name'));
  }
  // The address block is standard text, but it is what the envelope shows: check the text itself too.
  const address = blockText(blocks, addressBlock);
  const addressee = representative?.name ?? applicant.name;
  const firstLine = address?.split('\n')[0] ?? null;
  if (firstLine !== null && !sameName(firstLine, addressee)) findings.push(finding('addressee_differs', 'error', { block: addressBlock }));
  return findings;
};


function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0 || value.every(isEmpty);
  return false;
}

/** Nothing is left unfilled: no placeholder in the text, no empty required field or block. */
export const checkUnfilled: LetterCheck = ({ kind, fields, blocks }) => {
  const findings: LetterFinding[] = [];
  for (const block of blocks) {
    for (const marker of placeholderMarkers) {
      if (block.text.includes(marker)) findings.push(finding('placeholder_left', 'error', { block: block.block, marker }));
    }
  }
  const rule = letterKindRules[kind];
  for (const path of rule.requiredFields) {
    if (isEmpty(fieldValue(fields, path))) findings.push(finding('field_empty', 'error', { field: path }, path));
  }
  if (blocks.length > 0) {
    for (const name of rule.requiredBlocks) {
      if (blank(blockText(blocks, name))) findings.push(finding('required_block_missing', 'error', { block: name }));
    }
  }
  return findings;
};

/** A refusal gives its grounds with their basis and its reasoning (Awb art. 3:46). */
export const checkGrounds: LetterCheck = ({ kind, fields, blocks, grounds }) => {
  if (!letterKindRules[kind].needsGrounds || fields.decision === null) return [];
  const findings: LetterFinding[] = [];
  const stated = fields.decision.grounds;
  if (stated.length === 0 || grounds?.length === 0) findings.push(finding('grounds_missing', 'error', {}, 'decision.grounds'));
  stated.forEach((ground, index) => {
    if (blank(ground.legalBasis)) {
      findings.push(finding('ground_without_basis', 'error', { number: index + 1 }, `decision.grounds[${index}].legalBasis`));
    }
  });
  (grounds ?? []).forEach((ground, index) => {
    if (blank(ground.reference)) findings.push(finding('ground_without_basis', 'error', { number: index + 1 }));
  });
  // The caseworker edits the reasoning in its block; the field is only its first version.
  const text = blocks.length > 0 ? blockText(blocks, reasoningBlock) : fields.decision.reasoning;
  if (blank(text) || blank(fields.decision.reasoning)) findings.push(finding('reasoning_missing', 'error', {}, 'decision.reasoning'));
  return findings;
};

/** A refusal states the departure date exactly where the rules table's duty to leave applies. */
export const checkDutyToLeave: LetterCheck = ({ kind, fields, record }, rules) => {
  if (!letterKindRules[kind].dutyToLeave || fields.decision === null) return [];
  const rule = versionInEffect(rules.dutyToLeave, record.letterDate);
  const applies = rule.caseTypes.includes(record.caseType);
  const departureBy = fields.decision.departureBy;
  const basis = rule.legalBasis;
  if (applies && departureBy === null) return [finding('departure_missing', 'error', { basis }, 'decision.departureBy')];
  if (departureBy === null) return [];
  if (!applies) return [finding('departure_not_applicable', 'warning', { basis }, 'decision.departureBy')];
  if (departureBy < record.letterDate) {
    return [finding('departure_before_letter_date', 'error', { stated: departureBy, letterDate: record.letterDate }, 'decision.departureBy')];
  }
  return [];
};

/**
 * A penalty decision fixes the engine's penalty: once it is final (decided, or 42 days reached), its
 * days and amount exactly. An empty penalty is left to checkUnfilled, which reports the field.
 */
export const checkPenaltyDecision: LetterCheck = ({ kind, fields, record }) => {
  if (kind !== 'penalty_decision' || fields.penalty === null) return [];
  const recorded = record.penalty;
  if (recorded === null || !isFinalPenalty({ status: recorded.status, penaltyDays: recorded.days })) {
    return [finding('penalty_not_final', 'error', { status: recorded?.status ?? 'none' }, 'penalty')];
  }
  const findings: LetterFinding[] = [];
  if (fields.penalty.days !== recorded.days) {
    findings.push(finding('penalty_days_differs', 'error', { stated: fields.penalty.days, computed: recorded.days }, 'penalty.days'));
  }
  if (fields.penalty.amountCents !== recorded.amountCents) {
    // In euros for the currency formatter, as the engine's own penalty texts give amounts.
    findings.push(finding('penalty_amount_differs', 'error',
      { stated: fields.penalty.amountCents / 100, computed: recorded.amountCents / 100 }, 'penalty.amountCents'));
  }
  return findings;
};

/** Every check, in the order findings are listed. */
export const letterChecks: readonly LetterCheck[] = [
  checkOutcome, checkIdentity, checkParties, checkDeadline, checkUnfilled, checkGrounds, checkDutyToLeave, checkRemedies,
  checkPenaltyDecision,
];

/** Runs every check on a letter; no errors means it may be submitted and approved. */
export function checkLetterConsistency(input: LetterCheckInput, rules: DomainRules = domainRules): LetterFinding[] {
  return letterChecks.flatMap((check) => check(input, rules));
}

/** Whether the findings allow the letter to go on (submit, approve): warnings do, errors do not. */
export function hasBlockingFindings(findings: readonly LetterFinding[]): boolean {
  return findings.some((entry) => entry.severity === 'error');
}

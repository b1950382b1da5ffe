/**
 * The reasoning builder (motivering, Awb art. 3:46): from the legal grounds a caseworker picks and
 * the case's verified evidence links, the reasoning block of a decision letter, the grounds the
 * letter lists and the references the consistency check takes. Pure, so the editor can build it
 * offline and a test can pin it.
 *
 * It never invents a fact. A fact is written into the text only when an evidence link proves it
 * and there is something to state: the application value of the field the link verified, or the
 * text the caseworker selected on the page. Anything else stays a visible `[[label]]` marker, which
 * the letter check refuses as unfilled (consistency.ts `placeholderMarkers`), so the letter cannot
 * go out until someone fills it in.
 */
import type { Language } from '../contract/common';
import type { ApplicationValue } from '../contract/review';
import type { IsoDate } from '../domain/dates';
import { DomainError } from '../domain/errors';
import { regimeForCaseType } from '../domain/rules';
import type { LetterInline } from './body';
import type { ChosenGround } from './consistency-rules';
import type { LetterFields } from './fields';
import { formatDateLong, formatEuro } from './format';
import { groundAppliesTo, groundById, type GroundFact, type GroundKind, type LegalGround } from './grounds';

/** A verified evidence link as the case screen has it ("verified against document X, page N"), with its document's title. */
export type VerifiedEvidence = {
  requirement: string;
  field?: string | null;
  documentId: string;
  documentTitle: string;
  page?: number | null;
  quote?: string | null;
};

export type ReasoningInput = {
  groundIds: readonly string[];
  caseType: string;
  language: Language;
  /** Only verified links: a link still queued offline counts, a document nobody checked does not. */
  evidence: readonly VerifiedEvidence[];
  /** What the applicant stated on the form (review.ts `application`). */
  application?: Readonly<Record<string, ApplicationValue>>;
  /** The decision's kind; when given, every ground must be of it. */
  kind?: GroundKind;
  /** The letter date: the ground versions in effect on it are used. */
  on?: IsoDate;
};

export type Citation = { documentId: string; documentTitle: string; page?: number; quote?: string; text: string };

/**
 * Why a fact is not filled in: no link proves it, the link gives nothing to state (no value, no
 * selected text), or the fact lies outside the checklist and no link can prove it.
 */
export type UnverifiedReason = 'no_evidence' | 'no_value' | 'outside_checklist';

export type ReasoningFact = {
  groundId: string;
  factId: string;
  label: string;
  status: 'verified' | 'unverified';
  reason?: UnverifiedReason;
  citation?: Citation;
};

type TextBlockParagraph = { type: 'paragraph'; content?: LetterInline[] };

export type ReasoningResult = {
  /** The reasoning block's content (body.ts free block): a paragraph per paragraph of each ground. */
  paragraphs: TextBlockParagraph[];
  /** The same text, for `LetterFields.decision.reasoning`. */
  text: string;
  facts: ReasoningFact[];
  /** For `LetterFields.decision.grounds`, in the order picked. */
  fieldsGrounds: NonNullable<LetterFields['decision']>['grounds'];
  /** For the letter check (`LetterCheckInput.grounds`). */
  references: ChosenGround[];
};

const wording = {
  nl: { see: 'zie', page: 'pagina' },
  en: { see: 'see', page: 'page' },
} as const;

/** Fields whose application value is a date or an amount, written the way the letter writes them. */
const dateFields: ReadonlySet<string> = new Set(['birthDate', 'employmentStartDate', 'studyStartDate']);
const moneyFields: ReadonlySet<string> = new Set(['monthlySalaryCents']);

function statedValue(field: string, value: ApplicationValue | undefined, language: Language): string | null {
  if (value === undefined || value === null || typeof value === 'boolean') return null;
  if (moneyFields.has(field)) return typeof value === 'number' ? formatEuro(value, language) : null;
  if (dateFields.has(field)) {
    try {
      return formatDateLong(value, language);
    } catch {
      // A stored value that is not a date is not stated: the marker stays.
      return null;
    }
  }
  const text = String(value).trim();
  return text === '' ? null : text;
}

/**
 * Whether a link proves a fact: the fact's requirement, and its field. A fact without a field is
 * proven only by a link of the whole requirement, so text selected to prove the salary is never
 * printed as, say, the employer's name.
 */
function proves(fact: GroundFact, link: VerifiedEvidence): boolean {
  return (fact.requirement === undefined || link.requirement === fact.requirement)
    && (fact.applicationField === undefined ? (link.field ?? null) === null : link.field === fact.applicationField);
}

function citationOf(link: VerifiedEvidence, language: Language, withQuote: boolean): Citation {
  const words = wording[language];
  const quote = link.quote?.trim() || undefined;
  const page = link.page ?? undefined;
  const text = `(${words.see}: ${link.documentTitle}${page === undefined ? '' : `, ${words.page} ${page}`}${withQuote && quote !== undefined ? `: “${quote}”` : ''})`;
  return { documentId: link.documentId, documentTitle: link.documentTitle, ...(page === undefined ? {} : { page }), ...(quote === undefined ? {} : { quote }), text };
}

/** One fact: its text in the paragraph and its report. */
function resolveFact(ground: LegalGround, fact: GroundFact, input: ReasoningInput): { text: string; fact: ReasoningFact } {
  const label = fact.label[input.language];
  const base = { groundId: ground.id, factId: fact.id, label };
  const marker = `[[${label}]]`;
  if (fact.requirement === undefined && fact.applicationField === undefined) {
    return { text: marker, fact: { ...base, status: 'unverified', reason: 'outside_checklist' } };
  }
  const link = input.evidence.find((candidate) => proves(fact, candidate));
  if (link === undefined) return { text: marker, fact: { ...base, status: 'unverified', reason: 'no_evidence' } };
  const value = fact.applicationField === undefined ? null : statedValue(fact.applicationField, input.application?.[fact.applicationField], input.language);
  const quote = link.quote?.trim() || null;
  if (value !== null) {
    const citation = citationOf(link, input.language, true);
    return { text: `${value} ${citation.text}`, fact: { ...base, status: 'verified', citation } };
  }
  if (quote !== null) {
    const citation = citationOf(link, input.language, false);
    return { text: `“${quote}” ${citation.text}`, fact: { ...base, status: 'verified', citation } };
  }
  return { text: marker, fact: { ...base, status: 'unverified', reason: 'no_value', citation: citationOf(link, input.language, false) } };
}

/** A paragraph's text as inline nodes: line breaks as hard breaks, no empty text nodes. */
function paragraphOf(text: string): TextBlockParagraph {
  const content = text.split('\n').flatMap((line, index): LetterInline[] => [
    ...(index > 0 ? [{ type: 'hardBreak' as const }] : []),
    ...(line === '' ? [] : [{ type: 'text' as const, text: line }]),
  ]);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** The grounds by id, refused when one is unknown, repeated, not for this case type or of another kind than the rest. */
function pickGrounds(input: ReasoningInput): LegalGround[] {
  const regime = regimeForCaseType(input.caseType);
  if (regime === null) throw new DomainError('unknown_case_type', 'caseType', 'unknown case type');
  const picked: LegalGround[] = [];
  input.groundIds.forEach((id, index) => {
    const field = `groundIds[${index}]`;
    const ground = groundById(id, input.on);
    if (ground === undefined) throw new DomainError('invalid_input', field, 'unknown legal ground (or none in effect on the letter date)');
    if (picked.some((other) => other.id === id)) throw new DomainError('invalid_input', field, 'legal ground picked twice');
    if (!groundAppliesTo(ground, input.caseType, regime)) throw new DomainError('invalid_input', field, 'legal ground not for this case type');
    const kind = input.kind ?? picked[0]?.kind;
    if (kind !== undefined && ground.kind !== kind) throw new DomainError('invalid_input', field, `legal ground is for a ${ground.kind} decision, not ${kind}`);
    picked.push(ground);
  });
  return picked;
}

/** The reasoning of a decision from its grounds and the verified evidence; refuses a ground it cannot use (DomainError). */
export function buildReasoning(input: ReasoningInput): ReasoningResult {
  const grounds = pickGrounds(input);
  const facts: ReasoningFact[] = [];
  const texts = grounds.map((ground) => {
    const resolved = new Map(ground.facts.map((fact) => [fact.id, resolveFact(ground, fact, input)]));
    facts.push(...[...resolved.values()].map((entry) => entry.fact));
    // One pass over the template, so a quote that happens to contain "{…}" is never read as a placeholder.
    return ground.paragraph[input.language].replace(/\{([a-z_]+)\}/g, (whole, id: string) => resolved.get(id)?.text ?? whole);
  });
  const parts = texts.flatMap((text) => text.split(/\n\s*\n/)).map((part) => part.trim()).filter((part) => part !== '');
  return {
    // An empty free block still needs one paragraph; the letter check then reports the reasoning missing.
    paragraphs: parts.length > 0 ? parts.map(paragraphOf) : [{ type: 'paragraph' }],
    text: parts.join('\n\n'),
    facts,
    fieldsGrounds: grounds.map((ground) => ({ text: ground.title[input.language], legalBasis: ground.reference })),
    references: grounds.map((ground) => ({ reference: ground.reference })),
  };
}

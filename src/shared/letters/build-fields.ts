/**
 * The merge fields of a letter (fields.ts) and the case record the letter check compares them
 * with, from a case's facts: the data host builds them from its cache (offline drafting), the
 * training data from its generated cases. Every value comes from a row or the domain engine;
 * nothing is made up. A fact the schema lets be empty stays null; one it requires (an address to
 * send to, the case type's wording) throws MissingLetterFacts with the paths that are missing,
 * never a placeholder that could end up in a sent letter.
 */
import type { Language } from '../contract/common';
import {
  addPeriod, asylumTracks, computeDecisionDeadline, DomainError, remedyPeriod, type AsylumTrack,
} from '../domain';
import type { LetterCheckRecord } from './consistency-rules';
import { outcomeOfCaseDecision, type LetterDecisionRecord } from './draft';
import { domainRules, isRegime, versionInEffect, type Regime } from '../domain/rules';
import { letterFields, letterPeriod, type LetterFields } from './fields';
import { letterPenalty, penaltyFields, penaltyForCheck } from './penalty';
import { caseTypeWording, requirementWording, worded } from './wording';
import type { EntityRow } from '../sync';
import type { LetterKind } from '../sync/mutations';

/** Kinds that are a decision (besluit): only these carry the remedies clause (Awb 3:45). */
export const decisionKinds: ReadonlySet<LetterKind> = new Set(['grant', 'refusal', 'not_processed', 'objection_decision', 'penalty_decision']);

/** The outcome a decision letter's kind states; objection decisions say it in the letter itself. */
const outcomeOfKind: Partial<Record<LetterKind, NonNullable<LetterFields['decision']>['outcome']>> = {
  grant: 'granted', refusal: 'refused', not_processed: 'not_processed',
};

/** The signing function when the cache does not know who is signed in (a fresh, signed-out cache). */
const signingFunction: Record<Language, string> = { nl: 'Beslismedewerker', en: 'Decision officer' };

export interface FieldsRequest {
  letterDate: string;
  language: Language;
  /** The letter's kind; without it every group the case has facts for is filled. */
  kind?: LetterKind | undefined;
  /** The caseworker's reasoning as written in the letter's reasoning block, for a decision. */
  reasoning?: string | undefined;
  /** The draft's decision record: the outcome it states and its grounds as the letter prints them. */
  decision?: { record: LetterDecisionRecord; grounds: { text: string; legalBasis: string }[] } | null | undefined;
}

/** The fields and what the preview and the letter check need besides them. */
export interface BuiltFields {
  fields: LetterFields;
  regime: Regime;
  /** The case as the cache records it, for the consistency check. */
  record: LetterCheckRecord;
}

const nonEmpty = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** A party's postal address, one line each; null when the cache has no street or no town. */
export function addressLines(address: Readonly<Record<string, string>> | null): string[] | null {
  if (!address) return null;
  const street = nonEmpty([address['street'], address['houseNumber']].filter(Boolean).join(' '));
  const postcode = nonEmpty(address['postcode'] ?? address['postalCode']);
  const city = nonEmpty(address['city']);
  if (street === null || city === null) return null;
  // Dutch post puts two spaces between postcode and town, the town in capitals.
  const lines = [street, postcode === null ? city.toUpperCase() : `${postcode}  ${city.toUpperCase()}`];
  const country = nonEmpty(address['country']);
  if (country !== null && !['NL', 'NLD', 'Nederland', 'Netherlands'].includes(country)) lines.push(country);
  return lines;
}

/** Without a recorded gender the neutral form is the correct one, not a guess. */
function salutation(name: string, language: Language): string {
  return language === 'nl' ? `Geachte heer/mevrouw ${name},` : `Dear ${name},`;
}


/** The facts a letter is written from: what the case screen shows of the case, and its parties. */
export interface LetterFacts {
  summary: { caseNumber: string; caseType: string; regime: string; receivedOn: string; vNumber: string | null };
  contestedDecisionOn: string | null;
  suspensions: readonly { requestedOn: string; dueOn: string; endedOn: string | null; documents: string[] }[];
  extensions: readonly { period: unknown; legalGround: string; announcedOn: string }[];
  /** The case's notices of default (ingebrekestelling), in any order: the penalty counts from one. */
  noticesOfDefault: readonly { receivedOn: string }[];
  /** The case row, for its decision and the asylum track; null when only the summary is known. */
  kase: Pick<EntityRow<'case'>, 'application' | 'decision' | 'decidedOn'> | null;
  parties: readonly EntityRow<'party'>[];
  /** Who signs: the signed-in user's name; the signing function when unknown. */
  signatory: string | null;
}

/** The case lacks facts the letter needs; `missing` are LetterFields paths, never values. */
export class MissingLetterFacts extends Error {
  constructor(readonly missing: readonly string[]) {
    super(`missing letter facts: ${missing.join(',')}`);
  }
}

/** The letter's fields and record; throws MissingLetterFacts. */
export function buildLetterFields(input: LetterFacts, request: FieldsRequest): BuiltFields {
  const { letterDate, language, kind } = request;
  const { summary, kase, parties } = input;
  const missing: string[] = [];
  const regime = isRegime(summary.regime) ? summary.regime : null;
  if (regime === null) missing.push('case.regime');

  const caseTypeLabel = worded(caseTypeWording, summary.caseType, language);
  if (caseTypeLabel === null) missing.push('case.caseTypeLabel');

  const applicantParty = parties.find((party) => party.role === 'applicant');
  const applicantLines = addressLines(applicantParty?.address ?? null);
  const representativeParty = parties.find((party) => party.role === 'representative') ?? null;
  const representativeLines = representativeParty ? addressLines(representativeParty.address) : null;
  // The letter goes to the representative when there is one, but the schema wants the applicant's
  // address too (the editor shows it as theirs), so neither may be borrowed from the other.
  if (!applicantParty) missing.push('applicant');
  else if (applicantLines === null) missing.push('applicant.addressLines');
  if (representativeParty && representativeLines === null) missing.push('representative.addressLines');
  const sponsorParty = parties.find((party) => party.role === 'sponsor') ?? null;

  const suspensions = input.suspensions.map(({ requestedOn, dueOn, endedOn }) => ({ requestedOn, dueOn, endedOn }));
  const extensions = input.extensions.flatMap(({ period, legalGround, announcedOn }) => {
    const parsed = letterPeriod.safeParse(period);
    return parsed.success ? [{ period: parsed.data, legalGround, announcedOn }] : [];
  });
  let deadline: LetterFields['deadline'] | null = null;
  if (regime !== null) {
    try {
      const computed = computeDecisionDeadline({
        regime, receivedOn: summary.receivedOn,
        ...(input.contestedDecisionOn ? { contestedDecisionOn: input.contestedDecisionOn } : {}),
        suspensions: suspensions.map(({ requestedOn, endedOn }) => (endedOn ? { requestedOn, endedOn } : { requestedOn })),
        extensions: extensions.map(({ period }) => period),
        asOf: letterDate,
      });
      const rule = versionInEffect(domainRules.regimes[regime], summary.receivedOn);
      deadline = {
        decisionDeadline: computed.deadline, statutoryPeriod: letterPeriod.parse(rule.period), legalBasis: rule.legalBasis,
        extensions, suspensions,
      };
    } catch (error) {
      // An objection without its contested decision's date has no deadline to state.
      if (!(error instanceof DomainError)) throw error;
      missing.push('deadline');
    }
  }

  // The notice announces the latest extension; the template cannot word one that is not there.
  if (kind === 'extension_notice' && extensions.length === 0) missing.push('deadline.extensions');

  const penalty = regime !== null && deadline !== null
    ? letterPenalty({
      regime, deadline: deadline.decisionDeadline, noticesOfDefault: input.noticesOfDefault, decidedOn: kase?.decidedOn ?? null, letterDate,
    })
    : null;
  // A penalty decision fixes the penalty after its last day (Awb 4:18): one still running, or not owed, has nothing to fix.
  const penaltyGroup = penalty !== null && (kind === undefined || kind === 'penalty_decision') ? penaltyFields(penalty) : null;
  if (kind === 'penalty_decision' && penaltyGroup === null && !missing.includes('deadline')) missing.push('penalty');

  if (missing.length > 0 || !applicantParty || regime === null || caseTypeLabel === null || deadline === null) {
    throw new MissingLetterFacts(missing);
  }

  const fields: LetterFields = {
    case: {
      caseNumber: summary.caseNumber, caseType: summary.caseType, caseTypeLabel, receivedOn: summary.receivedOn,
      contestedDecisionOn: input.contestedDecisionOn,
    },
    applicant: {
      name: applicantParty.name.trim(),
      addressLines: applicantLines ?? [],
      salutation: salutation(applicantParty.name.trim(), language),
      vNumber: /^\d{10}$/.test(applicantParty.vNumber ?? '') ? applicantParty.vNumber : summary.vNumber,
      birthDate: applicantParty.birthDate,
      nationality: nonEmpty(applicantParty.nationality),
    },
    sponsor: sponsorParty ? { name: sponsorParty.name.trim(), organisation: nonEmpty(sponsorParty.organisation) } : null,
    representative: representativeParty && representativeLines
      ? {
        name: representativeParty.name.trim(), addressLines: representativeLines,
        salutation: salutation(representativeParty.name.trim(), language), organisation: nonEmpty(representativeParty.organisation),
      }
      : null,
    deadline,
    request: openRequest(input.suspensions, language),
    decision: decisionOf(request, kase, summary.caseType),
    penalty: penaltyGroup,
    remedies: kind !== undefined && !decisionKinds.has(kind) ? null : remedies(summary.caseType, regime, kase, letterDate),
    letter: {
      date: letterDate,
      // The letter's own number is given by the central API when it is sent; until then the case number stands.
      reference: summary.caseNumber,
      signatory: input.signatory ?? signingFunction[language],
    },
  };
  const checked = letterFields.safeParse(fields);
  if (!checked.success) {
    const paths = [...new Set(checked.error.issues.map((issue) => issue.path.join('.')))];
    throw new MissingLetterFacts(paths);
  }
  const track = kase?.application?.['asylumTrack'];
  const asylumTrack = (asylumTracks as readonly unknown[]).includes(track) ? (track as AsylumTrack) : undefined;
  const caseDecision = kase?.decision ? outcomeOfCaseDecision[kase.decision] ?? null : null;
  const record: LetterCheckRecord = {
    decision: caseDecision ?? request.decision?.record.outcome ?? null,
    parties: {
      applicant: { name: applicantParty.name.trim(), vNumber: fields.applicant.vNumber },
      representative: representativeParty ? { name: representativeParty.name.trim() } : null,
    },
    caseType: summary.caseType, regime, receivedOn: summary.receivedOn, contestedDecisionOn: input.contestedDecisionOn,
    suspensions: suspensions.map(({ requestedOn, endedOn }) => (endedOn ? { requestedOn, endedOn } : { requestedOn })),
    extensions: extensions.map(({ period }) => period),
    letterDate,
    ...(asylumTrack ? { asylumTrack } : {}),
    penalty: penalty === null ? null : penaltyForCheck(penalty.penalty),
  };
  return { fields: checked.data, regime, record };
}

/** The latest request for documents that is still open, worded; null when none is, or a document has no wording. */
function openRequest(rows: readonly { documents: string[]; requestedOn: string; dueOn: string; endedOn: string | null }[], language: Language): LetterFields['request'] {
  const open = rows.filter((row) => row.endedOn === null).sort((left, right) => right.requestedOn.localeCompare(left.requestedOn))[0];
  if (!open) return null;
  const documents = open.documents.map((code) => worded(requirementWording, code, language));
  if (documents.length === 0 || documents.some((text) => text === null)) return null;
  return { requestedOn: open.requestedOn, dueOn: open.dueOn, documents: documents as string[] };
}

/**
 * A decision letter states its outcome (the draft's decision record, else the kind's, else the
 * case's), its grounds and reasoning as the caseworker wrote them (empty until written: the check
 * refuses that), and the departure date where the duty to leave applies: four weeks after the
 * letter date (Vw art. 62(1)).
 */
function decisionOf(request: FieldsRequest, kase: LetterFacts['kase'], caseType: string): LetterFields['decision'] {
  const { kind, letterDate } = request;
  if (kind !== undefined && !decisionKinds.has(kind)) return null;
  const outcome = request.decision?.record.outcome ?? (kind ? outcomeOfKind[kind] : undefined)
    ?? (kase?.decision ? outcomeOfCaseDecision[kase.decision] : undefined);
  if (!outcome) return null;
  const duty = versionInEffect(domainRules.dutyToLeave, letterDate);
  const departureBy = outcome === 'refused' && duty.caseTypes.includes(caseType) ? addPeriod(letterDate, { weeks: 4 }) : null;
  return {
    outcome, decidedOn: kase?.decidedOn ?? letterDate, grounds: request.decision?.grounds ?? [],
    reasoning: nonEmpty(request.reasoning) ?? '', permit: null, departureBy,
  };
}

/** The remedy clause's facts; null for asylum unless the case records its track, which sets the period. */
function remedies(caseType: string, regime: Regime, kase: LetterFacts['kase'], letterDate: string): LetterFields['remedies'] {
  const track = kase?.application?.['asylumTrack'];
  const asylumTrack = (asylumTracks as readonly unknown[]).includes(track) ? (track as AsylumTrack) : undefined;
  if (regime === 'asylum' && asylumTrack === undefined) return null;
  try {
    const result = remedyPeriod({ caseType, letterDate, ...(asylumTrack ? { asylumTrack } : {}) });
    return { remedy: result.remedy, weeks: result.period.weeks, lastDay: result.lastDay, legalBasis: result.legalBasis };
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

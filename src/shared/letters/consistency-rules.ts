/**
 * The input, the findings and the per-kind data of the letter consistency check (consistency.ts),
 * in their own module so the checks of consistency-periods.ts can share them without an import cycle.
 */
import type { AsylumTrack } from '../domain/remedies';
import type { IsoDate, Period } from '../domain/dates';
import type { Suspension } from '../domain/deadline';
import type { PenaltyStatus } from '../domain/penalty';
import type { DomainRules, Regime } from '../domain/rules';
import type { LetterKind } from '../sync/mutations';
import type { LetterBlock } from './blocks';
import type { LetterFields } from './fields';
import type { LetterFindingCode } from './messages';

export type DecisionOutcome = NonNullable<LetterFields['decision']>['outcome'];
export type FindingSeverity = 'error' | 'warning';

/** One disagreement; `field` is a LetterFields path (`decision.outcome`, `deadline.suspensions[0].endedOn`). */
export type LetterFinding = {
  code: LetterFindingCode;
  severity: FindingSeverity;
  field?: string;
  values: Record<string, string | number>;
};

/** The engine's penalty for deciding late on the letter date: what a penalty decision must fix. */
export type LetterCheckPenalty = { status: PenaltyStatus; days: number; amountCents: number };

/** The case as the record knows it: what the letter is checked against. */
export type LetterCheckRecord = {
  /** The decision recorded on the case for this letter, or null when none is. */
  decision: DecisionOutcome | null;
  parties: {
    applicant: { name: string; vNumber: string | null };
    representative: { name: string } | null;
  };
  caseType: string;
  regime: Regime;
  receivedOn: IsoDate;
  /** Objection regimes: the date of the contested decision. */
  contestedDecisionOn: IsoDate | null;
  /** As the engine takes them; an open suspension counts through the letter date. */
  suspensions: readonly Suspension[];
  extensions: readonly Period[];
  /** The date the letter goes out with; the deadline and the remedy period are counted for it. */
  letterDate: IsoDate;
  asylumTrack?: AsylumTrack;
  /** Null when the case has no decision deadline to count a penalty from. */
  penalty: LetterCheckPenalty | null;
};

/** A legal ground chosen in the editor, by the reference of the standard text it comes from. */
export type ChosenGround = { reference: string };

export type LetterCheckInput = {
  kind: LetterKind;
  fields: LetterFields;
  /** The rendered letter; empty before the first render, which skips the checks on the text. */
  blocks: readonly LetterBlock[];
  record: LetterCheckRecord;
  grounds?: readonly ChosenGround[];
};

/** What a letter kind needs; one entry per kind, so a new kind fails to compile until it is decided. */
export type LetterKindRule = {
  /** The outcomes a decision letter of this kind may state; null for a letter that decides nothing. */
  outcomes: readonly DecisionOutcome[] | null;
  /** Whether the letter ends with a remedies clause (every decision: Awb art. 3:45). */
  remedies: boolean;
  /** How much a wrong decision deadline weighs: an error where the letter prints it. */
  deadlineSeverity: FindingSeverity;
  /** Fields that must not be empty, as LetterFields paths. */
  requiredFields: readonly string[];
  /** Free-text blocks the caseworker must fill (a block that renders empty is left out of the letter). */
  requiredBlocks: readonly string[];
  /** Refusal rules: at least one ground with its basis, and reasoning (Awb art. 3:46). */
  needsGrounds: boolean;
  /** Whether the duty to leave (Vw art. 62) is stated where the rules table says it applies. */
  dutyToLeave: boolean;
};

const addressFields = ['case.caseNumber', 'applicant.name', 'applicant.addressLines', 'applicant.salutation', 'letter.reference', 'letter.signatory'];
const objectionOutcomes: DecisionOutcome[] = ['objection_well_founded', 'objection_unfounded', 'objection_inadmissible'];

export const letterKindRules: Readonly<Record<LetterKind, LetterKindRule>> = {
  acknowledgement: {
    outcomes: null, remedies: false, deadlineSeverity: 'error', requiredFields: addressFields, requiredBlocks: [],
    needsGrounds: false, dutyToLeave: false,
  },
  missing_documents: {
    outcomes: null, remedies: false, deadlineSeverity: 'warning',
    requiredFields: [...addressFields, 'request.documents', 'request.dueOn'], requiredBlocks: [], needsGrounds: false, dutyToLeave: false,
  },
  // Awb art. 4:14(3): an extension must say why, so its free "reason" block may not stay empty.
  extension_notice: {
    outcomes: null, remedies: false, deadlineSeverity: 'error', requiredFields: [...addressFields, 'deadline.extensions'],
    requiredBlocks: ['reason'], needsGrounds: false, dutyToLeave: false,
  },
  grant: {
    outcomes: ['granted'], remedies: true, deadlineSeverity: 'warning', requiredFields: addressFields, requiredBlocks: [],
    needsGrounds: false, dutyToLeave: false,
  },
  refusal: {
    outcomes: ['refused'], remedies: true, deadlineSeverity: 'warning', requiredFields: addressFields, requiredBlocks: [],
    needsGrounds: true, dutyToLeave: true,
  },
  not_processed: {
    outcomes: ['not_processed'], remedies: true, deadlineSeverity: 'warning', requiredFields: addressFields,
    requiredBlocks: ['reasoning'], needsGrounds: false, dutyToLeave: false,
  },
  objection_decision: {
    outcomes: objectionOutcomes, remedies: true, deadlineSeverity: 'warning', requiredFields: addressFields,
    requiredBlocks: ['reasoning'], needsGrounds: false, dutyToLeave: false,
  },
  penalty_decision: {
    outcomes: null, remedies: true, deadlineSeverity: 'error', requiredFields: [...addressFields, 'penalty'],
    requiredBlocks: [], needsGrounds: false, dutyToLeave: false,
  },
};

export type LetterCheck = (input: LetterCheckInput, rules: DomainRules) => LetterFinding[];

export function finding(
  code: LetterFindingCode, severity: FindingSeverity, values: Record<string, string | number> = {}, field?: string,
): LetterFinding {
  return field === undefined ? { code, severity, values } : { code, severity, field, values };
}


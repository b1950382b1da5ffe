/**
 * What a letter draft holds besides its body: the frame it is rendered in. The drafting workbench
 * resolves the merge fields from its cache and sends them with the draft, so the central API renders
 * exactly the letter the caseworker saw; it does not trust them for the facts that matter, because
 * the consistency check compares the fields with the server's own case record at submit and at
 * approval (src/server/letters). The decision record is the caseworker's choice of outcome and legal
 * grounds (grounds.ts); sending a decision letter registers it on the case.
 */
import { z } from 'zod';
import { isoDate, language } from '../contract/common';
import { letterFields } from './fields';

export const decisionOutcome = letterFields.shape.decision.unwrap().shape.outcome;

/** A template file without its extension: `refusal/nl.residence.2026-01-01`. */
export const templateName = z.string().regex(/^[a-z_]+\/[a-z]{2}\.[a-z_]+\.\d{4}-\d{2}-\d{2}$/);

export const letterDecisionRecord = z.object({
  outcome: decisionOutcome,
  /** Legal grounds from the catalogue (grounds.ts), in the order the letter gives them. */
  groundIds: z.array(z.string().min(1).max(64)).max(20),
}).strict();
export type LetterDecisionRecord = z.infer<typeof letterDecisionRecord>;

export const letterFrame = z.object({
  /** The date the letter carries; the remedy period and the deadline it states are counted from it. */
  letterDate: isoDate,
  language,
  /** The template the letter was drafted from; a letter keeps its template version when a newer one comes into effect. */
  template: templateName,
  fields: letterFields,
  /** For a decision letter: what is decided, on which grounds; null for a letter that decides nothing. */
  decision: letterDecisionRecord.nullable(),
}).strict();
export type LetterFrame = z.infer<typeof letterFrame>;

/** The case row's decision codes (the server's `cases.decision`) as the letter's outcome. */
export const outcomeOfCaseDecision: Readonly<Record<string, LetterDecisionRecord['outcome']>> = {
  grant: 'granted', refuse: 'refused', not_processed: 'not_processed',
  objection_well_founded: 'objection_well_founded', objection_unfounded: 'objection_unfounded',
  objection_inadmissible: 'objection_inadmissible',
};

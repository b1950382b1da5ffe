/**
 * The shape of a legal ground of the catalogue (grounds.ts), in its own module so the catalogue can
 * be split per regime without an import cycle between the parts and the index.
 */
import type { IsoDate } from '../domain/dates';
import type { EvidenceField, EvidenceRequirementId } from '../domain/evidence';
import type { CaseType, Regime } from '../domain/rules';

/** The decision letters whose reasoning is built from grounds: refusal, not processed (Awb 4:5), decision on objection. */
export const groundKinds = ['refusal', 'not_processed', 'objection_decision'] as const;
export type GroundKind = (typeof groundKinds)[number];

export type Localised = { nl: string; en: string };

/**
 * A fact a ground's paragraph states. It is proven by an evidence link to a checklist requirement
 * (optionally of one application field). A fact with neither comes from outside the checklist (a
 * judicial record, a Eurodac hit): no link can prove it, so the builder always leaves its marker for
 * the caseworker to fill in by hand, with the source they checked.
 */
export type GroundFact = {
  /** Slug; the paragraph names it as `{id}`. */
  id: string;
  requirement?: EvidenceRequirementId;
  applicationField?: EvidenceField;
  /** What the fact is, as the caseworker reads it and as the unfilled marker shows it. */
  label: Localised;
};

/** Which cases a ground is for: listed case types, or every case type of the listed regimes. */
export type GroundScope = { caseTypes: readonly CaseType[] } | { regimes: readonly Regime[] };

export type LegalGround = {
  /** Stable slug: a decision record (draft.ts `groundIds`) keeps it after the text changes. */
  id: string;
  kind: GroundKind;
  /** The legal basis as the letter prints it; at most 100 characters (LetterFields `legalBasis`). */
  reference: string;
  appliesTo: GroundScope;
  /** The condition that is not met, as the letter lists it: "U voldoet niet aan de volgende voorwaarden: – …". */
  title: Localised;
  /** The standard paragraph of the reasoning; `{factId}` only where a fact of `facts` goes. */
  paragraph: Localised;
  facts: readonly GroundFact[];
  /** From when the ground, with this wording, may be chosen; a changed policy is a new ground version. */
  effectiveFrom: IsoDate;
  /** The last day it may be chosen, when a newer version replaces it. */
  effectiveUntil?: IsoDate;
};

/** Every legal ground starts at the engine's supported range, like the first version of each rule. */
export const groundsSupportedFrom: IsoDate = '2000-01-01';

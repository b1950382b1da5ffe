/**
 * The catalogue of legal grounds a decision letter can rest on (issue #15): each with its legal
 * basis as printed, the cases it is for, its standard paragraph of the reasoning (Awb art. 3:46)
 * and the facts that paragraph states. The reasoning builder (reasoning.ts) assembles a letter's
 * reasoning from the grounds a caseworker picks; the decision record (draft.ts) keeps their ids.
 * The catalogue is split per regime (grounds-*.ts); the wording is Werkbank's own and needs legal
 * review before a letter built from it goes out.
 */
import type { IsoDate } from '../domain/dates';
import type { Regime } from '../domain/rules';
import { asylumGrounds, naturalisationGrounds } from './grounds-asylum-naturalisation';
import { proceduralGrounds } from './grounds-procedural';
import { regularGrounds } from './grounds-regular';
import type { GroundKind, LegalGround } from './grounds-types';

export { groundKinds, groundsSupportedFrom, type GroundFact, type GroundKind, type GroundScope, type LegalGround, type Localised } from './grounds-types';

/** Every ground, every version; a ground id is unique among the versions in effect on any one day. */
export const legalGrounds: readonly LegalGround[] = [...regularGrounds, ...asylumGrounds, ...naturalisationGrounds, ...proceduralGrounds];

/** Whether a ground may be chosen on a day: on or after its start, and not after its end. */
export function groundInEffect(ground: LegalGround, on: IsoDate): boolean {
  return ground.effectiveFrom <= on && (ground.effectiveUntil === undefined || on <= ground.effectiveUntil);
}

/** Whether a ground is for a case of this type (under this regime). */
export function groundAppliesTo(ground: LegalGround, caseType: string, regime: Regime | null): boolean {
  return 'caseTypes' in ground.appliesTo
    ? (ground.appliesTo.caseTypes as readonly string[]).includes(caseType)
    : regime !== null && ground.appliesTo.regimes.includes(regime);
}

/**
 * The grounds a caseworker may pick for a decision of `kind` in a case, in catalogue order. The
 * regime is passed rather than looked up so a caller that holds the case's regime uses the same
 * one the deadline was counted under; `on` is the letter date (by default every ground in effect today is meant).
 */
export function groundsFor(caseType: string, regime: Regime | null, kind: GroundKind, on?: IsoDate, catalogue: readonly LegalGround[] = legalGrounds): LegalGround[] {
  return catalogue.filter((ground) => ground.kind === kind && groundAppliesTo(ground, caseType, regime) && (on === undefined || groundInEffect(ground, on)));
}

/** A ground by id, the version in effect on `on` (the latest start when no date is given); undefined when unknown. */
export function groundById(id: string, on?: IsoDate, catalogue: readonly LegalGround[] = legalGrounds): LegalGround | undefined {
  const versions = catalogue.filter((ground) => ground.id === id && (on === undefined || groundInEffect(ground, on)));
  return versions.reduce<LegalGround | undefined>((latest, ground) => (latest === undefined || ground.effectiveFrom > latest.effectiveFrom ? ground : latest), undefined);
}


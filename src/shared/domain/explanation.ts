/**
 * Explanations as data: every figure the engine returns comes with the steps that produced it, each an
 * i18n key of the `domain` catalog (messages.ts) with language-neutral values and its legal basis, so
 * the UI can show "why this date" in Dutch and English and the server can put it in a letter.
 */
import { type Period } from './dates';
import { type EmittedMessageKey } from './messages';

/** One step of an explanation. `values.basis` repeats `legalBasis` for the message text. */
export type ExplanationStep = {
  key: EmittedMessageKey;
  values: Record<string, string | number>;
  legalBasis?: string;
};

/** A unit the explanation texts can name. */
export type PeriodUnit = 'days' | 'weeks' | 'months' | 'years';

/** One part of a period that a step can show as "amount unit". */
export type PeriodPart = { amount: number; unit: PeriodUnit };

/**
 * A period as the parts addPeriod applies in turn: the month part (years and months) first, then the
 * day part (weeks and days). A part in one unit keeps that unit; a mixed part is shown in the smaller.
 */
export function periodParts(period: Required<Period>): PeriodPart[] {
  const parts: PeriodPart[] = [];
  const { years, months, weeks, days } = period;
  if (years !== 0 || months !== 0) {
    parts.push(months === 0 ? { amount: years, unit: 'years' } : years === 0 ? { amount: months, unit: 'months' }
      : { amount: years * 12 + months, unit: 'months' });
  }
  if (weeks !== 0 || days !== 0) {
    parts.push(days === 0 ? { amount: weeks, unit: 'weeks' } : weeks === 0 ? { amount: days, unit: 'days' }
      : { amount: weeks * 7 + days, unit: 'days' });
  }
  return parts;
}

/** The period of one part, to apply with addPeriod. */
export function partAsPeriod(part: PeriodPart): Period {
  return { [part.unit]: part.amount };
}

/** Builds a step, copying the legal basis into the values for the message text. */
export function step(key: EmittedMessageKey, values: Record<string, string | number>, legalBasis?: string): ExplanationStep {
  return legalBasis === undefined ? { key, values } : { key, values: { ...values, basis: legalBasis }, legalBasis };
}

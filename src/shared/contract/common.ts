/** Schemas shared by many calls of the contract. */
import { z } from 'zod';

/** A calendar date as 'YYYY-MM-DD' (Europe/Amsterdam); checked to exist, so 2025-02-30 is refused. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'not a calendar date');

/** A moment as an ISO 8601 instant in UTC. */
export const isoInstant = z.iso.datetime({ offset: false });

export const language = z.enum(['nl', 'en']);
export type Language = z.infer<typeof language>;

/** V-number (vreemdelingennummer): 10 digits, leading zeros kept. */
export const vNumber = z.string().regex(/^\d{10}$/, 'expected 10 digits');

export const empty = z.object({}).strict();

/**
 * Declares the calls (or events) of one contract namespace: every name must start with `namespace.`,
 * so a call filed in the wrong feature's file fails to compile.
 */
export function inNamespace<const Namespace extends string, const Specs extends Record<`${Namespace}.${string}`, unknown>>(
  _namespace: Namespace, specs: Specs,
): Specs {
  return specs;
}

/** Contract schemas of the training environment: its movable clock and scenarios (issue 6). */
import { z } from 'zod';
import { isoDate } from './common';

/** The trainer's clock: a fixed training "today", or real time. */
export const trainingClockSetting = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('fixed'), today: isoDate }),
  z.object({ mode: z.literal('real') }),
]);
export type TrainingClockSetting = z.infer<typeof trainingClockSetting>;

/** What the host knows of the training environment; `today` is null when there is none (production). */
export const trainingInfo = z.object({
  active: z.boolean(),
  /** The training "today" as last heard from the training server; null before the first answer. */
  today: isoDate.nullable(),
  clock: trainingClockSetting.nullable(),
});
export type TrainingInfo = z.infer<typeof trainingInfo>;

export const setTrainingClockArgs = z.union([
  z.object({ today: isoDate }).strict(),
  z.object({ mode: z.literal('real') }).strict(),
]);

/** One scenario of the training dataset. */
export const trainingScenario = z.object({
  id: z.string(),
  title: z.object({ nl: z.string(), en: z.string() }),
  description: z.object({ nl: z.string(), en: z.string() }),
  user: z.string(),
  caseIds: z.array(z.string()),
});
export type TrainingScenario = z.infer<typeof trainingScenario>;

export const resetScenariosArgs = z.object({ scenarios: z.array(z.string().min(1).max(100)).min(1).max(100).optional() }).strict();
export const resetScenariosResult = z.object({ scenarios: z.array(z.string()), cases: z.number().int().nonnegative() });

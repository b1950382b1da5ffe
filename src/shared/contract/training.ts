/** Contract of the `training` namespace: the training environment's movable clock and scenarios. */
import { z } from 'zod';
import { defineCall, defineEvent } from '../rpc';
import { empty, inNamespace, isoDate } from './common';

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

export const trainingCalls = inNamespace('training', {
  'training.info': defineCall(empty, trainingInfo, 'Whether this is a training environment and its training "today" (the trainer\'s clock).'),
  'training.setClock': defineCall(setTrainingClockArgs, trainingInfo, 'Trainer: sets the training "today", or real time; then synchronises.'),
  'training.scenarios': defineCall(empty, z.object({ items: z.array(trainingScenario) }), 'Trainer: the training dataset\'s scenarios.'),
  'training.resetScenarios': defineCall(resetScenariosArgs, resetScenariosResult, 'Trainer: resets the named scenarios (all when none are named); then synchronises.'),
} as const);

export const trainingEvents = inNamespace('training', {
  'training.changed': defineEvent(trainingInfo, 'The training "today" or clock changed.'),
} as const);

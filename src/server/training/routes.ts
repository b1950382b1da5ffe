/**
 * Endpoints of a training environment, registered only when the server runs as 'training' (in
 * production every /training path answers 404):
 *
 *   GET    /training/info          unauthenticated: environment, the training "today", clock mode
 *   GET    /training/demo-users    unauthenticated: the demo users for the sign-in screen
 *   GET    /training/clock         trainer: the clock setting
 *   PUT    /training/clock         trainer: {today: 'YYYY-MM-DD'} sets "today"; {mode: 'real'} resets
 *   GET    /training/scenarios     trainer: the dataset's scenarios
 *   POST   /training/scenarios/reset  trainer: {scenarios?: string[]} resets those (default all)
 *
 * Changes are audited; other roles get 403 (audited as denied).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { isoDate } from '../../shared/contract/common';
import { type PasswordCost } from '../auth/passwords';
import { audit, authenticate, deny, type AppContext } from '../context';
import { type Actor } from '../authz/actor';
import { ApiError } from '../problem';
import { bearerSecurity, problemResponses } from '../routes/schemas';
import { runWrite, type WriteBatch } from '../sync/publish';
import { computeCaseDeadline, updateCase } from '../cases/records';
import { cases, noticesOfDefault } from '../db/schema';
import { amsterdamDate } from '../services';
import { saveClockSetting, type MovableClock } from './clock';
import { type DatasetManifest } from './dataset';
import { resetScenarios } from './load';

/** What a training server knows besides the app context. */
export interface TrainingServices {
  clock: MovableClock;
  /** The folder of the loaded dataset (for scenario resets). */
  datasetFolder: string;
  manifest: DatasetManifest;
  passwordCost: PasswordCost;
}

const clockSetting = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('fixed'), today: isoDate }),
  z.object({ mode: z.literal('real') }),
]);
const clockResponse = z.object({ setting: clockSetting, today: isoDate, now: z.string() });
const demoUser = z.object({ username: z.string(), role: z.string(), displayName: z.string(), team: z.string().nullable() });
const scenario = z.object({
  id: z.string(), title: z.object({ nl: z.string(), en: z.string() }), description: z.object({ nl: z.string(), en: z.string() }),
  user: z.string(), caseIds: z.array(z.string()),
});

/** Recomputes deadline and penalty of every undecided case with a notice of default on `today`; returns how many changed. */
async function recomputePenalties(batch: WriteBatch, today: string): Promise<number> {
  const noticed = batch.tx.selectDistinct({ caseId: noticesOfDefault.caseId }).from(noticesOfDefault);
  const open = await batch.tx.select().from(cases).where(and(isNull(cases.decidedOn), inArray(cases.id, noticed))).for('update');
  let changed = 0;
  for (const kase of open) {
    const computed = await computeCaseDeadline(batch.tx, kase, today);
    if (computed.deadline === kase.deadline && computed.penaltyAmountCents === kase.penaltyAmountCents) continue;
    await updateCase(batch.tx, batch, kase, {}, today);
    changed += 1;
  }
  return changed;
}

/** Registers /training/* on a training server. */
export function registerTrainingRoutes(app: FastifyInstance, context: AppContext, training: TrainingServices): void {
  if (context.environment !== 'training') throw new Error('training routes belong on a training server only');
  const api = app.withTypeProvider<ZodTypeProvider>();
  const teamNames = new Map(training.manifest.teams.map((team) => [team.id, team.name]));

  const requireTrainer = async (request: FastifyRequest, action: string): Promise<Actor> => {
    const actor = await authenticate(context, request);
    if (actor.role !== 'trainer') await deny(context, actor, action, 'training', null, 'forbidden');
    return actor;
  };
  const clockState = () => ({ setting: training.clock.setting(), today: training.clock.today(), now: training.clock.now().toISOString() });

  api.get('/training/info', {
    schema: {
      tags: ['training'], summary: 'Identifies a training environment and its current training date',
      response: { 200: z.object({ environment: z.literal('training'), today: isoDate, clock: clockSetting, seed: z.number(), caseCount: z.number(), datasetToday: isoDate }) },
    },
  }, async () => ({
    environment: 'training' as const, today: training.clock.today(), clock: training.clock.setting(),
    seed: training.manifest.seed, caseCount: training.manifest.caseCount, datasetToday: training.manifest.today,
  }));

  api.get('/training/demo-users', {
    schema: { tags: ['training'], summary: 'The demo users (password "training") for the sign-in screen', response: { 200: z.array(demoUser) } },
  }, async () => training.manifest.users.filter((user) => user.demo).map((user) => ({
    username: user.username, role: user.role, displayName: user.displayName,
    team: user.teamIds[0] ? teamNames.get(user.teamIds[0]) ?? null : null,
  })));

  api.get('/training/clock', {
    schema: { tags: ['training'], summary: 'The movable clock (trainer)', security: bearerSecurity, response: { 200: clockResponse, ...problemResponses } },
  }, async (request) => {
    await requireTrainer(request, 'training.clock.read');
    return clockState();
  });

  api.put('/training/clock', {
    schema: {
      tags: ['training'], summary: 'Sets the training "today", or {mode: "real"} for real time (trainer)', security: bearerSecurity,
      body: z.union([z.object({ today: isoDate }).strict(), z.object({ mode: z.literal('real') }).strict()]),
      response: { 200: clockResponse, ...problemResponses },
    },
  }, async (request) => {
    const actor = await requireTrainer(request, 'training.clock.set');
    const setting = 'today' in request.body ? { mode: 'fixed' as const, today: request.body.today } : { mode: 'real' as const };
    const now = training.clock.nowWith(setting);
    const today = setting.mode === 'fixed' ? setting.today : amsterdamDate(now);
    await runWrite(context.db, now, context.head, async (batch) => {
      await saveClockSetting(batch.tx, setting, batch.now);
      // Penalties accrue by the day: open cases with a notice of default are recomputed on the new
      // day in the same transaction, so clients pull them with the clock's change.
      await recomputePenalties(batch, today);
      batch.audit({
        actorId: actor.userId, actorKind: 'user', action: 'training.clock.set', objectType: 'training_clock',
        objectId: setting.mode === 'fixed' ? setting.today : 'real', result: 'ok', origin: 'api',
      });
    });
    // In memory only after the commit: a failed write leaves the clock where it was.
    training.clock.set(setting);
    return clockState();
  });

  api.get('/training/scenarios', {
    schema: { tags: ['training'], summary: 'The dataset\'s scenarios (trainer)', security: bearerSecurity, response: { 200: z.array(scenario), ...problemResponses } },
  }, async (request) => {
    await requireTrainer(request, 'training.scenarios.read');
    return training.manifest.scenarios.map(({ id, title, description, user, caseIds }) => ({ id, title, description, user, caseIds }));
  });

  api.post('/training/scenarios/reset', {
    schema: {
      tags: ['training'], summary: 'Resets scenarios to their dataset state; all when none are named (trainer)', security: bearerSecurity,
      body: z.object({ scenarios: z.array(z.string().max(100)).max(100).optional() }).strict(),
      response: { 200: z.object({ scenarios: z.array(z.string()), cases: z.number() }), ...problemResponses },
    },
  }, async (request) => {
    const actor = await requireTrainer(request, 'training.scenarios.reset');
    const known = training.manifest.scenarios.map((item) => item.id);
    const wanted = request.body.scenarios ?? known;
    if (wanted.some((id) => !known.includes(id))) throw new ApiError('not_found', 'Unknown scenario.');
    const reset = await resetScenarios(context.db, training.datasetFolder, wanted, {
      now: context.clock.now(), passwordCost: training.passwordCost, listener: context.head,
    });
    await audit(context, wanted.map((id) => ({
      actorId: actor.userId, actorKind: 'user' as const, action: 'training.scenario.reset', objectType: 'scenario', objectId: id, result: 'ok' as const, origin: 'api' as const,
    })));
    return { scenarios: wanted, cases: reset.cases };
  });
}

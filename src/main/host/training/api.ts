/**
 * The host's client of a central API's environment check (GET /health) and of a training server's
 * /training endpoints: the movable clock and the scenarios. Answers are validated like the sync
 * client's; failures are CentralApiErrors of the same kinds.
 */
import { z } from 'zod';
import {
  isoDate, resetScenariosResult, trainingClockSetting, trainingScenario, type TrainingScenario,
} from '../../../shared/contract';
import { createJsonTransport } from '../sync/api-client';

export const serverHealth = z.object({ status: z.literal('ok'), environment: z.enum(['production', 'training']), today: z.string() });
export type ServerHealth = z.infer<typeof serverHealth>;

export const trainingServerInfo = z.object({ environment: z.literal('training'), today: isoDate, clock: trainingClockSetting });
export type TrainingServerInfo = z.infer<typeof trainingServerInfo>;

const clockAnswer = z.object({ setting: trainingClockSetting, today: isoDate });
export type TrainingClockAnswer = z.infer<typeof clockAnswer>;

export interface TrainingApi {
  health(): Promise<ServerHealth>;
  /** GET /training/info (no sign-in needed). */
  info(): Promise<TrainingServerInfo>;
  setClock(accessToken: string, body: { today: string } | { mode: 'real' }): Promise<TrainingClockAnswer>;
  scenarios(accessToken: string): Promise<TrainingScenario[]>;
  resetScenarios(accessToken: string, scenarios: string[] | undefined): Promise<z.infer<typeof resetScenariosResult>>;
}

export function createTrainingApi(options: { baseUrl: string; fetch?: typeof fetch; timeoutMilliseconds?: number }): TrainingApi {
  const transport = createJsonTransport(options);
  const request = async <T>(
    method: 'GET' | 'PUT' | 'POST', path: string, schema: z.ZodType<T>, init: { token?: string; body?: unknown } = {},
  ): Promise<T> => transport.json(await transport.send(method, path, init), schema, `${method} ${path}`);

  return {
    health: () => request('GET', '/health', serverHealth),
    info: () => request('GET', '/training/info', trainingServerInfo),
    setClock: (token, body) => request('PUT', '/training/clock', clockAnswer, { token, body }),
    scenarios: (token) => request('GET', '/training/scenarios', z.array(trainingScenario), { token }),
    resetScenarios: (token, scenarios) => request('POST', '/training/scenarios/reset', resetScenariosResult, {
      token, body: scenarios === undefined ? {} : { scenarios },
    }),
  };
}

/**
 * The host's client of a central API's environment check (GET /health) and of a training server's
 * /training endpoints: the movable clock and the scenarios. Answers are validated like the sync
 * client's; failures are CentralApiErrors of the same kinds.
 */
import { z } from 'zod';
import {
  isoDate, resetScenariosResult, trainingClockSetting, trainingScenario, type TrainingScenario,
} from '../../../shared/contract';
import { CentralApiError, checkBaseUrl, type CentralApiErrorKind } from './api-client';

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

function kindOfStatus(status: number): CentralApiErrorKind {
  if (status === 401) return 'unauthenticated';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  return 'refused';
}

export function createTrainingApi(options: { baseUrl: string; fetch?: typeof fetch; timeoutMilliseconds?: number }): TrainingApi {
  const baseUrl = checkBaseUrl(options.baseUrl);
  const doFetch = options.fetch ?? fetch;
  const timeout = options.timeoutMilliseconds ?? 30_000;

  async function request<T>(method: 'GET' | 'PUT' | 'POST', path: string, schema: z.ZodType<T>, init: { token?: string; body?: unknown } = {}): Promise<T> {
    const what = `${method} ${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.token) headers['authorization'] = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method, headers, signal: AbortSignal.timeout(timeout),
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    } catch {
      throw new CentralApiError('network', `${what}: no answer from the central API.`);
    }
    if (!response.ok) {
      await response.arrayBuffer().catch(() => undefined);
      throw new CentralApiError(kindOfStatus(response.status), `${what} answered ${response.status}.`, response.status);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new CentralApiError('invalid_response', `${what}: the answer is not JSON.`, response.status);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new CentralApiError('invalid_response', `${what}: the answer does not match the expected shape.`, response.status);
    return parsed.data;
  }

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

/**
 * The training environment as the host knows it: the training "today" and the trainer's clock as
 * last heard from the training server, and the trainer's calls (move the clock, reset scenarios).
 * Legal periods in training run on this "today", so it is asked after every sync.
 */
import { calendarDateInAmsterdam } from '../../../shared/domain/dates';
import type { TrainingInfo, TrainingScenario } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc';
import type { Session } from '../session/session';
import { CentralApiError } from '../sync/api-client';
import type { Clock } from '../sync/engine';
import type { TrainingApi } from './api';

/** A failed trainer call as the user should read it. */
function trainerError(error: unknown): RpcError {
  if (error instanceof RpcError) return error;
  if (error instanceof CentralApiError) {
    if (error.status === 403) return new RpcError('forbidden', 'Only a trainer may change the training environment.', { reason: 'not_trainer' });
    if (error.status === 404) return new RpcError('not_found', 'The training server does not know this scenario.');
    return new RpcError('unavailable', 'The training server cannot be reached. Check the connection and try again.', { kind: error.kind });
  }
  return new RpcError('internal', 'The training server call failed.');
}

export interface TrainingClockOptions {
  /** True when the configured server is a training environment. */
  active: boolean;
  api: TrainingApi;
  session: Session;
  clock: Clock;
  /** Runs a sync after a trainer's change so the queue follows; it never fails the change. */
  syncAfterChange: () => Promise<void>;
  onDidChange?: (info: TrainingInfo) => void;
}

export class TrainingClock {
  private info: TrainingInfo;
  private refreshing: Promise<TrainingInfo> | null = null;

  constructor(private readonly options: TrainingClockOptions) {
    this.info = { active: options.active, today: null, clock: null };
  }

  /** The day of the legal periods here: the training "today" as last heard in training, else today in Amsterdam. */
  today(): string {
    return (this.info.active ? this.info.today : null) ?? calendarDateInAmsterdam(this.options.clock.now());
  }

  /** What the host knows of the training clock; asks the training server when it has not heard yet. */
  async current(): Promise<TrainingInfo> {
    if (this.info.active && this.info.today === null) await this.refresh();
    return this.info;
  }

  /** Reads /training/info (one request at a time) and reports a changed "today" or clock; never throws. */
  refresh(): Promise<TrainingInfo> {
    if (!this.info.active) return Promise.resolve(this.info);
    this.refreshing ??= this.options.api.info()
      .then((answer) => this.set(answer.today, answer.clock), () => this.info)
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  private set(today: string, clock: TrainingInfo['clock']): TrainingInfo {
    const next: TrainingInfo = { active: true, today, clock };
    const changed = JSON.stringify(next) !== JSON.stringify(this.info);
    this.info = next;
    if (changed) this.options.onDidChange?.(next);
    return next;
  }

  /** Calls a trainer endpoint as the signed-in user; failures are put the way a trainer reads them. */
  private async asTrainer<T>(call: (token: string) => Promise<T>): Promise<T> {
    if (!this.info.active) throw new RpcError('unavailable', 'This workbench is not connected to a training environment.');
    try {
      return await this.options.session.authorised(call);
    } catch (error) {
      throw trainerError(error);
    }
  }

  async setClock(body: { today: string } | { mode: 'real' }): Promise<TrainingInfo> {
    const answer = await this.asTrainer((token) => this.options.api.setClock(token, body));
    const info = this.set(answer.today, answer.setting);
    await this.options.syncAfterChange();
    return info;
  }

  async scenarios(): Promise<{ items: TrainingScenario[] }> {
    return { items: await this.asTrainer((token) => this.options.api.scenarios(token)) };
  }

  async resetScenarios(scenarios: string[] | undefined): Promise<{ scenarios: string[]; cases: number }> {
    const result = await this.asTrainer((token) => this.options.api.resetScenarios(token, scenarios));
    await this.options.syncAfterChange();
    return result;
  }
}

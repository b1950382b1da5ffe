/**
 * Starts the data host in a utilityProcess and keeps it running: it hands every window a
 * MessagePort to the host once the host is ready, restarts a host that died unexpectedly with
 * backoff and reconnects the windows, and gives up (instead of crash-looping) after repeated
 * failures. It also answers the host's secret.request messages (tokens kept with safeStorage) from
 * an injected vault. Electron is injected, so the logic runs in unit tests without it.
 */
import type { MessagePortMain } from 'electron';
import { z } from 'zod';
import {
  hostToMain, secretRequest, type HostToMain, type MainToHost, type ReceivedMessageNotice, type SecretRequest,
} from './host/protocol';
import type { PortTarget } from './ipc';
import { SecretVaultError, type SecretVault } from './secrets';

/** The parts of a UtilityProcess the supervisor uses. */
export interface HostChild {
  postMessage(message: MainToHost, transfer?: MessagePortMain[]): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface PortPair {
  port1: MessagePortMain;
  port2: MessagePortMain;
}

/** Why the supervisor stopped the host for good; shown to the user, then the app quits. */
export interface HostFailure {
  /** The host's RpcErrorCode (e.g. 'database_too_new') or 'crash_loop'. */
  code: string;
  /** A message without personal data, for the log. */
  message: string;
}

export interface SupervisorDependencies {
  fork(): HostChild;
  createChannel(): PortPair;
  /** The host could not start or keeps dying: show it to the user and quit. */
  onFailure(failure: HostFailure): void;
  /** The host answers: its windows get their ports now (the start screen gives way). */
  onReady?(): void;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
  now(): number;
  /** Restart delays; after the last one the supervisor gives up. */
  backoffMs?: readonly number[];
  /** A host that lived this long was healthy: the next crash starts the backoff afresh. */
  stableAfterMs?: number;
  /** How long shutdown waits for the host to exit before it is killed. */
  shutdownGraceMs?: number;
  /**
   * Answers the host's secret.request messages (main sets WERKBANK_SECRETS=parent only with one).
   * Absent: every request is answered with an error, and the host keeps its tokens in memory.
   */
  secrets?: SecretVault;
  /** New inbound messages the host pulled (src/main/notifications.ts shows them). */
  onMessagesReceived?(notice: { language: 'nl' | 'en'; messages: ReceivedMessageNotice[] }): void;
}

/** Just enough of a secret.request to answer a malformed one with an error instead of silence. */
const secretRequestId = z.object({ type: z.literal('secret.request'), id: z.number().int().nonnegative() });

/** The default restart delays: quick at first, then slower, then give up. */
export const defaultBackoffMs: readonly number[] = [500, 1_000, 2_000, 5_000, 10_000];

type State = 'idle' | 'starting' | 'ready' | 'waiting' | 'failed' | 'stopping' | 'stopped';

/** Supervises one data host process. */
export class HostSupervisor {
  private readonly windows = new Map<number, PortTarget>();
  private child: HostChild | undefined;
  private state: State = 'idle';
  private failures = 0;
  private startedAt = 0;
  private restartTimer: unknown;
  private stopWaiters: (() => void)[] = [];
  private readonly backoff: readonly number[];
  private readonly stableAfterMs: number;
  private readonly shutdownGraceMs: number;
  private pending: number | undefined;

  constructor(private readonly dependencies: SupervisorDependencies) {
    this.backoff = dependencies.backoffMs ?? defaultBackoffMs;
    this.stableAfterMs = dependencies.stableAfterMs ?? 60_000;
    this.shutdownGraceMs = dependencies.shutdownGraceMs ?? 5_000;
  }

  /**
   * The changes in the host's outbox as it last said; undefined before it said so (or after it
   * restarted), which a restart-to-update treats as "not known to be empty".
   */
  get pendingMutations(): number | undefined {
    return this.pending;
  }

  /** The supervisor's state, for tests and diagnostics. */
  get status(): State {
    return this.state;
  }

  /** Forks the host. */
  start(): void {
    if (this.state !== 'idle' && this.state !== 'waiting') return;
    this.state = 'starting';
    this.startedAt = this.dependencies.now();
    const child = this.dependencies.fork();
    this.child = child;
    child.on('message', (raw) => this.onHostMessage(child, raw));
    child.on('exit', (code) => this.onHostExit(child, code));
  }

  /** Registers a window; it gets a port now if the host is ready, else when it becomes ready. */
  connectWindow(windowId: number, target: PortTarget): void {
    this.windows.set(windowId, target);
    if (this.state === 'ready') this.link(windowId, target);
  }

  /** Forgets a closed window. */
  disconnectWindow(windowId: number): void {
    this.windows.delete(windowId);
  }

  /** Asks the host to close its database and exit; kills it after the grace period. */
  shutdown(): Promise<void> {
    if (this.restartTimer !== undefined) {
      this.dependencies.clearTimer(this.restartTimer);
      this.restartTimer = undefined;
    }
    const child = this.child;
    if (!child || this.state === 'stopped' || this.state === 'failed' || this.state === 'waiting' || this.state === 'idle') {
      this.state = 'stopped';
      return Promise.resolve();
    }
    const stopped = new Promise<void>((resolve) => this.stopWaiters.push(resolve));
    if (this.state !== 'stopping') {
      this.state = 'stopping';
      try {
        child.postMessage({ type: 'shutdown' });
      } catch {
        child.kill();
      }
      const timer = this.dependencies.setTimer(() => {
        if (this.state === 'stopping') child.kill();
      }, this.shutdownGraceMs);
      this.stopWaiters.push(() => this.dependencies.clearTimer(timer));
    }
    return stopped;
  }

  private onHostMessage(child: HostChild, raw: unknown): void {
    if (child !== this.child) return;
    const request = secretRequest.safeParse(raw);
    if (request.success) {
      void this.answerSecretRequest(child, request.data);
      return;
    }
    const malformedRequest = secretRequestId.safeParse(raw);
    if (malformedRequest.success) {
      // Say so at once rather than let the host wait for its timeout; never log the content.
      console.warn('werkbank: refused a malformed secret request from the data host');
      this.answer(child, { type: 'secret.response', id: malformedRequest.data.id, error: 'Malformed secret request.' });
      return;
    }
    const parsed = hostToMain.safeParse(raw);
    if (!parsed.success) {
      console.warn('werkbank: ignored a malformed message from the data host');
      return;
    }
    this.onHostEvent(parsed.data);
  }

  private onHostEvent(message: HostToMain): void {
    if (message.type === 'outbox') {
      this.pending = message.pending;
      return;
    }
    if (message.type === 'ready') {
      if (this.state !== 'starting') return;
      this.state = 'ready';
      for (const [windowId, target] of this.windows) this.link(windowId, target);
      this.dependencies.onReady?.();
      return;
    }
    if (message.type === 'messages.received') {
      this.dependencies.onMessagesReceived?.({ language: message.language, messages: message.messages });
      return;
    }
    // A fatal start-up error (e.g. a database from a newer version) will not go away by restarting.
    this.state = 'failed';
    this.child?.kill();
    this.dependencies.onFailure({ code: message.code, message: message.message });
  }

  /** Performs one secret operation and answers the child that asked, if it is still the host. */
  private async answerSecretRequest(child: HostChild, request: SecretRequest): Promise<void> {
    const { id, operation, key } = request;
    const vault = this.dependencies.secrets;
    let answer: MainToHost;
    try {
      if (!vault) throw new SecretVaultError('unavailable', 'This workbench keeps no secrets.');
      if (operation === 'read') {
        answer = { type: 'secret.response', id, value: await vault.read(key) };
      } else if (operation === 'write') {
        if (request.value === undefined) throw new SecretVaultError('storage', 'A write needs a value.');
        await vault.write(key, request.value);
        answer = { type: 'secret.response', id };
      } else {
        await vault.delete(key);
        answer = { type: 'secret.response', id };
      }
    } catch (error) {
      // Only the vault's own fixed messages travel; any other error text could contain anything.
      const code = error instanceof SecretVaultError ? error.code : 'internal';
      const message = error instanceof SecretVaultError ? error.message : 'The secret store failed.';
      console.warn(`werkbank: a secret ${operation} was refused (${code})`);
      answer = { type: 'secret.response', id, error: message.slice(0, 500) };
    }
    this.answer(child, answer);
  }

  private answer(child: HostChild, message: MainToHost): void {
    // A host that exited (or was replaced) meanwhile gets nothing; its successor asks afresh.
    if (child !== this.child) return;
    try {
      child.postMessage(message);
    } catch {
      console.warn('werkbank: could not answer the data host');
    }
  }

  private onHostExit(child: HostChild, code: number): void {
    if (child !== this.child) return;
    this.child = undefined;
    this.pending = undefined;
    if (this.state === 'stopping' || this.state === 'stopped') {
      this.state = 'stopped';
      const waiters = this.stopWaiters;
      this.stopWaiters = [];
      for (const resolve of waiters) resolve();
      return;
    }
    if (this.state === 'failed') return;
    const livedMs = this.dependencies.now() - this.startedAt;
    if (livedMs >= this.stableAfterMs) this.failures = 0;
    const delay = this.backoff[this.failures];
    this.failures += 1;
    if (delay === undefined) {
      this.state = 'failed';
      this.dependencies.onFailure({ code: 'crash_loop', message: `The data host exited ${this.failures} times in a row (last exit code ${code}).` });
      return;
    }
    console.warn(`werkbank: the data host exited with code ${code}; restarting in ${delay} ms`);
    this.state = 'waiting';
    this.restartTimer = this.dependencies.setTimer(() => {
      this.restartTimer = undefined;
      this.start();
    }, delay);
  }

  private link(windowId: number, target: PortTarget): void {
    const child = this.child;
    if (!child) return;
    const { port1, port2 } = this.dependencies.createChannel();
    if (!target.deliver(port2)) {
      // The window is gone or shows something else: do not give the host a port nobody owns.
      port1.close();
      port2.close();
      this.windows.delete(windowId);
      return;
    }
    child.postMessage({ type: 'connect', windowId }, [port1]);
  }
}

import { EventEmitter } from 'node:events';
import type { MessagePortMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { HostSupervisor, type HostChild, type HostFailure, type SupervisorDependencies } from '../../../src/main/host-process';
import type { MainToHost } from '../../../src/main/host/protocol';
import type { PortTarget } from '../../../src/main/ipc';
import { SecretVaultError, type SecretVault } from '../../../src/main/secrets';

class FakeChild extends EventEmitter {
  posted: { message: MainToHost; transfer?: MessagePortMain[] }[] = [];
  killed = false;
  postMessage(message: MainToHost, transfer?: MessagePortMain[]): void {
    this.posted.push({ message, transfer });
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

interface FakePort {
  name: string;
  close: ReturnType<typeof vi.fn>;
}

/** A supervisor with a manual clock and timers, so backoff is checked without waiting. */
function setup(options: { backoffMs?: number[]; stableAfterMs?: number; secrets?: SecretVault; onMessagesReceived?: SupervisorDependencies['onMessagesReceived'] } = {}) {
  const children: FakeChild[] = [];
  const timers: { callback: () => void; delayMs: number; cleared: boolean }[] = [];
  const failures: HostFailure[] = [];
  const readies: number[] = [];
  let clock = 0;
  let channel = 0;
  const supervisor = new HostSupervisor({
    fork: () => {
      const child = new FakeChild();
      children.push(child);
      return child as unknown as HostChild;
    },
    createChannel: () => {
      channel += 1;
      const port1: FakePort = { name: `host-${channel}`, close: vi.fn() };
      const port2: FakePort = { name: `window-${channel}`, close: vi.fn() };
      return { port1: port1 as unknown as MessagePortMain, port2: port2 as unknown as MessagePortMain };
    },
    onFailure: (failure) => failures.push(failure),
    onReady: () => readies.push(clock),
    setTimer: (callback, delayMs) => {
      const timer = { callback, delayMs, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
    now: () => clock,
    backoffMs: options.backoffMs ?? [100, 200, 400],
    stableAfterMs: options.stableAfterMs ?? 10_000,
    shutdownGraceMs: 3_000,
    ...(options.secrets ? { secrets: options.secrets } : {}),
    ...(options.onMessagesReceived ? { onMessagesReceived: options.onMessagesReceived } : {}),
  });
  const runTimer = (index: number): void => {
    const timer = timers[index];
    if (!timer || timer.cleared) throw new Error(`no live timer ${index}`);
    timer.cleared = true;
    timer.callback();
  };
  const advance = (ms: number): void => {
    clock += ms;
  };
  return { supervisor, children, timers, failures, readies, runTimer, advance };
}

function target(deliverable = true) {
  const delivered: string[] = [];
  const portTarget: PortTarget = {
    deliver: (port) => {
      if (deliverable) delivered.push((port as unknown as FakePort).name);
      return deliverable;
    },
  };
  return { portTarget, delivered };
}

const connects = (child: FakeChild | undefined) => (child?.posted ?? []).filter((entry) => entry.message.type === 'connect');

describe('the data host supervisor', () => {
  it('passes new-message notices on without treating them as a failure', () => {
    const received: unknown[] = [];
    const { supervisor, children, failures } = setup({ onMessagesReceived: (notice) => received.push(notice) });
    supervisor.start();
    children[0]?.emit('message', { type: 'ready' });
    const messages = [{ caseId: 'c1', caseNumber: 'IND-1', threadId: 't1' }];
    children[0]?.emit('message', { type: 'messages.received', language: 'en', messages });
    expect(received).toEqual([{ language: 'en', messages }]);
    expect(failures).toEqual([]);
    expect(supervisor.status).toBe('ready');
  });

  it('hands a window its port only once the host is ready', () => {
    const { supervisor, children } = setup();
    supervisor.start();
    const window = target();
    supervisor.connectWindow(1, window.portTarget);
    expect(window.delivered).toEqual([]);
    expect(connects(children[0])).toEqual([]);
    children[0]?.emit('message', { type: 'ready' });
    expect(window.delivered).toEqual(['window-1']);
    const [connect] = connects(children[0]);
    expect(connect?.message).toEqual({ type: 'connect', windowId: 1 });
    expect((connect?.transfer?.[0] as unknown as FakePort).name).toBe('host-1');
  });

  it('says when the host is ready, and keeps the outbox count it reports until the host goes', () => {
    const { supervisor, children, readies } = setup();
    supervisor.start();
    expect(supervisor.pendingMutations).toBeUndefined();
    children[0]?.emit('message', { type: 'ready' });
    expect(readies).toHaveLength(1);
    children[0]?.emit('message', { type: 'outbox', pending: 3 });
    expect(supervisor.pendingMutations).toBe(3);
    children[0]?.emit('message', { type: 'outbox', pending: -1 });
    expect(supervisor.pendingMutations).toBe(3);
    children[0]?.emit('message', { type: 'outbox', pending: 0 });
    expect(supervisor.pendingMutations).toBe(0);
    // A crashed host's count says nothing about the next one's outbox.
    children[0]?.emit('exit', 1);
    expect(supervisor.pendingMutations).toBeUndefined();
  });

  it('connects windows that arrive after the host is ready straight away', () => {
    const { supervisor, children } = setup();
    supervisor.start();
    children[0]?.emit('message', { type: 'ready' });
    const window = target();
    supervisor.connectWindow(2, window.portTarget);
    expect(window.delivered).toEqual(['window-1']);
    expect(connects(children[0])[0]?.message).toEqual({ type: 'connect', windowId: 2 });
  });

  it('gives the host no port when the window can no longer take one', () => {
    const { supervisor, children } = setup();
    supervisor.start();
    children[0]?.emit('message', { type: 'ready' });
    supervisor.connectWindow(3, target(false).portTarget);
    expect(connects(children[0])).toEqual([]);
  });

  it('restarts an unexpectedly exited host with growing delays and reconnects the windows', () => {
    const { supervisor, children, timers, runTimer } = setup();
    supervisor.start();
    const window = target();
    supervisor.connectWindow(1, window.portTarget);
    children[0]?.emit('message', { type: 'ready' });
    children[0]?.emit('exit', 1);
    expect(supervisor.status).toBe('waiting');
    expect(timers.map((timer) => timer.delayMs)).toEqual([100]);
    runTimer(0);
    expect(children).toHaveLength(2);
    children[1]?.emit('message', { type: 'ready' });
    expect(window.delivered).toEqual(['window-1', 'window-2']);
    expect(connects(children[1])[0]?.message).toEqual({ type: 'connect', windowId: 1 });
    children[1]?.emit('exit', 1);
    expect(timers.map((timer) => timer.delayMs)).toEqual([100, 200]);
  });

  it('gives up after the last backoff step instead of crash-looping', () => {
    const { supervisor, children, timers, failures, runTimer } = setup({ backoffMs: [100, 200] });
    supervisor.start();
    children[0]?.emit('exit', 1);
    runTimer(0);
    children[1]?.emit('exit', 1);
    runTimer(1);
    children[2]?.emit('exit', 134);
    expect(timers).toHaveLength(2);
    expect(children).toHaveLength(3);
    expect(supervisor.status).toBe('failed');
    expect(failures).toEqual([{ code: 'crash_loop', message: expect.stringContaining('134') }]);
  });

  it('starts the backoff afresh after a host that ran stably', () => {
    const { supervisor, children, timers, runTimer, advance } = setup({ backoffMs: [100, 200], stableAfterMs: 1_000 });
    supervisor.start();
    children[0]?.emit('exit', 1);
    runTimer(0);
    advance(5_000);
    children[1]?.emit('exit', 1);
    expect(timers.map((timer) => timer.delayMs)).toEqual([100, 100]);
  });

  it('stops on a fatal start-up error, with its code, and does not restart', () => {
    const { supervisor, children, timers, failures } = setup();
    supervisor.start();
    children[0]?.emit('message', { type: 'fatal', code: 'database_too_new', message: 'schema 9 > 3' });
    expect(failures).toEqual([{ code: 'database_too_new', message: 'schema 9 > 3' }]);
    expect(children[0]?.killed).toBe(true);
    children[0]?.emit('exit', 0);
    expect(timers).toEqual([]);
    expect(children).toHaveLength(1);
  });

  it('ignores malformed messages from the host', () => {
    const { supervisor, children, failures } = setup();
    supervisor.start();
    const window = target();
    supervisor.connectWindow(1, window.portTarget);
    children[0]?.emit('message', { type: 'readyish' });
    children[0]?.emit('message', 'ready');
    expect(window.delivered).toEqual([]);
    expect(failures).toEqual([]);
    expect(supervisor.status).toBe('starting');
  });

  it('forgets a closed window: it is not reconnected after a restart', () => {
    const { supervisor, children, runTimer } = setup();
    supervisor.start();
    const window = target();
    supervisor.connectWindow(1, window.portTarget);
    children[0]?.emit('message', { type: 'ready' });
    supervisor.disconnectWindow(1);
    children[0]?.emit('exit', 1);
    runTimer(0);
    children[1]?.emit('message', { type: 'ready' });
    expect(window.delivered).toEqual(['window-1']);
    expect(connects(children[1])).toEqual([]);
  });

  it('shuts down cleanly: asks the host to exit, resolves on exit, does not restart', async () => {
    const { supervisor, children, timers } = setup();
    supervisor.start();
    children[0]?.emit('message', { type: 'ready' });
    const stopped = supervisor.shutdown();
    expect(children[0]?.posted.at(-1)?.message).toEqual({ type: 'shutdown' });
    children[0]?.emit('exit', 0);
    await stopped;
    expect(supervisor.status).toBe('stopped');
    expect(children[0]?.killed).toBe(false);
    expect(timers.every((timer) => timer.delayMs === 3_000 && timer.cleared)).toBe(true);
    expect(children).toHaveLength(1);
  });

  it('kills a host that does not exit within the grace period', async () => {
    const { supervisor, children, timers, runTimer } = setup();
    supervisor.start();
    children[0]?.emit('message', { type: 'ready' });
    const stopped = supervisor.shutdown();
    expect(timers[0]?.delayMs).toBe(3_000);
    runTimer(0);
    expect(children[0]?.killed).toBe(true);
    children[0]?.emit('exit', 9);
    await stopped;
    expect(children).toHaveLength(1);
  });

  it('cancels a pending restart on shutdown', async () => {
    const { supervisor, children, timers } = setup();
    supervisor.start();
    children[0]?.emit('exit', 1);
    await supervisor.shutdown();
    expect(timers[0]?.cleared).toBe(true);
    expect(supervisor.status).toBe('stopped');
  });
});

/** A vault in memory that can be told to refuse, to throw something unexpected or to wait. */
function memoryVault() {
  const entries = new Map<string, string>();
  const control = { refuse: false, unexpected: false, gate: undefined as Promise<void> | undefined };
  const guard = async (): Promise<void> => {
    await control.gate;
    if (control.refuse) throw new SecretVaultError('unavailable', 'Refused the safeStorage backend basic_text: it would keep secrets readable.');
    if (control.unexpected) throw new Error('boom near tok-SECRET-value');
  };
  const vault: SecretVault = {
    read: async (key) => {
      await guard();
      return entries.get(key) ?? null;
    },
    write: async (key, value) => {
      await guard();
      entries.set(key, value);
    },
    delete: async (key) => {
      await guard();
      entries.delete(key);
    },
  };
  return { vault, entries, control };
}

const secretAnswers = (child: FakeChild | undefined) => (child?.posted ?? []).map((entry) => entry.message).filter((message) => message.type === 'secret.response');

/** Lets the vault's promises settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the supervisor answering the host\'s secret requests', () => {
  it('writes, reads and deletes through the vault, pairing each answer with its request, even before ready', async () => {
    const { vault, entries } = memoryVault();
    const { supervisor, children, failures } = setup({ secrets: vault });
    supervisor.start();
    const child = children[0];
    child?.emit('message', { type: 'secret.request', id: 1, operation: 'read', key: 'central-api.tokens' });
    child?.emit('message', { type: 'secret.request', id: 2, operation: 'write', key: 'central-api.tokens', value: 'tok-SECRET-value' });
    child?.emit('message', { type: 'secret.request', id: 3, operation: 'read', key: 'central-api.tokens' });
    await settle();
    expect(entries.get('central-api.tokens')).toBe('tok-SECRET-value');
    child?.emit('message', { type: 'secret.request', id: 4, operation: 'delete', key: 'central-api.tokens' });
    child?.emit('message', { type: 'secret.request', id: 5, operation: 'read', key: 'central-api.tokens' });
    await settle();
    expect(secretAnswers(child)).toEqual([
      { type: 'secret.response', id: 1, value: null },
      { type: 'secret.response', id: 2 },
      { type: 'secret.response', id: 3, value: 'tok-SECRET-value' },
      { type: 'secret.response', id: 4 },
      { type: 'secret.response', id: 5, value: null },
    ]);
    expect(entries.size).toBe(0);
    expect(failures).toEqual([]);
    expect(supervisor.status).toBe('starting');
    child?.emit('message', { type: 'ready' });
    expect(supervisor.status).toBe('ready');
  });

  it('answers a refusal with an error and carries on; the log names neither key nor value', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { vault, control } = memoryVault();
    control.refuse = true;
    const { supervisor, children, failures } = setup({ secrets: vault });
    supervisor.start();
    children[0]?.emit('message', { type: 'ready' });
    children[0]?.emit('message', { type: 'secret.request', id: 7, operation: 'write', key: 'central-api.tokens', value: 'tok-SECRET-value' });
    await settle();
    expect(secretAnswers(children[0])).toEqual([{ type: 'secret.response', id: 7, error: expect.stringContaining('basic_text') }]);
    expect(failures).toEqual([]);
    expect(supervisor.status).toBe('ready');
    expect(children[0]?.killed).toBe(false);
    const logged = warn.mock.calls.flat().join(' ');
    expect(logged).toContain('refused');
    expect(logged).not.toContain('tok-SECRET');
    expect(logged).not.toContain('central-api');
    warn.mockRestore();
  });

  it('does not pass on the text of an unexpected error', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { vault, control } = memoryVault();
    control.unexpected = true;
    const { supervisor, children } = setup({ secrets: vault });
    supervisor.start();
    children[0]?.emit('message', { type: 'secret.request', id: 1, operation: 'read', key: 'k' });
    await settle();
    const [answer] = secretAnswers(children[0]);
    expect(answer).toMatchObject({ id: 1, error: expect.any(String) });
    expect(JSON.stringify(answer)).not.toContain('tok-SECRET');
    vi.restoreAllMocks();
  });

  it('refuses malformed secret requests without treating them as fatal or logging their content', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { vault, entries } = memoryVault();
    const { supervisor, children, failures } = setup({ secrets: vault });
    supervisor.start();
    const child = children[0];
    child?.emit('message', { type: 'secret.request', id: 1, operation: 'steal', key: 'k', value: 'tok-SECRET-a' });
    child?.emit('message', { type: 'secret.request', id: 2, operation: 'write', key: 'k', value: 'tok-SECRET-b'.repeat(5_000) });
    child?.emit('message', { type: 'secret.request', id: 3, operation: 'write', key: 'k' });
    child?.emit('message', { type: 'secret.request', id: -1, operation: 'read', key: 'k' });
    child?.emit('message', { type: 'secret.request', operation: 'read', key: 'tok-SECRET-c' });
    await settle();
    expect(secretAnswers(child).map((answer) => [answer.type === 'secret.response' && answer.id, 'error' in answer])).toEqual([[1, true], [2, true], [3, true]]);
    expect(entries.size).toBe(0);
    expect(failures).toEqual([]);
    expect(supervisor.status).toBe('starting');
    expect(child?.killed).toBe(false);
    expect(warn.mock.calls.flat().join(' ')).not.toContain('tok-SECRET');
    child?.emit('message', { type: 'ready' });
    expect(supervisor.status).toBe('ready');
    warn.mockRestore();
  });

  it('answers with an error when main has no vault', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { supervisor, children } = setup();
    supervisor.start();
    children[0]?.emit('message', { type: 'secret.request', id: 9, operation: 'read', key: 'k' });
    await settle();
    expect(secretAnswers(children[0])).toEqual([{ type: 'secret.response', id: 9, error: expect.any(String) }]);
    vi.restoreAllMocks();
  });

  it('does not answer a host that exited while its request was being handled', async () => {
    const { vault, control } = memoryVault();
    let open: () => void = () => undefined;
    control.gate = new Promise((resolve) => {
      open = resolve;
    });
    const { supervisor, children, runTimer } = setup({ secrets: vault });
    supervisor.start();
    children[0]?.emit('message', { type: 'secret.request', id: 1, operation: 'read', key: 'k' });
    children[0]?.emit('exit', 1);
    runTimer(0);
    open();
    await settle();
    expect(secretAnswers(children[0])).toEqual([]);
    expect(secretAnswers(children[1])).toEqual([]);
  });
});

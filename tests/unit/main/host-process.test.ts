import { EventEmitter } from 'node:events';
import type { MessagePortMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { HostSupervisor, type HostChild, type HostFailure } from '../../../src/main/host-process';
import type { MainToHost } from '../../../src/main/host/protocol';
import type { PortTarget } from '../../../src/main/ipc';

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
function setup(options: { backoffMs?: number[]; stableAfterMs?: number } = {}) {
  const children: FakeChild[] = [];
  const timers: { callback: () => void; delayMs: number; cleared: boolean }[] = [];
  const failures: HostFailure[] = [];
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
  return { supervisor, children, timers, failures, runTimer, advance };
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

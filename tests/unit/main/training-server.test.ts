import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startEmbeddedTrainingServer, TrainingServerFailure, type MainToTrainingServer, type TrainingServerChild } from '../../../src/main/training-server';

class FakeChild extends EventEmitter {
  posted: MainToTrainingServer[] = [];
  killed = false;
  postMessage(message: MainToTrainingServer): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

/** Manual timers: a test fires them, nothing waits. */
function setup() {
  const child = new FakeChild();
  const timers: { callback: () => void; delayMs: number; cleared: boolean }[] = [];
  const exits: number[] = [];
  const progress: unknown[] = [];
  const started = startEmbeddedTrainingServer({
    fork: () => child as unknown as TrainingServerChild,
    setTimer: (callback, delayMs) => {
      const timer = { callback, delayMs, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
    startTimeoutMs: 1000,
    shutdownGraceMs: 50,
    onDidExitUnexpectedly: (code) => exits.push(code),
    onProgress: (step) => progress.push(step),
  });
  return { child, timers, exits, started, progress };
}

describe('the embedded training server seen from main', () => {
  it('resolves with the loopback URL the server reports and stops the start timeout', async () => {
    const { child, timers, started } = setup();
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:40123' });
    const server = await started;
    expect(server.url).toBe('http://127.0.0.1:40123');
    expect(timers[0]?.cleared).toBe(true);
  });

  it('passes each step of its start on for the start screen, without ending the wait for ready', async () => {
    const { child, timers, started, progress } = setup();
    child.emit('message', { type: 'progress', phase: 'database' });
    child.emit('message', { type: 'progress', phase: 'loading', done: 100, total: 500 });
    child.emit('message', { type: 'progress', phase: 'loading', done: -1 });
    expect(progress).toEqual([{ phase: 'database' }, { phase: 'loading', done: 100, total: 500 }]);
    expect(timers[0]?.cleared).toBe(false);
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:40123' });
    expect((await started).url).toBe('http://127.0.0.1:40123');
  });

  it('ignores malformed messages and a ready URL off loopback', async () => {
    const { child, started } = setup();
    child.emit('message', { type: 'ready', url: 'http://evil.example:80' });
    child.emit('message', 'garbage');
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:5000' });
    expect((await started).url).toBe('http://127.0.0.1:5000');
  });

  it('fails with the server\'s code when it reports a fatal error, and kills it', async () => {
    const { child, started } = setup();
    child.emit('message', { type: 'fatal', code: 'training_unavailable', message: 'no disk' });
    await expect(started).rejects.toBeInstanceOf(TrainingServerFailure);
    await expect(started).rejects.toMatchObject({ code: 'training_unavailable' });
    expect(child.killed).toBe(true);
  });

  it('fails when the server exits before it is ready', async () => {
    const { child, started } = setup();
    child.emit('exit', 3);
    await expect(started).rejects.toThrow(/exited before it was ready \(3\)/);
  });

  it('fails and kills the server when it is not ready in time', async () => {
    const { child, timers, started } = setup();
    expect(timers[0]?.delayMs).toBe(1000);
    timers[0]?.callback();
    await expect(started).rejects.toThrow(/did not become ready/);
    expect(child.killed).toBe(true);
  });

  it('asks the server to shut down and resolves when it exits, without reporting a crash', async () => {
    const { child, exits, started } = setup();
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:40123' });
    const server = await started;
    const stopped = server.stop();
    expect(child.posted).toEqual([{ type: 'shutdown' }]);
    child.emit('exit', 0);
    await stopped;
    expect(child.killed).toBe(false);
    expect(exits).toEqual([]);
  });

  it('kills a server that does not exit within the grace period', async () => {
    const { child, timers, started } = setup();
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:40123' });
    const server = await started;
    const stopped = server.stop();
    const grace = timers.at(-1);
    expect(grace?.delayMs).toBe(50);
    grace?.callback();
    await stopped;
    expect(child.killed).toBe(true);
  });

  it('reports a server that stops on its own after it was ready', async () => {
    const { child, exits, started } = setup();
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:40123' });
    await started;
    child.emit('exit', 9);
    expect(exits).toEqual([9]);
  });
});

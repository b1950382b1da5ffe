/**
 * window.werkbankShell as the preload builds it: pushed states reach the page only when they
 * match the schema, the page never sees the IPC event, and both requests go to their channels.
 */
import { describe, expect, it, vi } from 'vitest';
import { createShellApi } from '../../../src/preload/shell';
import { restartToUpdateChannel, shellStateChannel, shellStateRequestChannel, type ShellState } from '../../../src/shared/shell';

function fakeIpc(answers: Record<string, unknown>) {
  const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
  return {
    listeners,
    on: vi.fn((channel: string, listener: (event: unknown, payload: unknown) => void) => listeners.set(channel, listener)),
    removeListener: vi.fn((channel: string) => listeners.delete(channel)),
    invoke: vi.fn(async (channel: string) => answers[channel]),
  };
}

const ready: ShellState = { startup: { step: 'ready' }, update: { state: 'ready', version: '1.2.0' } };

describe('window.werkbankShell', () => {
  it('passes valid pushed states on without the event, and drops malformed ones', () => {
    const ipc = fakeIpc({});
    const seen: unknown[] = [];
    const stop = createShellApi(ipc).onState((state) => seen.push(state));
    const push = ipc.listeners.get(shellStateChannel);
    push?.({ sender: 'the IPC event' }, { startup: { step: 'training', phase: 'loading', done: 200, total: 500 }, update: { state: 'idle' } });
    push?.({}, { startup: { step: 'ready' }, update: { state: 'ready' } });
    push?.({}, { startup: { step: 'failed', code: 'No Such Code!' }, update: { state: 'idle' } });
    push?.({}, 'garbage');
    expect(seen).toEqual([{ startup: { step: 'training', phase: 'loading', done: 200, total: 500 }, update: { state: 'idle' } }]);
    stop();
    expect(ipc.listeners.has(shellStateChannel)).toBe(false);
  });

  it('asks main for the state and for a restart on their own channels, and checks the answers', async () => {
    const ipc = fakeIpc({ [shellStateRequestChannel]: ready, [restartToUpdateChannel]: { install: false, reason: 'outbox not empty' } });
    const shell = createShellApi(ipc);
    expect(await shell.state()).toEqual(ready);
    expect(await shell.restartToUpdate()).toEqual({ install: false, reason: 'outbox not empty' });
    const lying = createShellApi(fakeIpc({ [restartToUpdateChannel]: { install: 'yes' } }));
    await expect(lying.restartToUpdate()).rejects.toThrow();
  });
});

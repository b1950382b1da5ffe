/**
 * Main's shell state: pushed to the main frames of our origin only, answered on request, and the
 * two invoke handlers refuse other senders and any arguments, as `werkbank:connect` does.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IpcRefusedError } from '../../../src/main/ipc';
import { appOrigin } from '../../../src/main/protocol';
import { registerShellIpc, ShellStateHolder, type ShellWindow } from '../../../src/main/shell-state';
import { restartToUpdateChannel, shellStateChannel, shellStateRequestChannel } from '../../../src/shared/shell';

function window(url: string, destroyed = false): ShellWindow & { sent: unknown[] } {
  const sent: unknown[] = [];
  return { sent, isDestroyed: () => destroyed, mainFrame: { url, parent: null, send: (channel: string, payload: unknown) => sent.push([channel, payload]) } };
}

const event = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } }) as unknown as IpcMainInvokeEvent;

describe('the shell state in main', () => {
  it('pushes every change to our windows only', () => {
    const ours = window(`${appOrigin}/index.html`);
    const foreign = window('https://example.org/');
    const gone = window(`${appOrigin}/index.html`, true);
    const holder = new ShellStateHolder(() => [ours, foreign, gone], [appOrigin]);
    holder.setStartup({ step: 'training', phase: 'loading', done: 100, total: 500 });
    holder.setUpdate({ state: 'ready', version: '1.2.0' });
    expect(ours.sent).toEqual([
      [shellStateChannel, { startup: { step: 'training', phase: 'loading', done: 100, total: 500 }, update: { state: 'idle' } }],
      [shellStateChannel, { startup: { step: 'training', phase: 'loading', done: 100, total: 500 }, update: { state: 'ready', version: '1.2.0' } }],
    ]);
    expect(foreign.sent).toEqual([]);
    expect(gone.sent).toEqual([]);
  });

  it('answers the state and the restart to our main frame, and refuses others and arguments', async () => {
    const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
    const ipc = { handle: vi.fn((channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown) => handlers.set(channel, listener)), removeHandler: vi.fn() };
    const holder = new ShellStateHolder(() => [], [appOrigin]);
    const restart = vi.fn(async () => ({ install: false as const, reason: 'outbox not empty' as const }));
    const remove = registerShellIpc(ipc, holder, { trustedOrigins: [appOrigin], restartToUpdate: restart });
    holder.setStartup({ step: 'host' });
    expect(handlers.get(shellStateRequestChannel)?.(event(`${appOrigin}/index.html`))).toEqual({ startup: { step: 'host' }, update: { state: 'idle' } });
    await expect(handlers.get(restartToUpdateChannel)?.(event(`${appOrigin}/index.html`))).resolves.toEqual({ install: false, reason: 'outbox not empty' });
    expect(() => handlers.get(restartToUpdateChannel)?.(event('https://example.org/'))).toThrow(IpcRefusedError);
    expect(() => handlers.get(restartToUpdateChannel)?.(event(`${appOrigin}/index.html`, {}))).toThrow(IpcRefusedError);
    expect(() => handlers.get(shellStateRequestChannel)?.(event(`${appOrigin}/index.html`), 'extra')).toThrow(IpcRefusedError);
    expect(restart).toHaveBeenCalledTimes(1);
    remove();
    expect(ipc.removeHandler).toHaveBeenCalledWith(shellStateRequestChannel);
    expect(ipc.removeHandler).toHaveBeenCalledWith(restartToUpdateChannel);
  });
});

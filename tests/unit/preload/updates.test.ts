import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { subscribeUpdateStatus } from '../../../src/preload/updates';
import { updateStatusChannel } from '../../../src/shared/updates';

describe('the update status in the preload', () => {
  it('passes valid states without the IPC event, drops anything else, and unsubscribes', () => {
    const ipc = new EventEmitter();
    const listener = vi.fn();
    const stop = subscribeUpdateStatus(ipc, listener);
    const event = { sender: 'ipcRenderer' };
    ipc.emit(updateStatusChannel, event, { state: 'downloading', version: '0.2.0', percent: 12.5 });
    ipc.emit(updateStatusChannel, event, { state: 'ready' });
    ipc.emit(updateStatusChannel, event, { state: 'ready', version: '0.2.0', extra: true });
    ipc.emit(updateStatusChannel, event, { state: 'downloading', percent: 140 });
    ipc.emit(updateStatusChannel, event, 'ready');
    expect(listener.mock.calls).toEqual([[{ state: 'downloading', version: '0.2.0', percent: 12.5 }]]);
    stop();
    ipc.emit(updateStatusChannel, event, { state: 'idle' });
    expect(listener).toHaveBeenCalledOnce();
    expect(ipc.listenerCount(updateStatusChannel)).toBe(0);
  });
});

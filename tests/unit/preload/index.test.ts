import { MessageChannel } from 'node:worker_threads';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { calls } from '../../../src/shared/contract';

type PortListener = (event: { ports: unknown[] }) => void;

const electron = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  portListeners: new Map<string, PortListener>(),
  invoked: [] as unknown[][],
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => electron.exposed.push([key, api]),
  },
  ipcRenderer: {
    on: (channel: string, listener: PortListener) => electron.portListeners.set(channel, listener),
    invoke: (...args: unknown[]) => {
      electron.invoked.push(args);
      return Promise.resolve(undefined);
    },
  },
}));

beforeEach(async () => {
  electron.exposed.length = 0;
  electron.portListeners.clear();
  electron.invoked.length = 0;
  vi.resetModules();
  await import('../../../src/preload/index');
});

describe('the preload', () => {
  it('exposes exactly two keys: window.werkbank, and window.werkbankShell with three functions', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['werkbank', 'werkbankShell']);
    const shell = electron.exposed[1]?.[1] as Record<string, unknown>;
    expect(Object.keys(shell).sort()).toEqual(['onState', 'restartToUpdate', 'state']);
    for (const value of Object.values(shell)) expect(typeof value).toBe('function');
  });

  it('puts only the contract namespaces and `on` on the bridge, all functions', () => {
    const api = electron.exposed[0]?.[1] as Record<string, Record<string, unknown> | ((...args: unknown[]) => unknown)>;
    const namespaces = [...new Set(Object.keys(calls).map((name) => name.split('.')[0]))];
    expect(Object.keys(api).sort()).toEqual([...namespaces, 'on'].sort());
    expect(typeof api.on).toBe('function');
    for (const name of Object.keys(calls)) {
      const [head, tail] = name.split('.') as [string, string];
      expect(typeof (api[head] as Record<string, unknown>)[tail], name).toBe('function');
    }
    // Nothing of IPC leaks through.
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send|require|process/i);
  });

  it('asks main for a port on the connect channel, with no arguments', () => {
    expect(electron.invoked).toEqual([['werkbank:connect']]);
    // …and listens for the thread a clicked message notification opens (src/preload/navigation.ts).
    expect([...electron.portListeners.keys()]).toEqual(['werkbank:port', 'werkbank:open-route']);
  });

  it('routes bridge calls over the port main posts', async () => {
    const api = electron.exposed[0]?.[1] as { app: { info: () => Promise<unknown> } };
    const pending = api.app.info();
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (message: { kind: string; id: number; method: string }) => {
      expect(message).toMatchObject({ kind: 'call', method: 'app.info' });
      port1.postMessage({
        kind: 'ok',
        id: message.id,
        value: { environment: 'training', environmentName: 'Training', version: '0.1.0', language: 'nl' },
      });
    });
    electron.portListeners.get('werkbank:port')?.({ ports: [port2] });
    await expect(pending).resolves.toMatchObject({ environment: 'training', version: '0.1.0' });
    port1.close();
  });
});

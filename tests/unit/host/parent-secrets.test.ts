import { describe, expect, it, vi } from 'vitest';
import { RpcError } from '../../../src/shared/rpc';
import { fakeMain } from '../../helpers/fake-secret-main';
import { parentSecretStore, withMemoryFallback, type SecretFallbackReason } from '../../../src/main/host/session/parent-secrets';
import type { SecretStore } from '../../../src/main/host/session/session';

describe('secrets kept by main', () => {
  it('writes, reads and deletes through request/response pairs', async () => {
    const main = fakeMain();
    const store = parentSecretStore(main.channel);
    expect(await store.read('tokens')).toBeNull();
    await store.write('tokens', '{"accessToken":"a"}');
    expect(main.stored.get('tokens')).toBe('{"accessToken":"a"}');
    expect(await store.read('tokens')).toBe('{"accessToken":"a"}');
    await store.delete('tokens');
    expect(await store.read('tokens')).toBeNull();
    expect(new Set(main.requests.map((request) => request.id)).size).toBe(main.requests.length);
    store.dispose();
  });

  it('fails clearly when main refuses (no safe storage), without leaking the value', async () => {
    const store = parentSecretStore(fakeMain(true).channel);
    const failure = store.write('tokens', 'secret-value').catch((error: unknown) => error);
    await expect(failure).resolves.toMatchObject({ code: 'unavailable', details: { reason: 'secret_store' } });
    expect(String((await failure as Error).message)).not.toContain('secret-value');
    store.dispose();
  });

  it('times out instead of hanging when main never answers', async () => {
    const store = parentSecretStore({ post: () => undefined, onMessage: () => () => undefined }, 20);
    await expect(store.read('tokens')).rejects.toMatchObject({ code: 'timeout' });
    store.dispose();
  });
});

describe('falling back to memory when main cannot keep secrets', () => {
  it('keeps tokens in memory for the session after main refuses, and reports it once', async () => {
    const main = fakeMain(true);
    const reasons: SecretFallbackReason[] = [];
    const store = withMemoryFallback(parentSecretStore(main.channel), (reason) => reasons.push(reason));
    expect(await store.read('tokens')).toBeNull();
    await store.write('tokens', 'pair-1');
    expect(await store.read('tokens')).toBe('pair-1');
    await store.write('tokens', 'pair-2');
    expect(await store.read('tokens')).toBe('pair-2');
    expect(store.memoryOnly).toBe(true);
    expect(reasons).toEqual(['unavailable']);
    expect(main.stored.size).toBe(0);
    // Once refused, reads and writes stay in memory; deletes still go to main.
    const afterRefusal = main.requests.length;
    await store.delete('tokens');
    expect(await store.read('tokens')).toBeNull();
    expect(main.requests.slice(afterRefusal).map((request) => request.operation)).toEqual(['delete']);
  });

  it('falls back when main does not answer', async () => {
    const reasons: SecretFallbackReason[] = [];
    const store = withMemoryFallback(parentSecretStore({ post: () => undefined, onMessage: () => () => undefined }, 20), (reason) => reasons.push(reason));
    await store.write('tokens', 'pair');
    expect(await store.read('tokens')).toBe('pair');
    expect(reasons).toEqual(['timeout']);
  });

  it('removes an older value main still holds when a later write falls back to memory', async () => {
    const main = fakeMain();
    const primary = parentSecretStore(main.channel);
    let refuseWrites = false;
    const flaky: SecretStore = {
      read: (key) => primary.read(key),
      write: async (key, value) => {
        if (refuseWrites) throw new RpcError('unavailable', 'refused', { reason: 'secret_store' });
        await primary.write(key, value);
      },
      delete: (key) => primary.delete(key),
    };
    const store = withMemoryFallback(flaky);
    await store.write('tokens', 'old-pair');
    refuseWrites = true;
    await store.write('tokens', 'new-pair');
    await vi.waitFor(() => expect(main.stored.has('tokens')).toBe(false));
    expect(await store.read('tokens')).toBe('new-pair');
    primary.dispose();
  });

  it('uses main while it works and lets other errors through', async () => {
    const main = fakeMain();
    const store = withMemoryFallback(parentSecretStore(main.channel));
    await store.write('tokens', 'pair');
    expect(main.stored.get('tokens')).toBe('pair');
    expect(store.memoryOnly).toBe(false);
    const broken = withMemoryFallback({
      read: async () => { throw new RpcError('internal', 'bug'); },
      write: async () => undefined,
      delete: async () => undefined,
    });
    await expect(broken.read('tokens')).rejects.toMatchObject({ code: 'internal' });
    expect(broken.memoryOnly).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { SecretRequest } from '../../../src/main/host/protocol';
import { parentSecretStore } from '../../../src/main/host/sync/parent-secrets';

/** A stand-in for main: keeps "encrypted" values in a map, or refuses like a missing keyring. */
function fakeMain(refuse = false) {
  const stored = new Map<string, string>();
  const listeners = new Set<(message: unknown) => void>();
  const requests: SecretRequest[] = [];
  const channel = {
    post: (request: SecretRequest) => {
      requests.push(request);
      queueMicrotask(() => {
        const answer = refuse
          ? { type: 'secret.response', id: request.id, error: 'basic_text backend refused' }
          : request.operation === 'read'
            ? { type: 'secret.response', id: request.id, value: stored.get(request.key) ?? null }
            : (request.operation === 'write' ? stored.set(request.key, request.value ?? '') : stored.delete(request.key),
              { type: 'secret.response', id: request.id });
        listeners.forEach((listener) => listener(answer));
      });
    },
    onMessage: (listener: (message: unknown) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { channel, stored, requests };
}

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

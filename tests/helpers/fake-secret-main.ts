import type { SecretRequest } from '../../src/main/host/protocol';

/**
 * A stand-in for main's side of secret.request: keeps "encrypted" values in a map, or refuses like
 * a computer without a keyring. Like main's vault, deleting needs no encryption, so `refuse` leaves
 * deletes working; `refuseDeletes` breaks them too (a file that cannot be written).
 */
export function fakeMain(refuse = false) {
  const stored = new Map<string, string>();
  const listeners = new Set<(message: unknown) => void>();
  const requests: SecretRequest[] = [];
  const settings = { refuse, refuseDeletes: false };
  const channel = {
    post: (request: SecretRequest) => {
      requests.push(request);
      queueMicrotask(() => {
        const refused = request.operation === 'delete' ? settings.refuseDeletes : settings.refuse;
        let answer: unknown;
        if (refused) answer = { type: 'secret.response', id: request.id, error: 'basic_text backend refused' };
        else if (request.operation === 'read') answer = { type: 'secret.response', id: request.id, value: stored.get(request.key) ?? null };
        else {
          if (request.operation === 'write') stored.set(request.key, request.value ?? '');
          else stored.delete(request.key);
          answer = { type: 'secret.response', id: request.id };
        }
        listeners.forEach((listener) => listener(answer));
      });
    },
    onMessage: (listener: (message: unknown) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { channel, stored, requests, settings };
}

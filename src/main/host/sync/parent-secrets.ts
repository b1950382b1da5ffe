/**
 * A SecretStore whose secrets main keeps, encrypted with Electron's safeStorage (SECURITY.md):
 * the host sends secret.request over the parent port and waits for the matching secret.response.
 * The host never sees the encryption key and never writes tokens to disk itself.
 */
import { z } from 'zod';
import { RpcError } from '../../../shared/rpc';
import { secretResponse, type SecretRequest } from '../protocol';
import type { SecretStore } from './session';

export interface ParentSecretChannel {
  post(message: SecretRequest): void;
  /** Subscribes to messages from main; returns the unsubscriber. */
  onMessage(listener: (message: unknown) => void): () => void;
}

/** A SecretStore backed by main; a request unanswered after `timeoutMilliseconds` fails instead of hanging. */
export function parentSecretStore(channel: ParentSecretChannel, timeoutMilliseconds = 10_000): SecretStore & { dispose(): void } {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: string | null) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  const unsubscribe = channel.onMessage((raw) => {
    const parsed = secretResponse.safeParse(raw);
    if (!parsed.success) return;
    const entry = waiting.get(parsed.data.id);
    if (!entry) return;
    waiting.delete(parsed.data.id);
    clearTimeout(entry.timer);
    if (parsed.data.error !== undefined) {
      entry.reject(new RpcError('unavailable', 'The secure storage of this computer is not available, so sign-in cannot be kept.', { reason: 'secret_store' }));
    } else {
      entry.resolve(parsed.data.value ?? null);
    }
  });
  const request = (operation: 'read' | 'write' | 'delete', key: string, value?: string): Promise<string | null> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new RpcError('timeout', 'The secure storage did not answer.'));
      }, timeoutMilliseconds);
      waiting.set(id, { resolve, reject, timer });
      channel.post({ type: 'secret.request', id, operation, key, ...(value === undefined ? {} : { value }) });
    });
  return {
    read: (key) => request('read', key),
    write: async (key, value) => {
      await request('write', key, z.string().parse(value));
    },
    delete: async (key) => {
      await request('delete', key);
    },
    dispose: () => {
      unsubscribe();
      for (const entry of waiting.values()) clearTimeout(entry.timer);
      waiting.clear();
    },
  };
}

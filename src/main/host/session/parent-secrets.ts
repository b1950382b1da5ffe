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

/** Why a store fell back to memory: main refused (no safe storage) or did not answer. */
export type SecretFallbackReason = 'unavailable' | 'timeout';

function fallbackReason(error: unknown): SecretFallbackReason | null {
  if (!(error instanceof RpcError)) return null;
  if (error.code === 'timeout') return 'timeout';
  return error.code === 'unavailable' && error.details?.reason === 'secret_store' ? 'unavailable' : null;
}

/**
 * Keeps working when the secure storage does not: after main refuses (or does not answer) a read
 * or write, tokens are kept in this process's memory for the rest of its life, so the user can
 * still sign in and work, and signs in again after the next start. Deletes always go to main as
 * well (best effort), so sign-out still removes what an earlier write stored. Other errors pass.
 */
export function withMemoryFallback(primary: SecretStore, onFallback: (reason: SecretFallbackReason) => void = () => undefined): SecretStore & { readonly memoryOnly: boolean } {
  const memory = new Map<string, string>();
  let memoryOnly = false;
  const fallBack = (error: unknown): void => {
    const reason = fallbackReason(error);
    if (reason === null) throw error;
    if (!memoryOnly) onFallback(reason);
    memoryOnly = true;
  };
  return {
    get memoryOnly() {
      return memoryOnly;
    },
    read: async (key) => {
      if (!memoryOnly) {
        try {
          return await primary.read(key);
        } catch (error) {
          fallBack(error);
        }
      }
      return memory.get(key) ?? null;
    },
    write: async (key, value) => {
      if (!memoryOnly) {
        try {
          await primary.write(key, value);
          return;
        } catch (error) {
          fallBack(error);
          // An older value main still holds must not outlive this one (not awaited: main may be silent).
          void primary.delete(key).catch(() => undefined);
        }
      }
      memory.set(key, value);
    },
    delete: async (key) => {
      memory.delete(key);
      try {
        await primary.delete(key);
      } catch (error) {
        fallBack(error);
      }
    },
  };
}

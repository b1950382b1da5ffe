import type { MessageEndpoint } from '../../src/shared/rpc';

/**
 * Two in-memory endpoints wired to each other, delivering asynchronously and by structured clone,
 * like a real MessagePort. The third element closes both ends.
 */
export function endpointPair(): [MessageEndpoint, MessageEndpoint, () => void] {
  const listeners: [Set<(m: unknown) => void>, Set<(m: unknown) => void>] = [new Set(), new Set()];
  const closers = new Set<() => void>();
  const make = (own: 0 | 1): MessageEndpoint => ({
    send: (message) => {
      const copy = structuredClone(message);
      queueMicrotask(() => listeners[own === 0 ? 1 : 0].forEach((listener) => listener(copy)));
    },
    onMessage: (listener) => {
      listeners[own].add(listener);
      return () => listeners[own].delete(listener);
    },
    onClose: (listener) => {
      closers.add(listener);
      return () => closers.delete(listener);
    },
  });
  return [make(0), make(1), () => closers.forEach((close) => close())];
}

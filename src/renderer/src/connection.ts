/**
 * Whether the data host can be reached. The bridge marks the connection lost when its transport
 * closes (browser preview) or when a call fails with `disconnected` (both transports); the shell
 * then shows a "connection lost" state with a reconnect button instead of stale data and errors.
 */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionMonitor {
  readonly state: ConnectionState;
  /** How often the connection came (back) up; data is reloaded when it grows. */
  readonly epoch: number;
  /** Subscribes to state changes; returns the unsubscribe function. */
  onDidChange(listener: (state: ConnectionState) => void): () => void;
  setState(state: ConnectionState): void;
  /** Sets how to reconnect: reopen the socket in the preview, reload the window in the app. */
  setReconnect(reconnect: () => void): void;
  reconnect(): void;
}

/** Creates a connection monitor starting in the given state. */
export function createConnectionMonitor(initial: ConnectionState): ConnectionMonitor {
  let state = initial;
  let epoch = initial === 'connected' ? 1 : 0;
  let reconnectHandler: () => void = () => undefined;
  const listeners = new Set<(state: ConnectionState) => void>();
  return {
    get state() {
      return state;
    },
    get epoch() {
      return epoch;
    },
    onDidChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    setState(next) {
      if (next === state) return;
      state = next;
      if (next === 'connected') epoch += 1;
      for (const listener of [...listeners]) listener(next);
    },
    setReconnect(reconnect) {
      reconnectHandler = reconnect;
    },
    reconnect() {
      reconnectHandler();
    },
  };
}

/** The page's one connection monitor. */
export const connection: ConnectionMonitor = createConnectionMonitor('connected');

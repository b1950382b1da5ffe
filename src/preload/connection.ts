/**
 * The preload's connection to the data host: an RpcClient that survives host restarts. Main posts a
 * MessagePort when the host is ready and a fresh one after the host was restarted; calls made while
 * no port is attached wait for the next one instead of failing, calls that were in flight when a
 * port closed fail with `disconnected` (the host that had them is gone), and event subscriptions
 * carry over to every new port.
 */
import {
  connectRpc,
  createListenerRegistry,
  RpcError,
  rpcErrorCodes,
  type CallMap,
  type ConnectOptions,
  type EventMap,
  type MessageEndpoint,
  type RpcClient,
  type RpcErrorCode,
} from '../shared/rpc';

/** The parts of a DOM MessagePort used here (Electron adds the `close` event). */
export interface PortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'close', listener: () => void): void;
  start(): void;
  close(): void;
}

/**
 * Wraps a MessagePort as an RPC endpoint. Bytes from the host (a document) arrive as a Uint8Array
 * by structured clone, and contextBridge copies them into the page as one: no base64 anywhere.
 */
export function portEndpoint(port: PortLike): MessageEndpoint {
  return {
    // No transfer list towards the host: a MessagePortMain reads only ports from one, and a message
    // with a transferred ArrayBuffer arrives without its data (electron/electron#34905); cloned, it arrives.
    send: (message) => port.postMessage(message),
    onMessage(listener) {
      const handler = (event: { data: unknown }): void => listener(event.data);
      port.addEventListener('message', handler);
      return () => port.removeEventListener('message', handler);
    },
    onClose(listener) {
      port.addEventListener('close', listener);
      return () => port.removeEventListener('close', listener);
    },
  };
}

export interface HostConnection<C extends CallMap, E extends EventMap> {
  /** The client the bridge is built on; stable across ports. */
  readonly client: RpcClient<C, E>;
  /** Attaches a port posted by main, replacing (and closing) any previous one. */
  attachPort(port: PortLike): void;
  /** True while a port is attached. */
  readonly connected: boolean;
}

interface Current<C extends CallMap, E extends EventMap> {
  port: PortLike;
  client: RpcClient<C, E>;
  detach: () => void;
}

interface Queued {
  run: () => void;
  fail: (error: RpcError) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Creates the host connection; calls queue until the first port arrives. */
export function createHostConnection<C extends CallMap, E extends EventMap>(options: ConnectOptions<C, E>): HostConnection<C, E> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const listeners = createListenerRegistry();
  let queue: Queued[] = [];
  let current: Current<C, E> | undefined;
  let disposed = false;

  const dispatch = (name: string, payload: unknown): void => listeners.emit(name, payload);

  const detachCurrent = (): void => {
    const previous = current;
    if (!previous) return;
    current = undefined;
    previous.detach();
    previous.client.dispose();
    previous.port.close();
  };

  const attachPort = (port: PortLike): void => {
    if (disposed) {
      port.close();
      return;
    }
    detachCurrent();
    const endpoint = portEndpoint(port);
    const client = connectRpc(endpoint, options);
    const unsubscribes = Object.keys(options.events).map((name) =>
      client.on(name as keyof E & string, (payload) => dispatch(name, payload)),
    );
    const onClose = (): void => {
      if (current?.port === port) detachCurrent();
    };
    port.addEventListener('close', onClose);
    current = {
      port,
      client,
      detach: () => {
        port.removeEventListener('close', onClose);
        for (const unsubscribe of unsubscribes) unsubscribe();
      },
    };
    // Listeners are registered above: only now may the port deliver queued messages.
    port.start();
    const waiting = queue;
    queue = [];
    for (const entry of waiting) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.run();
    }
  };

  const client: RpcClient<C, E> = {
    call(name, args) {
      if (disposed) return Promise.reject(new RpcError('disconnected', 'The connection to the data host was closed.'));
      if (current) return current.client.call(name, args);
      return new Promise((resolve, reject) => {
        const entry: Queued = {
          run: () => {
            if (current) current.client.call(name, args).then(resolve, reject);
            else reject(new RpcError('disconnected', 'The connection to the data host was lost.'));
          },
          fail: reject,
          timer: undefined,
        };
        if (timeoutMs > 0) {
          entry.timer = setTimeout(() => {
            queue = queue.filter((other) => other !== entry);
            reject(new RpcError('timeout', `The data host did not answer ${name} in time.`));
          }, timeoutMs);
        }
        queue.push(entry);
      });
    },
    on(name, listener) {
      return listeners.add(name, listener as (payload: unknown) => void);
    },
    dispose() {
      disposed = true;
      detachCurrent();
      const waiting = queue;
      queue = [];
      for (const entry of waiting) {
        if (entry.timer) clearTimeout(entry.timer);
        entry.fail(new RpcError('disconnected', 'The connection to the data host was closed.'));
      }
      listeners.clear();
    },
  };

  return {
    client,
    attachPort,
    get connected() {
      return current !== undefined;
    },
  };
}

/**
 * What a failed bridge call rejects with in the page. contextBridge copies an Error with its message
 * only, dropping `code`, so the error travels as a plain object that keeps the stable code the UI
 * maps to a message (src/renderer/src/errors.ts reads `code`).
 */
export interface BridgeError {
  readonly name: 'RpcError';
  readonly code: RpcErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, string | number | boolean>>;
}

const knownCodes: ReadonlySet<string> = new Set(rpcErrorCodes);

/** Turns anything a call rejected with into a BridgeError; unknown failures become `internal`. */
export function toBridgeError(error: unknown): BridgeError {
  if (error instanceof RpcError && knownCodes.has(error.code)) {
    return error.details
      ? { name: 'RpcError', code: error.code, message: error.message, details: { ...error.details } }
      : { name: 'RpcError', code: error.code, message: error.message };
  }
  return { name: 'RpcError', code: 'internal', message: 'The request failed inside the app.' };
}

/** Wraps a client so that every rejection crosses contextBridge with its code intact. */
export function withBridgeErrors<C extends CallMap, E extends EventMap>(client: RpcClient<C, E>): RpcClient<C, E> {
  return {
    call: (name, args) =>
      client.call(name, args).catch((error: unknown) => {
        throw toBridgeError(error);
      }),
    on: (name, listener) => client.on(name, listener),
    dispose: () => client.dispose(),
  };
}

/**
 * A small, transport-agnostic RPC that carries the contract (src/shared/contract) over anything that
 * can post messages: a MessagePort between preload and the data host in the app, a loopback
 * WebSocket in tests and the browser preview. Every incoming call is validated against the
 * contract's schema before a handler sees it; every result is validated before it is sent and
 * again when it arrives, so neither side trusts the other's shapes.
 */
import { z } from 'zod';
import { MalformedFrame } from './binary';

export { bytes, decodeBinaryFrame, decodeFrame, encodeFrame, MalformedFrame } from './binary';

/**
 * Anything that can send a message and tell us about incoming ones. A message may hold Uint8Arrays
 * (binary.ts); a transport that had to refuse an incoming frame delivers a MalformedFrame instead.
 */
export interface MessageEndpoint {
  send(message: unknown): void;
  /** Subscribes to incoming messages; returns the unsubscribe function. */
  onMessage(listener: (message: unknown) => void): () => void;
  /** Subscribes to the endpoint closing, where the transport can tell. */
  onClose?(listener: () => void): () => void;
}

export interface CallSpec<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly args: A;
  readonly result: R;
  readonly doc: string;
}

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
  readonly doc: string;
}

export type CallMap = Readonly<Record<string, CallSpec>>;
export type EventMap = Readonly<Record<string, EventSpec>>;

/** Declares one call of the contract. */
export function defineCall<A extends z.ZodType, R extends z.ZodType>(args: A, result: R, doc: string): CallSpec<A, R> {
  return { args, result, doc };
}

/** Declares one event the host may push. */
export function defineEvent<P extends z.ZodType>(payload: P, doc: string): EventSpec<P> {
  return { payload, doc };
}

export type ArgsIn<C extends CallMap, N extends keyof C> = z.input<C[N]['args']>;
export type ArgsOut<C extends CallMap, N extends keyof C> = z.output<C[N]['args']>;
export type ResultOf<C extends CallMap, N extends keyof C> = z.output<C[N]['result']>;
export type PayloadOf<E extends EventMap, N extends keyof E> = z.output<E[N]['payload']>;

/** Stable error codes: the renderer maps each to a message in the user's language. */
export const rpcErrorCodes = [
  'invalid_arguments',
  'unknown_method',
  'invalid_result',
  'invalid_message',
  'not_found',
  'forbidden',
  'conflict',
  'unavailable',
  'timeout',
  'disconnected',
  'database_too_new',
  'storage_full',
  'internal',
] as const;
export type RpcErrorCode = (typeof rpcErrorCodes)[number];

/** An error that crosses the RPC boundary: a stable code and a message without personal data. */
export class RpcError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, string | number | boolean>>,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

const errorShape = z.object({
  code: z.enum(rpcErrorCodes),
  message: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

const wireMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('call'), id: z.number().int().nonnegative(), method: z.string().max(200), args: z.unknown() }),
  z.object({ kind: z.literal('ok'), id: z.number().int().nonnegative(), value: z.unknown() }),
  z.object({ kind: z.literal('error'), id: z.number().int().nonnegative(), error: errorShape }),
  z.object({ kind: z.literal('event'), name: z.string().max(200), payload: z.unknown() }),
]);
export type WireMessage = z.infer<typeof wireMessage>;

export type Handlers<C extends CallMap, Ctx> = {
  [N in keyof C]: (args: ArgsOut<C, N>, context: Ctx) => Promise<ResultOf<C, N>> | ResultOf<C, N>;
};

export interface RpcServer<E extends EventMap> {
  emit<N extends keyof E & string>(name: N, payload: PayloadOf<E, N>): void;
  dispose(): void;
}

export interface ServeOptions<C extends CallMap, E extends EventMap, Ctx> {
  calls: C;
  events: E;
  handlers: Handlers<C, Ctx>;
  context: Ctx;
  /** Told about unexpected handler failures; receives ids only, never arguments. */
  onInternalError?: (method: string, error: unknown) => void;
}

function hasOwn(map: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

function toWireError(error: unknown): z.infer<typeof errorShape> {
  if (error instanceof RpcError) {
    return error.details ? { code: error.code, message: error.message, details: { ...error.details } } : { code: error.code, message: error.message };
  }
  return { code: 'internal', message: 'The data host could not complete this request.' };
}

/** Serves the contract's calls on one endpoint. */
export function serveRpc<C extends CallMap, E extends EventMap, Ctx>(
  endpoint: MessageEndpoint,
  options: ServeOptions<C, E, Ctx>,
): RpcServer<E> {
  const { calls, events, handlers, context } = options;
  let disposed = false;

  const reply = (message: WireMessage): void => {
    if (!disposed) endpoint.send(message);
  };

  const handle = async (id: number, method: string, rawArgs: unknown): Promise<void> => {
    if (!hasOwn(calls, method)) {
      reply({ kind: 'error', id, error: { code: 'unknown_method', message: `Unknown call: ${method}` } });
      return;
    }
    const spec = calls[method] as CallSpec;
    const parsed = spec.args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
      reply({ kind: 'error', id, error: { code: 'invalid_arguments', message: `Invalid arguments for ${method}: ${fields}` } });
      return;
    }
    try {
      const handler = handlers[method as keyof C] as (args: unknown, ctx: Ctx) => unknown;
      const value = await handler(parsed.data, context);
      const checked = spec.result.safeParse(value);
      if (!checked.success) {
        options.onInternalError?.(method, new Error(`result of ${method} does not match the contract`));
        reply({ kind: 'error', id, error: { code: 'invalid_result', message: `The data host produced an invalid result for ${method}.` } });
        return;
      }
      reply({ kind: 'ok', id, value: checked.data });
    } catch (error) {
      if (!(error instanceof RpcError)) options.onInternalError?.(method, error);
      reply({ kind: 'error', id, error: toWireError(error) });
    }
  };

  const unsubscribe = endpoint.onMessage((raw) => {
    if (raw instanceof MalformedFrame) {
      // Answered when the frame said which call it was, so the caller learns why at once.
      if (raw.kind === 'call' && raw.id !== undefined) {
        reply({ kind: 'error', id: raw.id, error: { code: 'invalid_message', message: `The data host could not read this call: ${raw.reason}.` } });
      }
      return;
    }
    const message = wireMessage.safeParse(raw);
    if (!message.success || message.data.kind !== 'call') return;
    void handle(message.data.id, message.data.method, message.data.args);
  });

  return {
    emit(name, payload) {
      const spec = events[name];
      if (!spec) throw new RpcError('unknown_method', `Unknown event: ${name}`);
      reply({ kind: 'event', name, payload: spec.payload.parse(payload) });
    },
    dispose() {
      disposed = true;
      unsubscribe();
    },
  };
}

/** Listeners per event name, shared by every client that fans host events out to subscribers. */
export interface ListenerRegistry {
  /** Adds a listener; returns its remover. */
  add(name: string, listener: (payload: unknown) => void): () => void;
  /** Calls every listener of `name` (a listener removed meanwhile is still called this once). */
  emit(name: string, payload: unknown): void;
  clear(): void;
}

/** Creates an empty listener registry. */
export function createListenerRegistry(): ListenerRegistry {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    add(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
    },
    clear() {
      listeners.clear();
    },
  };
}

export interface RpcClient<C extends CallMap, E extends EventMap> {
  call<N extends keyof C & string>(name: N, args?: ArgsIn<C, N>): Promise<ResultOf<C, N>>;
  /** Subscribes to a host event; the listener gets the payload only. Returns the unsubscribe function. */
  on<N extends keyof E & string>(name: N, listener: (payload: PayloadOf<E, N>) => void): () => void;
  dispose(): void;
}

export interface ConnectOptions<C extends CallMap, E extends EventMap> {
  calls: C;
  events: E;
  /** How long a call may take before it fails with `timeout`. */
  timeoutMs?: number;
}

/** Timers exist in every runtime that runs this code, but shared code sees neither DOM nor Node types. */
interface Timers {
  setTimeout(callback: () => void, milliseconds: number): unknown;
  clearTimeout(handle: unknown): void;
}
const timers = globalThis as unknown as Timers;

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: RpcError) => void;
  timer: unknown;
}

/** Connects to an RPC server on one endpoint. */
export function connectRpc<C extends CallMap, E extends EventMap>(
  endpoint: MessageEndpoint,
  options: ConnectOptions<C, E>,
): RpcClient<C, E> {
  const { calls, events } = options;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pending = new Map<number, Pending>();
  const listeners = createListenerRegistry();
  let nextId = 1;
  let closed = false;

  const failAll = (code: RpcErrorCode, message: string): void => {
    for (const [id, entry] of pending) {
      if (entry.timer) timers.clearTimeout(entry.timer);
      entry.reject(new RpcError(code, message));
      pending.delete(id);
    }
  };

  const settle = (id: number): Pending | undefined => {
    const entry = pending.get(id);
    if (!entry) return undefined;
    pending.delete(id);
    if (entry.timer) timers.clearTimeout(entry.timer);
    return entry;
  };

  const unsubscribeMessages = endpoint.onMessage((raw) => {
    if (raw instanceof MalformedFrame) {
      const entry = raw.kind !== 'call' && raw.id !== undefined ? settle(raw.id) : undefined;
      entry?.reject(new RpcError('invalid_message', `The answer to ${entry.method} could not be read: ${raw.reason}.`));
      return;
    }
    const parsed = wireMessage.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.kind === 'event') {
      const spec = hasOwn(events, message.name) ? events[message.name] : undefined;
      const payload = spec?.payload.safeParse(message.payload);
      if (!payload?.success) return;
      listeners.emit(message.name, payload.data);
      return;
    }
    if (message.kind === 'call') return;
    const entry = settle(message.id);
    if (!entry) return;
    if (message.kind === 'error') {
      entry.reject(new RpcError(message.error.code, message.error.message, message.error.details));
      return;
    }
    const spec = calls[entry.method] as CallSpec;
    const checked = spec.result.safeParse(message.value);
    if (checked.success) entry.resolve(checked.data);
    else entry.reject(new RpcError('invalid_result', `The data host sent an invalid result for ${entry.method}.`));
  });

  const unsubscribeClose = endpoint.onClose?.(() => {
    closed = true;
    failAll('disconnected', 'The connection to the data host was lost.');
  });

  return {
    call(name, args) {
      if (!hasOwn(calls, name)) return Promise.reject(new RpcError('unknown_method', `Unknown call: ${name}`));
      if (closed) return Promise.reject(new RpcError('disconnected', 'The connection to the data host was lost.'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = timeoutMs > 0
          ? timers.setTimeout(() => {
              pending.delete(id);
              reject(new RpcError('timeout', `The data host did not answer ${name} in time.`));
            }, timeoutMs)
          : undefined;
        pending.set(id, { method: name, resolve: resolve as (value: unknown) => void, reject, timer });
        try {
          endpoint.send({ kind: 'call', id, method: name, args: args ?? {} } satisfies WireMessage);
        } catch {
          pending.delete(id);
          if (timer) timers.clearTimeout(timer);
          reject(new RpcError('disconnected', 'The connection to the data host was lost.'));
        }
      });
    },
    on(name, listener) {
      return listeners.add(name, listener as (payload: unknown) => void);
    },
    dispose() {
      closed = true;
      unsubscribeMessages();
      unsubscribeClose?.();
      failAll('disconnected', 'The connection to the data host was closed.');
      listeners.clear();
    },
  };
}

/** Names of the namespaces and members of dotted call names ('cases.list' → cases / list). */
type Namespace<N> = N extends `${infer Head}.${string}` ? Head : never;
type Member<N, Head extends string> = N extends `${Head}.${infer Tail}` ? Tail : never;

/** The bridge's shape: one function per contract call, grouped by namespace, plus `on` for events. */
export type BridgeApi<C extends CallMap, E extends EventMap> = {
  readonly [Head in Namespace<keyof C & string>]: {
    readonly [Tail in Member<keyof C & string, Head>]: (
      args?: ArgsIn<C, `${Head}.${Tail}` & keyof C>,
    ) => Promise<ResultOf<C, `${Head}.${Tail}` & keyof C>>;
  };
} & {
  readonly on: <N extends keyof E & string>(name: N, listener: (payload: PayloadOf<E, N>) => void) => () => void;
};

/** Builds the bridge object (window.werkbank) from a client: named functions only, nothing else. */
export function createBridge<C extends CallMap, E extends EventMap>(calls: C, client: RpcClient<C, E>): BridgeApi<C, E> {
  const bridge: Record<string, Record<string, (args?: unknown) => Promise<unknown>>> = {};
  for (const name of Object.keys(calls)) {
    const dot = name.indexOf('.');
    const head = name.slice(0, dot);
    const tail = name.slice(dot + 1);
    const group = (bridge[head] ??= {});
    group[tail] = (args?: unknown) => client.call(name, args as ArgsIn<C, typeof name>);
  }
  const on = (name: string, listener: (payload: unknown) => void): (() => void) =>
    client.on(name as keyof E & string, listener as (payload: PayloadOf<E, keyof E & string>) => void);
  return { ...bridge, on } as unknown as BridgeApi<C, E>;
}

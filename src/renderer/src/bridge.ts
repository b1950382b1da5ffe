/**
 * window.werkbank for the page. In the app the preload has already exposed it. In the browser preview
 * there is no preload, so this module builds the same object itself over the loopback WebSocket of
 * src/shared/rpc/websocket.ts, before React renders. The token comes once in the URL fragment, is
 * kept in sessionStorage (a reload keeps working) and is removed from the address bar at once.
 */
import { bridgeGlobalName, calls, events, type Calls, type Events } from '../../shared/contract';
import {
  connectRpc, createBridge, createListenerRegistry, decodeFrame, encodeFrame, type MessageEndpoint, type RpcClient,
} from '../../shared/rpc';
import {
  rpcSubprotocol, rpcWebSocketPath, tokenFragmentKey, tokenPattern, tokenSubprotocolPrefix,
} from '../../shared/rpc/websocket';
import { connection, type ConnectionMonitor } from './connection';

/** Where the preview keeps its token for this tab. */
export const tokenStorageKey = 'werkbank.previewToken';

/** The parts of a WebSocket this module uses, so tests can pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  /** Set to 'arraybuffer': binary frames (documents) are read as bytes, not as Blobs. */
  binaryType: string;
  send(data: string | Uint8Array<ArrayBuffer>): void;
  close(): void;
  addEventListener(type: 'open' | 'close', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** What the preview bridge needs from the browser; passed in so it can be tested without a DOM. */
export interface PreviewEnvironment {
  readonly location: { hash: string; pathname: string; search: string; protocol: string; host: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string): void };
  readonly storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  openSocket(url: string, protocols: string[]): SocketLike;
}

const socketOpen = 1;

/**
 * Takes the preview token: from the URL fragment `#token=…` (then stored and removed from the address
 * bar, valid or not, so it is never left in history or screenshots), else from sessionStorage.
 * Returns null when there is no valid token.
 */
export function takePreviewToken(environment: PreviewEnvironment): string | null {
  const hash = environment.location.hash.replace(/^#/, '');
  const fragment = new URLSearchParams(hash);
  if (fragment.has(tokenFragmentKey)) {
    const token = fragment.get(tokenFragmentKey) ?? '';
    environment.history.replaceState(null, '', environment.location.pathname + environment.location.search);
    if (tokenPattern.test(token)) {
      environment.storage.setItem(tokenStorageKey, token);
      return token;
    }
  }
  const stored = environment.storage.getItem(tokenStorageKey);
  return stored !== null && tokenPattern.test(stored) ? stored : null;
}

/** The WebSocket URL of the RPC endpoint on the page's own origin. */
export function rpcSocketUrl(location: PreviewEnvironment['location']): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${rpcWebSocketPath}`;
}

/**
 * A socket as a MessageEndpoint: JSON text frames, and a binary frame for a message that holds bytes
 * (src/shared/rpc/binary.ts); sends queued until the socket is open.
 */
export function socketEndpoint(socket: SocketLike): MessageEndpoint & { onOpen(listener: () => void): void } {
  const queue: (string | Uint8Array<ArrayBuffer>)[] = [];
  socket.binaryType = 'arraybuffer';
  socket.addEventListener('open', () => {
    for (const data of queue.splice(0)) socket.send(data);
  });
  return {
    send(message) {
      const data = encodeFrame(message);
      if (socket.readyState === socketOpen) socket.send(data);
      else queue.push(data);
    },
    onMessage(listener) {
      let active = true;
      socket.addEventListener('message', (event) => {
        if (!active) return;
        const { data } = event;
        const message = data instanceof ArrayBuffer ? decodeFrame(new Uint8Array(data)) : typeof data === 'string' ? decodeFrame(data) : undefined;
        if (message !== undefined) listener(message);
      });
      return () => {
        active = false;
      };
    },
    onClose(listener) {
      let active = true;
      socket.addEventListener('close', () => {
        if (active) listener();
      });
      return () => {
        active = false;
      };
    },
    onOpen(listener) {
      socket.addEventListener('open', listener);
    },
  };
}

type ContractClient = RpcClient<Calls, Events>;

/**
 * An RPC client that survives a lost socket: window.werkbank cannot be replaced (it is read-only),
 * so it keeps calling this client, which forwards to the current connection and re-subscribes host
 * events when a new one is opened.
 */
export function createReconnectingClient(
  open: () => MessageEndpoint & { onOpen(listener: () => void): void },
  monitor: ConnectionMonitor,
): ContractClient & { reconnect(): void } {
  const listeners = createListenerRegistry();
  let generation = 0;
  let current: ContractClient | undefined;

  const connect = (): void => {
    const own = ++generation;
    current?.dispose();
    monitor.setState('connecting');
    const endpoint = open();
    // Only the newest socket may change the state: a late close of an old one must not.
    endpoint.onOpen(() => {
      if (own === generation) monitor.setState('connected');
    });
    endpoint.onClose?.(() => {
      if (own === generation) monitor.setState('disconnected');
    });
    const client = connectRpc(endpoint, { calls, events });
    for (const name of Object.keys(events) as (keyof Events & string)[]) {
      client.on(name, (payload) => listeners.emit(name, payload));
    }
    current = client;
  };

  connect();
  return {
    call(name, args) {
      return (current as ContractClient).call(name, args);
    },
    on(name, listener) {
      return listeners.add(name, listener as (payload: unknown) => void);
    },
    dispose() {
      generation++;
      current?.dispose();
      listeners.clear();
    },
    reconnect: connect,
  };
}

/** Freezes the bridge and its namespaces so page code cannot swap a function of the contract. */
function freezeBridge<T extends object>(bridge: T): T {
  for (const value of Object.values(bridge)) {
    if (typeof value === 'object' && value !== null) Object.freeze(value);
  }
  return Object.freeze(bridge);
}

/**
 * Installs window.werkbank over the preview's WebSocket on `target`. Returns false when there is no
 * valid token, so the page can say how to open the preview.
 */
export function installPreviewBridge(
  target: object,
  environment: PreviewEnvironment,
  monitor: ConnectionMonitor,
): boolean {
  const token = takePreviewToken(environment);
  if (token === null) return false;
  const url = rpcSocketUrl(environment.location);
  const client = createReconnectingClient(
    () => socketEndpoint(environment.openSocket(url, [rpcSubprotocol, tokenSubprotocolPrefix + token])),
    monitor,
  );
  monitor.setReconnect(() => client.reconnect());
  Object.defineProperty(target, bridgeGlobalName, {
    value: freezeBridge(createBridge(calls, client)),
    writable: false,
    configurable: false,
    enumerable: true,
  });
  return true;
}

export type BridgeSetup = 'app' | 'preview' | 'missing';

/**
 * Makes sure window.werkbank exists before React renders: the preload's in the app, else the
 * preview's own. 'missing' means neither a preload nor a token: the page was opened the wrong way.
 */
export function setUpBridge(): BridgeSetup {
  if (window.werkbank) {
    // The preload re-handshakes with the host on a fresh page, so a reload is the app's reconnect.
    connection.setReconnect(() => window.location.reload());
    return 'app';
  }
  const installed = installPreviewBridge(window, {
    location: window.location,
    history: window.history,
    storage: window.sessionStorage,
    openSocket: (url, protocols) => new WebSocket(url, protocols),
  }, connection);
  return installed ? 'preview' : 'missing';
}

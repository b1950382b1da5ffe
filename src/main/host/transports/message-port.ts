/**
 * The contract over a MessagePort handed in by Electron's main process. Typed structurally, so
 * the host never imports electron: a utilityProcess receives MessagePortMain objects.
 */
import type { MessageEndpoint } from '../../../shared/rpc';

/** The parts of Electron's MessagePortMain the host uses. */
export interface PortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
}

/** Wraps a MessagePortMain as an RPC endpoint and starts it. */
export function portEndpoint(port: PortLike): MessageEndpoint {
  const endpoint: MessageEndpoint = {
    // A document's bytes travel as the Uint8Array they are: structured clone copies them once into
    // the message to the window, as bytes. No transfer list: MessagePortMain transfers only ports
    // (an ArrayBuffer in the list breaks the message, electron/electron#37565), and between
    // processes the bytes are copied either way.
    send: (message) => port.postMessage(message),
    onMessage: (listener) => {
      const wrapped = (event: { data: unknown }): void => listener(event.data);
      port.on('message', wrapped);
      return () => port.off('message', wrapped);
    },
    onClose: (listener) => {
      port.on('close', listener);
      return () => port.off('close', listener);
    },
  };
  queueMicrotask(() => port.start());
  return endpoint;
}

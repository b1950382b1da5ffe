/**
 * The only IPC of the shell: `werkbank:connect`, by which a window's preload asks for its MessagePort
 * to the data host. Contract calls never pass through main; they travel on that port. The handler
 * uses ipcMain.handle (no fire-and-forget `on`), checks that the sender is the main frame of our own
 * origin and validates its (empty) arguments with zod.
 */
import type { IpcMainInvokeEvent, MessagePortMain, WebContents, WebFrameMain } from 'electron';
import { z } from 'zod';
import { appOrigin } from './protocol';

/** The channel the preload invokes to get a port. */
export const connectChannel = 'werkbank:connect';
/** The channel main posts the port on. */
export const portChannel = 'werkbank:port';

/** `werkbank:connect` takes no arguments; anything else is refused. */
export const connectArguments = z.tuple([]);

/** The parts of a frame the sender check looks at. */
export type FrameLike = Pick<WebFrameMain, 'url' | 'parent'>;

/** The origin of a URL, also for custom schemes (Node's URL gives 'null' for app://). */
export function originOf(rawUrl: string): string | undefined {
  try {
    const url = new URL(rawUrl);
    if (!url.host) return undefined;
    return `${url.protocol}//${url.host}`;
  } catch {
    return undefined;
  }
}

/** True when `frame` is a main frame (not an iframe) showing one of the trusted origins. */
export function isTrustedFrame(frame: FrameLike | null | undefined, trustedOrigins: readonly string[] = [appOrigin]): boolean {
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  return origin !== undefined && trustedOrigins.includes(origin);
}

/** Where main sends a window's port: its main frame, re-checked at every delivery. */
export interface PortTarget {
  /** Returns false when the window is gone or no longer shows our origin. */
  deliver(port: MessagePortMain): boolean;
}

/** A PortTarget for one webContents. */
export function portTargetFor(contents: WebContents, trustedOrigins: readonly string[]): PortTarget {
  return {
    deliver(port) {
      if (contents.isDestroyed()) return false;
      const frame = contents.mainFrame;
      if (!isTrustedFrame(frame, trustedOrigins)) return false;
      frame.postMessage(portChannel, null, [port]);
      return true;
    },
  };
}

/** What the connect handler needs: it registers windows with the host supervisor. */
export interface ConnectDependencies {
  trustedOrigins: readonly string[];
  /** Hands the window a port now or as soon as the host is ready. */
  connectWindow(windowId: number, target: PortTarget): void;
  /** Forgets a window whose webContents was destroyed. */
  disconnectWindow(windowId: number): void;
}

/** An IPC refusal: the message names the reason, never the sender's URL. */
export class IpcRefusedError extends Error {
  constructor(reason: string) {
    super(`werkbank: IPC refused (${reason})`);
    this.name = 'IpcRefusedError';
  }
}

/** Builds the `werkbank:connect` handler. */
export function createConnectHandler(dependencies: ConnectDependencies): (event: IpcMainInvokeEvent, ...args: unknown[]) => void {
  const watched = new Set<number>();
  return (event, ...args) => {
    if (!isTrustedFrame(event.senderFrame, dependencies.trustedOrigins)) throw new IpcRefusedError('untrusted sender');
    if (!connectArguments.safeParse(args).success) throw new IpcRefusedError('invalid arguments');
    const contents = event.sender;
    const windowId = contents.id;
    if (!watched.has(windowId)) {
      watched.add(windowId);
      contents.once('destroyed', () => {
        watched.delete(windowId);
        dependencies.disconnectWindow(windowId);
      });
    }
    dependencies.connectWindow(windowId, portTargetFor(contents, dependencies.trustedOrigins));
  };
}

/** The subset of ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** Registers the shell's IPC; returns the function that removes it again. */
export function registerIpc(ipcMain: IpcMainLike, dependencies: ConnectDependencies): () => void {
  ipcMain.handle(connectChannel, createConnectHandler(dependencies));
  return () => ipcMain.removeHandler(connectChannel);
}

/**
 * The shell state main keeps for the page (src/shared/shell.ts): start-up progress and the update
 * state, pushed to every window of our origin when it changes and answered on request for a page
 * that loads later. The two invoke handlers check their sender like `werkbank:connect` does.
 * Electron is injected, so this is unit-tested without it.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import {
  restartToUpdateChannel, shellStateChannel, shellStateRequestChannel, type RestartAnswer, type ShellState, type StartupStatus,
} from '../shared/shell';
import type { UpdateStatus } from '../shared/updates';
import { IpcRefusedError, isTrustedFrame, type FrameLike, type IpcMainLike } from './ipc';

/** A window main can push the state to: its main frame, re-checked at every send. */
export interface ShellWindow {
  isDestroyed(): boolean;
  mainFrame: FrameLike & { send(channel: string, payload: unknown): void };
}

export class ShellStateHolder {
  private state: ShellState = { startup: { step: 'starting' }, update: { state: 'idle' } };

  constructor(private readonly windows: () => readonly ShellWindow[], private readonly trustedOrigins: readonly string[]) {}

  get current(): ShellState {
    return this.state;
  }

  setStartup(startup: StartupStatus): void {
    this.state = { ...this.state, startup };
    this.push();
  }

  setUpdate(update: UpdateStatus): void {
    this.state = { ...this.state, update };
    this.push();
  }

  private push(): void {
    for (const window of this.windows()) {
      if (!window.isDestroyed() && isTrustedFrame(window.mainFrame, this.trustedOrigins)) window.mainFrame.send(shellStateChannel, this.state);
    }
  }
}

const noArguments = z.tuple([]);

/** Registers the state request and the restart request; returns the function that removes them. */
export function registerShellIpc(ipcMain: IpcMainLike, holder: ShellStateHolder, options: {
  trustedOrigins: readonly string[];
  restartToUpdate: () => Promise<RestartAnswer>;
}): () => void {
  const checked = <T>(answer: () => T) => (event: IpcMainInvokeEvent, ...args: unknown[]): T => {
    if (!isTrustedFrame(event.senderFrame, options.trustedOrigins)) throw new IpcRefusedError('untrusted sender');
    if (!noArguments.safeParse(args).success) throw new IpcRefusedError('invalid arguments');
    return answer();
  };
  ipcMain.handle(shellStateRequestChannel, checked(() => holder.current));
  ipcMain.handle(restartToUpdateChannel, checked(() => options.restartToUpdate()));
  return () => {
    ipcMain.removeHandler(shellStateRequestChannel);
    ipcMain.removeHandler(restartToUpdateChannel);
  };
}

/**
 * window.werkbankShell (src/shared/shell.ts): the shell state main pushes, re-validated here, and
 * the one request the page may make of main besides its port — restart to install an update.
 * The page gets payloads, never IPC events (which would carry `sender`).
 */
import {
  restartAnswer, restartToUpdateChannel, shellState, shellStateChannel, shellStateRequestChannel,
  type RestartAnswer, type ShellState, type WerkbankShell,
} from '../shared/shell';

/** The parts of ipcRenderer used here. */
export interface ShellIpcLike {
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  invoke(channel: string): Promise<unknown>;
}

export function createShellApi(ipc: ShellIpcLike): WerkbankShell {
  return {
    async state(): Promise<ShellState> {
      return shellState.parse(await ipc.invoke(shellStateRequestChannel));
    },
    onState(listener) {
      const onMessage = (_event: unknown, payload: unknown): void => {
        const parsed = shellState.safeParse(payload);
        if (parsed.success) listener(parsed.data);
      };
      ipc.on(shellStateChannel, onMessage);
      return () => {
        ipc.removeListener(shellStateChannel, onMessage);
      };
    },
    async restartToUpdate(): Promise<RestartAnswer> {
      return restartAnswer.parse(await ipc.invoke(restartToUpdateChannel));
    },
  };
}

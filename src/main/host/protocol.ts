/**
 * Messages between the Electron main process and the data host running in a utilityProcess
 * (process.parentPort). Contract calls never travel here: main only hands the host one
 * MessagePort per window, and the host answers the contract on that port.
 */
import { z } from 'zod';

/** Environment variables main sets when it forks the host. */
export const hostEnvironment = {
  /** Folder of the local cache and the document cache. */
  dataDir: 'WERKBANK_DATA_DIR',
  /** Path of better-sqlite3's native binding built for Electron's ABI (absent in plain Node). */
  sqliteBinding: 'WERKBANK_SQLITE_BINDING',
  /** The app version shown in the UI. */
  appVersion: 'WERKBANK_APP_VERSION',
  /** The central API URL; absent means the embedded training environment. */
  serverUrl: 'WERKBANK_SERVER_URL',
} as const;

/** main → host */
export const mainToHost = z.discriminatedUnion('type', [
  /** A new window: the message carries one MessagePort in `ports`; serve the contract on it. */
  z.object({ type: z.literal('connect'), windowId: z.number().int() }),
  /** Close the database cleanly and exit. */
  z.object({ type: z.literal('shutdown') }),
]);
export type MainToHost = z.infer<typeof mainToHost>;

/** host → main */
export const hostToMain = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** The host cannot open the local cache; `code` is an RpcErrorCode, `message` has no personal data. */
  z.object({ type: z.literal('fatal'), code: z.string(), message: z.string() }),
]);
export type HostToMain = z.infer<typeof hostToMain>;

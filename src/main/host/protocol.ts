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
  /** '1' when serverUrl is the embedded training server main started (loopback, environment 'training'). */
  trainingServer: 'WERKBANK_TRAINING_SERVER',
  /**
   * 'parent' when main answers secret.request messages (tokens encrypted with safeStorage in
   * main's vault, src/main/secrets.ts). Main sets it when it forks the host. Absent, or when main
   * refuses a request: tokens live in the host's memory until it exits.
   */
  secrets: 'WERKBANK_SECRETS',
  /** The letter templates and fonts; a bundled host cannot find them from its own file. */
  lettersDir: 'WERKBANK_LETTERS_DIR',
  fontsDir: 'WERKBANK_FONTS_DIR',
  /** The message templates, shipped like the letters'. */
  messagesDir: 'WERKBANK_MESSAGES_DIR',
} as const;

/** A secret operation the host asks main to perform with safeStorage; `id` pairs the answer. */
export const secretRequest = z.object({
  type: z.literal('secret.request'),
  id: z.number().int().nonnegative(),
  operation: z.enum(['read', 'write', 'delete']),
  key: z.string().min(1).max(100),
  /** Plain text to encrypt and store (write only). */
  value: z.string().max(20_000).optional(),
});

/** Main's answer: `value` for a read (null when absent); `error` when safeStorage refused (e.g. only its plain-text fallback exists). */
export const secretResponse = z.object({
  type: z.literal('secret.response'),
  id: z.number().int().nonnegative(),
  value: z.string().max(20_000).nullable().optional(),
  error: z.string().max(500).optional(),
});

/** main → host */
export const mainToHost = z.discriminatedUnion('type', [
  /** A new window: the message carries one MessagePort in `ports`; serve the contract on it. */
  z.object({ type: z.literal('connect'), windowId: z.number().int() }),
  /** Close the database cleanly and exit. */
  z.object({ type: z.literal('shutdown') }),
  secretResponse,
]);
export type MainToHost = z.infer<typeof mainToHost>;

/** A new inbound message, as main may show it in a system notification: ids and the case number, never the body. */
export const receivedMessageNotice = z.object({
  caseId: z.string().min(1).max(64),
  caseNumber: z.string().min(1).max(64),
  threadId: z.string().min(1).max(64),
});
export type ReceivedMessageNotice = z.infer<typeof receivedMessageNotice>;

/** host → main */
export const hostToMain = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** The outbox changed: how many of the user's changes wait to be synced (main's restart-to-update asks). */
  z.object({ type: z.literal('outbox'), pending: z.number().int().nonnegative() }),
  /** New inbound messages of one pull, with the UI language the notification is written in. */
  z.object({ type: z.literal('messages.received'), language: z.enum(['nl', 'en']), messages: z.array(receivedMessageNotice).min(1).max(100) }),
  /** The host cannot open the local cache; `code` is an RpcErrorCode, `message` has no personal data. */
  z.object({ type: z.literal('fatal'), code: z.string(), message: z.string() }),
]);
export type HostToMain = z.infer<typeof hostToMain>;

/**
 * host → main, only when main opted in with WERKBANK_SECRETS=parent. Kept out of hostToMain so
 * that a main which does not know it ignores it as malformed instead of treating it as fatal.
 */
export type SecretRequest = z.infer<typeof secretRequest>;

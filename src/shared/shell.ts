/**
 * What the Electron shell (main) tells the page besides the data-host contract: how far start-up
 * is (opening the window comes first, the training environment and the data host follow) and the
 * state of an update. It travels main → preload on one narrow channel, the preload re-validates it
 * with these schemas, and the page reads it from window.werkbankShell (absent in the browser
 * preview, where nothing starts behind the page). Asking to restart for an update is the one
 * action; main decides (src/main/updates.ts installDecision), never the page.
 */
import { z } from 'zod';
import { updateStatus } from './updates';

/** main → preload: the whole shell state, every time a part of it changes. */
export const shellStateChannel = 'werkbank:shell-state';
/** preload → main (invoke): the shell state now, for a page that loads after it was sent. */
export const shellStateRequestChannel = 'werkbank:shell-state-request';
/** preload → main (invoke): the user asks to restart and install the ready update. */
export const restartToUpdateChannel = 'werkbank:restart-to-update';

/** The global the preload exposes the shell state on. */
export const shellGlobalName = 'werkbankShell';

const count = z.number().int().nonnegative().max(1_000_000);

/**
 * Each step of start-up, in order. `training` only without a configured central API: the embedded
 * training server opens its database, generates the demo dataset on a first start and loads it
 * (`done` of `total` cases); `host` is the data host opening (and migrating) the local cache.
 */
export const startupStatus = z.discriminatedUnion('step', [
  z.object({ step: z.literal('starting') }).strict(),
  z.object({ step: z.literal('training'), phase: z.enum(['database', 'generating', 'loading']), done: count.optional(), total: count.optional() }).strict(),
  z.object({ step: z.literal('host') }).strict(),
  z.object({ step: z.literal('ready') }).strict(),
  /** A step failed; `code` names it for the page's message (the same codes main's failure dialog knows). */
  z.object({ step: z.literal('failed'), code: z.string().regex(/^[a-z_]{1,40}$/) }).strict(),
]);
export type StartupStatus = z.infer<typeof startupStatus>;

export const shellState = z.object({ startup: startupStatus, update: updateStatus }).strict();
export type ShellState = z.infer<typeof shellState>;

/** What "restart to update" answered: installing (the app quits), or why not. */
export const restartAnswer = z.discriminatedUnion('install', [
  z.object({ install: z.literal(true) }).strict(),
  z.object({ install: z.literal(false), reason: z.enum(['not requested', 'no update ready', 'outbox unknown', 'outbox not empty']) }).strict(),
]);
export type RestartAnswer = z.infer<typeof restartAnswer>;

/** window.werkbankShell: named functions only, payloads validated by the preload. */
export interface WerkbankShell {
  state(): Promise<ShellState>;
  onState(listener: (state: ShellState) => void): () => void;
  restartToUpdate(): Promise<RestartAnswer>;
}

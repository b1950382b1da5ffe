/**
 * The contract between the renderer and the data host: every call the renderer may make and every
 * event the host may push, each with its zod schemas. The host validates every incoming call
 * against it (src/shared/rpc); the preload and the browser preview build window.werkbank from it.
 */
import { z } from 'zod';
import { defineCall, defineEvent, type BridgeApi, type Handlers } from '../rpc';
import { empty, isoInstant, language } from './common';
import {
  conflictItem, documentContent, documentInfo, mutateArgs, outboxItem, resolveConflictArgs, sessionInfo, signedInUser,
  signInArgs,
} from './sync';
import { demoUser } from '../sync/protocol';
import { caseSummary } from './cases';
import { queueCalls } from './queue';
import { resetScenariosArgs, resetScenariosResult, setTrainingClockArgs, trainingInfo, trainingScenario } from './training';
import { reviewCalls } from './review';

export * from './common';
export * from './sync';
export * from './training';
export * from './cases';
export * from './queue';
export * from './review';

/** Where this workbench's data comes from: the embedded training environment or a central API. */
export const environmentKind = z.enum(['training', 'production', 'development']);

export const appInfo = z.object({
  environment: environmentKind,
  /** Shown in the top bar, e.g. "Training" or the central API's name. */
  environmentName: z.string(),
  version: z.string(),
  language,
});
export type AppInfo = z.infer<typeof appInfo>;

export const syncState = z.enum(['offline', 'online', 'syncing', 'error']);
export const syncStatus = z.object({
  state: syncState,
  lastSyncAt: isoInstant.nullable(),
  pending: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  /** The session ended: sign in again to sync (the outbox is kept). */
  needsSignIn: z.boolean().optional(),
  /** Actions the server refused. */
  failed: z.number().int().nonnegative().optional(),
  /** Rows received so far while bootstrapping; null or absent when not bootstrapping. */
  bootstrapReceived: z.number().int().nonnegative().nullable().optional(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const calls = {
  'app.info': defineCall(empty, appInfo, 'Environment, version and language of this workbench.'),
  'settings.setLanguage': defineCall(
    z.object({ language }).strict(),
    z.object({ language }),
    'Remembers the user interface language.',
  ),
  'cases.list': defineCall(
    z.object({
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }).strict(),
    z.object({ items: z.array(caseSummary), total: z.number().int().nonnegative() }),
    'Cases in the local cache, most urgent deadline first.',
  ),
  'sync.status': defineCall(empty, syncStatus, 'The sync state shown in the top bar.'),
  'cases.search': defineCall(
    z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    z.object({ items: z.array(caseSummary) }),
    'Cases in the local cache matching applicant name, V-number, case number or sponsor.',
  ),
  'cases.open': defineCall(
    z.object({ caseId: z.string().min(1).max(64) }).strict(),
    caseSummary,
    'One case from the local cache; the read is recorded for the audit log (uploaded at the next sync).',
  ),
  'session.signIn': defineCall(signInArgs, z.object({ user: signedInUser }), 'Signs in to the central API; another user than before wipes the local cache.'),
  'session.signOut': defineCall(empty, z.object({}), 'Signs out and wipes the local cache.'),
  'session.current': defineCall(empty, sessionInfo, 'Who is signed in, and whether a central API is configured to sign in to.'),
  'session.demoUsers': defineCall(
    empty,
    z.object({ users: z.array(demoUser) }),
    'The demo users of the training environment for the sign-in screen; none for a production server.',
  ),
  'sync.now': defineCall(empty, syncStatus, 'Synchronises now and answers the resulting state.'),
  'sync.mutate': defineCall(mutateArgs, z.object({ clientMutationId: z.string() }), 'Applies a named mutation locally and queues it for the server.'),
  'sync.outbox': defineCall(empty, z.object({ items: z.array(outboxItem) }), 'Queued actions with their sync state.'),
  'sync.conflicts': defineCall(empty, z.object({ items: z.array(conflictItem) }), 'The conflicts inbox: my refused edits against the server.'),
  'sync.resolveConflict': defineCall(resolveConflictArgs, z.object({}), 'Keeps my edit (sent again) or theirs (mine dropped).'),
  'documents.list': defineCall(
    z.object({ caseId: z.string().min(1).max(64) }).strict(),
    z.object({ items: z.array(documentInfo) }),
    'The documents of a case, and whether each opens offline.',
  ),
  'documents.open': defineCall(
    z.object({ documentId: z.string().min(1).max(64) }).strict(),
    documentContent,
    'A document\'s verified bytes, from the document cache or downloaded; the read is recorded for the audit log.',
  ),
  'training.info': defineCall(empty, trainingInfo, 'Whether this is a training environment and its training "today" (the trainer\'s clock).'),
  'training.setClock': defineCall(setTrainingClockArgs, trainingInfo, 'Trainer: sets the training "today", or real time; then synchronises.'),
  'training.scenarios': defineCall(empty, z.object({ items: z.array(trainingScenario) }), 'Trainer: the training dataset\'s scenarios.'),
  ...queueCalls,
  'training.resetScenarios': defineCall(resetScenariosArgs, resetScenariosResult, 'Trainer: resets the named scenarios (all when none are named); then synchronises.'),
  ...reviewCalls,
} as const;

export const events = {
  'sync.changed': defineEvent(syncStatus, 'The sync state changed.'),
  'cases.changed': defineEvent(z.object({ caseIds: z.array(z.string()) }), 'Cases in the local cache changed.'),
  'training.changed': defineEvent(trainingInfo, 'The training "today" or clock changed.'),
} as const;

export type Calls = typeof calls;
export type Events = typeof events;
export type CallName = keyof Calls & string;
export type EventName = keyof Events & string;

/** The host's handler map, typed once from the contract: a renamed call fails to compile on both ends. */
export type HostHandlers<Ctx> = Handlers<Calls, Ctx>;

/** window.werkbank: one function per call, grouped by namespace, and `on` for host events. */
export type WerkbankApi = BridgeApi<Calls, Events>;

/** The name of the global the preload (and the browser preview) exposes. */
export const bridgeGlobalName = 'werkbank';

/**
 * The contract between the renderer and the data host: every call the renderer may make and every
 * event the host may push, each with its zod schemas. One file per namespace (a feature's calls in
 * its own file); this one only composes them. The host validates every incoming call against it
 * (src/shared/rpc); the preload and the browser preview build window.werkbank from it.
 */
import { type BridgeApi, type Handlers } from '../rpc';
import { appCalls } from './app';
import { casesCalls, casesEvents } from './cases';
import { dashboardCalls } from './dashboard';
import { documentsCalls } from './documents';
import { lettersCalls, lettersEvents } from './letters';
import { messagesCalls, messagesEvents } from './messages';
import { queueCalls } from './queue';
import { reviewCalls } from './review';
import { sessionCalls } from './session';
import { settingsCalls } from './settings';
import { syncCalls, syncEvents } from './sync';
import { trainingCalls, trainingEvents } from './training';

export * from './app';
export * from './cases';
export * from './common';
export * from './dashboard';
export * from './documents';
export * from './letters';
export * from './messages';
export * from './queue';
export * from './review';
export * from './session';
export * from './settings';
export * from './sync';
export * from './training';

export const calls = {
  ...appCalls,
  ...settingsCalls,
  ...casesCalls,
  ...sessionCalls,
  ...syncCalls,
  ...documentsCalls,
  ...trainingCalls,
  ...queueCalls,
  ...reviewCalls,
  ...dashboardCalls,
  ...lettersCalls,
  ...messagesCalls,
} as const;

export const events = {
  ...syncEvents,
  ...casesEvents,
  ...trainingEvents,
  ...lettersEvents,
  ...messagesEvents,
} as const;

export type Calls = typeof calls;
export type Events = typeof events;
export type CallName = keyof Calls & string;
export type EventName = keyof Events & string;

/** The host's handler map, typed once from the contract: a renamed call fails to compile on both ends. */
export type HostHandlers<Ctx> = Handlers<Calls, Ctx>;

/** The handlers of one namespace's calls (a host feature folder exports one of these). */
export type FeatureHandlers<FeatureCalls extends Record<string, unknown>, Ctx> = Pick<HostHandlers<Ctx>, keyof FeatureCalls & CallName>;

/** window.werkbank: one function per call, grouped by namespace, and `on` for host events. */
export type WerkbankApi = BridgeApi<Calls, Events>;

/** The name of the global the preload (and the browser preview) exposes. */
export const bridgeGlobalName = 'werkbank';

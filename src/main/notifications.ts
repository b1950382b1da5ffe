/**
 * System notifications for new inbound messages: the host says which arrived (ids and the case
 * number, never a body: a notification shows on a locked screen and in the OS's history), main
 * decides what to show and opens the thread when one is clicked. The decision is plain code tested
 * in Node; Electron is injected, so the Electron part is the few lines of `showMessageNotifications`.
 */
import type { ReceivedMessageNotice } from './host/protocol';
import { messageThreadRoute, type OpenRoute } from '../shared/notifications';

export interface PlannedNotification {
  title: string;
  body: string;
  /** The thread to open on a click; null for a summary, whose click only brings the window forward. */
  route: OpenRoute | null;
}

/** More than this many in one pull become one summary instead of a stack of notifications. */
export const separateNotificationsMax = 3;

const texts = {
  nl: { one: (caseNumber: string) => `Nieuw bericht in zaak ${caseNumber}`, many: (count: number) => `${count} nieuwe berichten`, body: 'Werkbank', open: 'Open Werkbank om ze te lezen.' },
  en: { one: (caseNumber: string) => `New message in case ${caseNumber}`, many: (count: number) => `${count} new messages`, body: 'Werkbank', open: 'Open Werkbank to read them.' },
} as const;

/**
 * What to show for one pull's new messages. Nothing while the window is focused: the caseworker
 * sees the badge and the thread there, and a notification would only interrupt.
 */
export function planMessageNotifications(
  notice: { language: 'nl' | 'en'; messages: readonly ReceivedMessageNotice[] },
  state: { windowFocused: boolean },
): PlannedNotification[] {
  if (state.windowFocused || notice.messages.length === 0) return [];
  const text = texts[notice.language];
  if (notice.messages.length > separateNotificationsMax) return [{ title: text.many(notice.messages.length), body: text.open, route: null }];
  return notice.messages.map((message) => ({ title: text.one(message.caseNumber), body: text.body, route: messageThreadRoute(message.caseId, message.threadId) }));
}

/** The parts of Electron the notifications use. */
export interface NotificationDependencies {
  isSupported(): boolean;
  /** new Notification({ title, body, silent }) with its click listener. */
  show(options: { title: string; body: string }, onClick: () => void): void;
  windowFocused(): boolean;
  /** Restores and focuses the main window. */
  focusWindow(): void;
  /** Sends the route to the window (main → preload, src/shared/notifications.ts). */
  openRoute(route: OpenRoute): void;
}

export function showMessageNotifications(dependencies: NotificationDependencies, notice: { language: 'nl' | 'en'; messages: readonly ReceivedMessageNotice[] }): void {
  if (!dependencies.isSupported()) return;
  for (const planned of planMessageNotifications(notice, { windowFocused: dependencies.windowFocused() })) {
    dependencies.show({ title: planned.title, body: planned.body }, () => {
      dependencies.focusWindow();
      if (planned.route) dependencies.openRoute(planned.route);
    });
  }
}

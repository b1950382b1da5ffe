/**
 * Small hooks the shell and screens share: the connection state, the clock, the current screen.
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { connection, type ConnectionState } from '../connection';
import { calendarDateInAmsterdam } from '../format/dates';
import { effectiveToday, useTrainingInfo } from '../training/useTrainingInfo';

/** The connection state of the data host, re-rendering on change. */
export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(
    (onStoreChange) => connection.onDidChange(onStoreChange),
    () => connection.state,
  );
}

/** Grows each time the connection comes (back) up, so data hooks reload after a reconnect. */
export function useConnectionEpoch(): number {
  return useSyncExternalStore(
    (onStoreChange) => connection.onDidChange(onStoreChange),
    () => connection.epoch,
  );
}

/** The current moment, refreshed every `intervalMs` so relative times and "today" stay true. */
export function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * Today's date in Europe/Amsterdam, 'YYYY-MM-DD'; changes at midnight there. In a training
 * environment it is the trainer's training "today" as the host last heard it, so days left and
 * overdue follow the trainer's clock.
 */
export function useToday(): string {
  const realToday = calendarDateInAmsterdam(useNow(60_000));
  return effectiveToday(useTrainingInfo(), realToday);
}

export const screens = ['queue', 'dashboard', 'conflicts', 'training'] as const;
/** The navbar's screens, and the case screen ('#/case/<caseId>'), which the queue opens. */
export type Screen = (typeof screens)[number] | 'case';

/** The case id of a hash like '#/case/<caseId>', or null. */
export function caseIdFromHash(hash: string): string | null {
  const match = /^#\/?case\/([A-Za-z0-9-]{1,64})(?:\/(?:letter|messages)\/[A-Za-z0-9-]{1,64})?$/.exec(hash);
  return match?.[1] ?? null;
}

/** The letter a hash like '#/case/<id>/letter/<letterId>' opens on the case's Letters tab. */
export function letterIdFromHash(hash: string): string | null {
  return /^#\/?case\/[A-Za-z0-9-]{1,64}\/letter\/([A-Za-z0-9-]{1,64})$/.exec(hash)?.[1] ?? null;
}

/** The hash that opens a letter of a case. */
export function hashOfLetter(caseId: string, letterId: string): string {
  return `#/case/${caseId}/letter/${letterId}`;
}

/** The thread a hash like '#/case/<id>/messages/<threadId>' opens on the case's Messages tab (an OS notification's link). */
export function threadIdFromHash(hash: string): string | null {
  return /^#\/?case\/[A-Za-z0-9-]{1,64}\/messages\/([A-Za-z0-9-]{1,64})$/.exec(hash)?.[1] ?? null;
}

/** The hash that opens a thread of a case. */
export function hashOfThread(caseId: string, threadId: string): string {
  return `#/case/${caseId}/messages/${threadId}`;
}

/** The hash that opens a case on the case screen. */
export function hashOfCase(caseId: string): string {
  return `#/case/${caseId}`;
}

/** The screen named by a URL hash like '#/dashboard'; the queue for anything else. */
export function screenFromHash(hash: string): Screen {
  if (caseIdFromHash(hash) !== null) return 'case';
  const name = hash.replace(/^#\/?/, '');
  return (screens as readonly string[]).includes(name) ? (name as Screen) : 'queue';
}

/** The case the URL hash opens, re-rendering on change; null on other screens. */
export function useCaseRoute(): string | null {
  return useSyncExternalStore(
    (onStoreChange) => {
      window.addEventListener('hashchange', onStoreChange);
      return () => window.removeEventListener('hashchange', onStoreChange);
    },
    () => caseIdFromHash(window.location.hash),
  );
}

/** The hash that opens a screen. */
export function hashOfScreen(screen: Screen): string {
  return `#/${screen}`;
}

/** The current screen, kept in the URL hash so back/forward and reloads keep it. */
export function useScreen(): Screen {
  return useSyncExternalStore(
    (onStoreChange) => {
      window.addEventListener('hashchange', onStoreChange);
      return () => window.removeEventListener('hashchange', onStoreChange);
    },
    () => screenFromHash(window.location.hash),
  );
}

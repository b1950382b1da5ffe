/**
 * Services the central API is built from. They are passed in, never imported as singletons, so a
 * test, the training environment (movable clock) or an OIDC deployment can replace each one.
 */
import type { Role } from './db/schema';

export type IsoDate = string;

/** Server time. Legal dates are calendar days in Europe/Amsterdam. */
export interface Clock {
  now(): Date;
  today(): IsoDate;
}

const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
});

/** The calendar day of `moment` in Europe/Amsterdam, as 'YYYY-MM-DD'. */
export function amsterdamDate(moment: Date): IsoDate {
  return amsterdamDay.format(moment);
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => new Date(),
  today: () => amsterdamDate(new Date()),
};

/** A clock that stays where it is put: for tests and the trainer's movable clock. */
export function fixedClock(start: Date): Clock & { set(moment: Date): void; advance(milliseconds: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    today: () => amsterdamDate(current),
    set: (moment) => { current = new Date(moment); },
    advance: (milliseconds) => { current = new Date(current.getTime() + milliseconds); },
  };
}

/** Structured logging. Callers pass ids and codes only, never personal data. */
export interface Logger {
  info(message: string, fields?: Record<string, string | number | boolean | null>): void;
  warn(message: string, fields?: Record<string, string | number | boolean | null>): void;
  error(message: string, fields?: Record<string, string | number | boolean | null>): void;
}

/** Writes one JSON line per entry to stderr, so stdout stays free for tools. */
export const jsonLogger: Logger = {
  info: (message, fields) => writeLine('info', message, fields),
  warn: (message, fields) => writeLine('warn', message, fields),
  error: (message, fields) => writeLine('error', message, fields),
};

function writeLine(level: string, message: string, fields?: Record<string, string | number | boolean | null>): void {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** What an access token asserts about its bearer. */
export interface AccessClaims {
  userId: string;
  sessionId: string;
  role: Role;
}

/**
 * Issues and verifies short-lived access tokens. The built-in one signs with HMAC-SHA256; an OIDC
 * deployment replaces it with one that verifies the provider's tokens.
 */
export interface TokenIssuer {
  issue(claims: AccessClaims, now: Date): { token: string; expiresAt: Date };
  verify(token: string, now: Date): AccessClaims | null;
}

/** 'training' is the embedded demo environment; trainers work only there. */
export type EnvironmentKind = 'production' | 'training';

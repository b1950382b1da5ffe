/** The event log's primitives: Amsterdam day bounds, XML escaping and the keyed pseudonyms. */
import { describe, expect, it } from 'vitest';
import { boundInstant } from '../../../src/server/event-log/query';
import { xmlAttribute, xesTraces } from '../../../src/server/event-log/xes';
import { derivePseudonymKey, Pseudonyms } from '../../../src/server/event-log/pseudonym';

describe('boundInstant', () => {
  it('takes a date as the start of that day in Amsterdam, and the end of it for `to`, across DST', () => {
    expect(boundInstant('2026-01-01', false).toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(boundInstant('2026-07-01', false).toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // 29 March 2026 has 23 hours there, 25 October 25.
    expect(boundInstant('2026-03-29', true).getTime() - boundInstant('2026-03-29', false).getTime()).toBe(23 * 3600_000);
    expect(boundInstant('2026-10-25', true).getTime() - boundInstant('2026-10-25', false).getTime()).toBe(25 * 3600_000);
    expect(boundInstant('2026-03-03T10:00:00Z', true).toISOString()).toBe('2026-03-03T10:00:00.000Z');
  });
});

describe('XES text', () => {
  it('escapes markup and replaces characters XML cannot carry', () => {
    expect(xmlAttribute('a&b<c>"d\'')).toBe('a&amp;b&lt;c&gt;&quot;d&apos;');
    expect(xmlAttribute('bell\u0007 tab\t lone\ud800 pair\ud83d\ude00')).toBe('bell\ufffd tab\t lone\ufffd pair\ud83d\ude00');
  });

  it('writes an actor-less event without org:resource', () => {
    const text = xesTraces([{ caseId: 'c1', caseType: 't&t', events: [{ id: 'e1', at: new Date(0), actorId: null, kind: 'intake.application' }] }], (id) => id);
    expect(text).toContain('value="t&amp;t"');
    expect(text).not.toContain('org:resource');
  });
});

describe('pseudonyms', () => {
  it('are stable for one key, differ between keys, and refuse short keys', () => {
    const key = derivePseudonymKey(Buffer.alloc(32, 1));
    expect(new Pseudonyms(key).of('user-1')).toBe(new Pseudonyms(key).of('user-1'));
    expect(new Pseudonyms(key).of('user-1')).not.toBe(new Pseudonyms(key).of('user-2'));
    expect(new Pseudonyms(derivePseudonymKey(Buffer.alloc(32, 2))).of('user-1')).not.toBe(new Pseudonyms(key).of('user-1'));
    expect(() => new Pseudonyms(Buffer.alloc(16))).toThrow();
  });
});

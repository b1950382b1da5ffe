import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/server/services';
import { initialClockSetting, MovableClock } from '../../../src/server/training/clock';

describe('the trainer\'s movable clock', () => {
  it('reports the set day while the time of day keeps running', () => {
    const real = fixedClock(new Date('2026-11-22T10:15:00Z'));
    const clock = new MovableClock({ mode: 'fixed', today: '2026-03-16' }, real);
    expect(clock.today()).toBe('2026-03-16');
    expect(clock.now().toISOString()).toBe('2026-03-16T10:15:00.000Z');
    real.advance(3 * 3_600_000);
    expect(clock.now().toISOString()).toBe('2026-03-16T13:15:00.000Z');
    expect(clock.today()).toBe('2026-03-16');
  });

  it('follows real time in real mode and moves on set', () => {
    const real = fixedClock(new Date('2026-11-22T10:00:00Z'));
    const clock = new MovableClock({ mode: 'real' }, real);
    expect(clock.today()).toBe('2026-11-22');
    expect(clock.now().getTime()).toBe(real.now().getTime());
    clock.set({ mode: 'fixed', today: '2027-01-05' });
    expect(clock.today()).toBe('2027-01-05');
    expect(clock.nowWith({ mode: 'real' }).toISOString()).toBe('2026-11-22T10:00:00.000Z');
    expect(() => clock.set({ mode: 'fixed', today: '2027-02-30' })).toThrow();
    expect(clock.today()).toBe('2027-01-05');
  });

  it('starts on the dataset\'s today unless the dataset was made for the real today', () => {
    expect(initialClockSetting('2026-03-16', '2026-11-22')).toEqual({ mode: 'fixed', today: '2026-03-16' });
    expect(initialClockSetting('2026-11-22', '2026-11-22')).toEqual({ mode: 'real' });
  });
});

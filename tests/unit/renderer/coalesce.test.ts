import { describe, expect, it } from 'vitest';
import { coalesce } from '../../../src/renderer/src/state/coalesce';

/** A load whose runs the test finishes by hand. */
function manualLoad() {
  const finishers: ((fail?: boolean) => void)[] = [];
  let started = 0;
  const run = () => {
    started += 1;
    return new Promise<void>((resolve, reject) => finishers.push((fail) => (fail ? reject(new Error('x')) : resolve())));
  };
  return { run, finishers, started: () => started };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('coalesce', () => {
  it('runs once at a time and folds requests made meanwhile into one follow-up run', async () => {
    const load = manualLoad();
    const start = coalesce(load.run);
    start();
    start();
    start();
    start();
    expect(load.started()).toBe(1);
    load.finishers[0]?.();
    await settle();
    expect(load.started()).toBe(2);
    load.finishers[1]?.();
    await settle();
    expect(load.started()).toBe(2);
  });

  it('keeps working after a failed run', async () => {
    const load = manualLoad();
    const start = coalesce(load.run);
    start();
    start();
    load.finishers[0]?.(true);
    await settle();
    expect(load.started()).toBe(2);
    load.finishers[1]?.();
    await settle();
    start();
    expect(load.started()).toBe(3);
  });
});

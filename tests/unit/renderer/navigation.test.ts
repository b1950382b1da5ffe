import { describe, expect, it } from 'vitest';
import { createConnectionMonitor, type ConnectionState } from '../../../src/renderer/src/connection';
import { hashOfScreen, screenFromHash, screens } from '../../../src/renderer/src/state/hooks';

describe('screens in the URL hash', () => {
  it('round-trips every screen through its hash', () => {
    for (const screen of screens) expect(screenFromHash(hashOfScreen(screen))).toBe(screen);
  });

  it('opens the queue for an empty, unknown or leftover hash', () => {
    expect(screenFromHash('')).toBe('queue');
    expect(screenFromHash('#/nothing')).toBe('queue');
    expect(screenFromHash('#main-content')).toBe('queue');
    expect(screenFromHash('#dashboard')).toBe('dashboard');
  });
});

describe('connection monitor', () => {
  it('tells listeners about changes only, and counts each time the connection comes up', () => {
    const monitor = createConnectionMonitor('connecting');
    const seen: ConnectionState[] = [];
    const off = monitor.onDidChange((state) => seen.push(state));
    expect(monitor.epoch).toBe(0);
    monitor.setState('connecting');
    monitor.setState('connected');
    monitor.setState('connected');
    monitor.setState('disconnected');
    monitor.setState('connected');
    off();
    monitor.setState('disconnected');
    expect(seen).toEqual(['connected', 'disconnected', 'connected']);
    expect(monitor.epoch).toBe(2);
  });

  it('reconnects through whatever the transport set', () => {
    const monitor = createConnectionMonitor('disconnected');
    let reconnects = 0;
    monitor.reconnect();
    monitor.setReconnect(() => {
      reconnects += 1;
    });
    monitor.reconnect();
    expect(reconnects).toBe(1);
  });
});

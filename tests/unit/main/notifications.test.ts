/** Message notifications: what main shows for new inbound messages, and what a click opens. */
import { describe, expect, it, vi } from 'vitest';
import { planMessageNotifications, showMessageNotifications, type NotificationDependencies } from '../../../src/main/notifications';
import { hostToMain } from '../../../src/main/host/protocol';
import { followOpenRoutes } from '../../../src/preload/navigation';
import { messageThreadRoute, openRouteChannel } from '../../../src/shared/notifications';

const caseId = '8a4c1f52-0d6e-4b7a-9b1e-2f3c4d5e6f70';
const threadId = '1b000000-0000-4000-8000-000000000001';
const one = { caseId, caseNumber: 'IND-2026-000101', threadId };

describe('planning message notifications', () => {
  it('names the case in the UI language, with no message text, and opens the thread', () => {
    expect(planMessageNotifications({ language: 'nl', messages: [one] }, { windowFocused: false })).toEqual([
      { title: 'Nieuw bericht in zaak IND-2026-000101', body: 'Werkbank', route: `#/case/${caseId}/messages/${threadId}` },
    ]);
    expect(planMessageNotifications({ language: 'en', messages: [one] }, { windowFocused: false })[0]?.title).toBe('New message in case IND-2026-000101');
  });

  it('shows nothing while the window is focused, and one summary for many', () => {
    expect(planMessageNotifications({ language: 'nl', messages: [one] }, { windowFocused: true })).toEqual([]);
    const many = planMessageNotifications({ language: 'nl', messages: [one, one, one, one] }, { windowFocused: false });
    expect(many).toEqual([{ title: '4 nieuwe berichten', body: 'Open Werkbank om ze te lezen.', route: null }]);
  });

  it('never builds a route from ids that are not UUIDs', () => {
    expect(messageThreadRoute('../../etc', threadId)).toBeNull();
    expect(planMessageNotifications({ language: 'nl', messages: [{ ...one, caseId: 'x/../y' }] }, { windowFocused: false })[0]?.route).toBeNull();
  });
});

describe('showing them', () => {
  function electron(focused = false) {
    const clicks: (() => void)[] = [];
    const dependencies: NotificationDependencies = {
      isSupported: () => true,
      show: vi.fn((_options, onClick: () => void) => clicks.push(onClick)),
      windowFocused: () => focused,
      focusWindow: vi.fn(),
      openRoute: vi.fn(),
    };
    return { dependencies, clicks };
  }

  it('focuses the window and opens the thread on a click', () => {
    const { dependencies, clicks } = electron();
    showMessageNotifications(dependencies, { language: 'nl', messages: [one] });
    expect(dependencies.show).toHaveBeenCalledWith({ title: 'Nieuw bericht in zaak IND-2026-000101', body: 'Werkbank' }, expect.any(Function));
    clicks[0]?.();
    expect(dependencies.focusWindow).toHaveBeenCalled();
    expect(dependencies.openRoute).toHaveBeenCalledWith(`#/case/${caseId}/messages/${threadId}`);
  });

  it('does nothing where the OS has no notifications', () => {
    const { dependencies } = electron();
    showMessageNotifications({ ...dependencies, isSupported: () => false }, { language: 'nl', messages: [one] });
    expect(dependencies.show).not.toHaveBeenCalled();
  });
});

describe('the host message and the preload', () => {
  it('carries ids and the case number only: a body is not part of the message', () => {
    const parsed = hostToMain.parse({ type: 'messages.received', language: 'nl', messages: [{ ...one, body: 'Geheim' }] });
    expect(JSON.stringify(parsed)).not.toContain('Geheim');
  });

  it('sets only a valid thread route as the hash', () => {
    const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
    const opened: string[] = [];
    followOpenRoutes({ on: (channel, listener) => listeners.set(channel, listener) }, (route) => opened.push(route));
    const listener = listeners.get(openRouteChannel);
    listener?.({}, `#/case/${caseId}/messages/${threadId}`);
    listener?.({}, 'javascript:alert(1)');
    listener?.({}, `#/case/${caseId}/documents/${threadId}`);
    expect(opened).toEqual([`#/case/${caseId}/messages/${threadId}`]);
  });
});

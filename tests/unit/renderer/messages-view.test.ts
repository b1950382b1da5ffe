// @vitest-environment jsdom
/**
 * The Messages tab's parts in jsdom against a fake bridge: opening a thread reads it in one
 * action up to its newest unread message; search words are marked; only a delivery My IND refused
 * offers a retry; the composer sends what the contract asks (a new conversation's counterpart and
 * subject, attachments by reference), keeps the text when the outbox refuses it and when it is
 * unmounted and mounted again.
 */
import { act, createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView, ThreadSummary, WerkbankApi } from '../../../src/shared/contract';
import { ApiProvider } from '../../../src/renderer/src/state/api';
import { Composer } from '../../../src/renderer/src/messages/Composer';
import { ThreadView } from '../../../src/renderer/src/messages/ThreadView';
import { mount, useReactDom } from '../../helpers/jsdom-react';

const dom = useReactDom('nl');

interface Sent { name: string; args: Record<string, unknown> }
const sent: Sent[] = [];
let refuse = false;

/** The calls these parts make; any other call fails the test. */
const api = new Proxy({}, {
  get(_target, namespace: string) {
    if (namespace === 'on') return () => () => undefined;
    return new Proxy({}, {
      get(_inner, method: string) {
        return async (args: unknown): Promise<unknown> => {
          if (namespace === 'sync' && method === 'mutate') {
            if (refuse) throw Object.assign(new Error('refused'), { code: 'invalid_arguments' });
            sent.push(args as Sent);
            return { clientMutationId: 'x' };
          }
          if (namespace === 'messages' && method === 'templates') return { items: [] };
          throw new Error(`unexpected call ${namespace}.${method}`);
        };
      },
    });
  },
}) as WerkbankApi;

afterEach(() => {
  sent.splice(0);
  refuse = false;
});

const flush = () => act(async () => { await new Promise((resolve) => setTimeout(resolve, 0)); });
const withApi = (element: ReturnType<typeof createElement>) => createElement(ApiProvider, { api, children: element });

const thread: ThreadSummary = {
  id: '7a3f1c1e-0000-4000-8000-000000000001', caseId: 'c1', subject: 'Vraag over mijn aanvraag', counterpart: 'applicant',
  counterpartName: 'Amina Yusuf', createdAt: '2026-11-30T08:00:00.000Z', lastMessageAt: '2026-12-01T09:00:00.000Z',
  lastMessagePreview: 'Wanneer beslist u?', messageCount: 3, unread: 2, outboxState: null, pending: false,
};
const message = (id: string, overrides: Partial<MessageView>): MessageView => ({
  id, threadId: thread.id, direction: 'inbound', authorName: null, body: 'Wanneer beslist u over mijn aanvraag?',
  sentAt: '2026-11-30T08:00:00.000Z', attachments: [], state: 'received', failure: null, retryable: false, readByMe: false, readBy: [], ...overrides,
});

describe('ThreadView', () => {
  it('reads the thread in one action up to its newest unread message, and marks the searched words', async () => {
    mount(withApi(createElement(ThreadView, {
      thread, highlight: 'beslist', focusMessageId: null, onOpenDocument: () => undefined,
      messages: [
        message('m1', { readByMe: true, sentAt: '2026-11-29T08:00:00.000Z' }),
        message('m2', { sentAt: '2026-11-30T08:00:00.000Z' }),
        message('m3', { sentAt: '2026-12-01T09:00:00.000Z', body: 'Nog een vraag.' }),
      ],
    })), dom.i18n());
    await flush();
    expect(sent).toEqual([{ name: 'message.markThreadRead', args: { threadId: thread.id, upTo: '2026-12-01T09:00:00.000Z' } }]);
    expect([...document.querySelectorAll('mark.message-hit')].map((node) => node.textContent)).toEqual(['beslist', 'beslist']);
  });

  it('offers a retry for a delivery My IND refused, not for a message the central API refused', async () => {
    mount(withApi(createElement(ThreadView, {
      thread: { ...thread, unread: 0 }, highlight: null, focusMessageId: null, onOpenDocument: () => undefined,
      messages: [
        message('m1', { direction: 'outbound', authorName: 'Demo Behandelaar', state: 'failed', failure: 'portal_unavailable', retryable: true, readByMe: true }),
        message('m2', { direction: 'outbound', authorName: 'Demo Behandelaar', state: 'failed', failure: 'counterpart_missing', readByMe: true }),
      ],
    })), dom.i18n());
    await flush();
    expect(sent).toEqual([]);
    const retries = document.querySelectorAll<HTMLButtonElement>('[data-testid="message-retry"]');
    expect(retries).toHaveLength(1);
    expect(document.body.textContent).toContain('Mijn IND was niet bereikbaar');
    expect(document.body.textContent).toContain('Dit dossier heeft deze partij niet');
    act(() => retries[0]?.click());
    await flush();
    expect(sent).toEqual([{ name: 'message.retryDelivery', args: { messageId: 'm1' } }]);
  });
});

function type(testId: string, value: string): void {
  const field = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-testid="${testId}"]`);
  if (!field) throw new Error(`no ${testId}`);
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set;
  act(() => {
    setter?.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const send = () => document.querySelector<HTMLButtonElement>('[data-testid="composer-send"]');

describe('Composer', () => {
  const props = {
    caseId: '5b1e6b2a-0000-4000-8000-000000000009', counterparts: [{ counterpart: 'applicant' as const, name: 'Amina Yusuf', language: 'nl' as const }],
    documents: [], onSent: () => undefined,
  };

  it('sends a new conversation with its counterpart and subject', async () => {
    mount(withApi(createElement(Composer, { ...props, target: { threadId: null, counterpart: null } })), dom.i18n());
    await flush();
    expect(send()?.disabled).toBe(true);
    type('composer-subject', 'Uw verblijfsvergunning');
    type('composer-body', '  Wij hebben uw stukken ontvangen.  ');
    expect(send()?.disabled).toBe(false);
    act(() => send()?.click());
    await flush();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.name).toBe('message.send');
    expect(sent[0]?.args).toMatchObject({
      caseId: props.caseId, body: 'Wij hebben uw stukken ontvangen.', newThread: { subject: 'Uw verblijfsvergunning', counterpart: 'applicant' },
    });
    expect(sent[0]?.args['threadId']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0]?.args).not.toHaveProperty('attachments');
  });

  it('keeps the text when the outbox refuses it, and after being unmounted and mounted again', async () => {
    refuse = true;
    const target = { threadId: thread.id, counterpart: 'applicant' as const };
    const first = mount(withApi(createElement(Composer, { ...props, target })), dom.i18n());
    await flush();
    type('composer-body', 'Een antwoord dat niet verloren mag gaan.');
    act(() => send()?.click());
    await flush();
    expect(document.querySelector<HTMLTextAreaElement>('[data-testid="composer-body"]')?.value).toBe('Een antwoord dat niet verloren mag gaan.');
    expect(document.body.textContent).toContain('weigerde dit verzoek als ongeldig');
    act(() => first.root.unmount());
    mount(withApi(createElement(Composer, { ...props, target })), dom.i18n());
    await flush();
    expect(document.querySelector<HTMLTextAreaElement>('[data-testid="composer-body"]')?.value).toBe('Een antwoord dat niet verloren mag gaan.');
  });
});

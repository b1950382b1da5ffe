import { MantineProvider } from '@mantine/core';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { SyncStatus, WerkbankApi } from '../../../src/shared/contract';
import { SyncIndicator } from '../../../src/renderer/src/components/SyncIndicator';
import { createI18n } from '../../../src/renderer/src/i18n';
import { ApiProvider } from '../../../src/renderer/src/state/api';
import { RowSyncState } from '../../../src/renderer/src/sync/RowSyncState';
import { theme } from '../../../src/renderer/src/theme';

/** Renders a component as the app would (theme, i18n, bridge), to static HTML. */
async function render(element: ReactElement, language: 'nl' | 'en' = 'nl'): Promise<string> {
  const i18n = await createI18n(language);
  // The components only read from the bridge when a button is pressed; none is pressed here.
  const api = {} as WerkbankApi;
  return renderToStaticMarkup(
    createElement(MantineProvider, { theme },
      createElement(I18nextProvider, { i18n },
        createElement(ApiProvider, { api, children: element }))),
  );
}

const base: SyncStatus = { state: 'online', lastSyncAt: null, pending: 0, conflicts: 0 };

describe('sync indicator', () => {
  it('is a status region with the state, the pending count and a "sync now" button', async () => {
    const html = await render(createElement(SyncIndicator, { status: { ...base, pending: 2 }, canSync: true }));
    expect(html).toContain('role="status"');
    expect(html).toContain('Online');
    expect(html).toContain('2 wijzigingen wachten');
    expect(html).toContain('aria-label="Nu synchroniseren"');
    expect(html).not.toContain('sync-conflicts-link');
    expect(html).not.toContain('role="progressbar"');
  });

  it('links to the conflicts screen and shows refused changes', async () => {
    const html = await render(createElement(SyncIndicator, { status: { ...base, conflicts: 3, failed: 1 }, canSync: true }), 'en');
    expect(html).toMatch(/href="#\/conflicts"[^>]*aria-label="View 3 conflicts"/);
    expect(html).toContain('1 change refused');
  });

  it('shows a labelled progress bar while bootstrapping, and no "sync now" without a central API', async () => {
    const html = await render(createElement(SyncIndicator, { status: { ...base, state: 'syncing', bootstrapReceived: 120 }, canSync: false }));
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-label="Voortgang ophalen werkvoorraad"');
    expect(html).toContain('aria-valuetext="Werkvoorraad ophalen: 120 ontvangen"');
    expect(html).not.toContain('Nu synchroniseren');
  });
});

describe('row sync state', () => {
  it('names each state for screen readers, and shows nothing for a synced row', async () => {
    expect(await render(createElement(RowSyncState, { state: 'queued' }))).toContain('aria-label="Wacht op verzending"');
    expect(await render(createElement(RowSyncState, { state: 'conflict' }), 'en')).toContain('aria-label="Conflict: someone else changed');
    const synced = await render(createElement(RowSyncState, { state: null }));
    expect(synced).toContain('data-sync-state="synced"');
    expect(synced).not.toContain('role="img"');
  });
});

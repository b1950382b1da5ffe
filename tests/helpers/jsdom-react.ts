/**
 * React components in jsdom for renderer unit tests (files with `// @vitest-environment jsdom`):
 * what Mantine asks of the browser that jsdom lacks, the real i18n catalog, and mounting with
 * Mantine and i18n around the element, unmounted again after each test.
 */
import { MantineProvider } from '@mantine/core';
import { act, createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll } from 'vitest';
import { createI18n } from '../../src/renderer/src/i18n';

export type TestI18n = Awaited<ReturnType<typeof createI18n>>;

/** What mount() rendered in the running test file, unmounted after each test. */
const roots: Root[] = [];

/** Installs the jsdom shims and the catalog before the file's tests; `i18n()` gives the catalog. */
export function useReactDom(language: 'nl' | 'en' = 'nl'): { i18n: () => TestI18n } {
  let i18n: TestI18n | null = null;
  beforeAll(async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    // jsdom has neither; Mantine asks for both.
    window.matchMedia ??= (query: string) => ({
      matches: false, media: query, onchange: null, addListener: () => undefined, removeListener: () => undefined,
      addEventListener: () => undefined, removeEventListener: () => undefined, dispatchEvent: () => false,
    });
    // Mantine's autosizing textarea listens for web fonts loading; jsdom loads none.
    if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });
    // jsdom lays nothing out, so it has no scrolling either.
    Element.prototype.scrollIntoView ??= function scrollIntoView(): void { /* nothing to scroll in jsdom */ };
    globalThis.ResizeObserver ??= class { observe(): void { /* nothing to observe in jsdom */ } unobserve(): void { /* idem */ } disconnect(): void { /* idem */ } };
    i18n = await createI18n(language);
  });
  afterEach(() => {
    act(() => { for (const root of roots.splice(0)) root.unmount(); });
    document.body.innerHTML = '';
  });
  return {
    i18n: () => {
      if (!i18n) throw new Error('useReactDom: the catalog is loaded in beforeAll');
      return i18n;
    },
  };
}

/** The element inside Mantine and the catalog. */
export function withProviders(element: ReactElement, i18n: TestI18n): ReactElement {
  return createElement(MantineProvider, { env: 'test' }, createElement(I18nextProvider, { i18n }, element));
}

/** Renders the element (with providers) into a new container; unmounted after the test. */
export function mount(element: ReactElement, i18n: TestI18n): { root: Root; container: HTMLElement } {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  roots.push(root);
  act(() => root.render(withProviders(element, i18n)));
  return { root, container };
}

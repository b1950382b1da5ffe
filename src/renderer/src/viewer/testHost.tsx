/**
 * Test-only page entry for DocumentViewer: bundled on the fly by tests/e2e/viewer.spec.ts and served
 * through its harness; the app never imports it, so it is not part of any build. It renders the real
 * component with the real i18n catalog and records every callback in window.viewerHostEvents, and
 * exposes window.viewerHost so the test can change the component's props.
 */
import '../zod-setup';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../i18n';
import { DocumentViewer } from './DocumentViewer';

type HostEvent = { type: string } & Record<string, unknown>;
interface HostControls {
  open(url: string): Promise<void>;
  close(): void;
  goToPage(page: number): void;
  search(query: string): void;
  setLanguage(language: 'nl' | 'en'): Promise<void>;
}
interface HostWindow {
  viewerHostEvents: HostEvent[];
  viewerHost?: HostControls;
}
const host = window as unknown as HostWindow;
host.viewerHostEvents = [];
const record = (event: HostEvent): void => {
  host.viewerHostEvents.push(event);
};

function Host({ setLanguage }: { setLanguage: (language: 'nl' | 'en') => Promise<void> }): React.JSX.Element {
  const [bytes, setBytes] = useState<ArrayBuffer | null>(null);
  const [page, setPage] = useState<number | undefined>(undefined);
  const [query, setQuery] = useState<string | undefined>(undefined);
  useEffect(() => {
    host.viewerHost = {
      async open(url) {
        setBytes(await (await fetch(url)).arrayBuffer());
      },
      close: () => setBytes(null),
      goToPage: (next) => setPage(next),
      search: (next) => setQuery(next),
      setLanguage,
    };
  }, [setLanguage]);
  return (
    <main style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
      <h1 style={{ fontSize: 16, margin: 4 }}>DocumentViewer host</h1>
      <div style={{ flex: 1 }}>
        <DocumentViewer
          bytes={bytes}
          page={page}
          searchQuery={query}
          onOpen={(pageCount) => record({ type: 'open', pageCount })}
          onError={(kind) => record({ type: 'error', kind })}
          onPageChange={(current, pageCount) => record({ type: 'page', page: current, pageCount })}
          onSearchHits={(result) => record({ type: 'hits', query: result.query, total: result.total, current: result.current })}
          onClose={() => record({ type: 'close' })}
        />
      </div>
    </main>
  );
}

async function start(): Promise<void> {
  const i18n = await createI18n('nl', (language) => {
    document.documentElement.lang = language;
  });
  const setLanguage = async (language: 'nl' | 'en'): Promise<void> => {
    await i18n.changeLanguage(language);
  };
  const container = document.getElementById('root');
  if (!container) throw new Error('host page has no #root');
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <Host setLanguage={setLanguage} />
      </I18nextProvider>
    </StrictMode>,
  );
  document.documentElement.dataset.hostReady = 'true';
}

void start();

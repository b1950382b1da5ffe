/**
 * Start-up: make sure window.werkbank exists (preload or preview bridge), ask the host for app.info,
 * initialise i18n in the user's language, then render. Nothing renders before the bridge exists.
 */
// First: must run before any zod schema (the contract) is defined.
import './zod-setup';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { AppInfo, Language } from '../../shared/contract';
import { App } from './App';
import { setUpBridge } from './bridge';
import { connection } from './connection';
import { errorCodeOf, isConnectionLost, type UiErrorCode } from './errors';
import { createI18n, defaultLanguage } from './i18n';
import { NoBridgeScreen } from './screens/NoBridgeScreen';
import { ApiProvider } from './state/api';
import { cssVariablesResolver, theme } from './theme';

function keepDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
}

async function boot(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  const root = createRoot(container);
  const render = (children: ReactNode, i18n: Awaited<ReturnType<typeof createI18n>>): void => {
    root.render(
      <StrictMode>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <I18nextProvider i18n={i18n}>
            <Notifications position="bottom-right" />
            {children}
          </I18nextProvider>
        </MantineProvider>
      </StrictMode>,
    );
  };

  const setup = setUpBridge();
  const api = window.werkbank;
  if (setup === 'missing' || !api) {
    render(<NoBridgeScreen />, await createI18n(defaultLanguage, keepDocumentLanguage));
    document.documentElement.dataset.ready = 'error';
    document.documentElement.dataset.error = 'no_bridge';
    return;
  }

  let info: AppInfo | null = null;
  let infoErrorCode: UiErrorCode | null = null;
  try {
    info = await api.app.info();
  } catch (error) {
    infoErrorCode = errorCodeOf(error);
    if (isConnectionLost(error)) connection.setState('disconnected');
  }
  const i18n = await createI18n(info?.language ?? defaultLanguage, keepDocumentLanguage);
  render(
    <ApiProvider api={api}>
      <App info={info} infoErrorCode={infoErrorCode} />
    </ApiProvider>,
    i18n,
  );
}

void boot();

/** The `app` and `settings` calls: which workbench this is, and the user's language. */
import type { appCalls, settingsCalls } from '../../../shared/contract';
import type { HandlersOf, HostParts } from '../context';
import { readLanguage, writeLanguage } from './settings';

export function appHandlers(parts: HostParts): HandlersOf<typeof appCalls & typeof settingsCalls> {
  const { db } = parts.cache;
  const { serverUrl, appVersion } = parts.options;
  return {
    'app.info': () => ({
      environment: parts.environment,
      environmentName: parts.environment !== 'training' && serverUrl ? new URL(serverUrl).host : 'training',
      version: appVersion ?? '0.0.0',
      language: readLanguage(db),
    }),
    'settings.setLanguage': ({ language }) => {
      writeLanguage(db, language);
      return { language };
    },
  };
}

/** Contract of the `settings` namespace: what this workbench remembers of its user's choices. */
import { z } from 'zod';
import { defineCall } from '../rpc';
import { inNamespace, language } from './common';

export const settingsCalls = inNamespace('settings', {
  'settings.setLanguage': defineCall(
    z.object({ language }).strict(),
    z.object({ language }),
    'Remembers the user interface language.',
  ),
} as const);

/** Contract of the `app` namespace: which workbench this is. */
import { z } from 'zod';
import { defineCall } from '../rpc';
import { empty, inNamespace, language } from './common';

/** Where this workbench's data comes from: the embedded training environment or a central API. */
export const environmentKind = z.enum(['training', 'production', 'development']);

export const appInfo = z.object({
  environment: environmentKind,
  /** Shown in the top bar, e.g. "Training" or the central API's name. */
  environmentName: z.string(),
  version: z.string(),
  language,
});
export type AppInfo = z.infer<typeof appInfo>;

export const appCalls = inNamespace('app', {
  'app.info': defineCall(empty, appInfo, 'Environment, version and language of this workbench.'),
} as const);

/**
 * The user's (or their administrator's) configuration of the shell: which central API to use and
 * where updates come from. Read from environment variables first, then from config.json in the
 * user data folder. No central API configured means the embedded training environment.
 */
import { z } from 'zod';
import { updateChannel } from '../shared/updates';

/** Environment variables that override config.json. */
export const configEnvironment = {
  serverUrl: 'WERKBANK_SERVER_URL',
  updateUrl: 'WERKBANK_UPDATE_URL',
  updateChannel: 'WERKBANK_UPDATE_CHANNEL',
} as const;

const httpUrl = z.url({ protocol: /^https?$/ });

export const shellConfig = z.object({
  /** The central API; absent = training environment. The host refuses plain http: off loopback. */
  serverUrl: httpUrl.optional(),
  /** The update feed (electron-updater generic provider); https only. Absent = no update checks. */
  updateUrl: z.url({ protocol: /^https$/ }).optional(),
  /** Which releases this desk follows (src/main/updates.ts feedChannel). Absent = stable. */
  updateChannel: updateChannel.optional(),
}).strict();
export type ShellConfig = z.infer<typeof shellConfig>;

export type ConfigResult = { ok: true; config: ShellConfig } | { ok: false; problem: string };

/** Merges config.json (already read, or undefined when absent) with the environment; env wins. */
export function resolveConfig(fileText: string | undefined, environment: Readonly<Record<string, string | undefined>>): ConfigResult {
  let fromFile: unknown = {};
  if (fileText !== undefined) {
    try {
      fromFile = JSON.parse(fileText);
    } catch {
      return { ok: false, problem: 'config.json is not valid JSON' };
    }
  }
  const parsedFile = shellConfig.safeParse(fromFile);
  if (!parsedFile.success) {
    return { ok: false, problem: `config.json has invalid entries: ${parsedFile.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ')}` };
  }
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsedFile.data)) if (value !== undefined) merged[key] = value;
  for (const [key, variable] of Object.entries(configEnvironment)) {
    const value = environment[variable];
    if (value !== undefined && value !== '') merged[key] = value;
  }
  const parsed = shellConfig.safeParse(merged);
  if (!parsed.success) {
    return { ok: false, problem: `invalid configuration: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}` };
  }
  return { ok: true, config: parsed.data };
}

/**
 * The update state main pushes to the window (src/main/updates.ts), as part of the shell state
 * (src/shared/shell.ts). It is not a data-host contract call: the host knows nothing about updates.
 */
import { z } from 'zod';

/** The channels an installation can follow; `pilot` also receives every stable release (src/main/updates.ts feedChannel). */
export const updateChannels = ['stable', 'pilot'] as const;
export const updateChannel = z.enum(updateChannels);
export type UpdateChannel = z.infer<typeof updateChannel>;

const version = z.string().min(1).max(64);

export const updateStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('idle') }).strict(),
  z.object({ state: z.literal('checking') }).strict(),
  z.object({ state: z.literal('downloading'), version: version.optional(), percent: z.number().min(0).max(100).optional() }).strict(),
  z.object({ state: z.literal('ready'), version }).strict(),
]);
export type UpdateStatus = z.infer<typeof updateStatus>;

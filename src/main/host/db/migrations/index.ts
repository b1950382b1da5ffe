import { migration0001 } from './0001_initial';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration of the local cache, in order. Add a file per migration and list it here. */
export const migrations: readonly Migration[] = [migration0001];

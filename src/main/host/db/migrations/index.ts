import { migration0001 } from './0001_initial';
import { migration0002 } from './0002_sync_cache';
import { migration0003 } from './0003_server_rows_rowid';
import { migration0004 } from './0004_document_cache';
import { migration0005 } from './0005_work_queue';
import { migration0006 } from './0006_applied_letter_drafts';
import { migration0007 } from './0007_messages';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration of the local cache, in order. Add a file per migration and list it here. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007];

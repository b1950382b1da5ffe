import type { Migration } from './types';

/**
 * A letter draft the server has applied but whose row the next pull has not brought yet. The
 * outbox drops a save once it is applied; without this, a crash between that answer and the pull
 * would reopen the editor with older text than the caseworker saw saved, and their next save (their
 * own, so no conflict) would overwrite the newer text on the server. The pull of the letter's row
 * removes its entry.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'applied_letter_drafts',
  up(db) {
    db.exec(`
      CREATE TABLE applied_letter_drafts (
        letter_id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL,
        args TEXT NOT NULL,
        applied_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX applied_letter_drafts_case_idx ON applied_letter_drafts (case_id);
    `);
  },
};

import type { Migration } from './types';

/** The document cache's index: which verified files are on disk, their size and last use (LRU). */
export const migration0004: Migration = {
  version: 4,
  name: 'document_cache',
  up(db) {
    db.exec(`
      CREATE TABLE document_files (
        sha256 TEXT PRIMARY KEY NOT NULL,
        size INTEGER NOT NULL,
        last_used_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX document_files_lru_idx ON document_files (last_used_at);
    `);
  },
};

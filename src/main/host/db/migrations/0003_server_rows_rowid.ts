import type { Migration } from './types';

/**
 * server_rows becomes an ordinary rowid table with a unique (entity, id) index. As a WITHOUT
 * ROWID table its ~1 KB rows lived inside the primary-key b-tree, which SQLite advises against
 * for rows this large; measured, bootstrap writes took about twice as long.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'server_rows_rowid',
  up(db) {
    db.exec(`
      CREATE TABLE server_rows_new (
        entity TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        case_id TEXT,
        data TEXT NOT NULL
      ) STRICT;
      INSERT INTO server_rows_new (entity, id, version, case_id, data) SELECT entity, id, version, case_id, data FROM server_rows;
      DROP TABLE server_rows;
      ALTER TABLE server_rows_new RENAME TO server_rows;
      CREATE UNIQUE INDEX server_rows_key ON server_rows (entity, id);
      CREATE INDEX server_rows_case_idx ON server_rows (case_id, entity) WHERE case_id IS NOT NULL;
    `);
  },
};

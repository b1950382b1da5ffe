import type { Migration } from './types';

/**
 * The sync cache: server copies of every row the user may see, typed tables for the hot reads
 * (cases, parties, documents), the outbox, sync state, the conflicts inbox, parked inbound rows
 * and a full-text index over the fields caseworkers search by.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'sync_cache',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN penalty_amount_cents INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE cases ADD COLUMN decision TEXT;
      -- "My cases" list: the assignee first, then the same order as the full list, so no sort.
      CREATE INDEX cases_assignee_idx ON cases (assignee, deadline IS NULL, deadline, received_on);

      -- Every row as the server last sent it. Local edits never touch this table, so pending
      -- mutations can be re-applied on top of it after each pull (rebase).
      CREATE TABLE server_rows (
        entity TEXT NOT NULL,
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        case_id TEXT,
        data TEXT NOT NULL,
        PRIMARY KEY (entity, id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX server_rows_case_idx ON server_rows (case_id, entity) WHERE case_id IS NOT NULL;

      CREATE TABLE parties (
        id TEXT PRIMARY KEY NOT NULL,
        case_id TEXT NOT NULL,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        v_number TEXT,
        organisation TEXT
      ) STRICT;
      CREATE INDEX parties_case_idx ON parties (case_id, role);

      CREATE TABLE documents (
        id TEXT PRIMARY KEY NOT NULL,
        case_id TEXT NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        media_type TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX documents_case_idx ON documents (case_id);

      -- What the user did and the server has not yet answered (or refused). Written in the same
      -- transaction as the optimistic change, so a kill never loses or duplicates an action.
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        client_mutation_id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        args TEXT NOT NULL,
        base TEXT NOT NULL,
        case_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed', 'conflict')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        error_code TEXT,
        queued_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outbox_state_idx ON outbox (state, seq);
      CREATE INDEX outbox_case_idx ON outbox (case_id, state) WHERE case_id IS NOT NULL;

      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        user_id TEXT,
        cursor TEXT,
        bootstrapped INTEGER NOT NULL DEFAULT 0,
        last_sync_at TEXT,
        last_online_sign_in_at TEXT,
        scope TEXT
      ) STRICT;
      INSERT INTO sync_state (id) VALUES (1);

      CREATE TABLE conflicts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        client_mutation_id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        args TEXT NOT NULL,
        base TEXT NOT NULL,
        case_id TEXT,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        fields TEXT NOT NULL,
        server TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;

      -- Inbound rows this version cannot apply (failed validation): kept and replayed after an
      -- update, never dropped.
      CREATE TABLE parked (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        case_id TEXT,
        change TEXT NOT NULL,
        reason TEXT NOT NULL,
        parked_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX parked_entity_idx ON parked (entity, entity_id);

      -- rowid = the case's rowid, so one case's entry is replaced by a rowid lookup.
      CREATE VIRTUAL TABLE cases_search USING fts5(
        case_number, applicant_name, v_number, sponsor,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};

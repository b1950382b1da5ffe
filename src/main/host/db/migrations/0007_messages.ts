import type { Migration } from './types';

/**
 * The messages feature's read models (src/main/host/messages/projector.ts), kept by a projector in
 * the transaction that applies a pulled page or queues an action:
 * - `message_index`: one row per message of the cache plus this workbench's queued ones, with the
 *   columns search results and notifications need; its rowid is the message's `messages_search` rowid.
 *   `signature` (versions, or the outbox seq of a queued one) says when its entry must be rewritten.
 * - `messages_search`: full-text index over thread subject and body, like `cases_search`.
 * - `unread_messages`: per case, the inbound messages the cache's user has not read (their queued
 *   readings counted); only cases with some, so the total is a sum over a small table.
 * - `cases.unread`: the same count on the queue's row, so the queue reads no second table.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'messages',
  up(db) {
    db.exec(`
      CREATE TABLE message_index (
        id TEXT NOT NULL UNIQUE,
        case_id TEXT NOT NULL,
        thread_id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('inbound', 'outbound')),
        sent_at TEXT NOT NULL,
        subject TEXT NOT NULL,
        signature TEXT NOT NULL
      ) STRICT;
      CREATE INDEX message_index_case_idx ON message_index (case_id);
      CREATE INDEX message_index_sent_idx ON message_index (sent_at);
      CREATE VIRTUAL TABLE messages_search USING fts5(
        subject, body,
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TABLE unread_messages (
        case_id TEXT PRIMARY KEY,
        count INTEGER NOT NULL CHECK (count > 0)
      ) STRICT, WITHOUT ROWID;
      ALTER TABLE cases ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;
    `);
  },
};

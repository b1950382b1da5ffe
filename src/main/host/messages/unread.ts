/**
 * The unread badge: a sum over the projector's `unread_messages`, which holds only cases with
 * unread messages, so it costs the same for 100 cases as for 100,000.
 */
import type Database from 'better-sqlite3';

export class UnreadReader {
  private readonly statement;

  constructor(sqlite: Database.Database) {
    this.statement = sqlite.prepare('SELECT coalesce(sum(count), 0) AS total, count(*) AS cases FROM unread_messages');
  }

  totals(): { total: number; cases: number } {
    return this.statement.get() as { total: number; cases: number };
  }
}

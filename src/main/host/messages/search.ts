/**
 * Full-text search over the messages of the cache (the projector's `messages_search`): every word
 * a prefix, quoted as the case search quotes it so FTS5 syntax in the query is only text. A hit's
 * snippet comes with the offsets of its marks instead of markup, so the renderer never parses HTML.
 */
import type Database from 'better-sqlite3';
import type { MessageSearchHit } from '../../../shared/contract';
import { searchExpression } from '../cases/store';
import { markClose, markOpen } from './projector';

interface HitRow {
  messageId: string;
  threadId: string;
  caseId: string;
  caseNumber: string | null;
  subject: string;
  direction: 'inbound' | 'outbound';
  sentAt: string;
  snippet: string;
}

/** A snippet with its marker characters taken out, and where they were. */
export function marksOf(marked: string): { snippet: string; marks: [number, number][] } {
  let snippet = '';
  const marks: [number, number][] = [];
  let open: number | null = null;
  for (const character of marked) {
    if (character === markOpen) open = snippet.length;
    else if (character === markClose) {
      if (open !== null && snippet.length > open) marks.push([open, snippet.length]);
      open = null;
    } else snippet += character;
  }
  return { snippet, marks };
}

export class MessageSearch {
  private readonly statements;

  constructor(sqlite: Database.Database) {
    const columns = `i.id AS messageId, i.thread_id AS threadId, i.case_id AS caseId,
        (SELECT json_extract(c.data, '$.caseNumber') FROM server_rows c WHERE c.entity = 'case' AND c.id = i.case_id) AS caseNumber,
        i.subject, i.direction, i.sent_at AS sentAt,
        snippet(messages_search, 1, '${markOpen}', '${markClose}', '…', 24) AS snippet`;
    this.statements = {
      all: sqlite.prepare(`SELECT ${columns} FROM messages_search JOIN message_index i ON i.rowid = messages_search.rowid
        WHERE messages_search MATCH @expression ORDER BY i.sent_at DESC, i.id LIMIT @limit`),
      // One case has few messages: CROSS JOIN walks them by the case index and asks the index about
      // each, instead of collecting every match of a common word in the whole cache first.
      ofCase: sqlite.prepare(`SELECT ${columns} FROM message_index i CROSS JOIN messages_search
        WHERE i.case_id = @caseId AND messages_search.rowid = i.rowid AND messages_search MATCH @expression
        ORDER BY i.sent_at DESC, i.id LIMIT @limit`),
    };
  }

  search(query: string, limit: number, caseId?: string): MessageSearchHit[] {
    const expression = searchExpression(query);
    if (expression === null) return [];
    const rows = (caseId === undefined
      ? this.statements.all.all({ expression, limit })
      : this.statements.ofCase.all({ expression, limit, caseId })) as HitRow[];
    return rows.map(({ snippet, caseNumber, ...row }) => ({ ...row, caseNumber: caseNumber ?? '', ...marksOf(snippet) }));
  }
}

/** Migration 0008: messages sent before delivery was tracked are delivered; the one recorded reading becomes a message_reads row; clients get both. */
import { PGlite } from '@electric-sql/pglite';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { entitySchemas } from '../../../src/shared/sync';

const folder = join(__dirname, '../../../src/server/db/migrations');
const files = readdirSync(folder).filter((name) => name.endsWith('.sql')).sort();
const client = new PGlite();
afterAll(() => client.close());

describe('migration 0008: message delivery and reads', () => {
  it('backfills delivery and reads and republishes them for sync', async () => {
    for (const file of files.filter((name) => name < '0008')) await client.exec(readFileSync(join(folder, file), 'utf8'));
    await client.exec(`
      INSERT INTO teams (id, name) VALUES ('t', 'Team');
      INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES ('u', 'u', 'U', 'caseworker', 'x', now());
      INSERT INTO cases (id, case_number, case_type, regime, status, team_id, received_on, created_at, updated_at)
        VALUES ('c', 'IND-1', 'study', 'regular_study', 'in_progress', 't', '2026-01-05', now(), now());
      INSERT INTO message_threads (id, case_id, subject, counterpart, created_at) VALUES ('th', 'c', 'S', 'applicant', now());
      INSERT INTO messages (id, thread_id, case_id, direction, author_id, body, sent_at, read_at, read_by) VALUES
        ('out', 'th', 'c', 'outbound', 'u', 'Antwoord', '2026-01-06T10:00:00Z', NULL, NULL),
        ('read', 'th', 'c', 'inbound', NULL, 'Vraag', '2026-01-05T10:00:00Z', '2026-01-05T11:30:00Z', 'u'),
        ('unread', 'th', 'c', 'inbound', NULL, 'Nog een vraag', '2026-01-07T10:00:00Z', NULL, NULL);
    `);
    for (const id of ['out', 'read', 'unread']) {
      await client.query(`INSERT INTO sync_rows (entity, id, seq, version, case_id, team_id, data)
        SELECT 'message', m.id, nextval('sync_seq'), 1, m.case_id, 't', jsonb_build_object('id', m.id, 'threadId', m.thread_id, 'caseId', m.case_id,
          'direction', m.direction, 'authorId', m.author_id, 'body', m.body, 'sentAt', to_char(m.sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'readAt', CASE WHEN m.read_at IS NULL THEN NULL ELSE to_char(m.read_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') END, 'readBy', m.read_by, 'version', 1)
        FROM messages m WHERE m.id = $1`, [id]);
    }
    await client.exec(readFileSync(join(folder, files.find((name) => name.startsWith('0008')) ?? ''), 'utf8'));

    const stored = (await client.query<{ id: string; delivery: string | null; delivered_at: Date | null; version: number }>(
      'SELECT id, delivery, delivered_at, version FROM messages ORDER BY id')).rows;
    expect(stored.map((row) => [row.id, row.delivery, row.delivered_at?.toISOString() ?? null, row.version])).toEqual([
      ['out', 'delivered', '2026-01-06T10:00:00.000Z', 2], ['read', null, null, 1], ['unread', null, null, 1],
    ]);
    const reads = (await client.query<{ message_id: string; user_id: string; read_at: Date }>('SELECT message_id, user_id, read_at FROM message_reads')).rows;
    expect(reads.map((row) => [row.message_id, row.user_id, row.read_at.toISOString()])).toEqual([['read', 'u', '2026-01-05T11:30:00.000Z']]);

    const published = (await client.query<{ entity: string; id: string; seq: number | null; version: number; team_id: string; data: Record<string, unknown> }>(
      'SELECT entity, id, seq, version, team_id, data FROM sync_rows ORDER BY entity, id')).rows;
    const out = published.find((row) => row.id === 'out');
    // Unsealed again, so the sealer stamps it after every row clients already have.
    expect(out).toMatchObject({ seq: null, version: 2 });
    expect(entitySchemas.message.parse(out?.data)).toMatchObject({ delivery: 'delivered', deliveredAt: '2026-01-06T10:00:00.000Z', attachments: [], version: 2 });
    expect(entitySchemas.message.parse(published.find((row) => row.id === 'unread')?.data)).toMatchObject({ delivery: null, readAt: null });
    const read = published.find((row) => row.entity === 'messageRead');
    expect(read).toMatchObject({ seq: null, team_id: 't' });
    expect(entitySchemas.messageRead.parse(read?.data)).toMatchObject({ messageId: 'read', userId: 'u', caseId: 'c', readAt: '2026-01-05T11:30:00.000Z' });
  });
});

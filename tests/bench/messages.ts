/**
 * npx tsx tests/bench/messages.ts — the messages read models (issue #16) on the queue bench's cache
 * of BENCH_MESSAGES_CASES (default 100,000) open cases, a third of them with a thread of three
 * messages (two inbound, one read by the bench user). Prints JSON lines:
 *   {"bench":"messages","metric","value","unit"}
 * for pulling the messages in after the first filling (per 1,000 rows), rebuilding every read model
 * at the end of a bulk fill, and p50/p95 of messages.unread and messages.search. Goals (reported,
 * never asserted): unread ≤ 5 ms and ≤ 3× its floor (the same sum read raw from better-sqlite3,
 * same run), search ≤ 20 ms at p95.
 *
 * Then the browser half (messages-inbound.ts): an inbound message from the intake to the screen,
 * with the poke channel and with polling only, and opening a thread of 200 messages.
 * BENCH_MESSAGES_SKIP_BROWSER=1 prints the read-model figures only.
 */
import { randomUUID } from 'node:crypto';
import { openCache } from '../../src/main/host/db/open';
import { MessageSearch } from '../../src/main/host/messages/search';
import { MessagesProjector } from '../../src/main/host/messages/projector';
import { UnreadReader } from '../../src/main/host/messages/unread';
import { InboundStore } from '../../src/main/host/sync/inbound';
import type { SyncChange } from '../../src/shared/sync';
import { entityRow } from '../helpers/entity-rows';
import { tempDir } from '../helpers/temp-dir';
import { measureInbound } from './messages-inbound';
import { fillQueueCache } from './queue-data';

const openCases = Number(process.env['BENCH_MESSAGES_CASES'] ?? 100_000);
const runs = 200;
const words = ['verblijfsvergunning', 'paspoort', 'afspraak', 'vingerafdrukken', 'werkgever', 'inkomen', 'huurcontract', 'legeskosten', 'termijn', 'bezwaar'];

function emit(metric: string, value: number, unit: string, floor?: number): void {
  const line: Record<string, unknown> = { bench: 'messages', metric, value: Math.round(value * 1000) / 1000, unit };
  if (floor !== undefined) line['floor'] = Math.round(floor * 1000) / 1000;
  console.log(JSON.stringify(line));
}

function percentiles(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((left, right) => left - right);
  return { p50: sorted[Math.floor(sorted.length * 0.5)] ?? 0, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0 };
}

function time(action: () => void): number[] {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    action();
    samples.push(performance.now() - started);
  }
  return samples;
}

const dir = tempDir('werkbank-messages-bench-');
try {
  const data = fillQueueCache(dir.path, { openCases, decidedCases: 0, today: '2026-03-02' });
  const cache = openCache({ file: data.file });
  const inbound = new InboundStore(cache.sqlite, () => data.userId, () => data.today);
  const caseIds = cache.sqlite.prepare('SELECT id FROM cases ORDER BY rowid').pluck().all() as string[];
  let version = 1;
  const upsert = (entity: SyncChange['entity'], id: string, caseId: string, fields: Record<string, unknown>): SyncChange =>
    ({ kind: 'upsert', entity, id, version: version++, caseId, data: entityRow(entity, { id, caseId, ...fields }) });
  let changes: SyncChange[] = [];
  let rows = 0;
  let applying = 0;
  const flush = () => {
    const started = performance.now();
    inbound.applyPage({ changes, nextCursor: String(version), hasMore: false }, '2026-03-02T08:00:00.000Z');
    applying += performance.now() - started;
    rows += changes.length;
    changes = [];
  };
  caseIds.forEach((caseId, index) => {
    if (index % 3 !== 0) return;
    const threadId = randomUUID();
    const body = (offset: number) => `Beste, hierbij mijn ${words[(index + offset) % words.length]} en de ${words[(index + offset + 3) % words.length]}.`;
    const first = randomUUID();
    changes.push(
      upsert('messageThread', threadId, caseId, { subject: `Vraag over uw ${words[index % words.length]}`, counterpart: 'applicant' }),
      upsert('message', first, caseId, { threadId, direction: 'inbound', body: body(0), sentAt: '2026-02-20T10:00:00.000Z' }),
      upsert('message', randomUUID(), caseId, { threadId, direction: 'outbound', authorId: data.userId, body: body(1), sentAt: '2026-02-21T10:00:00.000Z', delivery: 'delivered' }),
      upsert('message', randomUUID(), caseId, { threadId, direction: 'inbound', body: body(2), sentAt: '2026-02-22T10:00:00.000Z' }),
      upsert('messageRead', randomUUID(), caseId, { messageId: first, userId: data.userId }),
    );
    if (changes.length >= 1000) flush();
  });
  if (changes.length > 0) flush();
  emit('pull_messages_per_1000_rows', (applying / rows) * 1000, 'ms');
  emit('message_rows', rows, 'rows');

  const projector = new MessagesProjector(cache.sqlite, () => data.userId);
  const started = performance.now();
  cache.sqlite.transaction(() => projector.finishBulk())();
  emit('finish_bulk_rebuild', performance.now() - started, 'ms');

  const unread = new UnreadReader(cache.sqlite);
  emit('unread_total', unread.totals().total, 'messages');
  const unreadTimes = percentiles(time(() => unread.totals()));
  const rawSum = cache.sqlite.prepare('SELECT coalesce(sum(count), 0), count(*) FROM unread_messages').raw();
  const floorTimes = percentiles(time(() => rawSum.get()));
  emit('unread_p50', unreadTimes.p50, 'ms', floorTimes.p50);
  emit('unread_p95', unreadTimes.p95, 'ms', floorTimes.p95);
  const search = new MessageSearch(cache.sqlite);
  const searchTimes = percentiles(time(() => search.search('vingerafdr paspo', 50)));
  emit('search_hits', search.search('vingerafdr paspo', 50).length, 'hits');
  emit('search_p50', searchTimes.p50, 'ms');
  emit('search_p95', searchTimes.p95, 'ms');
  const caseSearch = percentiles(time(() => search.search('afspraak', 50, caseIds[3] ?? '')));
  emit('search_one_case_p95', caseSearch.p95, 'ms');
  cache.sqlite.close();
} finally {
  dir.remove?.();
}

if (process.env['BENCH_MESSAGES_SKIP_BROWSER'] !== '1') {
  measureInbound(emit).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

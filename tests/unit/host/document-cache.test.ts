import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type OpenedCache } from '../../../src/main/host/db/open';
import { DocumentCache } from '../../../src/main/host/documents/cache';
import { CentralApiError, type CentralApi } from '../../../src/main/host/sync/api-client';
import { tempDir } from '../../helpers/temp-dir';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pdf = (label: string, size = 100) => Buffer.from(`%PDF-1.4 ${label} `.padEnd(size, '.'));

let dir: ReturnType<typeof tempDir>;
let cache: OpenedCache;
let served: Map<string, Uint8Array>;
let downloads: string[];
let online: boolean;
let clock: number;

function fakeApi(): CentralApi {
  return {
    documentContent: async (_token: string, id: string) => {
      if (!online) throw new CentralApiError('network', 'offline');
      downloads.push(id);
      const bytes = served.get(id);
      if (!bytes) throw new CentralApiError('refused', 'not found', 404);
      return bytes;
    },
  } as unknown as CentralApi;
}

function documentCache(capBytes = 1000): DocumentCache {
  return new DocumentCache({
    sqlite: cache.sqlite, folder: join(dir.path, 'documents'), api: fakeApi(), capBytes,
    authorised: (call) => call('token'), now: () => new Date(clock++ * 1000),
  });
}

/** A document row whose SHA-256 is that of `bytes` (what the server says it is). */
function addDocument(id: string, caseId: string, bytes: Uint8Array, deadline = '2026-05-01'): void {
  cache.sqlite.prepare(`INSERT OR IGNORE INTO cases (id, case_number, applicant_name, v_number, case_type, regime, status, received_on, deadline, updated_at)
    VALUES (?, ?, 'A', '0012345678', 'study', 'regular', 'intake', '2026-01-01', ?, '2026-01-01T00:00:00Z')`).run(caseId, caseId, deadline);
  cache.sqlite.prepare(`INSERT INTO documents (id, case_id, title, kind, media_type, sha256, size) VALUES (?, ?, 'Passport', 'passport', 'application/pdf', ?, ?)`)
    .run(id, caseId, sha(bytes), bytes.byteLength);
  served.set(id, bytes);
}

beforeEach(() => {
  dir = tempDir();
  cache = openCache({ file: join(dir.path, 'cache.sqlite') });
  served = new Map();
  downloads = [];
  online = true;
  clock = 1;
});
afterEach(() => {
  cache.sqlite.close();
  dir.remove();
});

describe('document cache', () => {
  it('downloads once, verifies, and opens offline afterwards', async () => {
    const documents = documentCache();
    addDocument('d1', 'c1', pdf('one'));
    expect(documents.has('d1')).toBe(false);
    const first = await documents.open('d1');
    expect(Buffer.from(first.bytes).toString()).toContain('one');
    online = false;
    const again = await documents.open('d1');
    expect(again.sha256).toBe(first.sha256);
    expect(downloads).toEqual(['d1']);
    expect(documents.has('d1')).toBe(true);
  });

  it('keeps nothing that does not hash to the document\'s SHA-256', async () => {
    const documents = documentCache();
    addDocument('d1', 'c1', pdf('one'));
    served.set('d1', pdf('tampered'));
    await expect(documents.open('d1')).rejects.toMatchObject({ code: 'unavailable', details: { reason: 'sha256_mismatch' } });
    expect(readdirSync(join(dir.path, 'documents'))).toEqual([]);
    expect(documents.usedBytes()).toBe(0);
  });

  it('fetches again when the file on disk was damaged', async () => {
    const documents = documentCache();
    const bytes = pdf('one');
    addDocument('d1', 'c1', bytes);
    await documents.open('d1');
    writeFileSync(join(dir.path, 'documents', sha(bytes)), 'garbage');
    await documents.open('d1');
    expect(downloads).toEqual(['d1', 'd1']);
  });

  it('evicts the least recently used files beyond the size cap', async () => {
    const documents = documentCache(250);
    for (const id of ['d1', 'd2', 'd3']) addDocument(id, `case-${id}`, pdf(id));
    await documents.open('d1');
    await documents.open('d2');
    await documents.open('d1'); // d2 is now the least recently used
    await documents.open('d3');
    expect(documents.usedBytes()).toBeLessThanOrEqual(250);
    expect(documents.has('d1')).toBe(true);
    expect(documents.has('d2')).toBe(false);
    expect(documents.has('d3')).toBe(true);
    expect(existsSync(join(dir.path, 'documents', sha(pdf('d2'))))).toBe(false);
  });

  it('prefetches the documents of the first cases of the queue only', async () => {
    const documents = documentCache(10_000);
    addDocument('urgent', 'c-urgent', pdf('u'), '2026-03-01');
    addDocument('later', 'c-later', pdf('l'), '2026-09-01');
    addDocument('middle', 'c-middle', pdf('m'), '2026-05-01');
    expect(await documents.prefetch(2)).toBe(2);
    expect(downloads.sort()).toEqual(['middle', 'urgent']);
    expect(await documents.prefetch(2)).toBe(0);
  });

  it('says a document that was never fetched is not available offline', async () => {
    const documents = documentCache();
    addDocument('d1', 'c1', pdf('one'));
    online = false;
    await expect(documents.open('d1')).rejects.toMatchObject({ code: 'unavailable' });
    await expect(documents.open('missing')).rejects.toMatchObject({ code: 'not_found' });
  });
});

/**
 * The document cache (docs/architecture.md, "Documents"): PDFs fetched on demand, verified by SHA-256, kept as
 * files named by their hash under a size cap with least-recently-used eviction; the documents of
 * the first cases of the queue are prefetched so they open offline. A file that does not hash to
 * what the document row says is never kept.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { RpcError } from '../../../shared/rpc';
import type { CentralApi } from '../sync/api-client';

export interface DocumentCacheOptions {
  sqlite: Database.Database;
  /** Folder of the files; created when missing. */
  folder: string;
  api: CentralApi;
  /** Runs an authenticated request (the session's one path for tokens and a 401). */
  authorised: <T>(call: (token: string) => Promise<T>) => Promise<T>;
  now: () => Date;
  /** Total bytes kept (default 2 GB). */
  capBytes?: number;
}

export interface CachedDocument {
  documentId: string;
  sha256: string;
  mediaType: string;
  bytes: Uint8Array;
}

interface DocumentMeta {
  id: string;
  caseId: string;
  sha256: string;
  size: number;
  mediaType: string;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

export class DocumentCache {
  private readonly cap: number;
  private readonly inFlight = new Map<string, Promise<Uint8Array>>();

  constructor(private readonly options: DocumentCacheOptions) {
    this.cap = options.capBytes ?? 2 * 1024 ** 3;
    mkdirSync(options.folder, { recursive: true });
  }

  private meta(documentId: string): DocumentMeta {
    const row = this.options.sqlite.prepare(
      'SELECT id, case_id AS caseId, sha256, size, media_type AS mediaType FROM documents WHERE id = ?',
    ).get(documentId) as DocumentMeta | undefined;
    if (!row || !sha256Pattern.test(row.sha256)) throw new RpcError('not_found', 'This document is not in the local cache.');
    return row;
  }

  private file(sha256: string): string {
    return join(this.options.folder, sha256);
  }

  /** Deletes every cached file (sign-out, user switch); the index rows go with the cache wipe. */
  removeAllFiles(): void {
    rmSync(this.options.folder, { recursive: true, force: true });
    mkdirSync(this.options.folder, { recursive: true });
    this.options.sqlite.prepare('DELETE FROM document_files').run();
  }

  /** Bytes held on disk now. */
  usedBytes(): number {
    return Number(this.options.sqlite.prepare('SELECT coalesce(sum(size), 0) FROM document_files').pluck().get());
  }

  /** True when the document's verified file is on disk. */
  has(documentId: string): boolean {
    const { sha256 } = this.meta(documentId);
    return this.options.sqlite.prepare('SELECT 1 FROM document_files WHERE sha256 = ?').pluck().get(sha256) !== undefined && existsSync(this.file(sha256));
  }

  /** The document's bytes: from disk when cached (and still intact), else downloaded and verified. */
  async open(documentId: string): Promise<CachedDocument> {
    const meta = this.meta(documentId);
    const bytes = this.readVerified(meta.sha256) ?? (await this.download(meta));
    this.touch(meta.sha256, bytes.byteLength);
    return { documentId, sha256: meta.sha256, mediaType: meta.mediaType, bytes };
  }

  private readVerified(sha256: string): Uint8Array | null {
    const path = this.file(sha256);
    if (!existsSync(path)) return null;
    const bytes = readFileSync(path);
    if (createHash('sha256').update(bytes).digest('hex') === sha256) return bytes;
    // Damaged on disk: forget it and fetch again.
    rmSync(path, { force: true });
    this.options.sqlite.prepare('DELETE FROM document_files WHERE sha256 = ?').run(sha256);
    return null;
  }

  private download(meta: DocumentMeta): Promise<Uint8Array> {
    const running = this.inFlight.get(meta.sha256);
    if (running) return running;
    const work = (async () => {
      const bytes = await this.options.authorised((token) => this.options.api.documentContent(token, meta.id, meta.size))
        .catch((error: unknown) => {
          throw this.offline(error);
        });
      if (createHash('sha256').update(bytes).digest('hex') !== meta.sha256) {
        throw new RpcError('unavailable', 'The document arrived damaged. Try again later.', { reason: 'sha256_mismatch' });
      }
      // Write under a temporary name, then rename: a kill never leaves a half file under the hash.
      const temporary = `${this.file(meta.sha256)}.${randomBytes(4).toString('hex')}.part`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, this.file(meta.sha256));
      return bytes;
    })().finally(() => this.inFlight.delete(meta.sha256));
    this.inFlight.set(meta.sha256, work);
    return work;
  }

  private offline(error: unknown): RpcError {
    if (error instanceof RpcError) return error;
    return new RpcError('unavailable', 'This document is not available offline yet. Open it again when you are online.');
  }

  /** Marks a file used now and evicts the least recently used files beyond the cap. */
  private touch(sha256: string, size: number): void {
    const { sqlite } = this.options;
    const evicted = sqlite.transaction(() => {
      sqlite.prepare(`INSERT INTO document_files (sha256, size, last_used_at) VALUES (?, ?, ?)
        ON CONFLICT (sha256) DO UPDATE SET last_used_at = excluded.last_used_at, size = excluded.size`)
        .run(sha256, size, this.options.now().toISOString());
      let used = this.usedBytes();
      const gone: string[] = [];
      const oldest = sqlite.prepare('SELECT sha256, size FROM document_files WHERE sha256 != ? ORDER BY last_used_at, sha256')
        .all(sha256) as { sha256: string; size: number }[];
      for (const candidate of oldest) {
        if (used <= this.cap) break;
        sqlite.prepare('DELETE FROM document_files WHERE sha256 = ?').run(candidate.sha256);
        used -= candidate.size;
        gone.push(candidate.sha256);
      }
      return gone;
    }).immediate();
    // Files go after the commit: a kill in between leaves only an unlisted file, never a listed missing one.
    for (const gone of evicted) rmSync(this.file(gone), { force: true });
  }

  /**
   * Downloads the documents of the first `caseCount` cases of the queue (the case list's order)
   * that are not on disk yet; failures are left for the next time. Returns how many it fetched.
   */
  async prefetch(caseCount: number): Promise<number> {
    const ids = this.options.sqlite.prepare(`SELECT d.id FROM documents d JOIN (
        SELECT id FROM cases ORDER BY deadline IS NULL, deadline, received_on LIMIT ?) c ON c.id = d.case_id`)
      .pluck().all(caseCount) as string[];
    let fetched = 0;
    for (const id of ids) {
      if (this.has(id)) continue;
      try {
        await this.open(id);
        fetched += 1;
      } catch {
        // Offline or refused: the next prefetch tries again.
      }
    }
    return fetched;
  }
}

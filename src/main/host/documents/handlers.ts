/** The `documents` calls: a case's documents (and whether each opens offline) and a document's verified bytes. */
import type Database from 'better-sqlite3';
import type { DocumentInfo, documentsCalls } from '../../../shared/contract';
import type { HandlersOf, HostParts } from '../context';
import { central } from '../session/access';
import type { SyncService } from '../sync/service';

/** The documents of a case with whether each is on disk. */
export function listDocuments(sqlite: Database.Database, caseId: string): { items: DocumentInfo[] } {
  const rows = sqlite.prepare(`SELECT d.id, d.case_id AS caseId, d.title, d.kind, d.media_type AS mediaType, d.sha256, d.size,
      f.sha256 IS NOT NULL AS cached FROM documents d LEFT JOIN document_files f ON f.sha256 = d.sha256
    WHERE d.case_id = ? ORDER BY d.title, d.id`).all(caseId) as (Omit<DocumentInfo, 'cached'> & { cached: number })[];
  return { items: rows.map((row) => ({ ...row, cached: row.cached === 1 })) };
}

/** A document's verified bytes; the read is recorded for the audit log. */
export async function openDocument(sync: SyncService, documentId: string): Promise<{ documentId: string; mediaType: string; sha256: string; bytes: Uint8Array }> {
  const document = await sync.documents.open(documentId);
  sync.engine.recordRead('document', documentId);
  return { documentId, mediaType: document.mediaType, sha256: document.sha256, bytes: document.bytes };
}

/**
 * The same bytes for the case screen to hold ahead of a click: fetching is not reading (as the
 * cache's own prefetch of the queue's documents is not), so no read is recorded here; the case
 * screen records it when the person shows the document.
 */
export async function prefetchDocument(sync: SyncService, documentId: string): Promise<{ documentId: string; mediaType: string; sha256: string; bytes: Uint8Array }> {
  const document = await sync.documents.open(documentId);
  return { documentId, mediaType: document.mediaType, sha256: document.sha256, bytes: document.bytes };
}

export function documentsHandlers(parts: HostParts): HandlersOf<typeof documentsCalls> {
  return {
    'documents.list': ({ caseId }) => listDocuments(central(parts.sync).options.sqlite, caseId),
    'documents.open': ({ documentId }) => openDocument(central(parts.sync), documentId),
    'documents.prefetch': ({ documentId }) => prefetchDocument(central(parts.sync), documentId),
  };
}

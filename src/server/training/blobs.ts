/**
 * The content-addressed blob store of a dataset: DIR/blobs/<sha256>.pdf, each distinct PDF written
 * once. Shared templates are built once per run and remembered by their (kind, variant) key.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuiltDocument } from './pdf/documents';

/** A stored PDF as a case's document refers to it. */
export type StoredBlob = { sha256: string; size: number; pageCount: number; imageOnlyPages: number };

export class BlobStore {
  private readonly written = new Set<string>();
  private readonly templates = new Map<string, StoredBlob>();
  bytesWritten = 0;

  constructor(private readonly folder: string) {
    mkdirSync(folder, { recursive: true });
  }

  /** Stores a built document unless identical bytes are already there. */
  put(document: BuiltDocument): StoredBlob {
    const sha256 = createHash('sha256').update(document.bytes).digest('hex');
    if (!this.written.has(sha256)) {
      writeFileSync(join(this.folder, `${sha256}.pdf`), document.bytes);
      this.written.add(sha256);
      this.bytesWritten += document.bytes.length;
    }
    return { sha256, size: document.bytes.length, pageCount: document.pageCount, imageOnlyPages: document.imageOnlyPages };
  }

  /** A shared template document: built the first time its key is asked for. */
  template(key: string, build: () => BuiltDocument): StoredBlob {
    let stored = this.templates.get(key);
    if (!stored) {
      stored = this.put(build());
      this.templates.set(key, stored);
    }
    return stored;
  }

  /** How many distinct PDFs were stored. */
  get count(): number {
    return this.written.size;
  }
}

/**
 * Parsed documents of the open case, kept in the viewing worker under the parent's key (the
 * document's id): switching back to a document, or to one the frame parsed while it had nothing
 * else to do, skips parsing and shows its page at once. Beyond the caps the least recently used is
 * destroyed; the rest goes with the frame when the case screen closes.
 */
import type { OpenDocument } from './pdf';

export interface KeptCaps {
  /** Documents kept at most. */
  count: number;
  /** Their file sizes together at most (a proxy for what pdf.js holds of them). */
  bytes: number;
}

export const defaultKeptCaps: KeptCaps = { count: 6, bytes: 64 * 1024 * 1024 };

export class KeptDocuments {
  private readonly entries = new Map<string, { document: OpenDocument; size: number }>();

  constructor(private readonly caps: KeptCaps = defaultKeptCaps) {}

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Room for another document of this file size without giving one up (a file over the size cap never fits). */
  hasRoomFor(size: number): boolean {
    return this.entries.size < this.caps.count && size <= this.caps.bytes;
  }

  /** Takes a document out to show it; null when none is kept under the key or its worker has ended. */
  take(key: string): OpenDocument | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    this.entries.delete(key);
    if (entry.document.usable()) return entry.document;
    void entry.document.destroy().catch(() => undefined);
    return null;
  }

  /** Keeps a document (the most recently used), destroying the least recently used beyond the caps. */
  put(key: string, document: OpenDocument, size: number): void {
    const previous = this.entries.get(key);
    this.entries.delete(key);
    if (previous && previous.document !== document) void previous.document.destroy().catch(() => undefined);
    if (!document.usable() || size > this.caps.bytes) {
      void document.destroy().catch(() => undefined);
      return;
    }
    this.entries.set(key, { document, size });
    let total = 0;
    for (const entry of this.entries.values()) total += entry.size;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.caps.count && total <= this.caps.bytes) break;
      this.entries.delete(oldest);
      total -= entry.size;
      void entry.document.destroy().catch(() => undefined);
    }
  }
}

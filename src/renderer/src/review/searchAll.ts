/**
 * Search across all documents of a case, over the page texts the viewer frame extracted: the same
 * matching as the search within a document (case-insensitive, whitespace collapsed), with a short
 * snippet around each hit so the person can tell the hits apart.
 */
import { foldCase, normaliseQuery } from '../../viewer/search';

export interface CaseSearchHit {
  documentId: string;
  page: number;
  /** Text around the hit: before, the hit, after. */
  snippet: [string, string, string];
}

/** Hits of at most this many are listed. */
export const maxCaseSearchHits = 500;

/** Every hit of `query` in the documents' pages, in the documents' order, then page, then position. */
export function searchAllDocuments(order: readonly string[], texts: ReadonlyMap<string, readonly string[]>, query: string): CaseSearchHit[] {
  const needle = normaliseQuery(query);
  const hits: CaseSearchHit[] = [];
  if (needle.length < 2) return hits;
  for (const documentId of order) {
    const pages = texts.get(documentId) ?? [];
    pages.forEach((text, index) => {
      const haystack = foldCase(text);
      for (let at = haystack.indexOf(needle); at >= 0 && hits.length < maxCaseSearchHits; at = haystack.indexOf(needle, at + needle.length)) {
        hits.push({
          documentId, page: index + 1,
          snippet: [text.slice(Math.max(0, at - 40), at).trimStart(), text.slice(at, at + needle.length), text.slice(at + needle.length, at + needle.length + 40).trimEnd()],
        });
      }
    });
  }
  return hits;
}

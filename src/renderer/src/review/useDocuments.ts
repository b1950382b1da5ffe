/**
 * The bytes and texts of a case's documents. The shown document is fetched through documents.open
 * (which records the read for the audit log); every document's text is read once, one at a time,
 * by the sandboxed viewer frame (pdf.js never runs in the app's own page), for the evidence
 * assistant and the search across documents. The case's own documents are read first.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReviewDocument, WerkbankApi } from '../../../shared/contract';
import { refuseBeforeParsing, type ViewerErrorKind } from '../../viewer/protocol';

export type DocumentFailure = ViewerErrorKind | 'unavailable';

/** The most document bytes a case screen keeps in memory (64 MiB). */
const keptBytesCap = 64 * 1024 * 1024;

/** Kinds that are shared templates (reports, statements): read after the case's own documents. */
const readLast: ReadonlySet<string> = new Set(['country_report', 'bank_statements', 'supporting_documents']);

/**
 * Why a document is refused from its declared size alone (over the viewer's size cap, or empty), so
 * its bytes are never fetched and decoded; null when it may be opened. The frame checks the real
 * bytes again, and the page cap once parsed.
 */
export function refusalBeforeFetching(document: Pick<ReviewDocument, 'size'>): ViewerErrorKind | null {
  return refuseBeforeParsing(document.size);
}

/** The document's bytes as a buffer of their own (what the viewer frame is handed); copied only when they share one. */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer;
  return bytes.slice().buffer;
}

export interface DocumentsState {
  /** Bytes of the shown document; null while loading or when it could not be fetched. */
  bytes: ArrayBuffer | null;
  failures: ReadonlyMap<string, DocumentFailure>;
  /** Documents refused before fetching (see refusalBeforeFetching): the pane says why, the frame never sees them. */
  refused: ReadonlyMap<string, ViewerErrorKind>;
  texts: ReadonlyMap<string, readonly string[]>;
  reading: number;
  /** For DocumentViewer: the next document to read, and where its text goes. */
  textRequest: { requestId: number; bytes: ArrayBuffer; key: string } | null;
  onText: (requestId: number, pages: string[] | null, kind?: ViewerErrorKind) => void;
  onViewerError: (kind: ViewerErrorKind) => void;
  /** The viewer has the shown document's page on screen. */
  onShown: () => void;
}

/** Adds a document's bytes to the kept ones, dropping the oldest beyond the cap but never the shown one. */
function keptWith(kept: ReadonlyMap<string, ArrayBuffer>, documentId: string, bytes: ArrayBuffer, shownId: string | null): ReadonlyMap<string, ArrayBuffer> {
  const next = new Map(kept);
  next.delete(documentId);
  next.set(documentId, bytes);
  let total = 0;
  for (const value of next.values()) total += value.byteLength;
  for (const [id, value] of next) {
    if (total <= keptBytesCap) break;
    if (id === documentId || id === shownId) continue;
    next.delete(id);
    total -= value.byteLength;
  }
  return next;
}

export function useDocuments(api: WerkbankApi, documents: readonly ReviewDocument[], shownId: string | null): DocumentsState {
  // The case's document bytes once fetched (shown or read for the assistant), so switching tabs
  // shows a document in the same render, without fetching and decoding it again.
  const [kept, setKept] = useState<ReadonlyMap<string, ArrayBuffer>>(new Map());
  const [failed, setFailed] = useState<ReadonlyMap<string, DocumentFailure>>(new Map());
  const refused = useMemo(() => {
    const found = new Map<string, ViewerErrorKind>();
    for (const document of documents) {
      const kind = refusalBeforeFetching(document);
      if (kind) found.set(document.id, kind);
    }
    return found;
  }, [documents]);
  const failures: ReadonlyMap<string, DocumentFailure> = useMemo(() => (refused.size === 0 ? failed : new Map([...failed, ...refused])), [failed, refused]);
  const [texts, setTexts] = useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const [textRequest, setTextRequest] = useState<{ requestId: number; bytes: ArrayBuffer; key: string } | null>(null);
  const reading = useRef<{ requestId: number; documentId: string } | null>(null);
  const nextRequest = useRef(1);
  const shown = useRef(shownId);
  useEffect(() => {
    shown.current = shownId;
  }, [shownId]);
  const keep = useCallback((documentId: string, bytes: ArrayBuffer) => {
    setKept((previous) => keptWith(previous, documentId, bytes, shown.current));
  }, []);
  const fail = useCallback((documentId: string, kind: DocumentFailure) => {
    setFailed((previous) => new Map(previous).set(documentId, kind));
  }, []);

  const shownBytes = shownId ? kept.get(shownId) ?? null : null;
  const shownKept = shownBytes !== null;
  // A boolean, not the map: the map is new after every reload of the case, which must not record another read.
  const shownRefused = shownId !== null && refused.has(shownId);
  // A document shown from kept bytes whose read is still to be recorded for the audit log: recorded
  // once its page is on screen, so the sync that takes the record out does not compete with the
  // drawing; and at the latest when another document is shown or the case closes.
  const unrecorded = useRef<string | null>(null);
  const recordShownRead = useCallback(() => {
    const documentId = unrecorded.current;
    if (!documentId) return;
    unrecorded.current = null;
    api.sync.mutate({ name: 'audit.recordRead', args: { objectType: 'document', objectId: documentId, readAt: new Date().toISOString() } })
      .catch(() => undefined);
  }, [api]);
  useEffect(() => {
    if (!shownId || shownRefused) return;
    if (shownKept) {
      unrecorded.current = shownId;
      return recordShownRead;
    }
    let current = true;
    // documents.open records the read itself.
    api.documents.open({ documentId: shownId }).then(
      (content) => keep(shownId, ownBuffer(content.bytes)),
      () => {
        if (current) fail(shownId, 'unavailable');
      },
    );
    return () => {
      current = false;
    };
    // shownKept is read once per shown document: the bytes arriving for it are no second read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, shownId, shownRefused, fail, keep, recordShownRead]);

  const ids = documents.map((document) => document.id).join(',');
  const pendingIds = [...documents]
    .sort((left, right) => Number(readLast.has(left.kind)) - Number(readLast.has(right.kind)))
    .map((document) => document.id)
    .filter((id) => !texts.has(id) && !failures.has(id));
  const next = pendingIds[0] ?? null;

  useEffect(() => {
    if (!next || reading.current) return;
    const requestId = nextRequest.current++;
    reading.current = { requestId, documentId: next };
    api.documents.open({ documentId: next }).then(
      (content) => {
        const bytes = ownBuffer(content.bytes);
        keep(next, bytes);
        if (reading.current?.requestId === requestId) setTextRequest({ requestId, bytes, key: next });
      },
      () => {
        if (reading.current?.requestId !== requestId) return;
        reading.current = null;
        fail(next, 'unavailable');
      },
    );
    // ids: a new list of documents (after a sync) may bring new ones to read.
  }, [api, next, ids, fail, keep]);

  const onText = useCallback((requestId: number, pages: string[] | null, kind?: ViewerErrorKind) => {
    const request = reading.current;
    if (!request || request.requestId !== requestId) return;
    reading.current = null;
    setTextRequest(null);
    if (pages) setTexts((previous) => new Map(previous).set(request.documentId, pages));
    else fail(request.documentId, kind ?? 'unknown');
  }, [fail]);

  const onViewerError = useCallback((kind: ViewerErrorKind) => {
    recordShownRead();
    if (shownId) fail(shownId, kind);
  }, [shownId, fail, recordShownRead]);

  return { bytes: shownBytes, failures, refused, texts, reading: pendingIds.length, textRequest, onText, onViewerError, onShown: recordShownRead };
}

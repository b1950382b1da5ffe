/**
 * The bytes and texts of a case's documents. A document the person shows is fetched through
 * documents.open (which records the read for the audit log) unless its bytes are here already;
 * as soon as the case opens, the others are fetched ahead in the tab order through
 * documents.prefetch (which records nothing: the read is recorded when one is shown) and handed to
 * the viewer frame to parse while idle, so a first click neither waits for the host nor for
 * parsing. Every document's text is read once, one at a time, by the sandboxed viewer frame (pdf.js
 * never runs in the app's own page), for the evidence assistant and the search across documents.
 * The case's own documents are read first.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReviewDocument, WerkbankApi } from '../../../shared/contract';
import { refuseBeforeParsing, type ViewerErrorKind } from '../../viewer/protocol';

export type DocumentFailure = ViewerErrorKind | 'unavailable';

/** The most document bytes a case screen keeps in memory (64 MiB). */
const keptBytesCap = 64 * 1024 * 1024;

/**
 * Documents fetched ahead at once: the host answers them one after another anyway, and a shown
 * document's own fetch should not queue behind the whole case.
 */
const prefetchConcurrency = 2;

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
  /** For DocumentViewer: the fetched documents in tab order, to parse ahead of a click. */
  prepare: readonly { key: string; bytes: ArrayBuffer }[];
}

/** Adds a document's bytes to the kept ones, dropping the oldest beyond the cap but never the shown one. */
function keptWith(kept: ReadonlyMap<string, ArrayBuffer>, documentId: string, bytes: ArrayBuffer, shownId: string | null): ReadonlyMap<string, ArrayBuffer> {
  // The first bytes stay: replacing the shown document's buffer would make the viewer open it again.
  if (kept.has(documentId)) return kept;
  const next = new Map(kept);
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
  // Fetches under way for showing or ahead (null: it failed), so none is fetched twice at once and a
  // click on a document on its way waits for it instead of fetching it again.
  const fetching = useRef(new Map<string, Promise<ArrayBuffer | null>>());
  const keptNow = useRef(kept);
  useEffect(() => {
    keptNow.current = kept;
  }, [kept]);
  // Bytes that arrive after the case screen closed (another case opened) are dropped.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const track = useCallback((documentId: string, bytes: Promise<ArrayBuffer | null>) => {
    fetching.current.set(documentId, bytes);
    void bytes.then((arrived) => {
      if (fetching.current.get(documentId) === bytes) fetching.current.delete(documentId);
      if (arrived && mounted.current) keep(documentId, arrived);
    });
    return bytes;
  }, [keep]);
  const fail = useCallback((documentId: string, kind: DocumentFailure) => {
    setFailed((previous) => new Map(previous).set(documentId, kind));
  }, []);

  const ids = documents.map((document) => document.id).join(',');
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
    const open = (): void => {
      // documents.open records the read itself.
      void track(shownId, api.documents.open({ documentId: shownId }).then((content) => ownBuffer(content.bytes), () => {
        if (current) fail(shownId, 'unavailable');
        return null;
      }));
    };
    const underWay = fetching.current.get(shownId);
    if (!underWay) {
      open();
      return () => {
        current = false;
      };
    }
    // On its way (fetched ahead, which recorded nothing): recorded as if it had been kept already.
    unrecorded.current = shownId;
    void underWay.then((arrived) => {
      if (arrived || !current) return;
      if (unrecorded.current === shownId) unrecorded.current = null;
      open();
    });
    return () => {
      current = false;
      recordShownRead();
    };
    // shownKept is read once per shown document: the bytes arriving for it are no second read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, shownId, shownRefused, fail, track, recordShownRead]);

  const refusedIds = [...refused.keys()].join(',');
  useEffect(() => {
    let stopped = false;
    const queue = documents.map((document) => document.id).filter((id) => !refused.has(id));
    const fetchAhead = async (): Promise<void> => {
      for (let id = queue.shift(); id !== undefined && !stopped; id = queue.shift()) {
        if (keptNow.current.has(id) || fetching.current.has(id)) continue;
        // A failure is left to a click or the assistant's read, which say why.
        await track(id, api.documents.prefetch({ documentId: id }).then((content) => ownBuffer(content.bytes), () => null));
      }
    };
    for (let worker = 0; worker < prefetchConcurrency; worker++) void fetchAhead();
    return () => {
      stopped = true;
    };
    // ids and refusedIds: the same documents after a reload of the case are not fetched again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, ids, refusedIds, track]);

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

  const prepare = useMemo(() => documents.flatMap((document) => {
    const bytes = kept.get(document.id);
    return bytes ? [{ key: document.id, bytes }] : [];
  }), [documents, kept]);

  return { bytes: shownBytes, failures, refused, texts, reading: pendingIds.length, textRequest, onText, onViewerError, onShown: recordShownRead, prepare };
}

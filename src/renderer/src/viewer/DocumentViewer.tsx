/**
 * Hosts the sandboxed PDF viewer frame (src/renderer/viewer) and drives it with the typed message
 * protocol. The frame has an opaque origin (sandbox without allow-same-origin): it cannot reach
 * window.werkbank or this page's DOM, so a pdf.js flaw cannot read cases. Every message from it is
 * checked for its source and validated before anything acts on it.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import {
  parseFrameMessage, viewerStringKeys, type FrameMessage, type ParentMessage, type ViewerErrorKind, type ViewerStrings,
} from '../../viewer/protocol';
import { pdfWorkerSource } from './workerSource';

/** Where the viewer document is served, relative to the app's index.html. */
export const viewerDocumentUrl = './viewer/index.html';

export type ViewerSearchResult = Extract<FrameMessage, { type: 'searchResult' }>;
export type ViewerView = Extract<FrameMessage, { type: 'view' }>;

export interface DocumentViewerProps {
  /** The PDF. The frame receives a copy (transferred), so the caller's buffer stays usable. */
  bytes: ArrayBuffer | null;
  /**
   * The document's name among the case's (its id): the frame keeps the documents it parsed under
   * their keys while it lives, so showing one again, or one whose text it read, skips parsing.
   */
  documentKey?: string;
  /**
   * Each new `bytes` is a new version of the shown document (a letter's live preview): the page
   * the person reads stays on screen, at its scroll position, until the new version's is drawn.
   */
  inPlace?: boolean;
  /** Page to show (1-based); follows changes. */
  page?: number;
  /** Zoom factor; when set it overrides fitting. */
  zoom?: number;
  fit?: 'width' | 'page';
  rotation?: 0 | 90 | 180 | 270;
  /** Search text; every change searches the whole document and reports hits. */
  searchQuery?: string;
  /** Accessible name of the frame; defaults to the catalog's "Document viewer". */
  title?: string;
  className?: string;
  style?: CSSProperties;
  onOpen?: (pageCount: number) => void;
  onError?: (kind: ViewerErrorKind) => void;
  onPageChange?: (page: number, pageCount: number) => void;
  onViewChange?: (view: ViewerView) => void;
  onSearchHits?: (result: ViewerSearchResult) => void;
  onClose?: () => void;
  /** Texts to mark on the shown document's pages (evidence quotes, notes); follows changes. */
  highlights?: readonly ViewerHighlight[];
  /** The person selected text on a page (empty text: the selection went). */
  onSelection?: (page: number, text: string) => void;
  /** A document whose text to read without showing it (with its key: parsed for showing afterwards); answered through onText, one request at a time. */
  textRequest?: { requestId: number; bytes: ArrayBuffer; key?: string } | null;
  /** The pages' text of a textRequest, or null with the reason it could not be read. */
  onText?: (requestId: number, pages: string[] | null, kind?: ViewerErrorKind) => void;
  /**
   * Documents of the case already fetched, most likely to be shown first: each is handed to the
   * frame once (per frame load) to parse for showing while it is idle, so a first click skips parsing.
   */
  prepare?: readonly { key: string; bytes: ArrayBuffer }[];
}

export type ViewerHighlight = Extract<ParentMessage, { type: 'highlights' }>['items'][number];

/** The frame's texts in the current language, from the "viewer" section of the i18n catalog. */
function useViewerStrings(): { language: 'nl' | 'en'; strings: ViewerStrings } {
  const { t, i18n } = useTranslation();
  const strings = Object.fromEntries(viewerStringKeys.map((key) => [key, t(`viewer.${key}`)])) as ViewerStrings;
  return { language: i18n.language === 'en' ? 'en' : 'nl', strings };
}

/** The sandboxed PDF viewer; see DocumentViewerProps for what it shows and reports. */
export function DocumentViewer(props: DocumentViewerProps): React.JSX.Element {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const [ready, setReady] = useState(0);
  // The `ready` count whose init was sent: the frame ignores text requests that arrive before init.
  const [initialised, setInitialised] = useState(0);
  const documentId = useRef(0);
  const callbacks = useRef(props);
  const { language, strings } = useViewerStrings();
  const stringsKey = JSON.stringify(strings);

  useEffect(() => {
    callbacks.current = props;
  });

  const post = (message: ParentMessage, transfer: Transferable[] = []): void => {
    // '*' because an opaque origin cannot be named; the message goes to our own frame's window,
    // and the parent page's CSP (frame-src 'self' blob:) keeps that frame on our own documents.
    frame.current?.contentWindow?.postMessage(message, '*', transfer);
  };

  const openBytes = (bytes: ArrayBuffer, page?: number): void => {
    documentId.current += 1;
    const copy = bytes.slice(0);
    const key = callbacks.current.documentKey;
    const inPlace = callbacks.current.inPlace === true;
    post({ type: 'open', documentId: documentId.current, data: copy, ...(page ? { page } : {}), ...(key ? { key } : {}), ...(inPlace ? { inPlace } : {}) }, [copy]);
  };

  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>): void => {
      if (!frame.current || event.source !== frame.current.contentWindow || event.origin !== 'null') return;
      const message = parseFrameMessage(event.data);
      if (!message) return;
      const current = callbacks.current;
      if (message.type === 'ready') {
        setReady((count) => count + 1);
        return;
      }
      if (message.type === 'text') {
        current.onText?.(message.requestId, message.pages);
        return;
      }
      if (message.type === 'textFailed') {
        current.onText?.(message.requestId, null, message.kind);
        return;
      }
      // Answers about a document the user has already left are stale.
      if (message.documentId !== documentId.current) return;
      if (message.type === 'opened') {
        // The frame forgets the search with the previous document: search the new one too.
        if (current.searchQuery) post({ type: 'search', query: current.searchQuery });
        current.onOpen?.(message.pageCount);
      }
      else if (message.type === 'failed') current.onError?.(message.kind);
      else if (message.type === 'closed') current.onClose?.();
      else if (message.type === 'selection') current.onSelection?.(message.page, message.text);
      else if (message.type === 'view') {
        current.onViewChange?.(message);
        current.onPageChange?.(message.page, message.pageCount);
      } else current.onSearchHits?.(message);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  // (Re)initialise whenever the frame says it is ready (first load or after a reload).
  useEffect(() => {
    if (ready === 0) return;
    let cancelled = false;
    void pdfWorkerSource().then(
      (workerSource) => {
        if (!cancelled) {
          post({ type: 'init', language, strings, workerSource });
          setInitialised(ready);
        }
        if (!cancelled && callbacks.current.bytes) openBytes(callbacks.current.bytes, callbacks.current.page);
      },
      () => {
        if (!cancelled) callbacks.current.onError?.('unknown');
      },
    );
    return () => {
      cancelled = true;
    };
    // Only on a new ready signal; later changes are sent by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);

  useEffect(() => {
    if (ready > 0) post({ type: 'strings', language, strings });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language, stringsKey]);

  useEffect(() => {
    if (ready === 0) return;
    if (props.bytes) openBytes(props.bytes, callbacks.current.page);
    else {
      documentId.current += 1;
      post({ type: 'close' });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.bytes]);

  const highlightsKey = JSON.stringify(props.highlights ?? []);
  useEffect(() => {
    if (ready > 0) post({ type: 'highlights', items: [...(callbacks.current.highlights ?? [])] });
  }, [highlightsKey, props.bytes, ready]);
  useEffect(() => {
    const request = props.textRequest;
    if (ready === 0 || initialised !== ready || !request) return;
    const copy = request.bytes.slice(0);
    post({ type: 'extractText', requestId: request.requestId, data: copy, ...(request.key ? { key: request.key } : {}) }, [copy]);
  }, [props.textRequest, ready, initialised]);
  // Keys handed over since the frame (re)loaded: a reloaded frame has forgotten what it parsed.
  const prepared = useRef<{ ready: number; keys: Set<string> }>({ ready: 0, keys: new Set() });
  useEffect(() => {
    if (ready === 0 || initialised !== ready || !props.prepare) return;
    if (prepared.current.ready !== ready) prepared.current = { ready, keys: new Set() };
    const { keys } = prepared.current;
    for (const { key, bytes } of props.prepare) {
      // The shown document is parsed by its own open; the frame would skip it anyway.
      if (keys.has(key) || key === callbacks.current.documentKey) continue;
      keys.add(key);
      const copy = bytes.slice(0);
      post({ type: 'prepare', key, data: copy }, [copy]);
    }
  }, [props.prepare, ready, initialised]);
  useEffect(() => {
    if (ready > 0 && props.page) post({ type: 'goToPage', page: props.page });
  }, [props.page, ready]);
  useEffect(() => {
    if (ready > 0 && props.zoom) post({ type: 'setZoom', zoom: props.zoom });
  }, [props.zoom, ready]);
  useEffect(() => {
    if (ready > 0 && props.fit) post({ type: 'fit', mode: props.fit });
  }, [props.fit, ready]);
  useEffect(() => {
    if (ready > 0 && props.rotation !== undefined) post({ type: 'rotate', rotation: props.rotation });
  }, [props.rotation, ready]);
  useEffect(() => {
    if (ready > 0 && props.searchQuery !== undefined) post({ type: 'search', query: props.searchQuery });
  }, [props.searchQuery, ready]);

  return (
    <iframe
      ref={frame}
      src={viewerDocumentUrl}
      // allow-scripts only: no allow-same-origin, so the frame's origin is opaque.
      sandbox="allow-scripts"
      referrerPolicy="no-referrer"
      title={props.title ?? t('viewer.frameTitle')}
      className={props.className}
      style={{ border: 0, width: '100%', height: '100%', display: 'block', ...props.style }}
      data-testid="document-viewer"
    />
  );
}

/**
 * The viewer's screen inside the frame: toolbar, thumbnails, the current page with its text layer,
 * search highlights and the message shown when a document cannot be opened. It reports every change
 * of view to the parent through `report`.
 */
import { whenIdle } from './extract';
import { KeptDocuments } from './kept';
import { drawPage, isCancellation, openDocument, warmPage, type DrawnPage, type OpenDocument, type OpenResult } from './pdf';
import {
  clampZoom, errorMessageValues, format, viewerLimits, type FitMode, type FrameMessage, type SearchHit, type ViewerErrorKind, type ViewerStrings,
} from './protocol';
import { applyHighlights, watchSelection, type Highlight } from './marks';
import { findInPage, itemRangesOf, normaliseQuery, stepHit, type TextRange } from './search';
import { Thumbnails } from './thumbnails';

type Rotation = 0 | 90 | 180 | 270;
/** How long after a document's first page its thumbnail strip is built. */
const thumbnailDelayMilliseconds = 400;
const zoomSteps = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5];

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`viewer markup has no #${id}`);
  return found as T;
}


/** A document taken off the screen, with what is needed to keep it for later. */
interface Detached {
  document: OpenDocument;
  documentId: number;
  key: string | null;
  size: number;
}

interface SearchState {
  query: string;
  hits: (SearchHit & TextRange)[];
  current: number | null;
}

export class Viewer {
  private strings: ViewerStrings | null = null;
  private document: OpenDocument | null = null;
  private documentId = -1;
  /** The parent's key of the shown document, and its file size. */
  private key: string | null = null;
  private size = 0;
  private readonly kept = new KeptDocuments();
  private preparing: Promise<void> = Promise.resolve();
  private pageNumber = 1;
  private zoom = 1;
  private fit: FitMode = 'width';
  private rotation: Rotation = 0;
  private drawing: DrawnPage | null = null;
  private search: SearchState = { query: '', hits: [], current: null };
  private searchGeneration = 0;
  private opening = 0;
  /** Opening or drawing right now: text extraction for the parent waits (extract.ts), the person comes first. */
  busy = false;
  private readonly thumbnails: Thumbnails;
  private highlights: readonly Highlight[] = [];
  private readonly stage = element<HTMLElement>('stage');
  private readonly pageBox = element<HTMLDivElement>('page');
  private canvas = element<HTMLCanvasElement>('page-canvas');
  private readonly textLayer = element<HTMLDivElement>('text-layer');
  private readonly pageInput = element<HTMLInputElement>('page-number');
  private readonly searchInput = element<HTMLInputElement>('search-input');

  constructor(private readonly report: (message: FrameMessage) => void) {
    this.thumbnails = new Thumbnails(element('thumbnails'), (page) => void this.goToPage(page), () => this.busy);
    this.bindControls();
    new ResizeObserver(() => {
      if (this.document && this.fit !== 'none') void this.renderPage();
    }).observe(this.stage);
    this.setControlsEnabled(false);
    watchSelection(this.textLayer, () => (this.document ? { documentId: this.documentId, page: this.pageNumber } : null), this.report);
  }

  /** Keeps the texts to highlight on the shown document's pages, and marks the current page. */
  setHighlights(highlights: readonly Highlight[]): void {
    this.highlights = highlights;
    if (this.document && this.pageBox.dataset.drawn) void applyHighlights(this.document, this.pageNumber, this.drawing?.textSpans() ?? [], highlights);
  }

  /** Applies the texts of the user's language to every label. */
  setStrings(language: 'nl' | 'en', strings: ViewerStrings): void {
    this.strings = strings;
    document.documentElement.lang = language;
    for (const node of document.querySelectorAll<HTMLElement>('[data-label]')) {
      const text = strings[node.dataset.label as keyof ViewerStrings];
      node.setAttribute('aria-label', text);
      if (node instanceof HTMLButtonElement) node.title = text;
    }
    for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) {
      node.textContent = strings[node.dataset.text as keyof ViewerStrings];
    }
    element('toolbar').setAttribute('aria-label', strings.toolbarLabel);
    this.searchInput.placeholder = strings.searchPlaceholder;
    this.thumbnails.setLabel(strings.thumbnail);
    this.updateToolbar();
    this.updateHitStatus();
  }

  /**
   * Opens a document, replacing the current one; refuses it with a message when it cannot be shown.
   * A document kept parsed under `key` is shown without parsing it again.
   */
  async open(documentId: number, data: ArrayBuffer, page = 1, key: string | null = null, inPlace = false): Promise<void> {
    const attempt = ++this.opening;
    this.busy = true;
    const size = data.byteLength;
    if (inPlace && this.document && key === null) {
      await this.replaceInPlace(attempt, documentId, data, page);
      return;
    }
    const ready = key === null ? null : this.kept.take(key);
    // The worker starts reading the file first (pdf.js posts it in its next microtask, which this
    // await lets run); the previous page leaves the screen meanwhile. The previous document is kept
    // or destroyed once this one is on screen, so the worker reads this one first.
    const opening: Promise<OpenResult> = ready ? Promise.resolve({ ok: true, document: ready }) : openDocument(data);
    await Promise.resolve();
    const previous = this.detach();
    try {
      this.documentId = documentId;
      this.key = key;
      this.size = size;
      if (!ready) this.showStatus(this.strings?.loading ?? '');
      const result = await opening;
      if (attempt !== this.opening) {
        if (result.ok) this.retire({ document: result.document, documentId, key, size });
        return;
      }
      this.showStatus('');
      if (!result.ok) {
        this.busy = false;
        this.showError(result.kind);
        this.report({ type: 'failed', documentId, kind: result.kind });
        return;
      }
      this.document = result.document;
      this.pageNumber = Math.min(Math.max(1, page), result.document.pageCount);
      this.setControlsEnabled(true);
      this.report({ type: 'opened', documentId, pageCount: result.document.pageCount });
      await this.renderPage();
      this.showThumbnailsSoon(result.document);
    } finally {
      if (previous) this.retire(previous);
    }
  }

  /**
   * A new version of the shown document: parsed while the old page stays on screen, its page drawn
   * on a canvas of its own that then takes the old one's place, so the reader neither sees the page
   * go blank nor loses their scroll position. A version that cannot be opened is shown as usual.
   */
  private async replaceInPlace(attempt: number, documentId: number, data: ArrayBuffer, page: number): Promise<void> {
    const size = data.byteLength;
    const result = await openDocument(data);
    if (attempt !== this.opening) {
      if (result.ok) void result.document.destroy().catch(() => undefined);
      return;
    }
    const previous = this.document ? { document: this.document, documentId: this.documentId, key: this.key, size: this.size } : null;
    if (!result.ok) {
      this.close();
      this.documentId = documentId;
      this.busy = false;
      this.showError(result.kind);
      this.report({ type: 'failed', documentId, kind: result.kind });
      return;
    }
    this.searchGeneration++;
    this.search = { query: '', hits: [], current: null };
    this.updateHitStatus();
    this.document = result.document;
    this.documentId = documentId;
    this.key = null;
    this.size = size;
    this.pageNumber = Math.min(Math.max(1, page), result.document.pageCount);
    this.report({ type: 'opened', documentId, pageCount: result.document.pageCount });
    try {
      await this.renderPage(true);
    } finally {
      // The thumbnails still draw from the old version: they go with it, and the new ones follow.
      this.thumbnails.clear();
      if (previous) this.retire(previous);
      this.showThumbnailsSoon(result.document);
    }
  }

  /**
   * The thumbnails a moment after the page the person asked for: building a strip of hundreds
   * costs layout, and drawing them keeps the worker busy when the person moves on at once.
   */
  private showThumbnailsSoon(shown: OpenDocument): void {
    setTimeout(() => {
      if (this.document !== shown) return;
      this.thumbnails.show(shown);
      this.thumbnails.setCurrent(this.pageNumber);
    }, thumbnailDelayMilliseconds);
  }

  /** Takes the current document off the screen: kept parsed when it has a key, destroyed otherwise. */
  close(): void {
    const closing = this.detach();
    if (closing) this.retire(closing);
  }

  /** Whether prepare would parse this document now: not on screen, not kept yet, and room to keep it. */
  wouldPrepare(key: string, size: number): boolean {
    return this.key !== key && !this.kept.has(key) && this.kept.hasRoomFor(size);
  }

  /**
   * Parses a document of the case for showing while the viewer has nothing else to do (fetched ahead
   * by the parent, or after its text was read for it), so showing it later skips parsing and its
   * first page's drawing work. One at a time, never more than the kept documents' caps, and never
   * the one on screen.
   */
  prepare(key: string, data: ArrayBuffer): void {
    const size = data.byteLength;
    if (!this.wouldPrepare(key, size)) return;
    this.preparing = this.preparing.then(async () => {
      await whenIdle(() => this.busy);
      if (!this.wouldPrepare(key, size)) return;
      const result = await openDocument(data);
      if (!result.ok) return;
      if (!this.wouldPrepare(key, size)) {
        await result.document.destroy();
        return;
      }
      this.kept.put(key, result.document, size);
      await whenIdle(() => this.busy);
      await warmPage(result.document, 1).catch(() => undefined);
    }).catch(() => undefined);
  }

  /** Takes the current document off the screen and stops its work; it still holds its memory. */
  private detach(): Detached | null {
    this.searchGeneration++;
    this.drawing?.cancel();
    this.drawing = null;
    this.search = { query: '', hits: [], current: null };
    this.searchInput.value = '';
    this.updateHitStatus();
    this.thumbnails.clear();
    this.textLayer.replaceChildren();
    // Shrinking the canvas gives its pixel memory back at once instead of at the next GC.
    this.canvas.width = 0;
    this.canvas.height = 0;
    this.pageBox.hidden = true;
    element('message').hidden = true;
    const detached = this.document ? { document: this.document, documentId: this.documentId, key: this.key, size: this.size } : null;
    this.document = null;
    this.key = null;
    this.setControlsEnabled(false);
    return detached;
  }

  /** A document off the screen: kept parsed under its key for a later showing, or destroyed (freeing its memory in the worker). */
  private retire(detached: Detached): void {
    if (detached.key === null) void detached.document.destroy().catch(() => undefined);
    else this.kept.put(detached.key, detached.document, detached.size);
    this.report({ type: 'closed', documentId: detached.documentId });
  }

  async goToPage(page: number): Promise<void> {
    if (!this.document) return;
    const target = Math.min(Math.max(1, Math.round(page)), this.document.pageCount);
    if (target === this.pageNumber && !this.pageBox.hidden) {
      this.updateToolbar();
      return;
    }
    this.pageNumber = target;
    this.stage.scrollTop = 0;
    await this.renderPage();
  }

  setZoom(zoom: number): void {
    this.fit = 'none';
    this.zoom = clampZoom(zoom);
    void this.renderPage();
  }

  zoomBy(direction: 1 | -1): void {
    const next = direction > 0 ? zoomSteps.find((step) => step > this.zoom + 0.001) : [...zoomSteps].reverse().find((step) => step < this.zoom - 0.001);
    this.setZoom(next ?? this.zoom);
  }

  setFit(mode: 'width' | 'page'): void {
    this.fit = mode;
    void this.renderPage();
  }

  setRotation(rotation: Rotation): void {
    this.rotation = rotation;
    void this.renderPage();
    this.thumbnails.setRotation(rotation);
  }

  /** Searches the whole document and moves to the first hit on or after the current page. */
  async find(query: string): Promise<void> {
    const generation = ++this.searchGeneration;
    const document = this.document;
    this.searchInput.value = query;
    const needle = normaliseQuery(query);
    const hits: SearchState['hits'] = [];
    if (document && needle.length > 0) {
      for (let page = 1; page <= document.pageCount; page++) {
        const text = await document.text(page);
        if (generation !== this.searchGeneration) return;
        findInPage(text, needle).forEach((range, index) => hits.push({ page, index, ...range }));
      }
    }
    const firstAhead = hits.findIndex((hit) => hit.page >= this.pageNumber);
    this.search = { query, hits, current: hits.length === 0 ? null : Math.max(0, firstAhead) };
    await this.showCurrentHit();
  }

  /** Moves to the next or previous hit, wrapping around the document. */
  async stepSearch(direction: 'next' | 'previous'): Promise<void> {
    if (this.searchInput.value !== this.search.query) {
      await this.find(this.searchInput.value);
      return;
    }
    this.search.current = stepHit(this.search.current, this.search.hits.length, direction);
    await this.showCurrentHit();
  }

  private async showCurrentHit(): Promise<void> {
    const { current, hits, query } = this.search;
    const hit = current === null ? undefined : hits[current];
    if (hit && hit.page !== this.pageNumber) {
      this.pageNumber = hit.page;
      await this.renderPage();
    } else {
      this.highlight();
    }
    this.updateHitStatus();
    this.report({
      type: 'searchResult',
      documentId: this.documentId,
      query: query.slice(0, viewerLimits.maxQueryLength),
      total: hits.length,
      hits: hits.slice(0, viewerLimits.maxReportedHits).map(({ page, index }) => ({ page, index })),
      current,
    });
  }

  /** Draws the current page; `offscreen`: on a new canvas that replaces the shown one once it is painted. */
  private async renderPage(offscreen = false): Promise<void> {
    const document = this.document;
    if (!document) return;
    const number = this.pageNumber;
    this.drawing?.cancel();
    try {
      const page = await document.page(number);
      if (document !== this.document || number !== this.pageNumber) return;
      this.zoom = this.fittedZoom(page.getViewport({ scale: 1, rotation: (page.rotate + this.rotation) % 360 }));
      const target = offscreen ? this.canvas.cloneNode(false) as HTMLCanvasElement : this.canvas;
      if (!offscreen) {
        this.pageBox.style.setProperty('--total-scale-factor', String(this.zoom));
        this.pageBox.hidden = false;
        element('message').hidden = true;
      }
      const drawing = drawPage(page, target, {
        scale: this.zoom,
        rotation: this.rotation,
        textLayer: this.textLayer,
        textContent: () => document.textContent(number),
      });
      this.drawing = drawing;
      this.updateToolbar();
      this.thumbnails.setCurrent(number);
      delete this.pageBox.dataset.painted;
      delete this.pageBox.dataset.drawn;
      await drawing.painted;
      if (offscreen && this.drawing === drawing) {
        this.canvas.replaceWith(target);
        this.canvas = target;
        this.pageBox.style.setProperty('--total-scale-factor', String(this.zoom));
        this.pageBox.hidden = false;
        element('message').hidden = true;
      }
      // The page is on screen (the benchmark's first rendered page); its text layer follows. The
      // parent hears of the new view now, so its re-render does not compete with the drawing.
      if (this.drawing === drawing) {
        this.pageBox.dataset.painted = String(number);
        this.reportView();
      }
      await drawing.promise;
      this.busy = false;
      if (this.drawing !== drawing) return;
      // For tests and the parent's screenshots: the page number whose drawing has finished.
      this.pageBox.dataset.drawn = String(number);
      this.highlight();
      await applyHighlights(document, number, drawing.textSpans(), this.highlights);
    } catch (error) {
      this.busy = false;
      if (isCancellation(error) || document !== this.document) return;
      // A broken page: say so and keep the document and its other pages usable.
      this.reportView();
      this.showError('malformed');
    }
  }

  private fittedZoom(natural: { width: number; height: number }): number {
    if (this.fit === 'none') return this.zoom;
    const style = getComputedStyle(this.stage);
    const width = this.stage.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const height = this.stage.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    const byWidth = width / natural.width;
    return clampZoom(this.fit === 'width' ? byWidth : Math.min(byWidth, height / natural.height));
  }

  /** Marks the hits of the current page in the text layer and scrolls the current one into view. */
  private highlight(): void {
    const spans = this.drawing?.textSpans() ?? [];
    for (const span of spans) {
      // Back to one plain text node: the marks of the previous search go.
      if (span.querySelector('mark')) span.replaceChildren(span.textContent ?? '');
    }
    const onPage = this.search.hits.map((hit, index) => ({ hit, index })).filter(({ hit }) => hit.page === this.pageNumber);
    if (onPage.length === 0 || !this.document) return;
    void this.document.text(this.pageNumber).then((text) => {
      const parts = new Map<number, { from: number; to: number; current: boolean }[]>();
      for (const { hit, index } of onPage) {
        for (const part of itemRangesOf(text, hit)) {
          const list = parts.get(part.item) ?? [];
          list.push({ from: part.from, to: part.to, current: index === this.search.current });
          parts.set(part.item, list);
        }
      }
      for (const [item, ranges] of parts) {
        const span = spans[item];
        const content = span?.textContent;
        if (!span || !content) continue;
        const fragments: Node[] = [];
        let at = 0;
        for (const range of ranges.sort((a, b) => a.from - b.from)) {
          if (range.from > at) fragments.push(document.createTextNode(content.slice(at, range.from)));
          const mark = document.createElement('mark');
          mark.className = range.current ? 'hit current' : 'hit';
          mark.textContent = content.slice(range.from, range.to);
          fragments.push(mark);
          at = range.to;
        }
        if (at < content.length) fragments.push(document.createTextNode(content.slice(at)));
        span.replaceChildren(...fragments);
      }
      this.textLayer.querySelector('mark.current')?.scrollIntoView({ block: 'center', inline: 'nearest' });
    });
  }

  private showError(kind: ViewerErrorKind): void {
    this.pageBox.hidden = true;
    element('message').hidden = false;
    element('message-title').textContent = this.strings?.errorTitle ?? '';
    element('message-text').textContent = format(this.strings?.[`error_${kind}`] ?? kind, errorMessageValues(document.documentElement.lang || 'nl'));
  }

  private showStatus(text: string): void {
    element('status').textContent = text;
  }

  private reportView(): void {
    if (!this.document) return;
    this.report({
      type: 'view',
      documentId: this.documentId,
      page: this.pageNumber,
      pageCount: this.document.pageCount,
      zoom: clampZoom(this.zoom),
      fit: this.fit,
      rotation: this.rotation,
    });
  }

  private updateToolbar(): void {
    const count = this.document?.pageCount ?? 0;
    this.pageInput.value = count ? String(this.pageNumber) : '';
    this.pageInput.max = String(Math.max(1, count));
    element('page-count').textContent = count && this.strings ? format(this.strings.pageOf, { total: count }) : '';
    element('zoom-level').textContent = count ? `${Math.round(this.zoom * 100)}%` : '';
    element<HTMLButtonElement>('previous-page').disabled = !count || this.pageNumber <= 1;
    element<HTMLButtonElement>('next-page').disabled = !count || this.pageNumber >= count;
    element('fit-width').setAttribute('aria-pressed', String(this.fit === 'width'));
    element('fit-page').setAttribute('aria-pressed', String(this.fit === 'page'));
  }

  private updateHitStatus(): void {
    const status = element('hit-status');
    const { hits, current, query } = this.search;
    if (!this.strings || normaliseQuery(query).length === 0) status.textContent = '';
    else if (hits.length === 0) status.textContent = this.strings.noHits;
    else status.textContent = format(this.strings.hitsOf, { current: (current ?? 0) + 1, total: hits.length });
  }

  private setControlsEnabled(enabled: boolean): void {
    for (const id of ['zoom-in', 'zoom-out', 'fit-width', 'fit-page', 'rotate', 'previous-hit', 'next-hit']) {
      element<HTMLButtonElement>(id).disabled = !enabled;
    }
    this.pageInput.disabled = !enabled;
    this.searchInput.disabled = !enabled;
    this.updateToolbar();
  }

  private bindControls(): void {
    element('previous-page').addEventListener('click', () => void this.goToPage(this.pageNumber - 1));
    element('next-page').addEventListener('click', () => void this.goToPage(this.pageNumber + 1));
    this.pageInput.addEventListener('change', () => void this.goToPage(Number(this.pageInput.value) || 1));
    element('zoom-in').addEventListener('click', () => this.zoomBy(1));
    element('zoom-out').addEventListener('click', () => this.zoomBy(-1));
    element('fit-width').addEventListener('click', () => this.setFit('width'));
    element('fit-page').addEventListener('click', () => this.setFit('page'));
    element('rotate').addEventListener('click', () => this.setRotation(((this.rotation + 90) % 360) as Rotation));
    element('previous-hit').addEventListener('click', () => void this.stepSearch('previous'));
    element('next-hit').addEventListener('click', () => void this.stepSearch('next'));
    element('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.stepSearch('next');
    });
    this.searchInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        void this.stepSearch(event.shiftKey ? 'previous' : 'next');
      }
    });
    document.addEventListener('keydown', (event) => this.onKey(event));
  }

  private onKey(event: KeyboardEvent): void {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      this.searchInput.focus();
      this.searchInput.select();
      return;
    }
    const target = event.target;
    if (target instanceof HTMLInputElement || event.altKey || event.ctrlKey || event.metaKey || !this.document) return;
    const actions: Record<string, () => void> = {
      PageDown: () => void this.goToPage(this.pageNumber + 1),
      PageUp: () => void this.goToPage(this.pageNumber - 1),
      Home: () => void this.goToPage(1),
      End: () => void this.goToPage(this.document?.pageCount ?? 1),
      '+': () => this.zoomBy(1),
      '=': () => this.zoomBy(1),
      '-': () => this.zoomBy(-1),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  }
}

/** drawPage's order of work with a faked pdf.js page: the canvas first, then the text, and never a stale text layer. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PDFPageProxy } from 'pdfjs-dist';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import { drawPage } from '../../../src/renderer/viewer/pdf';

// pdf.js 6 needs a newer Node than the tests run on; drawPage uses only these of it.
vi.mock('pdfjs-dist', () => ({
  AnnotationMode: { ENABLE: 1 },
  VerbosityLevel: { ERRORS: 0 },
  RenderingCancelledException: class extends Error {},
  getDocument: () => undefined,
  PDFWorker: Object,
  TextLayer: class {
    textDivs: HTMLElement[] = [];
    render(): Promise<void> {
      return Promise.resolve();
    }
    cancel(): void {}
  },
}));

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const viewport = { width: 600, height: 800 };

function fakePage(rendered: Promise<unknown>): PDFPageProxy {
  return {
    rotate: 0,
    getViewport: () => viewport,
    render: () => ({ promise: rendered, cancel: () => undefined }),
  } as unknown as PDFPageProxy;
}

function fakeCanvas(): HTMLCanvasElement {
  return { width: 0, height: 0, style: {} } as unknown as HTMLCanvasElement;
}

beforeEach(() => {
  vi.stubGlobal('window', { devicePixelRatio: 1 });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('drawPage', () => {
  it('asks for the page text only once the canvas is drawn, so the worker builds the drawing first', async () => {
    const rendered = deferred<undefined>();
    const textContent = vi.fn(() => new Promise<TextContent>(() => undefined));
    const textLayer = { replaceChildren: vi.fn() } as unknown as HTMLElement;
    const drawn = drawPage(fakePage(rendered.promise), fakeCanvas(), { scale: 1, rotation: 0, textLayer, textContent });
    await Promise.resolve();
    expect(textContent).not.toHaveBeenCalled();
    rendered.resolve(undefined);
    await drawn.painted;
    await vi.waitFor(() => expect(textContent).toHaveBeenCalledTimes(1));
  });

  it('leaves the text layer alone when the page was replaced while its text was on the way', async () => {
    const text = deferred<TextContent>();
    const replaceChildren = vi.fn();
    const textLayer = { replaceChildren } as unknown as HTMLElement;
    const drawn = drawPage(fakePage(Promise.resolve()), fakeCanvas(), { scale: 1, rotation: 0, textLayer, textContent: () => text.promise });
    await drawn.painted;
    drawn.cancel();
    text.resolve({ items: [], styles: {}, lang: null } as unknown as TextContent);
    await drawn.promise;
    expect(replaceChildren).not.toHaveBeenCalled();
  });
});

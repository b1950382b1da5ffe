import { describe, expect, it } from 'vitest';
import en from '../../../src/renderer/src/i18n/en.json';
import nl from '../../../src/renderer/src/i18n/nl.json';
import {
  clampZoom, format, parseFrameMessage, parseParentMessage, refuseAfterParsing, refuseBeforeParsing, viewerErrorKinds,
  viewerLimits, viewerStringKeys, type ViewerStrings,
} from '../../../src/renderer/viewer/protocol';

const strings = Object.fromEntries(viewerStringKeys.map((key) => [key, nl.viewer[key]])) as ViewerStrings;

describe('viewer message protocol: parent to frame', () => {
  it('accepts the messages the parent sends', () => {
    expect(parseParentMessage({ type: 'init', language: 'nl', strings, workerSource: 'self.onmessage=null' })?.type).toBe('init');
    const data = new ArrayBuffer(8);
    expect(parseParentMessage({ type: 'open', documentId: 3, data, page: 2 })).toEqual({ type: 'open', documentId: 3, data, page: 2 });
    expect(parseParentMessage({ type: 'goToPage', page: 7 })).toEqual({ type: 'goToPage', page: 7 });
    expect(parseParentMessage({ type: 'rotate', rotation: 270 })).toEqual({ type: 'rotate', rotation: 270 });
    expect(parseParentMessage({ type: 'searchStep', direction: 'previous' })).toEqual({ type: 'searchStep', direction: 'previous' });
  });

  it('refuses unknown types, extra fields, wrong data and values out of range', () => {
    expect(parseParentMessage({ type: 'eval', code: 'x' })).toBeNull();
    expect(parseParentMessage({ type: 'close', extra: true })).toBeNull();
    expect(parseParentMessage({ type: 'open', documentId: 1, data: 'JVBERi0=' })).toBeNull();
    // A key names a document of the case; anything longer than an id is refused.
    expect(parseParentMessage({ type: 'open', documentId: 1, data: new ArrayBuffer(8), key: 'doc-1' })).toMatchObject({ key: 'doc-1' });
    expect(parseParentMessage({ type: 'open', documentId: 1, data: new ArrayBuffer(8), key: 'x'.repeat(101) })).toBeNull();
    expect(parseParentMessage({ type: 'extractText', requestId: 1, data: new ArrayBuffer(8), key: '' })).toBeNull();
    // A document handed over to parse ahead is kept under its key, so it must have one.
    expect(parseParentMessage({ type: 'prepare', data: new ArrayBuffer(8), key: 'doc-1' })).toMatchObject({ type: 'prepare', key: 'doc-1' });
    expect(parseParentMessage({ type: 'prepare', data: new ArrayBuffer(8) })).toBeNull();
    expect(parseParentMessage({ type: 'prepare', data: new Uint8Array(8), key: 'doc-1' })).toBeNull();
    expect(parseParentMessage({ type: 'open', documentId: 1, data: new Uint8Array(4) })).toBeNull();
    expect(parseParentMessage({ type: 'goToPage', page: 0 })).toBeNull();
    expect(parseParentMessage({ type: 'goToPage', page: viewerLimits.maxPages + 1 })).toBeNull();
    expect(parseParentMessage({ type: 'goToPage', page: 1.5 })).toBeNull();
    expect(parseParentMessage({ type: 'setZoom', zoom: 50 })).toBeNull();
    expect(parseParentMessage({ type: 'rotate', rotation: 45 })).toBeNull();
    expect(parseParentMessage({ type: 'search', query: 'x'.repeat(viewerLimits.maxQueryLength + 1) })).toBeNull();
    expect(parseParentMessage({ type: 'init', language: 'de', strings, workerSource: 'x' })).toBeNull();
    const { noHits: _dropped, ...missingOne } = strings;
    expect(parseParentMessage({ type: 'init', language: 'nl', strings: missingOne, workerSource: 'x' })).toBeNull();
    expect(parseParentMessage(null)).toBeNull();
    expect(parseParentMessage('open')).toBeNull();
  });
});

describe('viewer message protocol: frame to parent', () => {
  it('accepts what the frame reports', () => {
    expect(parseFrameMessage({ type: 'ready' })).toEqual({ type: 'ready' });
    expect(parseFrameMessage({ type: 'failed', documentId: 2, kind: 'encrypted' })).toEqual({ type: 'failed', documentId: 2, kind: 'encrypted' });
    const result = { type: 'searchResult', documentId: 1, query: 'paspoort', total: 2, hits: [{ page: 1, index: 0 }, { page: 3, index: 0 }], current: 0 };
    expect(parseFrameMessage(result)).toEqual(result);
  });

  it('refuses a frame that lies: unknown kinds, free text, too many hits, page counts past the cap', () => {
    expect(parseFrameMessage({ type: 'failed', documentId: 2, kind: 'stack trace here' })).toBeNull();
    expect(parseFrameMessage({ type: 'failed', documentId: 2, kind: 'malformed', message: '<img onerror>' })).toBeNull();
    expect(parseFrameMessage({ type: 'opened', documentId: 1, pageCount: viewerLimits.maxPages + 1 })).toBeNull();
    const hits = Array.from({ length: viewerLimits.maxReportedHits + 1 }, () => ({ page: 1, index: 0 }));
    expect(parseFrameMessage({ type: 'searchResult', documentId: 1, query: 'a', total: hits.length, hits, current: null })).toBeNull();
    expect(parseFrameMessage({ type: 'view', documentId: 1, page: 1, pageCount: 1, zoom: 1, fit: 'width', rotation: 30 })).toBeNull();
  });
});

describe('caps', () => {
  it('refuses empty and oversized files before parsing', () => {
    expect(refuseBeforeParsing(0)).toBe('empty');
    expect(refuseBeforeParsing(1)).toBeNull();
    expect(refuseBeforeParsing(viewerLimits.maxFileBytes)).toBeNull();
    expect(refuseBeforeParsing(viewerLimits.maxFileBytes + 1)).toBe('too_large');
  });

  it('refuses documents without pages or with more pages than the cap', () => {
    expect(refuseAfterParsing(0)).toBe('empty');
    expect(refuseAfterParsing(1)).toBeNull();
    expect(refuseAfterParsing(viewerLimits.maxPages)).toBeNull();
    expect(refuseAfterParsing(viewerLimits.maxPages + 1)).toBe('too_many_pages');
  });

  it('keeps zoom within bounds', () => {
    expect(clampZoom(100)).toBe(viewerLimits.maxZoom);
    expect(clampZoom(0)).toBe(viewerLimits.minZoom);
    expect(clampZoom(Number.NaN)).toBe(1);
    expect(clampZoom(1.5)).toBe(1.5);
  });
});

describe('viewer texts', () => {
  it('has every string the frame needs, and an error message for every error kind, in both languages', () => {
    for (const catalog of [nl.viewer, en.viewer]) {
      for (const key of viewerStringKeys) expect(catalog[key], key).toBeTruthy();
      for (const kind of viewerErrorKinds) expect(catalog[`error_${kind}`], kind).toMatch(/\.\s*\S|\S\.$/);
    }
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(format(nl.viewer.hitsOf, { current: 2, total: 5 })).toBe('2 van 5');
    expect(format(en.viewer.error_too_many_pages, { maxPages: '2,000' })).toContain('more than 2,000 pages');
    expect(format('{a} {b}', { a: 1 })).toBe('1 {b}');
  });
});

describe('text, highlights and selections (case review)', () => {
  it('accepts extracted text within the cap and refuses more, so a hostile frame cannot flood the app', () => {
    expect(parseFrameMessage({ type: 'text', requestId: 1, pages: ['Surname YILMAZ', ''] })).toEqual({ type: 'text', requestId: 1, pages: ['Surname YILMAZ', ''] });
    expect(parseFrameMessage({ type: 'text', requestId: 1, pages: ['x'.repeat(viewerLimits.maxExtractedCharacters + 1)] })).toBeNull();
    expect(parseFrameMessage({ type: 'textFailed', requestId: 1, kind: 'encrypted' })).toEqual({ type: 'textFailed', requestId: 1, kind: 'encrypted' });
  });

  it('caps a reported selection and checks highlight requests', () => {
    expect(parseFrameMessage({ type: 'selection', documentId: 1, page: 2, text: 'Verma' })).toEqual({ type: 'selection', documentId: 1, page: 2, text: 'Verma' });
    expect(parseFrameMessage({ type: 'selection', documentId: 1, page: 2, text: 'x'.repeat(viewerLimits.maxSelectionLength + 1) })).toBeNull();
    expect(parseParentMessage({ type: 'highlights', items: [{ page: 1, text: 'VERMA', kind: 'evidence' }] })).not.toBeNull();
    expect(parseParentMessage({ type: 'highlights', items: [{ page: 1, text: '', kind: 'evidence' }] })).toBeNull();
    expect(parseParentMessage({ type: 'extractText', requestId: 3, data: new ArrayBuffer(4) })).not.toBeNull();
  });
});

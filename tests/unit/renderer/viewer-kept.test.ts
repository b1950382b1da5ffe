/** The viewer's kept parsed documents: least recently used goes beyond the caps, ended workers' documents are not shown. */
import { describe, expect, it } from 'vitest';
import { KeptDocuments } from '../../../src/renderer/viewer/kept';
import type { OpenDocument } from '../../../src/renderer/viewer/pdf';

function fakeDocument(name: string, destroyed: string[], usable = () => true): OpenDocument {
  return {
    pageCount: 1,
    page: () => Promise.reject(new Error('not used')),
    text: () => Promise.reject(new Error('not used')),
    textContent: () => Promise.reject(new Error('not used')),
    destroy: () => {
      destroyed.push(name);
      return Promise.resolve();
    },
    usable,
  };
}

describe('kept documents', () => {
  it('gives a kept document back once, and destroys the least recently used beyond the count', () => {
    const destroyed: string[] = [];
    const kept = new KeptDocuments({ count: 2, bytes: 1000 });
    const a = fakeDocument('a', destroyed);
    kept.put('a', a, 10);
    kept.put('b', fakeDocument('b', destroyed), 10);
    expect(kept.hasRoomFor(10)).toBe(false);
    // Shown again: taken out, then kept again as the most recent.
    expect(kept.take('a')).toBe(a);
    expect(kept.take('a')).toBeNull();
    kept.put('a', a, 10);
    kept.put('c', fakeDocument('c', destroyed), 10);
    expect(destroyed).toEqual(['b']);
    expect(kept.has('a') && kept.has('c')).toBe(true);
  });

  it('keeps the file sizes under their cap, and never keeps a file larger than it', () => {
    const destroyed: string[] = [];
    const kept = new KeptDocuments({ count: 10, bytes: 100 });
    expect(kept.hasRoomFor(100)).toBe(true);
    expect(kept.hasRoomFor(101)).toBe(false);
    kept.put('a', fakeDocument('a', destroyed), 60);
    kept.put('b', fakeDocument('b', destroyed), 60);
    expect(destroyed).toEqual(['a']);
    kept.put('huge', fakeDocument('huge', destroyed), 101);
    expect(destroyed).toEqual(['a', 'huge']);
    expect(kept.has('b')).toBe(true);
  });

  it('does not show a document whose worker has ended', () => {
    const destroyed: string[] = [];
    let alive = true;
    const kept = new KeptDocuments({ count: 5, bytes: 1000 });
    kept.put('a', fakeDocument('a', destroyed, () => alive), 10);
    kept.put('b', fakeDocument('b', destroyed), 10);
    alive = false;
    expect(kept.take('a')).toBeNull();
    expect(destroyed).toEqual(['a']);
    expect(kept.has('b')).toBe(true);
  });
});

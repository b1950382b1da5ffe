/**
 * Highlights the parent asks for (evidence quotes and notes) and the selection reported back. A
 * highlight marks whole text items, as a class on the text layer's spans, so it never fights with
 * the search marks inside them.
 */
import type { OpenDocument } from './pdf';
import { viewerLimits, type FrameMessage } from './protocol';
import { findInPage, itemRangesOf } from './search';

export type Highlight = { page: number; text: string; kind: 'evidence' | 'note' };

const classes = { evidence: 'quote-evidence', note: 'quote-note' } as const;

/** Marks the spans of `page` that hold a highlighted text. */
export async function applyHighlights(document: OpenDocument, page: number, spans: readonly HTMLElement[], highlights: readonly Highlight[]): Promise<void> {
  for (const span of spans) span.classList.remove(classes.evidence, classes.note);
  const onPage = highlights.filter((highlight) => highlight.page === page);
  if (onPage.length === 0) return;
  const text = await document.text(page);
  for (const highlight of onPage) {
    for (const range of findInPage(text, highlight.text)) {
      for (const part of itemRangesOf(text, range)) spans[part.item]?.classList.add(classes[highlight.kind]);
    }
  }
}

/**
 * Reports the selected text of the text layer to the parent, a moment after the person stops
 * selecting; an empty text when the selection went away.
 */
export function watchSelection(textLayer: HTMLElement, current: () => { documentId: number; page: number } | null, report: (message: FrameMessage) => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  document.addEventListener('selectionchange', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const selection = document.getSelection();
      const inside = selection && selection.rangeCount > 0 && textLayer.contains(selection.anchorNode);
      const text = inside ? selection.toString().replace(/\s+/g, ' ').trim().slice(0, viewerLimits.maxSelectionLength) : '';
      const where = current();
      if (!where || text === last) return;
      last = text;
      report({ type: 'selection', documentId: where.documentId, page: where.page, text });
    }, 250);
  });
}

/**
 * Search within a document's text: pure functions over the strings of pdf.js's text items, so they
 * run in unit tests. A page's text is its items joined; an item that ends a line adds one space, so
 * a phrase broken over two lines is still found.
 */

/** A page's searchable text and where each text item starts in it. */
export interface PageText {
  text: string;
  /** Start offset of each item in `text`, parallel to the item strings. */
  itemStarts: number[];
  itemStrings: string[];
}

/** One match within a page's text: [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

/** A part of one text item that a match covers: [from, to) in that item's string. */
export interface ItemRange {
  item: number;
  from: number;
  to: number;
}

/** Lower-cases character by character, so offsets in the folded text equal those in the original. */
export function foldCase(value: string): string {
  let folded = '';
  for (const character of value) {
    const lower = character.toLowerCase();
    folded += lower.length === character.length ? lower : character;
  }
  return folded;
}

/** Builds a page's searchable text from its text items. */
export function pageTextOf(items: readonly { str: string; hasEOL?: boolean }[]): PageText {
  let text = '';
  const itemStarts: number[] = [];
  const itemStrings: string[] = [];
  for (const item of items) {
    itemStarts.push(text.length);
    itemStrings.push(item.str);
    text += item.str;
    if (item.hasEOL && !text.endsWith(' ')) text += ' ';
  }
  return { text, itemStarts, itemStrings };
}

/** Normalises what the person typed: trimmed, inner whitespace collapsed, case folded. */
export function normaliseQuery(query: string): string {
  return foldCase(query.trim().replace(/\s+/g, ' '));
}

/** Every non-overlapping occurrence of the (normalised) query in the page text, case-insensitive. */
export function findInPage(page: PageText, query: string): TextRange[] {
  const needle = normaliseQuery(query);
  if (needle.length === 0) return [];
  const haystack = foldCase(page.text);
  const ranges: TextRange[] = [];
  let from = 0;
  for (;;) {
    const index = haystack.indexOf(needle, from);
    if (index < 0) break;
    ranges.push({ start: index, end: index + needle.length });
    from = index + needle.length;
  }
  return ranges;
}

/** The parts of text items a match covers, for highlighting the spans of the text layer. */
export function itemRangesOf(page: PageText, range: TextRange): ItemRange[] {
  const parts: ItemRange[] = [];
  page.itemStrings.forEach((itemString, item) => {
    const itemStart = page.itemStarts[item] ?? 0;
    const itemEnd = itemStart + itemString.length;
    const from = Math.max(range.start, itemStart);
    const to = Math.min(range.end, itemEnd);
    if (from < to) parts.push({ item, from: from - itemStart, to: to - itemStart });
  });
  return parts;
}

/** The next hit index when stepping through `total` hits, wrapping at both ends. */
export function stepHit(current: number | null, total: number, direction: 'next' | 'previous'): number | null {
  if (total === 0) return null;
  if (current === null) return direction === 'next' ? 0 : total - 1;
  return direction === 'next' ? (current + 1) % total : (current - 1 + total) % total;
}

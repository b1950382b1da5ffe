/**
 * Marks where the words of a search occur in a text, the way the host's full-text search matched
 * them: each word as the start of a word, ignoring case and diacritics ("muller" marks "Müller").
 */
import type { ReactNode } from 'react';

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The search's words, folded; the same split as the host's search expression. */
export function searchWords(text: string | undefined): string[] {
  if (!text) return [];
  return text.normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0).slice(0, 12).map(fold);
}

/** [start, end) ranges of `text` that match a word at a word start, merged. */
export function matchRanges(text: string, words: readonly string[]): [number, number][] {
  if (words.length === 0 || text.length === 0) return [];
  // Fold character by character so that positions in the folded text map back to the original.
  let folded = '';
  const origin: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const part = fold(text[index] ?? '');
    for (let k = 0; k < part.length; k += 1) origin.push(index);
    folded += part;
  }
  origin.push(text.length);
  const ranges: [number, number][] = [];
  for (const word of words) {
    let from = folded.indexOf(word);
    while (from !== -1) {
      const before = from === 0 ? '' : folded[from - 1] ?? '';
      if (from === 0 || !/[\p{L}\p{N}]/u.test(before)) ranges.push([origin[from] ?? 0, origin[from + word.length] ?? text.length]);
      from = folded.indexOf(word, from + 1);
    }
  }
  ranges.sort((left, right) => left[0] - right[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** The text with its matches in <mark>. */
export function Highlighted({ text, words }: { text: string; words: readonly string[] }): ReactNode {
  const ranges = matchRanges(text, words);
  if (ranges.length === 0) return text;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start} className="search-hit">{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

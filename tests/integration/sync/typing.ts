/**
 * The kill loop's caseworker typing a letter: the text after `words` words is fixed, and each
 * longer text extends every shorter one, as text does while someone types. A paragraph every
 * twelve words keeps each text node small however long the torture run types.
 */
import { plainLetterBody, storedLetterBody, type LetterBody } from '../../../src/shared/letters/body';

const wordsPerParagraph = 12;

/** The text typed after `words` words. */
export function typedText(words: number): string {
  let text = '';
  for (let index = 0; index < words; index += 1) {
    if (index > 0) text += index % wordsPerParagraph === 0 ? '\n\n' : ' ';
    text += `w${index}`;
  }
  return text;
}

/** The draft's body after `words` words: the editor's document. */
export function typedBody(words: number): LetterBody {
  return plainLetterBody(typedText(words));
}

/**
 * How many words a stored body holds when it is one of the typed texts, else null (a body that
 * is no text the caseworker ever typed, e.g. two saves spliced together).
 */
export function typedWordsOf(stored: string): number | null {
  const body = storedLetterBody(stored);
  const words = body.content.flatMap((node) => (node.type === 'paragraph' ? node.content ?? [] : []))
    .flatMap((inline) => (inline.type === 'text' ? inline.text.split(' ') : []));
  return JSON.stringify(body) === JSON.stringify(typedBody(words.length)) ? words.length : null;
}

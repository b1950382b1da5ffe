/**
 * The letter being worked on, as the case screen's right pane shows it: the Letters tab sets it,
 * the document pane gives way to it while it is set.
 */
import { createContext } from 'react';

export interface ShownLetter {
  letterId: string;
  bytes: Uint8Array;
  sha256: string;
}

export const LetterPreviewContext = createContext<(letter: ShownLetter | null) => void>(() => undefined);

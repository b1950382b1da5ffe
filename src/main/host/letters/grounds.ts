/** The chosen grounds as the letter prints them, from the catalogue (src/shared/letters/grounds.ts). */
import type { GroundTexts } from './draft';

// Until the catalogue lands, a decision lists no grounds, which the letter check reports (grounds_missing).
export const groundTexts: GroundTexts = () => [];

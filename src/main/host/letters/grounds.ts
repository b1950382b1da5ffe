/** The chosen grounds as the letter prints them, from the catalogue (src/shared/letters/grounds.ts). */
import { groundById } from '../../../shared/letters/grounds';
import type { GroundTexts } from './draft';

/** Ids the catalogue does not know (a newer workbench's) are left out; the letter check then misses them. */
export const groundTexts: GroundTexts = (ids, language) => ids.flatMap((id) => {
  const ground = groundById(id);
  return ground ? [{ text: ground.title[language], legalBasis: ground.reference, reference: ground.reference }] : [];
});

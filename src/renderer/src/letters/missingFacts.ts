/** What a letter cannot be written without, as the caseworker reads it: the field labels, not their paths. */
import type { Language } from '../../../shared/contract';
import { letterFieldCatalogue, letterFieldGroups, type LetterFields } from '../../../shared/letters/fields';

const catalogue = new Map(letterFieldCatalogue().map((entry) => [entry.path, entry] as const));

/** "applicant.addressLines,deadline" → "Adres aanvrager, Termijn"; an unknown path is shown as it is. */
export function missingFactsText(missing: string, language: Language): string {
  return missing.split(',').filter((path) => path !== '').map((path) => {
    const entry = catalogue.get(path);
    if (entry) return entry[language];
    const group = path.split('.')[0] ?? '';
    return Object.hasOwn(letterFieldGroups, group) ? letterFieldGroups[group as keyof LetterFields][language] : path;
  }).join(', ');
}

/**
 * The missing paths that are facts to complete in the case, and whether the penalty is missing: that
 * one is not a fact anyone can fill in, the penalty is owed only once it has stopped or reached its maximum.
 */
export function splitMissingFacts(missing: string): { facts: string; penaltyNotFinal: boolean } {
  const paths = missing.split(',').filter((path) => path !== '');
  return { facts: paths.filter((path) => path !== 'penalty').join(','), penaltyNotFinal: paths.includes('penalty') };
}

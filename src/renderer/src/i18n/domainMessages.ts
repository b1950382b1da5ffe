/**
 * The domain engine's texts (deadline explanations, priority reasons) as the i18next namespace
 * 'domain', from src/shared/domain/messages.ts, with the letter consistency check's findings
 * (src/shared/letters/messages.ts) beside them, because those texts nest the engine's own. Its keys
 * are flat ('unit.days_one'); i18next finds them because ignoreJSONStructure is on by default.
 */
import type { Language } from '../../../shared/contract';
import { domainMessages } from '../../../shared/domain/messages';
import { letterCheckMessages } from '../../../shared/letters/messages';

/** The 'domain' namespace per language. */
export function domainCatalogs(): Record<Language, Record<string, string>> {
  return {
    nl: { ...domainMessages.nl, ...letterCheckMessages.nl },
    en: { ...domainMessages.en, ...letterCheckMessages.en },
  };
}

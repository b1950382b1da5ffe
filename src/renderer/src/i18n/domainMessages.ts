/**
 * The domain engine's texts (deadline explanations, priority reasons) as the i18next namespace
 * 'domain', from src/shared/domain/messages.ts. Its keys are flat ('unit.days_one'); i18next finds
 * them because ignoreJSONStructure is on by default.
 */
import type { Language } from '../../../shared/contract';
// The lint rule for Node built-ins also matches the folder name "domain" (Node has a `domain` module);
// this is src/shared/domain, pure TypeScript, which the renderer may import.
// eslint-disable-next-line no-restricted-imports
import { domainMessages } from '../../../shared/domain/messages';

/** The 'domain' namespace per language. */
export function domainCatalogs(): Record<Language, Record<string, string>> {
  return { nl: domainMessages.nl, en: domainMessages.en };
}

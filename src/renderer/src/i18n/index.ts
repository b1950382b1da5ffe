/**
 * i18next for the UI: Dutch by default, English second. Every text on screen comes from nl.json /
 * en.json (namespace 'translation') or the domain engine's catalog (namespace 'domain').
 */
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/contract';
import { domainCatalogs } from './domainMessages';
import en from './en.json';
import nl from './nl.json';

export const supportedLanguages: readonly Language[] = ['nl', 'en'];
export const defaultLanguage: Language = 'nl';

/** The resources of both languages, per namespace. */
export function i18nResources(): Record<Language, { translation: typeof nl; domain: Record<string, string> }> {
  const domain = domainCatalogs();
  return {
    nl: { translation: nl, domain: domain.nl },
    en: { translation: en, domain: domain.en },
  };
}

/** A supported language, or the default for anything else. */
export function toLanguage(value: string | undefined | null): Language {
  return value === 'en' || value === 'nl' ? value : defaultLanguage;
}

/** Creates and initialises the UI's i18next instance in the given language. */
export async function createI18n(language: Language, onDidChangeLanguage?: (language: Language) => void): Promise<I18n> {
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  if (onDidChangeLanguage) instance.on('languageChanged', (next) => onDidChangeLanguage(toLanguage(next)));
  await instance.init({
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: [...supportedLanguages],
    ns: ['translation', 'domain'],
    defaultNS: 'translation',
    resources: i18nResources(),
    // React escapes what it renders; escaping here as well would show &amp; to the user.
    interpolation: { escapeValue: false },
    returnNull: false,
    // No advertising in the console of a government workbench.
    showSupportNotice: false,
  });
  // i18next emits languageChanged during init too, so the listener also hears the first language.
  return instance;
}

/**
 * Money as a caseworker reads it: integer euro cents (as everywhere in Werkbank) shown in the
 * user's language, "€ 1.234,56" in Dutch and "€1,234.56" in English. The formatters are made once:
 * building an Intl formatter costs far more than using one, and screens format on every render.
 */
const euroFormats = {
  nl: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

/** An amount in euro cents; English for 'en', Dutch for any other language. */
export function formatEuroCents(cents: number, language: string): string {
  return euroFormats[language === 'en' ? 'en' : 'nl'].format(cents / 100);
}

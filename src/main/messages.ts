/**
 * The few texts main shows itself (dialogs before or outside the UI). Main has no i18next, so this is
 * a tiny two-language table; each dialog shows Dutch first and English second, because main cannot
 * know which of the two the user chose inside the UI.
 */

interface Bilingual {
  nl: string;
  en: string;
}

const failureTexts: Readonly<Record<string, Bilingual>> = {
  database_too_new: {
    nl: 'De lokale gegevens zijn gemaakt door een nieuwere versie van Werkbank. Installeer de nieuwste versie en start opnieuw.',
    en: 'The local data was created by a newer version of Werkbank. Install the latest version and start again.',
  },
  storage_full: {
    nl: 'De schijf is vol. Maak ruimte vrij en start Werkbank opnieuw.',
    en: 'The disk is full. Free some space and start Werkbank again.',
  },
  crash_loop: {
    nl: 'De gegevensdienst van Werkbank stopt steeds onverwacht. Start Werkbank opnieuw; neem contact op met de servicedesk als dit blijft gebeuren.',
    en: 'The Werkbank data service keeps stopping unexpectedly. Start Werkbank again; contact the service desk if this keeps happening.',
  },
  invalid_configuration: {
    nl: 'De instellingen van Werkbank (config.json of omgevingsvariabelen) zijn ongeldig. Laat ze controleren door de beheerder.',
    en: 'The Werkbank settings (config.json or environment variables) are invalid. Ask your administrator to check them.',
  },
  training_unavailable: {
    nl: 'De oefenomgeving van Werkbank kon niet starten. Start Werkbank opnieuw; neem contact op met de servicedesk als dit blijft gebeuren.',
    en: 'The Werkbank training environment could not start. Start Werkbank again; contact the service desk if this keeps happening.',
  },
  native_missing: {
    nl: 'Een onderdeel van Werkbank ontbreekt (de databasemodule). Installeer Werkbank opnieuw.',
    en: 'A part of Werkbank is missing (the database module). Reinstall Werkbank.',
  },
};

const fallbackFailure: Bilingual = {
  nl: 'Werkbank kan de lokale gegevens niet openen. Start Werkbank opnieuw; neem contact op met de servicedesk als dit blijft gebeuren.',
  en: 'Werkbank cannot open the local data. Start Werkbank again; contact the service desk if this keeps happening.',
};

function both(text: Bilingual): string {
  return `${text.nl}\n\n${text.en}`;
}

/** The dialog text for a fatal start-up failure, by its code. */
export function failureMessage(code: string): { title: string; message: string; detail: string } {
  const text = Object.prototype.hasOwnProperty.call(failureTexts, code) ? failureTexts[code] : undefined;
  return {
    title: 'Werkbank',
    message: both({ nl: 'Werkbank kan niet starten.', en: 'Werkbank cannot start.' }),
    detail: `${both(text ?? fallbackFailure)}\n\n(${code})`,
  };
}

/** The confirmation shown before a link opens in the user's browser. */
export function externalLinkMessage(url: string): { title: string; message: string; detail: string; buttons: string[] } {
  return {
    title: 'Werkbank',
    message: both({ nl: 'Deze link openen in uw browser?', en: 'Open this link in your browser?' }),
    detail: url,
    buttons: ['Annuleren / Cancel', 'Openen / Open'],
  };
}

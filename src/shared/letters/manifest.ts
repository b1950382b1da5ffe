/**
 * The letter templates: which text exists for which letter kind, language and regimes, from which
 * date. The texts are Liquid files under resources/letters (src/render/letters/templates.ts reads
 * and renders them); this list is what the renderer chooses from, so a file that is not listed here
 * is never used.
 *
 * File layout: `resources/letters/<kind>/<language>.<variant>.<effectiveFrom>.liquid`, for example
 * `refusal/nl.asylum.2026-01-01.liquid`. The variant names the group of regimes the text is written
 * for; `effectiveFrom` is the first letter date the text applies to.
 *
 * A template version is never edited once letters have been sent with it: a change of wording is a
 * new file with a later effectiveFrom, so a letter can always be rendered again as it was sent.
 *
 * Versions and variants. For a letter (kind, language, regime, letter date) the renderer takes the
 * entries of that kind and language whose `regimes` include the regime, and of those the one with
 * the latest effectiveFrom on or before the letter date. Regimes are always listed explicitly (no
 * "all"), so a new version for some regimes never silently replaces a more specific text for others.
 * When the language has no entry in effect, the Dutch one is used: Dutch is the language of the
 * decision, an English letter is a service.
 *
 * Block syntax. Everything a template prints sits in one of three Liquid block tags, each with a
 * name unique in the template (the editor keeps a caseworker's text per block name):
 *
 *   {% heading "subject" %}…{% endheading %}       a heading; standard text
 *   {% standard "intro" %}…{% endstandard %}      standaardtekst: fixed wording, the editor locks it
 *   {% free "reasoning" %}…{% endfree %}          free text the caseworker writes; the template
 *                                                 gives its first version (usually a field)
 *
 * Inside a block a blank line starts a new paragraph and other line breaks are spaces, as in prose.
 * With `lines` after the name (`{% standard "address" lines %}`) every line stays a line: for the
 * address, the reference lines and the signature. A block that renders empty (an `{% if %}` around
 * its text was false) is left out. Text outside blocks, a nested block or a repeated name is an
 * error. Liquid tags that print nothing (`assign`, `if` around blocks) may stand outside blocks.
 */
import { z } from 'zod';
import { isoDate, language, type Language } from '../contract/common';
import { regimes, type Regime } from '../domain/rules';
import { letterKind, type LetterKind } from '../sync/mutations';

export const letterTemplateEntry = z.object({
  kind: letterKind,
  language,
  /** The group of regimes the text is written for; part of the file name. */
  variant: z.string().regex(/^[a-z][a-z_]*$/),
  regimes: z.array(z.enum(regimes)).min(1),
  effectiveFrom: isoDate,
  /** The letter's title in its own language, as lists of letters show it. */
  title: z.string().min(1).max(200),
}).strict();

export type LetterTemplateEntry = z.infer<typeof letterTemplateEntry>;

/** The path of an entry's file, relative to the letters folder. */
export function templateFile(entry: Pick<LetterTemplateEntry, 'kind' | 'language' | 'variant' | 'effectiveFrom'>): string {
  return `${entry.kind}/${entry.language}.${entry.variant}.${entry.effectiveFrom}.liquid`;
}

/** The first texts apply from the start of 2026, when these templates were written. */
const first = '2026-01-01';

const residence: Regime[] = ['regular', 'regular_study', 'mvv', 'eu_long_term'];
const firstInstance: Regime[] = [...residence, 'naturalisation', 'asylum'];
const objections: Regime[] = ['objection_regular', 'objection_general'];
// Asylum has no administrative penalty (rules.ts), so no penalty decision either.
const withPenalty: Regime[] = [...residence, 'naturalisation', ...objections];

type Entry = Omit<LetterTemplateEntry, 'kind'>;
const nl = (variant: string, regimeList: Regime[], title: string, effectiveFrom = first): Entry =>
  ({ language: 'nl', variant, regimes: regimeList, effectiveFrom, title });
const en = (variant: string, regimeList: Regime[], title: string, effectiveFrom = first): Entry =>
  ({ language: 'en', variant, regimes: regimeList, effectiveFrom, title });

/** The templates per letter kind; a letter kind without templates fails to compile. */
const byKind = {
  acknowledgement: [
    nl('residence', [...residence, 'naturalisation'], 'Ontvangstbevestiging van uw aanvraag'),
    nl('asylum', ['asylum'], 'Ontvangstbevestiging van uw asielaanvraag'),
    nl('objection', objections, 'Ontvangstbevestiging van uw bezwaarschrift'),
    en('residence', [...residence, 'naturalisation'], 'Acknowledgement of receipt of your application'),
  ],
  missing_documents: [
    nl('all', [...firstInstance, ...objections], 'Verzoek om aanvullende stukken'),
    en('all', [...firstInstance, ...objections], 'Request for additional documents'),
  ],
  extension_notice: [
    nl('all', [...firstInstance, ...objections], 'Verlenging van de beslistermijn'),
  ],
  grant: [
    nl('residence', residence, 'Besluit op uw aanvraag: inwilliging'),
    nl('asylum', ['asylum'], 'Besluit op uw asielaanvraag: inwilliging'),
    nl('naturalisation', ['naturalisation'], 'Besluit op uw verzoek om naturalisatie'),
  ],
  refusal: [
    nl('residence', residence, 'Besluit op uw aanvraag: afwijzing'),
    nl('asylum', ['asylum'], 'Besluit op uw asielaanvraag: afwijzing'),
    nl('naturalisation', ['naturalisation'], 'Besluit op uw verzoek om naturalisatie: afwijzing'),
  ],
  not_processed: [
    nl('all', firstInstance, 'Besluit: uw aanvraag wordt niet behandeld'),
  ],
  objection_decision: [
    nl('objection', objections, 'Beslissing op uw bezwaar'),
  ],
  penalty_decision: [
    nl('all', withPenalty, 'Beschikking dwangsom bij niet tijdig beslissen'),
  ],
} as const satisfies Record<LetterKind, readonly Entry[]>;

/** Every template, parsed, so a malformed entry fails when the module loads. */
export const letterTemplates: readonly LetterTemplateEntry[] = z.array(letterTemplateEntry).parse(
  Object.entries(byKind).flatMap(([kind, entries]) => entries.map((entry) => ({ kind, ...entry }))),
);

/**
 * The entry for a letter: in the language if one is in effect on the letter date, else in Dutch;
 * null when neither has one (that kind is not written for the regime, or not yet in effect).
 */
export function selectTemplate(
  entries: readonly LetterTemplateEntry[], kind: LetterKind, requested: Language, regime: Regime, letterDate: string,
): LetterTemplateEntry | null {
  const inEffect = (language: Language): LetterTemplateEntry | null => {
    let chosen: LetterTemplateEntry | null = null;
    for (const entry of entries) {
      if (entry.kind !== kind || entry.language !== language || !entry.regimes.includes(regime)) continue;
      if (entry.effectiveFrom > letterDate) continue;
      if (!chosen || entry.effectiveFrom > chosen.effectiveFrom) chosen = entry;
    }
    return chosen;
  };
  return inEffect(requested) ?? (requested === 'nl' ? null : inEffect('nl'));
}

/**
 * The letter templates: every listed template renders with the sample fields, strict mode refuses
 * unknown fields and filters, the version in effect on the letter date is chosen, a language without
 * a version falls back to Dutch, and the manifest covers every letter kind and every file.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLetterRenderer, LetterTemplateError, renderLetterSource } from '../../../src/render/letters/templates';
import { defaultLettersDirectory, lettersDirectory } from '../../../src/render/letters/location';
import { letterFieldCatalogue, letterFields, type LetterFields } from '../../../src/shared/letters/fields';
import { formatDateLong, formatEuro, formatInWords, formatPeriod } from '../../../src/shared/letters/format';
import { letterTemplateEntry, letterTemplates, selectTemplate, templateFile, type LetterTemplateEntry } from '../../../src/shared/letters/manifest';
import { sampleLetterFields, sampleRepresentative } from '../../../src/shared/letters/samples';
import { letterKind } from '../../../src/shared/sync/mutations';

const renderer = createLetterRenderer();
const fixtures = join(__dirname, '..', '..', 'fixtures', 'letters');

/** Words that would betray an English leftover in a Dutch letter. */
const englishWords = /\b(the|your|you|application|decision|objection|weeks?|dear|please|TODO|undefined|null|NaN)\b/;

function allText(blocks: { text: string }[]): string {
  return blocks.map((block) => block.text).join('\n');
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]);
}

describe('every template in the manifest', () => {
  it.each(letterTemplates.map((entry) => [templateFile(entry), entry] as const))('%s renders with the sample fields', async (_file, entry) => {
    const letter = await renderer.renderTemplate(entry, sampleLetterFields[entry.language]);
    const text = allText(letter.blocks);
    expect(letter.blocks.length).toBeGreaterThan(5);
    expect(text).toContain(sampleLetterFields[entry.language].applicant.name);
    expect(text).toContain(sampleLetterFields.nl.case.caseNumber);
    expect(letter.blocks.some((block) => block.type === 'heading')).toBe(true);
    expect(letter.blocks.every((block) => block.text.trim() === block.text && block.text !== '')).toBe(true);
    if (entry.language === 'nl') {
      expect(text).not.toMatch(englishWords);
      expect(text).toContain('De Staatssecretaris van Justitie en Veiligheid,\nnamens deze,');
    }
    expect(text).not.toMatch(/[{}]|%}/);
  });

  it.each(letterTemplates.map((entry) => [templateFile(entry), entry] as const))('%s goes to the representative when there is one', async (_file, entry) => {
    const fields: LetterFields = { ...sampleLetterFields[entry.language], representative: sampleRepresentative };
    const letter = await renderer.renderTemplate(entry, fields);
    expect(letter.blocks[0]).toMatchObject({ block: 'address', standard: true });
    expect(letter.blocks[0]?.text.split('\n')[0]).toBe(sampleRepresentative.name);
    expect(allText(letter.blocks)).toContain(sampleRepresentative.salutation);
    expect(allText(letter.blocks)).toContain(fields.applicant.name);
  });

  it('marks standard texts and free texts', async () => {
    const entry = selectTemplate(letterTemplates, 'refusal', 'nl', 'regular', '2026-04-28');
    if (!entry) throw new Error('no refusal template');
    const decision = sampleLetterFields.nl.decision;
    if (!decision) throw new Error('the sample has no decision');
    const letter = await renderer.renderTemplate(entry, { ...sampleLetterFields.nl, decision: { ...decision, outcome: 'refused' } });
    const reasoning = letter.blocks.filter((block) => block.block === 'reasoning');
    expect(reasoning).toEqual([{ type: 'paragraph', block: 'reasoning', standard: false, text: sampleLetterFields.nl.decision?.reasoning }]);
    expect(letter.blocks.find((block) => block.block === 'remedies')?.text).toMatch(/^Bent u het niet eens met dit besluit\? Dan kunt u bezwaar maken\. Dat doet u binnen vier weken/);
    expect(letter.blocks.find((block) => block.block === 'remedies')?.standard).toBe(true);
    // The address keeps its lines and the two spaces between postcode and town.
    expect(letter.blocks[0]?.text).toBe('Samira El Amrani\nLange Voorhout 12\n2514 EA  DEN HAAG');
  });

  it('writes an appeal to the court when the remedy is appeal', async () => {
    const entry = selectTemplate(letterTemplates, 'refusal', 'nl', 'asylum', '2026-04-28');
    if (!entry) throw new Error('no asylum refusal template');
    const fields: LetterFields = { ...sampleLetterFields.nl, remedies: { remedy: 'appeal', weeks: 1, lastDay: '2026-05-05', legalBasis: 'artikel 69, tweede lid, van de Vreemdelingenwet 2000' } };
    const remedies = (await renderer.renderTemplate(entry, fields)).blocks.find((block) => block.block === 'remedies')?.text;
    expect(remedies).toContain('Dan kunt u beroep instellen bij de rechtbank. Dat doet u binnen één week na de dag');
    expect(remedies).toContain('uiterlijk op 5 mei 2026');
  });

  it('refuses a decision letter without remedies: a decision always states them', async () => {
    const entry = selectTemplate(letterTemplates, 'grant', 'nl', 'regular', '2026-04-28');
    if (!entry) throw new Error('no grant template');
    await expect(renderer.renderTemplate(entry, { ...sampleLetterFields.nl, remedies: null })).rejects.toThrow(/field "remedies\.remedy" is used but its group is empty/);
  });
});

describe('strict mode', () => {
  const render = (source: string) => renderLetterSource(source, 'test.liquid', 'nl', sampleLetterFields.nl);
  const failure = (source: string): LetterTemplateError => {
    try {
      render(source);
    } catch (error) {
      if (error instanceof LetterTemplateError) return error;
      throw error;
    }
    throw new Error('rendered without an error');
  };

  it('refuses an unknown field, naming the template and the field', () => {
    const error = failure('{% standard "a" %}{{ applicant.nmae }}{% endstandard %}');
    expect(error.code).toBe('template_error');
    expect(error.template).toBe('test.liquid');
    expect(error.field).toBe('applicant.nmae');
    expect(error.message).toMatch(/^test\.liquid: unknown field "applicant\.nmae"/);
  });

  it('refuses an unknown filter', () => {
    const error = failure('{% standard "a" %}{{ applicant.name | shout }}{% endstandard %}');
    expect(error.field).toBe('shout');
    expect(error.message).toContain('unknown filter "shout"');
  });

  it('refuses text outside blocks, nested blocks, repeated names and includes', () => {
    expect(failure('Geachte heer,').message).toContain('text outside a block');
    expect(failure('{% standard "a" %}{% free "b" %}x{% endfree %}{% endstandard %}').message).toContain('blocks do not nest');
    expect(failure('{% standard "a" %}x{% endstandard %}{% free "a" %}y{% endfree %}').message).toContain('used twice');
    expect(failure('{% include "other" %}').message).toContain('not allowed');
    expect(failure('{% standard "a" %}x').message).toContain('not closed');
    expect(failure('{% standard a %}x{% endstandard %}').message).toContain('quoted block name');
  });

  it('refuses a wrong value in a filter without printing it', () => {
    const error = failure('{% standard "a" %}{{ applicant.name | date_long }}{% endstandard %}');
    expect(error.message).toContain('date_long expects a date');
    expect(error.message).not.toContain('Samira');
  });

  it('refuses fields that do not match the catalogue', () => {
    const fields = { ...sampleLetterFields.nl, applicant: { ...sampleLetterFields.nl.applicant, vNumber: '12' } };
    expect(() => renderLetterSource('{% standard "a" %}x{% endstandard %}', 't', 'nl', fields)).toThrow(/at "applicant\.vNumber"/);
  });

  it('keeps prose on one line, splits paragraphs on blank lines and drops empty blocks', () => {
    const blocks = render('{% standard "a" %}\nEen\n{% if sponsor %}\ntwee.\n{% endif %}\n\nDrie.\n{% endstandard %}\n{% free "b" %}{% if representative %}x{% endif %}{% endfree %}');
    expect(blocks).toEqual([
      { type: 'paragraph', block: 'a', standard: true, text: 'Een twee.' },
      { type: 'paragraph', block: 'a', standard: true, text: 'Drie.' },
    ]);
  });
});

describe('choosing a template', () => {
  const first: LetterTemplateEntry = { kind: 'acknowledgement', language: 'nl', variant: 'all', regimes: ['regular'], effectiveFrom: '2026-01-01', title: 'Oud' };
  const fixtureEntries: LetterTemplateEntry[] = [
    first,
    { kind: 'acknowledgement', language: 'nl', variant: 'all', regimes: ['regular'], effectiveFrom: '2026-07-01', title: 'Nieuw' },
    { kind: 'acknowledgement', language: 'en', variant: 'all', regimes: ['regular'], effectiveFrom: '2026-07-01', title: 'New' },
  ];
  const fixtureRenderer = createLetterRenderer({ directory: fixtures, templates: fixtureEntries });
  const on = (date: string): LetterFields => ({ ...sampleLetterFields.nl, letter: { ...sampleLetterFields.nl.letter, date } });

  it('takes the version in effect on the letter date', async () => {
    expect((await fixtureRenderer.render({ kind: 'acknowledgement', language: 'nl', regime: 'regular', fields: on('2026-06-30') })).blocks[0]?.text).toMatch(/^Versie 2026 /);
    expect((await fixtureRenderer.render({ kind: 'acknowledgement', language: 'nl', regime: 'regular', fields: on('2026-07-01') })).blocks[0]?.text).toMatch(/^Versie juli 2026 /);
  });

  it('falls back to Dutch when the language has no version in effect', async () => {
    const early = await fixtureRenderer.render({ kind: 'acknowledgement', language: 'en', regime: 'regular', fields: on('2026-03-01') });
    expect(early).toMatchObject({ language: 'nl', fellBack: true, file: 'acknowledgement/nl.all.2026-01-01.liquid' });
    const later = await fixtureRenderer.render({ kind: 'acknowledgement', language: 'en', regime: 'regular', fields: on('2026-08-01') });
    expect(later).toMatchObject({ language: 'en', fellBack: false });
    // The shipped templates: no English asylum acknowledgement, so the Dutch one.
    const asylum = await renderer.render({ kind: 'acknowledgement', language: 'en', regime: 'asylum', fields: sampleLetterFields.en });
    expect(asylum).toMatchObject({ language: 'nl', fellBack: true, file: 'acknowledgement/nl.asylum.2026-01-01.liquid' });
  });

  it('refuses a letter no template is written for, or dated before any version', async () => {
    await expect(fixtureRenderer.render({ kind: 'acknowledgement', language: 'nl', regime: 'regular', fields: on('2025-12-31') }))
      .rejects.toMatchObject({ code: 'no_template' });
    await expect(renderer.render({ kind: 'penalty_decision', language: 'nl', regime: 'asylum', fields: sampleLetterFields.nl }))
      .rejects.toMatchObject({ code: 'no_template' });
  });

  it('reports a listed template that is not on disk', async () => {
    const missing = createLetterRenderer({ directory: fixtures, templates: [{ ...first, kind: 'grant' }] });
    await expect(missing.render({ kind: 'grant', language: 'nl', regime: 'regular', fields: on('2026-03-01') }))
      .rejects.toMatchObject({ code: 'template_missing', template: 'grant/nl.all.2026-01-01.liquid' });
  });
});

describe('the manifest', () => {
  it('has templates for every letter kind', () => {
    for (const kind of letterKind.options) expect(letterTemplates.some((entry) => entry.kind === kind), kind).toBe(true);
  });

  it('lists exactly the files in resources/letters', () => {
    const onDisk = filesUnder(defaultLettersDirectory).map((file) => relative(defaultLettersDirectory, file).split('\\').join('/')).sort();
    expect(letterTemplates.map(templateFile).sort()).toEqual(onDisk);
  });

  it('has valid entries, and at most one text per kind, language, regime and date', () => {
    const seen = new Set<string>();
    for (const entry of letterTemplates) {
      letterTemplateEntry.parse(entry);
      for (const regime of entry.regimes) {
        const key = `${entry.kind}/${entry.language}/${regime}/${entry.effectiveFrom}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });

  it('has an English text only where a Dutch one exists for the same regimes', () => {
    for (const entry of letterTemplates.filter((candidate) => candidate.language === 'en')) {
      for (const regime of entry.regimes) expect(selectTemplate(letterTemplates, entry.kind, 'nl', regime, entry.effectiveFrom), `${entry.kind} ${regime}`).not.toBeNull();
    }
  });

  it('locates the folder in the packaged app and in development', () => {
    expect(lettersDirectory({ isPackaged: true, resourcesPath: '/opt/Werkbank/resources', appPath: '/x' })).toBe(join('/opt/Werkbank/resources', 'letters'));
    expect(lettersDirectory({ isPackaged: false, resourcesPath: '/x', appPath: '/repo' })).toBe(join('/repo', 'resources', 'letters'));
  });
});

describe('the field catalogue', () => {
  it('labels every field in both languages', () => {
    const catalogue = letterFieldCatalogue();
    expect(catalogue.map((entry) => entry.path)).toContain('applicant.name');
    expect(catalogue.map((entry) => entry.path)).toContain('decision.permit.validUntil');
    for (const entry of catalogue) {
      expect(entry.nl.length, entry.path).toBeGreaterThan(0);
      expect(entry.en.length, entry.path).toBeGreaterThan(0);
    }
    expect(new Set(catalogue.map((entry) => entry.path)).size).toBe(catalogue.length);
  });

  it('has valid sample fields in both languages', () => {
    expect(letterFields.parse(sampleLetterFields.nl)).toEqual(sampleLetterFields.nl);
    expect(letterFields.parse(sampleLetterFields.en)).toEqual(sampleLetterFields.en);
  });
});

describe('the filters', () => {
  it('writes dates with month names', () => {
    expect(formatDateLong('2026-04-28', 'nl')).toBe('28 april 2026');
    expect(formatDateLong('2026-04-28', 'en')).toBe('28 April 2026');
    expect(formatDateLong('2026-01-01', 'nl')).toBe('1 januari 2026');
    expect(() => formatDateLong('28-04-2026', 'nl')).toThrow();
    expect(() => formatDateLong(null, 'nl')).toThrow();
  });

  it('writes euro amounts from cents', () => {
    expect(formatEuro(123_456, 'nl')).toBe('€ 1.234,56');
    expect(formatEuro(123_456, 'en')).toBe('€1,234.56');
    expect(formatEuro(5, 'nl')).toBe('€ 0,05');
    expect(formatEuro(144_200_000, 'nl')).toBe('€ 1.442.000,00');
    expect(formatEuro(-2_300, 'en')).toBe('-€23.00');
    expect(() => formatEuro(12.5, 'nl')).toThrow();
  });

  it('writes periods and small numbers', () => {
    expect(formatPeriod({ days: 90 }, 'nl')).toBe('90 dagen');
    expect(formatPeriod({ years: 1, months: 6 }, 'nl')).toBe('1 jaar en 6 maanden');
    expect(formatPeriod({ weeks: 1 }, 'en')).toBe('1 week');
    expect(() => formatPeriod({}, 'nl')).toThrow();
    expect(formatInWords(4, 'nl')).toBe('vier');
    expect(formatInWords(6, 'en')).toBe('six');
    expect(formatInWords(42, 'nl')).toBe('42');
  });
});

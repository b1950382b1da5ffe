import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DomainError, domainMessages, domainRules, formatLegalDateLong, remedyClauseFacts, remedyPeriod, type DomainRules,
  type RemedyPeriodInput,
} from '../../../src/shared/domain';

type Worked = [name: string, input: RemedyPeriodInput, remedy: 'objection' | 'appeal', weeks: number, lastDay: string, basis: string];

// Worked by hand: letter date + N × 7 days is the same weekday; then the next working day if needed.
const worked: Worked[] = [
  ['residence: Monday 30 March 2026 + 4 weeks = King\'s Day (Monday 27 April), so Tuesday',
    { caseType: 'highly_skilled_migrant', letterDate: '2026-03-30' }, 'objection', 4, '2026-04-28', 'Vw art. 69(1)'],
  ['residence on a plain Tuesday', { caseType: 'work', letterDate: '2026-02-03' }, 'objection', 4, '2026-03-03', 'Vw art. 69(1)'],
  ['study like residence', { caseType: 'study', letterDate: '2026-06-10' }, 'objection', 4, '2026-07-08', 'Vw art. 69(1)'],
  ['mvv: a letter of Saturday 10 January ends Saturday 7 February, so Monday 9 February',
    { caseType: 'entry_and_residence', letterDate: '2026-01-10' }, 'objection', 4, '2026-02-09', 'Vw art. 69(1)'],
  ['EU long-term resident, Saturday to Monday', { caseType: 'eu_long_term_resident', letterDate: '2026-01-10' }, 'objection', 4, '2026-02-09', 'Vw art. 69(1)'],
  ['residence: Monday 9 March + 4 weeks = Easter Monday 6 April, so Tuesday 7 April',
    { caseType: 'residence_extension', letterDate: '2026-03-09' }, 'objection', 4, '2026-04-07', 'Vw art. 69(1)'],
  ['residence: King\'s Day on Saturday 26 April 2025 (the 27th a Sunday), so Monday 28 April',
    { caseType: 'family_partner', letterDate: '2025-03-29' }, 'objection', 4, '2025-04-28', 'Vw art. 69(1)'],
  ['naturalisation: Monday 2 February + 6 weeks = Monday 16 March', { caseType: 'naturalisation', letterDate: '2026-02-02' },
    'objection', 6, '2026-03-16', 'Awb art. 6:7'],
  ['naturalisation: Friday 20 February + 6 weeks = Good Friday; Saturday, Sunday, Easter Monday follow, so Tuesday 7 April',
    { caseType: 'naturalisation', letterDate: '2026-02-20' }, 'objection', 6, '2026-04-07', 'Awb art. 6:7'],
  ['decision on a residence objection: appeal within 4 weeks', { caseType: 'objection_regular', letterDate: '2026-06-10' },
    'appeal', 4, '2026-07-08', 'Vw art. 69(1)'],
  ['decision on an mvv objection, King\'s Day', { caseType: 'objection_mvv', letterDate: '2026-03-30' }, 'appeal', 4, '2026-04-28', 'Vw art. 69(1)'],
  ['decision on a naturalisation objection: appeal within 6 weeks', { caseType: 'objection_naturalisation', letterDate: '2026-02-02' },
    'appeal', 6, '2026-03-16', 'Awb art. 6:7'],
  ['decision on a sponsor objection: Thursday 13 November 2025 + 6 weeks = Christmas Day; Boxing Day, Saturday, Sunday, so Monday 29 December',
    { caseType: 'objection_sponsor', letterDate: '2025-11-13' }, 'appeal', 6, '2025-12-29', 'Awb art. 6:7'],
  ['asylum, general procedure: Thursday 30 April + 1 week = Thursday 7 May',
    { caseType: 'asylum', letterDate: '2026-04-30', asylumTrack: 'general' }, 'appeal', 1, '2026-05-07', 'Vw art. 69(2)'],
  ['asylum, general procedure: Tuesday 28 April + 1 week = Liberation Day, so Wednesday 6 May',
    { caseType: 'asylum', letterDate: '2026-04-28', asylumTrack: 'general' }, 'appeal', 1, '2026-05-06', 'Vw art. 69(2)'],
  ['asylum, general procedure: Thursday 7 May + 1 week = Ascension Day, so Friday 15 May',
    { caseType: 'asylum_unaccompanied_minor', letterDate: '2026-05-07', asylumTrack: 'general' }, 'appeal', 1, '2026-05-15', 'Vw art. 69(2)'],
  ['asylum, extended procedure: Friday 27 November + 4 weeks = Christmas Day (Friday); Boxing Day, Sunday, so Monday 28 December',
    { caseType: 'asylum', letterDate: '2026-11-27', asylumTrack: 'extended' }, 'appeal', 4, '2026-12-28', 'Vw art. 69(1)'],
  ['asylum without a track: 4 weeks', { caseType: 'asylum_unaccompanied_minor', letterDate: '2026-02-03' }, 'appeal', 4, '2026-03-03', 'Vw art. 69(1)'],
];

describe('remedyPeriod', () => {
  it.each(worked)('%s', (_name, input, remedy, weeks, lastDay, basis) => {
    const result = remedyPeriod(input);
    expect(result).toMatchObject({ remedy, period: { weeks }, lastDay, legalBasis: basis, rulesVersion: domainRules.version });
    expect(result.firstDay > input.letterDate).toBe(true);
  });

  it('explains every result in steps, each with its legal basis', () => {
    for (const [, input] of worked) {
      const { explanation } = remedyPeriod(input);
      expect(explanation.length).toBeGreaterThan(0);
      for (const entry of explanation) {
        expect(entry.legalBasis, entry.key).toMatch(/^(Vw|Awb|Atw) art\. /);
        expect(entry.values['basis']).toBe(entry.legalBasis);
        expect(Object.hasOwn(domainMessages.en, entry.key), entry.key).toBe(true);
      }
    }
  });

  it('explains the King\'s Day example step by step', () => {
    const result = remedyPeriod({ caseType: 'highly_skilled_migrant', letterDate: '2026-03-30' });
    expect(result).toMatchObject({ firstDay: '2026-03-31', rolledForward: true, regime: 'regular' });
    expect(result.explanation.map(({ key, values }) => [key, values])).toEqual([
      ['remedy.step.objection', { regime: 'regular', amount: 4, unit: 'weeks', basis: 'Vw art. 69(1)' }],
      ['remedy.step.start', { letterDate: '2026-03-30', date: '2026-03-31', basis: 'Awb art. 6:8' }],
      ['remedy.step.end', { letterDate: '2026-03-30', amount: 4, unit: 'weeks', date: '2026-04-27', basis: 'Vw art. 69(1)' }],
      ['deadline.step.atwRoll', { from: '2026-04-27', reason: 'kingsDay', date: '2026-04-28', basis: 'Atw art. 1' }],
      ['remedy.step.result.objection', { date: '2026-04-28', basis: 'Vw art. 69(1)' }],
    ]);
  });

  it('says an asylum decision goes straight to court, and does not roll a working day', () => {
    const result = remedyPeriod({ caseType: 'asylum', letterDate: '2026-04-30', asylumTrack: 'general' });
    expect(result.rolledForward).toBe(false);
    expect(result.explanation.map((entry) => [entry.key, entry.legalBasis])).toEqual([
      ['remedy.step.noObjection', 'Vw art. 80'],
      ['remedy.step.asylum.general', 'Vw art. 69(2)'],
      ['remedy.step.start', 'Awb art. 6:8'],
      ['remedy.step.end', 'Vw art. 69(2)'],
      ['remedy.step.result.appeal', 'Vw art. 69(2)'],
    ]);
  });

  it('has a remedy for every case type of the rules table', () => {
    for (const [caseType, regime] of Object.entries(domainRules.caseTypes)) {
      const result = remedyPeriod({ caseType, letterDate: '2026-02-03' });
      const expected = regime === 'asylum' || regime.startsWith('objection_') ? 'appeal' : 'objection';
      expect(result.remedy, caseType).toBe(expected);
    }
  });

  it('takes a change of law from a new version of the table entry, by letter date', () => {
    const regular = domainRules.remedies.regimes.regular[0];
    if (!regular) throw new Error('the rules table has no remedy for regular');
    const changed: DomainRules = {
      ...domainRules,
      remedies: {
        ...domainRules.remedies,
        regimes: {
          ...domainRules.remedies.regimes,
          regular: [regular, { effectiveFrom: '2027-01-01', remedy: 'objection', term: { period: { weeks: 6 }, legalBasis: 'Vw art. 69(1) (new)' } }],
        },
      },
    };
    expect(remedyPeriod({ caseType: 'work', letterDate: '2026-12-31' }, changed)).toMatchObject({ period: { weeks: 4 }, legalBasis: 'Vw art. 69(1)' });
    expect(remedyPeriod({ caseType: 'work', letterDate: '2027-01-04' }, changed)).toMatchObject({
      period: { weeks: 6 }, lastDay: '2027-02-15', legalBasis: 'Vw art. 69(1) (new)',
    });
  });

  const refused: [name: string, input: unknown, field: string, code: string][] = [
    ['unknown case type', { caseType: 'blue_card', letterDate: '2026-03-30' }, 'caseType', 'unknown_case_type'],
    ['a regime name that is no case type', { caseType: 'regular', letterDate: '2026-03-30' }, 'caseType', 'unknown_case_type'],
    ['an inherited property name', { caseType: 'toString', letterDate: '2026-03-30' }, 'caseType', 'unknown_case_type'],
    ['missing case type', { letterDate: '2026-03-30' }, 'caseType', 'unknown_case_type'],
    ['30 February', { caseType: 'work', letterDate: '2026-02-30' }, 'letterDate', 'invalid_date'],
    ['a date with a time', { caseType: 'work', letterDate: '2026-03-30T10:00' }, 'letterDate', 'invalid_date'],
    ['missing letter date', { caseType: 'work' }, 'letterDate', 'missing_field'],
    ['unknown asylum track', { caseType: 'asylum', letterDate: '2026-03-30', asylumTrack: 'fast' }, 'asylumTrack', 'invalid_input'],
    ['an asylum track on a residence case', { caseType: 'work', letterDate: '2026-03-30', asylumTrack: 'general' }, 'asylumTrack', 'invalid_input'],
    ['no object', null, 'input', 'invalid_input'],
  ];
  it.each(refused)('refuses %s with a DomainError', (_name, input, field, code) => {
    let caught: unknown;
    try {
      remedyPeriod(input as RemedyPeriodInput);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({ field, code });
  });

  describe('rendered with i18next', () => {
    let translator: i18n;
    beforeAll(async () => {
      translator = i18next.createInstance();
      await translator.init({
        lng: 'nl', ns: ['domain'], defaultNS: 'domain', showSupportNotice: false,
        resources: { nl: { domain: domainMessages.nl }, en: { domain: domainMessages.en } },
        interpolation: { escapeValue: false },
      } as Parameters<i18n['init']>[0]);
    });
    const render = (input: RemedyPeriodInput, lng: string) =>
      remedyPeriod(input).explanation.map((entry) => translator.t(entry.key, { ...entry.values, lng }));

    it('explains the King\'s Day example in Dutch and English', () => {
      const input = { caseType: 'highly_skilled_migrant', letterDate: '2026-03-30' };
      expect(render(input, 'nl')).toEqual([
        'Besluit (Regulier verblijf): bezwaar binnen 4 weken (Vw art. 69(1))',
        'De termijn begint op de dag na de brief van 2026-03-30: 2026-03-31 (Awb art. 6:8)',
        'Hij eindigt 4 weken na de datum van de brief, op dezelfde dag van de week: 2026-04-27 (Vw art. 69(1))',
        '2026-04-27 is Koningsdag, dus 2026-04-28 (Atw art. 1)',
        'Laatste dag om bezwaar te maken: 2026-04-28 (Vw art. 69(1))',
      ]);
      expect(render(input, 'en')).toEqual([
        'Decision (Regular residence): objection within 4 weeks (Vw art. 69(1))',
        'The period starts the day after the letter of 2026-03-30: 2026-03-31 (Awb art. 6:8)',
        'It ends 4 weeks after the letter date, on the same day of the week: 2026-04-27 (Vw art. 69(1))',
        '2026-04-27 is King\'s Day, so 2026-04-28 (Atw art. 1)',
        'Last day to lodge an objection: 2026-04-28 (Vw art. 69(1))',
      ]);
    });

    it('uses the singular week and leaves no placeholder', () => {
      expect(render({ caseType: 'asylum', letterDate: '2026-04-30', asylumTrack: 'general' }, 'nl')[1])
        .toBe('Beslist in de algemene asielprocedure: beroep binnen 1 week (Vw art. 69(2))');
      for (const lng of ['nl', 'en']) {
        for (const [, input] of worked) {
          for (const text of render(input, lng)) expect(text).not.toMatch(/\{\{|\$t\(|unit\.|regime\.|dayKind\.|remedy\.step/);
        }
      }
    });
  });
});

describe('formatLegalDateLong', () => {
  it('writes the day without a leading zero and the month in words', () => {
    expect(formatLegalDateLong('2026-04-28', 'nl')).toBe('28 april 2026');
    expect(formatLegalDateLong('2026-04-28', 'en')).toBe('28 April 2026');
    expect(formatLegalDateLong('2026-01-01', 'nl')).toBe('1 januari 2026');
    expect(formatLegalDateLong('2024-02-29', 'en')).toBe('29 February 2024');
  });

  it('knows every month in both languages', () => {
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];
    expect(months.map((month) => formatLegalDateLong(`2026-${month}-15`, 'nl').split(' ')[1])).toEqual([
      'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
    ]);
    expect(months.map((month) => formatLegalDateLong(`2026-${month}-15`, 'en').split(' ')[1])).toEqual([
      'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
    ]);
  });

  it('refuses a date that does not exist and an unknown language', () => {
    expect(() => formatLegalDateLong('2026-02-30', 'nl')).toThrow(DomainError);
    expect(() => formatLegalDateLong('2026-04-28', 'de' as 'nl')).toThrow(DomainError);
  });
});

describe('remedyClauseFacts', () => {
  it('gives the facts of the remedies clause with the last day written out', () => {
    const result = remedyPeriod({ caseType: 'highly_skilled_migrant', letterDate: '2026-03-30' });
    expect(remedyClauseFacts(result, 'nl')).toEqual({
      remedy: 'objection', weeks: 4, lastDay: '2026-04-28', lastDayText: '28 april 2026', legalBasis: 'Vw art. 69(1)',
    });
    expect(remedyClauseFacts(result, 'en').lastDayText).toBe('28 April 2026');
  });
});

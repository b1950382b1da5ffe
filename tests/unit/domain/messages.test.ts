import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computeDecisionDeadline, computePenalty, computePriority, domainErrorCodes, domainMessages, domainRules, remedyPeriod,
  type DecisionDeadlineInput, type ExplanationStep, type PenaltyInput, type PriorityCase, type PriorityReason, type RemedyPeriodInput,
} from '../../../src/shared/domain';
import { priorityBands } from '../../../src/shared/domain/priority';
import { regimes } from '../../../src/shared/domain/rules';

const deadlineInputs: DecisionDeadlineInput[] = [
  { regime: 'regular', receivedOn: '2025-01-21' },
  { regime: 'regular', receivedOn: '2025-01-21', extensions: [{ days: 14 }] },
  { regime: 'eu_long_term', receivedOn: '2025-08-31' },
  { regime: 'naturalisation', receivedOn: '2023-02-28', extensions: [{ months: 6 }, { years: 0, months: 2, weeks: 1, days: 2 }] },
  { regime: 'objection_regular', receivedOn: '2026-04-10', contestedDecisionOn: '2026-03-30', extensions: [{ weeks: 6 }],
    suspensions: [{ requestedOn: '2026-05-01', endedOn: '2026-05-10' }, { requestedOn: '2026-05-05' }, { requestedOn: '2026-06-01' }], asOf: '2026-05-20' },
  { regime: 'objection_general', receivedOn: '2026-03-10', contestedDecisionOn: '2026-03-02' },
  ...regimes.map((regime) => ({ regime, receivedOn: '2024-12-01', contestedDecisionOn: '2024-11-15' })),
];
const penaltyInputs: PenaltyInput[] = [
  { regime: 'asylum', deadline: '2025-04-22', asOf: '2025-06-01' },
  { regime: 'regular', deadline: '2025-04-22', asOf: '2025-06-01' },
  { regime: 'regular', deadline: '2025-04-22', noticeOfDefaultReceivedOn: '2025-04-01', asOf: '2025-06-01' },
  { regime: 'regular', deadline: '2025-04-22', noticeOfDefaultReceivedOn: '2025-04-23', asOf: '2025-05-01' },
  { regime: 'regular', deadline: '2025-04-22', noticeOfDefaultReceivedOn: '2025-04-23', asOf: '2025-09-01' },
  { regime: 'regular', deadline: '2025-04-22', noticeOfDefaultReceivedOn: '2025-04-23', decidedOn: '2025-05-10', asOf: '2025-09-01' },
];
const today = '2025-06-01';
const priorityCases: PriorityCase[] = [
  { regime: 'regular', receivedOn: '2025-01-01', deadline: '2025-05-01', noticeOfDefaultReceivedOn: '2025-05-10', vulnerable: true, suspensionOpen: true },
  { regime: 'regular', receivedOn: '2025-01-01', deadline: '2025-01-01', noticeOfDefaultReceivedOn: '2025-01-02' },
  { regime: 'regular', receivedOn: '2025-01-01', deadline: '2025-05-01', noticeOfDefaultReceivedOn: '2025-05-25' },
  { regime: 'asylum', receivedOn: '2025-01-01', deadline: '2025-05-01', noticeOfDefaultReceivedOn: '2025-05-25' },
  { regime: 'regular', receivedOn: '2025-01-01', deadline: '2025-05-01' },
  { regime: 'regular', receivedOn: '2025-01-01', deadline: '2025-06-02' },
  { regime: 'regular', receivedOn: '2025-01-01', deadline: '2025-06-22' },
  { regime: 'regular', receivedOn: '2025-01-01', deadline: '2025-12-22' },
  { regime: 'regular', receivedOn: '2025-01-01', deadline: '2025-12-22', decidedOn: '2025-05-05' },
];
const priorityReasons: PriorityReason[] = priorityCases.flatMap((caseFacts) => computePriority(caseFacts, today).reasons);

// One case type of every regime, letters dated so that some end on a holiday; asylum on both tracks.
const remedyInputs: RemedyPeriodInput[] = [
  ...['work', 'study', 'entry_and_residence', 'eu_long_term_resident', 'naturalisation', 'objection_mvv', 'objection_sponsor']
    .map((caseType) => ({ caseType, letterDate: '2026-03-30' })),
  { caseType: 'asylum', letterDate: '2026-04-28', asylumTrack: 'general' },
  { caseType: 'asylum', letterDate: '2026-11-27' },
];

const emitted: ExplanationStep[] = [
  ...deadlineInputs.flatMap((input) => computeDecisionDeadline(input).steps),
  ...penaltyInputs.flatMap((input) => computePenalty(input).steps),
  ...remedyInputs.flatMap((input) => remedyPeriod(input).explanation),
  ...computeDecisionDeadline({ regime: 'regular', receivedOn: '2025-01-21' }, { ...domainRules, countingConvention: 'day_of_receipt' }).steps,
];

describe('domain messages', () => {
  it('have the same keys in Dutch and English, none empty', () => {
    expect(Object.keys(domainMessages.nl).sort()).toEqual(Object.keys(domainMessages.en).sort());
    for (const language of ['nl', 'en'] as const) {
      for (const text of Object.values(domainMessages[language])) expect(text.trim()).not.toBe('');
    }
  });

  it('cover every key the engine emits, every holiday, band, regime and error code', () => {
    const keys = new Set(Object.keys(domainMessages.en));
    const needed = [
      ...emitted.map((step) => step.key), ...priorityReasons.map((reason) => reason.key),
      ...domainRules.holidays.map((holiday) => `dayKind.${holiday.id}`), 'dayKind.saturday', 'dayKind.sunday',
      ...priorityBands.map((band) => `priority.band.${band}`), ...regimes.map((regime) => `regime.${regime}`),
      ...domainErrorCodes.map((code) => `error.${code}`),
      ...['days', 'weeks', 'months', 'years'].flatMap((unit) => [`unit.${unit}_one`, `unit.${unit}_other`]),
    ];
    expect(needed.filter((key) => !keys.has(key))).toEqual([]);
    // The sample must reach every kind of step, or this test proves less than it claims.
    const emittedKeys = new Set([...emitted.map((step) => step.key), ...priorityReasons.map((reason) => reason.key)]);
    const stepKeys = [...keys].filter((key) => key.startsWith('deadline.step.') || key.startsWith('penalty.step.') || key.startsWith('priority.reason.')
      || key.startsWith('remedy.step.'));
    expect(stepKeys.filter((key) => !emittedKeys.has(key as never))).toEqual([]);
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

    it('explain the worked example in Dutch and English', () => {
      const { steps } = computeDecisionDeadline({ regime: 'regular', receivedOn: '2025-01-21' });
      const render = (lng: string) => steps.map((step) => translator.t(step.key, { ...step.values, lng }));
      expect(render('en')).toEqual([
        'Received 2025-01-21',
        '2025-01-21 + 90 days (Vw art. 25) = 2025-04-21',
        '2025-04-21 is Easter Monday, so 2025-04-22 (Atw art. 1)',
        'Decision deadline: 2025-04-22',
      ]);
      expect(render('nl')).toEqual([
        'Ontvangen op 2025-01-21',
        '2025-01-21 + 90 dagen (Vw art. 25) = 2025-04-21',
        '2025-04-21 is Tweede Paasdag, dus 2025-04-22 (Atw art. 1)',
        'Beslistermijn: 2025-04-22',
      ]);
    });

    it('leave no placeholder or missing key in any emitted text', () => {
      for (const lng of ['nl', 'en']) {
        for (const { key, values } of [...emitted, ...priorityReasons]) {
          const text = translator.t(key, { ...values, lng });
          expect(text, `${lng} ${key}`).not.toMatch(/\{\{|\$t\(|unit\.|dayKind\.|regime\.|deadline\.step|penalty\.step|priority\.reason|remedy\.step/);
        }
      }
    });

    it('use singular and plural, and format money', () => {
      const penalty = computePenalty({ regime: 'regular', deadline: '2025-04-22', noticeOfDefaultReceivedOn: '2025-04-23', asOf: '2025-05-07' });
      const texts = penalty.steps.map((step) => translator.t(step.key, { ...step.values, lng: 'en' }));
      expect(texts).toContain('Penalty days 2025-05-07 through 2025-05-07, not yet decided: 1 day');
      expect(texts).toContain('1 day × €23.00 = €23.00');
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  computeDecisionDeadline, DomainError, domainRules, regimeForCaseType, type DecisionDeadlineInput,
} from '../../../src/shared/domain';

type Case = [name: string, input: DecisionDeadlineInput, deadline: string];

const worked: Case[] = [
  ['issue example: received 21-01-2025, Easter Monday rolls over', { regime: 'regular', receivedOn: '2025-01-21' }, '2025-04-22'],
  ['issue example: received 13-02-2026, Ascension Day rolls over', { regime: 'regular', receivedOn: '2026-02-13' }, '2026-05-15'],
  ['issue example: objection to 30-03-2026, period from 28-04-2026',
    { regime: 'objection_regular', receivedOn: '2026-04-10', contestedDecisionOn: '2026-03-30' }, '2026-09-08'],
];

const regimes: Case[] = [
  ['regular on a weekday', { regime: 'regular', receivedOn: '2025-01-02' }, '2025-04-02'],
  ['regular ending on Good Friday', { regime: 'regular', receivedOn: '2025-01-18' }, '2025-04-22'],
  ['regular ending at Christmas rolls over four days', { regime: 'regular', receivedOn: '2025-09-26' }, '2025-12-29'],
  ['regular ending on 29 February', { regime: 'regular', receivedOn: '2023-12-01' }, '2024-02-29'],
  ['regular through a non-leap February', { regime: 'regular', receivedOn: '2022-12-01' }, '2023-03-01'],
  ['regular_study ending on a Saturday', { regime: 'regular_study', receivedOn: '2025-01-21' }, '2025-03-24'],
  ['mvv like regular', { regime: 'mvv', receivedOn: '2025-01-21' }, '2025-04-22'],
  ['eu_long_term month end, Saturday, no roll', { regime: 'eu_long_term', receivedOn: '2025-08-31' }, '2026-02-28'],
  ['asylum on a Sunday, no roll', { regime: 'asylum', receivedOn: '2025-10-19' }, '2026-04-19'],
  ['asylum into a leap February', { regime: 'asylum', receivedOn: '2023-08-31' }, '2024-02-29'],
  ['naturalisation from 29 February', { regime: 'naturalisation', receivedOn: '2024-02-29' }, '2025-02-28'],
  ['naturalisation into a leap year', { regime: 'naturalisation', receivedOn: '2023-02-28' }, '2024-02-28'],
  ['naturalisation on Christmas, no roll', { regime: 'naturalisation', receivedOn: '2025-12-25' }, '2026-12-25'],
  ['objection_regular on a weekday', { regime: 'objection_regular', receivedOn: '2025-04-01', contestedDecisionOn: '2025-03-28' }, '2025-09-05'],
  ['objection_regular from a Monday', { regime: 'objection_regular', receivedOn: '2025-12-10', contestedDecisionOn: '2025-12-01' }, '2026-05-11'],
  ['objection_regular: objection period ends Saturday, runs from Monday',
    { regime: 'objection_regular', receivedOn: '2025-12-10', contestedDecisionOn: '2025-11-29' }, '2026-05-11'],
  ['objection_general', { regime: 'objection_general', receivedOn: '2026-04-01', contestedDecisionOn: '2026-03-30' }, '2026-06-22'],
  ['objection_general: objection period ends on 5 May',
    { regime: 'objection_general', receivedOn: '2025-04-01', contestedDecisionOn: '2025-03-24' }, '2025-06-17'],
  ['objection_general: objection period ends Saturday',
    { regime: 'objection_general', receivedOn: '2025-12-01', contestedDecisionOn: '2025-11-15' }, '2026-02-09'],
  ['objection_general: decision period ends on Whit Monday',
    { regime: 'objection_general', receivedOn: '2026-03-10', contestedDecisionOn: '2026-03-02' }, '2026-05-26'],
];

const suspensions: Case[] = [
  ['one closed suspension of 13 days, then 5 May rolls over',
    { regime: 'regular', receivedOn: '2025-01-21', suspensions: [{ requestedOn: '2025-02-01', endedOn: '2025-02-14' }] }, '2025-05-06'],
  ['overlapping suspensions count each day once',
    { regime: 'regular', receivedOn: '2025-01-02', suspensions: [
      { requestedOn: '2025-02-01', endedOn: '2025-02-10' }, { requestedOn: '2025-02-05', endedOn: '2025-02-20' }] }, '2025-04-22'],
  ['a suspension inside another adds nothing',
    { regime: 'regular', receivedOn: '2025-01-02', suspensions: [
      { requestedOn: '2025-03-01', endedOn: '2025-03-31' }, { requestedOn: '2025-03-10', endedOn: '2025-03-12' }] }, '2025-05-02'],
  ['adjacent suspensions',
    { regime: 'regular', receivedOn: '2025-01-02', suspensions: [
      { requestedOn: '2025-03-01', endedOn: '2025-03-05' }, { requestedOn: '2025-03-05', endedOn: '2025-03-08' }] }, '2025-04-09'],
  ['open suspension counts through asOf, then a Saturday rolls over',
    { regime: 'regular', receivedOn: '2025-01-02', suspensions: [{ requestedOn: '2025-03-01' }], asOf: '2025-03-11' }, '2025-04-14'],
  ['open suspension with asOf on the request day counts nothing',
    { regime: 'regular', receivedOn: '2025-01-02', suspensions: [{ requestedOn: '2025-03-01' }], asOf: '2025-03-01' }, '2025-04-02'],
  ['open suspension with asOf before the request counts nothing',
    { regime: 'regular', receivedOn: '2025-01-02', suspensions: [{ requestedOn: '2025-03-01' }], asOf: '2025-02-20' }, '2025-04-02'],
  ['suspension ended on the request day counts nothing',
    { regime: 'regular', receivedOn: '2025-01-02', suspensions: [{ requestedOn: '2025-03-01', endedOn: '2025-03-01' }] }, '2025-04-02'],
  ['closed suspension is not cut at asOf',
    { regime: 'regular', receivedOn: '2025-01-02', suspensions: [{ requestedOn: '2025-03-01', endedOn: '2025-03-08' }], asOf: '2025-03-03' }, '2025-04-09'],
  ['open and closed suspensions overlapping',
    { regime: 'regular', receivedOn: '2025-01-02', suspensions: [
      { requestedOn: '2025-03-01', endedOn: '2025-03-05' }, { requestedOn: '2025-03-03' }], asOf: '2025-03-08' }, '2025-04-09'],
  ['suspension moves regular_study off its Saturday',
    { regime: 'regular_study', receivedOn: '2025-01-21', suspensions: [{ requestedOn: '2025-02-01', endedOn: '2025-02-03' }] }, '2025-03-24'],
  ['eu_long_term suspension ends on a Saturday, no roll',
    { regime: 'eu_long_term', receivedOn: '2024-08-31', suspensions: [{ requestedOn: '2024-09-10', endedOn: '2024-09-11' }] }, '2025-03-01'],
  ['suspension in the objection stage',
    { regime: 'objection_regular', receivedOn: '2026-04-10', contestedDecisionOn: '2026-03-30',
      suspensions: [{ requestedOn: '2026-05-01', endedOn: '2026-05-10' }, { requestedOn: '2026-05-05' }], asOf: '2026-05-20' }, '2026-09-27'],
];

const extensions: Case[] = [
  ['regular extended by the maximum 6 months', { regime: 'regular', receivedOn: '2025-01-21', extensions: [{ months: 6 }] }, '2025-10-21'],
  ['regular extended onto a Sunday does not roll', { regime: 'regular', receivedOn: '2025-01-26', extensions: [{ months: 6 }] }, '2025-10-26'],
  ['regular extended 14 days onto 5 May does not roll', { regime: 'regular', receivedOn: '2025-01-21', extensions: [{ days: 14 }] }, '2025-05-05'],
  ['mvv extended 3 months', { regime: 'mvv', receivedOn: '2025-01-21', extensions: [{ months: 3 }] }, '2025-07-21'],
  ['eu_long_term extended 6 months', { regime: 'eu_long_term', receivedOn: '2025-01-31', extensions: [{ months: 6 }] }, '2026-01-31'],
  ['asylum extended 9 then 3 months, month ends clamp in turn',
    { regime: 'asylum', receivedOn: '2025-01-31', extensions: [{ months: 9 }, { months: 3 }] }, '2026-07-30'],
  ['naturalisation postponed twice', { regime: 'naturalisation', receivedOn: '2025-03-15', extensions: [{ months: 6 }, { months: 6 }] }, '2027-03-15'],
  ['objection_regular extended 6 then 13 weeks',
    { regime: 'objection_regular', receivedOn: '2026-04-10', contestedDecisionOn: '2026-03-30', extensions: [{ weeks: 6 }, { weeks: 13 }] }, '2027-01-19'],
  ['objection_general extended 6 weeks',
    { regime: 'objection_general', receivedOn: '2026-04-01', contestedDecisionOn: '2026-03-30', extensions: [{ weeks: 6 }] }, '2026-08-03'],
  ['extension, then suspended days', {
    regime: 'regular', receivedOn: '2025-01-21', extensions: [{ months: 2 }],
    suspensions: [{ requestedOn: '2025-02-01', endedOn: '2025-02-14' }] }, '2025-07-04'],
  ['extension of mixed parts: months, then days', { regime: 'regular', receivedOn: '2024-11-01', extensions: [{ months: 1, days: 3 }] }, '2025-03-03'],
];

describe('computeDecisionDeadline', () => {
  it.each([...worked, ...regimes, ...suspensions, ...extensions])('%s', (_name, input, deadline) => {
    expect(computeDecisionDeadline(input).deadline).toBe(deadline);
  });

  it('reports the objection period end and the suspended days', () => {
    const result = computeDecisionDeadline({
      regime: 'objection_regular', receivedOn: '2026-04-10', contestedDecisionOn: '2026-03-30',
      suspensions: [{ requestedOn: '2026-05-01', endedOn: '2026-05-10' }, { requestedOn: '2026-05-05' }], asOf: '2026-05-20',
    });
    expect(result.objectionPeriodEnd).toBe('2026-04-28');
    expect(result.start).toBe('2026-04-28');
    expect(result.suspendedDays).toBe(19);
    expect(result.rolledForward).toBe(false);
  });

  it('explains the worked example step by step with legal bases', () => {
    const result = computeDecisionDeadline({ regime: 'regular', receivedOn: '2025-01-21' });
    expect(result.rolledForward).toBe(true);
    expect(result.steps).toEqual([
      { key: 'deadline.step.received', values: { date: '2025-01-21' } },
      { key: 'deadline.step.statutoryPeriod', values: { from: '2025-01-21', amount: 90, unit: 'days', date: '2025-04-21', basis: 'Vw art. 25' }, legalBasis: 'Vw art. 25' },
      { key: 'deadline.step.atwRoll', values: { from: '2025-04-21', reason: 'easterMonday', date: '2025-04-22', basis: 'Atw art. 1' }, legalBasis: 'Atw art. 1' },
      { key: 'deadline.step.result', values: { date: '2025-04-22' } },
    ]);
  });

  it('says why an extended period does not roll over', () => {
    const result = computeDecisionDeadline({ regime: 'regular', receivedOn: '2025-01-21', extensions: [{ days: 14 }] });
    expect(result.steps.map((step) => step.key)).toContain('deadline.step.noAtwRoll.extended');
    expect(result.extensionCount).toBe(1);
  });

  it('reads the versioned rules table: a new version applies from its effective date', () => {
    const regular = domainRules.regimes.regular[0];
    if (!regular) throw new Error('rules table has no regular regime');
    const rules = {
      ...domainRules,
      regimes: { ...domainRules.regimes, regular: [regular, { ...regular, effectiveFrom: '2030-01-01', period: { days: 60 } }] },
    };
    expect(computeDecisionDeadline({ regime: 'regular', receivedOn: '2029-12-31' }, rules).deadline).toBe('2030-04-01'); // Sunday 31 March rolls over
    expect(computeDecisionDeadline({ regime: 'regular', receivedOn: '2030-01-01' }, rules).deadline).toBe('2030-03-04');
  });

  it('honours the counting-convention switch of the rules table', () => {
    const rules = { ...domainRules, countingConvention: 'day_of_receipt' as const };
    expect(computeDecisionDeadline({ regime: 'regular', receivedOn: '2025-01-02' }, rules).deadline).toBe('2025-04-01');
    expect(computeDecisionDeadline({ regime: 'regular', receivedOn: '2025-01-02' }).deadline).toBe('2025-04-02');
  });
});

describe('computeDecisionDeadline refuses bad input, naming the field', () => {
  const errors: [string, unknown, string, string][] = [
    ['impossible receivedOn', { regime: 'regular', receivedOn: '2025-02-30' }, 'receivedOn', 'invalid_date'],
    ['receivedOn not a date', { regime: 'regular', receivedOn: '21-01-2025' }, 'receivedOn', 'invalid_date'],
    ['missing receivedOn', { regime: 'regular' }, 'receivedOn', 'missing_field'],
    ['unknown regime', { regime: 'student', receivedOn: '2025-01-21' }, 'regime', 'unknown_regime'],
    ['missing regime', { receivedOn: '2025-01-21' }, 'regime', 'unknown_regime'],
    ['objection without contestedDecisionOn', { regime: 'objection_regular', receivedOn: '2025-01-21' }, 'contestedDecisionOn', 'missing_contested_decision'],
    ['general objection without contestedDecisionOn', { regime: 'objection_general', receivedOn: '2025-01-21' }, 'contestedDecisionOn', 'missing_contested_decision'],
    ['impossible contestedDecisionOn', { regime: 'objection_general', receivedOn: '2026-03-21', contestedDecisionOn: '2026-02-29' }, 'contestedDecisionOn', 'invalid_date'],
    ['suspension ending before it starts',
      { regime: 'regular', receivedOn: '2025-01-21', suspensions: [{ requestedOn: '2025-02-10', endedOn: '2025-02-09' }] }, 'suspensions[0].endedOn', 'suspension_ends_before_start'],
    ['second suspension ending before it starts',
      { regime: 'regular', receivedOn: '2025-01-21', suspensions: [
        { requestedOn: '2025-02-01', endedOn: '2025-02-03' }, { requestedOn: '2025-03-10', endedOn: '2025-03-01' }] }, 'suspensions[1].endedOn', 'suspension_ends_before_start'],
    ['open suspension without asOf', { regime: 'regular', receivedOn: '2025-01-21', suspensions: [{ requestedOn: '2025-02-10' }] }, 'asOf', 'open_suspension_without_as_of'],
    ['impossible asOf', { regime: 'regular', receivedOn: '2025-01-21', asOf: '2025-13-01' }, 'asOf', 'invalid_date'],
    ['impossible requestedOn', { regime: 'regular', receivedOn: '2025-01-21', suspensions: [{ requestedOn: '2025-04-31', endedOn: '2025-05-02' }] }, 'suspensions[0].requestedOn', 'invalid_date'],
    ['impossible endedOn', { regime: 'regular', receivedOn: '2025-01-21', suspensions: [{ requestedOn: '2025-04-01', endedOn: '2025-04-31' }] }, 'suspensions[0].endedOn', 'invalid_date'],
    ['regular_study has no extension', { regime: 'regular_study', receivedOn: '2025-01-21', extensions: [{ weeks: 1 }] }, 'extensions', 'too_many_extensions'],
    ['regular allows one extension', { regime: 'regular', receivedOn: '2025-01-21', extensions: [{ months: 1 }, { months: 1 }] }, 'extensions', 'too_many_extensions'],
    ['regular extension over 6 months', { regime: 'regular', receivedOn: '2025-01-21', extensions: [{ months: 6, days: 1 }] }, 'extensions[0]', 'extension_too_long'],
    ['mvv extension over 3 months', { regime: 'mvv', receivedOn: '2025-01-21', extensions: [{ months: 4 }] }, 'extensions[0]', 'extension_too_long'],
    ['eu_long_term extension of a year', { regime: 'eu_long_term', receivedOn: '2025-01-21', extensions: [{ years: 1 }] }, 'extensions[0]', 'extension_too_long'],
    ['eu_long_term allows one extension', { regime: 'eu_long_term', receivedOn: '2025-01-21', extensions: [{ months: 1 }, { months: 1 }] }, 'extensions', 'too_many_extensions'],
    ['asylum first extension over 9 months', { regime: 'asylum', receivedOn: '2025-01-21', extensions: [{ months: 10 }] }, 'extensions[0]', 'extension_too_long'],
    ['asylum second extension over 3 months', { regime: 'asylum', receivedOn: '2025-01-21', extensions: [{ months: 9 }, { months: 4 }] }, 'extensions[1]', 'extension_too_long'],
    ['asylum allows two extensions', { regime: 'asylum', receivedOn: '2025-01-21', extensions: [{ months: 1 }, { months: 1 }, { months: 1 }] }, 'extensions', 'too_many_extensions'],
    ['naturalisation postponement over 6 months', { regime: 'naturalisation', receivedOn: '2025-01-21', extensions: [{ months: 6 }, { months: 7 }] }, 'extensions[1]', 'extension_too_long'],
    ['naturalisation allows two postponements', { regime: 'naturalisation', receivedOn: '2025-01-21', extensions: [{ months: 1 }, { months: 1 }, { months: 1 }] }, 'extensions', 'too_many_extensions'],
    ['objection_regular first extension over 6 weeks',
      { regime: 'objection_regular', receivedOn: '2026-04-10', contestedDecisionOn: '2026-03-30', extensions: [{ weeks: 7 }] }, 'extensions[0]', 'extension_too_long'],
    ['objection_regular second extension over 13 weeks',
      { regime: 'objection_regular', receivedOn: '2026-04-10', contestedDecisionOn: '2026-03-30', extensions: [{ weeks: 6 }, { weeks: 13, days: 1 }] }, 'extensions[1]', 'extension_too_long'],
    ['objection_regular allows two extensions',
      { regime: 'objection_regular', receivedOn: '2026-04-10', contestedDecisionOn: '2026-03-30', extensions: [{ weeks: 1 }, { weeks: 1 }, { weeks: 1 }] }, 'extensions', 'too_many_extensions'],
    ['objection_general extension over 6 weeks',
      { regime: 'objection_general', receivedOn: '2026-04-10', contestedDecisionOn: '2026-03-30', extensions: [{ days: 43 }] }, 'extensions[0]', 'extension_too_long'],
    ['objection_general allows one extension',
      { regime: 'objection_general', receivedOn: '2026-04-10', contestedDecisionOn: '2026-03-30', extensions: [{ weeks: 1 }, { weeks: 1 }] }, 'extensions', 'too_many_extensions'],
    ['negative extension', { regime: 'regular', receivedOn: '2025-01-21', extensions: [{ months: -1 }] }, 'extensions[0]', 'invalid_period'],
    ['empty extension', { regime: 'regular', receivedOn: '2025-01-21', extensions: [{}] }, 'extensions[0]', 'invalid_period'],
    ['fractional extension', { regime: 'regular', receivedOn: '2025-01-21', extensions: [{ days: 1.5 }] }, 'extensions[0].days', 'invalid_period'],
  ];
  it.each(errors)('%s', (_name, input, field, code) => {
    let caught: unknown;
    try {
      computeDecisionDeadline(input as DecisionDeadlineInput);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    const error = caught as DomainError;
    expect(error.field).toBe(field);
    expect(error.code).toBe(code);
    expect(error.message.startsWith(`${field}:`)).toBe(true);
  });
});

describe('case types map to regimes (docs/domain.md)', () => {
  const cases: [string, string | null][] = [
    ['highly_skilled_migrant', 'regular'], ['family_partner', 'regular'], ['study', 'regular_study'],
    ['entry_and_residence', 'mvv'], ['eu_long_term_resident', 'eu_long_term'], ['asylum_unaccompanied_minor', 'asylum'],
    ['naturalisation', 'naturalisation'], ['objection_mvv', 'objection_regular'], ['objection_naturalisation', 'objection_general'],
    ['toString', null], ['unknown', null],
  ];
  it.each(cases)('%s → %s', (caseType, regime) => {
    expect(regimeForCaseType(caseType)).toBe(regime);
  });
});

/**
 * The letter fields from a case's facts (src/shared/letters/build-fields.ts), here for the penalty a
 * penalty decision fixes (Awb 4:18): worked by hand from the rules table's tiers (€23 for days 1-14,
 * €35 for 15-28, €45 for 29-42), and every template of the regular regime rendered from built fields.
 */
import { describe, expect, it } from 'vitest';
import { createLetterRenderer } from '../../../src/render/letters/templates';
import { buildLetterFields, MissingLetterFacts, type FieldsRequest, type LetterFacts } from '../../../src/shared/letters/build-fields';
import { checkLetterConsistency } from '../../../src/shared/letters/consistency';
import { letterTemplates, selectTemplate } from '../../../src/shared/letters/manifest';
import { entitySchemas } from '../../../src/shared/sync';
import { entityRow } from '../../helpers/entity-rows';

/**
 * A highly skilled migrant received Monday 2026-02-02: 90 days end on Sunday 2026-05-03, which the
 * Atw moves to Monday 2026-05-04. A notice received 10 days later, on 2026-05-14, makes 2026-05-28
 * (two weeks on) the first penalty day.
 */
const kase = { caseNumber: 'IND-2026-000101', caseType: 'highly_skilled_migrant', regime: 'regular', receivedOn: '2026-02-02' };
// Parsed like the host parses a cached row, so the fixture names only what it is about.
const applicant = entitySchemas.party.parse(entityRow('party', {
  role: 'applicant', name: 'Samira El Amrani', vNumber: '0123456789',
  address: { street: 'Lange Voorhout 12', postcode: '2514 EA', city: 'Den Haag' },
}));

function facts(decidedOn: string | null, notices: readonly string[] = ['2026-05-14']): LetterFacts {
  return {
    summary: { caseNumber: kase.caseNumber, caseType: kase.caseType, regime: kase.regime, receivedOn: kase.receivedOn, vNumber: '0123456789' },
    contestedDecisionOn: null, suspensions: [], extensions: [],
    noticesOfDefault: notices.map((receivedOn) => ({ receivedOn })),
    kase: { application: null, decision: decidedOn === null ? null : 'grant', decidedOn }, parties: [applicant], signatory: 'A. de Beslisser',
  };
}

const penaltyDecision = (letterDate: string): FieldsRequest => ({ letterDate, language: 'nl', kind: 'penalty_decision' });

function missingOf(build: () => unknown): readonly string[] {
  try {
    build();
  } catch (error) {
    if (error instanceof MissingLetterFacts) return error.missing;
    throw error;
  }
  throw new Error('the fields were built');
}

describe('the penalty of a penalty decision', () => {
  it('is the engine\'s once the decision stopped it: decided 20 days after the first penalty day', () => {
    // Decided 2026-06-17: penalty days 2026-05-28 through 2026-06-16 = 20; 14 × €23 + 6 × €35 = €532.
    const built = buildLetterFields(facts('2026-06-17'), penaltyDecision('2026-06-17'));
    expect(built.fields.deadline.decisionDeadline).toBe('2026-05-04');
    expect(built.fields.penalty).toEqual({
      noticeReceivedOn: '2026-05-14', firstPenaltyDay: '2026-05-28', lastPenaltyDay: '2026-06-16', days: 20, amountCents: 53_200,
    });
    expect(built.record.penalty).toEqual({ status: 'stopped', days: 20, amountCents: 53_200 });
  });

  it('is the maximum once 42 days have run, decided or not', () => {
    // 2026-05-28 + 41 days = 2026-07-08; 14 × (€23 + €35 + €45) = €1,442.
    const capped = { noticeReceivedOn: '2026-05-14', firstPenaltyDay: '2026-05-28', lastPenaltyDay: '2026-07-08', days: 42, amountCents: 144_200 };
    expect(buildLetterFields(facts(null), penaltyDecision('2026-07-20')).fields.penalty).toEqual(capped);
    expect(buildLetterFields(facts('2026-09-01'), penaltyDecision('2026-09-01')).fields.penalty).toEqual(capped);
  });

  it('counts from the earliest notice received after the deadline, whatever order the notices come in', () => {
    const built = buildLetterFields(facts('2026-06-17', ['2026-05-20', '2026-04-01', '2026-05-14']), penaltyDecision('2026-06-17'));
    expect(built.fields.penalty).toMatchObject({ noticeReceivedOn: '2026-05-14', days: 20 });
  });

  it.each([
    ['no notice of default', facts('2026-06-17', []), '2026-06-17'],
    ['only a notice sent before the deadline', facts('2026-06-17', ['2026-04-20']), '2026-06-17'],
    ['the two weeks of grace still running', facts(null), '2026-05-20'],
    ['decided within the two weeks of grace', facts('2026-05-20'), '2026-05-20'],
    ['the penalty still accruing', facts(null), '2026-06-10'],
  ])('is missing with %s', (_name, input, letterDate) => {
    expect(missingOf(() => buildLetterFields(input, penaltyDecision(letterDate)))).toEqual(['penalty']);
  });

  it('is missing for an asylum case, which owes no penalty', () => {
    const asylum = facts('2026-06-17');
    const input = { ...asylum, summary: { ...asylum.summary, caseType: 'asylum', regime: 'asylum' } };
    expect(missingOf(() => buildLetterFields(input, penaltyDecision('2026-06-17')))).toEqual(['penalty']);
  });

  it('fills the group without a kind when the penalty is final, and leaves it out otherwise and for other letters', () => {
    expect(buildLetterFields(facts('2026-06-17'), { letterDate: '2026-06-17', language: 'nl' }).fields.penalty).toMatchObject({ days: 20 });
    expect(buildLetterFields(facts(null), { letterDate: '2026-06-10', language: 'nl' }).fields.penalty).toBeNull();
    const grant = buildLetterFields(facts('2026-06-17'), { letterDate: '2026-06-17', language: 'nl', kind: 'grant' });
    expect(grant.fields.penalty).toBeNull();
    // The record keeps the engine's penalty whatever the letter: the check only compares it for a penalty decision.
    expect(grant.record.penalty).toEqual({ status: 'stopped', days: 20, amountCents: 53_200 });
  });
});

describe('every template of the regular regime', () => {
  const renderer = createLetterRenderer();
  // Decided and extended, so the extension notice and the penalty decision have their facts too.
  const input: LetterFacts = {
    ...facts('2026-06-17'),
    extensions: [{ period: { weeks: 2 }, legalGround: 'artikel 4:14, derde lid, van de Algemene wet bestuursrecht', announcedOn: '2026-04-20' }],
    noticesOfDefault: [{ receivedOn: '2026-05-20' }],
  };

  // A request for documents is still open for the letters that make or refer to one.
  const withRequest: LetterFacts = {
    ...input, suspensions: [{ requestedOn: '2026-06-10', dueOn: '2026-06-24', endedOn: null, documents: ['passport'] }],
  };
  const needsRequest = new Set(['missing_documents', 'not_processed']);
  // The builder has no permit facts yet, so a grant cannot be built from a case: not this change's to fill.
  const buildable = letterTemplates.filter((entry) => entry.regimes.includes('regular') && entry.kind !== 'grant');

  it.each(buildable.map((entry) => [`${entry.kind}/${entry.language}.${entry.variant}`, entry] as const))(
    '%s renders with fields built from the case', async (_name, entry) => {
      const built = buildLetterFields(needsRequest.has(entry.kind) ? withRequest : input, { letterDate: '2026-06-17', language: entry.language, kind: entry.kind, reasoning: 'Zie hierboven.' });
      const { blocks } = await renderer.renderTemplate(entry, built.fields);
      const text = blocks.map((block) => block.text).join('\n');
      expect(text).toContain('Samira El Amrani');
      expect(text).not.toMatch(/[{}]|%}/);
    },
  );

  it('the penalty decision states the penalty the engine counts, and the check passes it', async () => {
    // Deadline 2026-05-04 + 2 weeks = 2026-05-18; notice 2026-05-20, first day 2026-06-03, decided 2026-06-17: 14 days at €23.
    const built = buildLetterFields(input, penaltyDecision('2026-06-17'));
    expect(built.fields.penalty).toEqual({
      noticeReceivedOn: '2026-05-20', firstPenaltyDay: '2026-06-03', lastPenaltyDay: '2026-06-16', days: 14, amountCents: 32_200,
    });
    const entry = selectTemplate(letterTemplates, 'penalty_decision', 'nl', 'regular', '2026-06-17');
    if (!entry) throw new Error('no penalty decision template');
    const { blocks } = await renderer.renderTemplate(entry, built.fields);
    expect(blocks.find((block) => block.block === 'decision')?.text)
      .toMatch(/^Wij stellen de dwangsom vast op €\s?322,00 .* vanaf 3 juni 2026 tot en met 16 juni 2026: 14 dagen\./);
    const findings = checkLetterConsistency({ kind: 'penalty_decision', fields: built.fields, blocks, record: built.record });
    expect(findings.filter((entry) => entry.severity === 'error')).toEqual([]);
  });
});

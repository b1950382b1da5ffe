/**
 * The letter consistency check: a consistent refusal, rendered from its real template, passes; each
 * finding code fires on the one disagreement that should cause it, and its text renders in Dutch and
 * English with nothing left unfilled; every code, outcome, kind and remedy has its texts.
 */
import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLetterRenderer } from '../../../src/render/letters/templates';
import { domainMessages, domainRules } from '../../../src/shared/domain';
import type { LetterBlock } from '../../../src/shared/letters/blocks';
import {
  checkLetterConsistency, finding, hasBlockingFindings, letterKindRules, placeholderMarkers, type LetterCheckInput, type LetterCheckRecord, type LetterFinding,
} from '../../../src/shared/letters/consistency';
import { letterFields, type LetterFields } from '../../../src/shared/letters/fields';
import { letterTemplates, selectTemplate } from '../../../src/shared/letters/manifest';
import { letterCheckMessages, letterFindingCodes, type LetterFindingCode } from '../../../src/shared/letters/messages';
import { sampleLetterFields, sampleRepresentative } from '../../../src/shared/letters/samples';
import { letterKind } from '../../../src/shared/sync/mutations';

/**
 * A refusal of a highly skilled migrant, worked by hand from docs/domain.md's first example:
 * received 2026-02-02 + 90 days = 2026-05-03, extended by 6 months = 2026-11-03, plus the 14 days
 * suspended (2026-02-21 through 2026-03-06) = 2026-11-17 (extended, so no Atw roll). Letter of
 * Tuesday 2026-04-28 + 4 weeks = Tuesday 2026-05-26, the last day to object.
 */
const refusalFields: LetterFields = letterFields.parse({
  ...sampleLetterFields.nl,
  deadline: { ...sampleLetterFields.nl.deadline, decisionDeadline: '2026-11-17' },
  request: null,
  penalty: null,
  decision: {
    outcome: 'refused',
    decidedOn: '2026-04-28',
    grounds: [{ text: 'Het bruto maandinkomen is lager dan het normbedrag voor kennismigranten.', legalBasis: 'artikel 3.30a Vb 2000' }],
    reasoning: 'Uit de arbeidsovereenkomst van 12 januari 2026 blijkt dat uw bruto maandsalaris € 4.100,00 bedraagt.',
    permit: null,
    departureBy: '2026-05-26',
  },
});

const refusalRecord: LetterCheckRecord = {
  decision: 'refused',
  parties: { applicant: { name: 'Samira El Amrani', vNumber: '0123456789' }, representative: null },
  caseType: 'highly_skilled_migrant',
  regime: 'regular',
  receivedOn: '2026-02-02',
  contestedDecisionOn: null,
  suspensions: [{ requestedOn: '2026-02-20', endedOn: '2026-03-06' }],
  extensions: [{ months: 6 }],
  letterDate: '2026-04-28',
  penalty: null,
};

const renderer = createLetterRenderer();

async function render(kind: LetterCheckInput['kind'], fields: LetterFields): Promise<LetterBlock[]> {
  const entry = selectTemplate(letterTemplates, kind, 'nl', 'regular', fields.letter.date);
  if (!entry) throw new Error(`no ${kind} template`);
  return (await renderer.renderTemplate(entry, fields)).blocks;
}

let refusalBlocks: LetterBlock[] = [];

function refusal(): LetterCheckInput {
  return { kind: 'refusal', fields: structuredClone(refusalFields), blocks: structuredClone(refusalBlocks), record: structuredClone(refusalRecord) };
}

function decision(input: LetterCheckInput): NonNullable<LetterFields['decision']> {
  if (!input.fields.decision) throw new Error('the fixture has a decision');
  return input.fields.decision;
}

/** The refusal turned into a penalty decision fixing the sample's 10 days, against a record whose penalty is `recorded`. */
function asPenaltyDecision(input: LetterCheckInput, recorded: LetterCheckRecord['penalty']): void {
  input.kind = 'penalty_decision';
  input.fields.penalty = structuredClone(sampleLetterFields.nl.penalty);
  input.record.penalty = recorded;
}

/** Each code with the one change to the consistent refusal that must make it fire. */
const causes: Record<LetterFindingCode, (input: LetterCheckInput) => void> = {
  decision_missing: (input) => { input.fields.decision = null; },
  outcome_not_for_kind: (input) => { decision(input).outcome = 'granted'; },
  decision_not_recorded: (input) => { input.record.decision = null; },
  // The brief's own example: a refusal letter on a case whose record says grant.
  outcome_differs_from_record: (input) => { input.record.decision = 'granted'; },
  case_type_differs: (input) => { input.fields.case.caseType = 'work'; },
  applicant_name_differs: (input) => { input.record.parties.applicant.name = 'Samira El-Amrani'; },
  v_number_differs: (input) => { input.record.parties.applicant.vNumber = '0123456780'; },
  representative_missing: (input) => { input.record.parties.representative = { name: sampleRepresentative.name }; },
  representative_not_on_case: (input) => { input.fields.representative = sampleRepresentative; },
  representative_name_differs: (input) => {
    input.fields.representative = sampleRepresentative;
    input.record.parties.representative = { name: 'mr. J. de Vries' };
  },
  addressee_differs: (input) => {
    input.blocks = input.blocks.map((block) => (block.block === 'address' ? { ...block, text: block.text.replace('Samira', 'Samir') } : block));
  },
  received_on_differs: (input) => { input.fields.case.receivedOn = '2026-02-03'; },
  // The sample fields name a contested decision of 2026-01-12; a first-instance record has none to compare.
  contested_decision_differs: (input) => { input.record.contestedDecisionOn = '2026-01-05'; },
  suspension_count_differs: (input) => { input.fields.deadline.suspensions = []; },
  suspension_requested_differs: (input) => { input.fields.deadline.suspensions = [{ requestedOn: '2026-02-19', dueOn: '2026-03-06', endedOn: '2026-03-06' }]; },
  suspension_end_differs: (input) => { input.fields.deadline.suspensions = [{ requestedOn: '2026-02-20', dueOn: '2026-03-06', endedOn: null }]; },
  extension_count_differs: (input) => { input.fields.deadline.extensions = []; },
  extension_period_differs: (input) => { input.record.extensions = [{ months: 3 }]; },
  // 2026-11-18 is what the sample fields state: the engine says 2026-11-17.
  deadline_differs: (input) => { input.fields.deadline.decisionDeadline = '2026-11-18'; },
  deadline_not_computable: (input) => { input.record.extensions = [{ months: 6 }, { months: 6 }]; },
  placeholder_left: (input) => { input.blocks = [...input.blocks, { type: 'paragraph', block: 'reasoning', standard: false, text: 'Uw werkgever [[naam]] …' }]; },
  field_empty: (input) => { input.fields.letter.signatory = ' '; },
  required_block_missing: (input) => {
    input.kind = 'not_processed';
    input.record.decision = 'not_processed';
    decision(input).outcome = 'not_processed';
    input.blocks = input.blocks.filter((block) => block.block !== 'reasoning');
  },
  grounds_missing: (input) => { decision(input).grounds = []; },
  ground_without_basis: (input) => { input.grounds = [{ reference: 'Vb art. 3.30a' }, { reference: ' ' }]; },
  reasoning_missing: (input) => { input.blocks = input.blocks.filter((block) => block.block !== 'reasoning'); },
  departure_missing: (input) => { decision(input).departureBy = null; },
  departure_not_applicable: (input) => {
    input.fields.case.caseType = 'permanent_residence';
    input.record.caseType = 'permanent_residence';
  },
  departure_before_letter_date: (input) => { decision(input).departureBy = '2026-04-27'; },
  letter_date_differs: (input) => { input.fields.letter.date = '2026-04-29'; },
  remedies_missing: (input) => { input.fields.remedies = null; },
  remedy_differs: (input) => { if (input.fields.remedies) input.fields.remedies.remedy = 'appeal'; },
  remedy_weeks_differs: (input) => { if (input.fields.remedies) input.fields.remedies.weeks = 6; },
  remedy_last_day_differs: (input) => { if (input.fields.remedies) input.fields.remedies.lastDay = '2026-05-27'; },
  // A track on a case that is not asylum is refused by remedyPeriod: a finding, not an exception.
  remedy_not_computable: (input) => { input.record.asylumTrack = 'general'; },
  // Still running on the letter date: nothing is fixed yet, whatever the letter states.
  penalty_not_final: (input) => { asPenaltyDecision(input, { status: 'accruing', days: 10, amountCents: 23_000 }); },
  penalty_days_differs: (input) => { asPenaltyDecision(input, { status: 'stopped', days: 11, amountCents: 23_000 }); },
  penalty_amount_differs: (input) => { asPenaltyDecision(input, { status: 'stopped', days: 10, amountCents: 25_300 }); },
};

let translator: i18n;

beforeAll(async () => {
  refusalBlocks = await render('refusal', refusalFields);
  translator = i18next.createInstance();
  await translator.init({
    lng: 'nl', ns: ['domain'], defaultNS: 'domain', showSupportNotice: false,
    resources: {
      nl: { domain: { ...domainMessages.nl, ...letterCheckMessages.nl } },
      en: { domain: { ...domainMessages.en, ...letterCheckMessages.en } },
    },
    interpolation: { escapeValue: false },
  } as Parameters<i18n['init']>[0]);
});

function text(entry: LetterFinding, lng: 'nl' | 'en'): string {
  return translator.t(`consistency.${entry.code}`, { ...entry.values, lng });
}

const leftover = /\{\{|\}\}|\$t\(|consistency\.|error\.|unit\.|regime\./;

describe('a consistent letter', () => {
  it('a refusal rendered from its template passes with no finding at all', () => {
    expect(refusalBlocks.some((block) => block.block === 'departure')).toBe(true);
    const findings = checkLetterConsistency(refusal());
    expect(findings).toEqual([]);
    expect(hasBlockingFindings(findings)).toBe(false);
  });

  it('a refusal to a representative passes when the case has that representative', async () => {
    const fields = { ...structuredClone(refusalFields), representative: sampleRepresentative };
    const record = { ...structuredClone(refusalRecord), parties: { ...refusalRecord.parties, representative: { name: sampleRepresentative.name } } };
    const blocks = await render('refusal', fields);
    expect(checkLetterConsistency({ kind: 'refusal', fields, blocks, record })).toEqual([]);
  });

  it('checks the fields alone before the first render', () => {
    expect(checkLetterConsistency({ ...refusal(), blocks: [] })).toEqual([]);
  });
});

describe('each finding', () => {
  it('has a cause in this test', () => {
    expect(Object.keys(causes).sort()).toEqual([...letterFindingCodes].sort());
  });

  it.each(letterFindingCodes.map((code) => [code]))('%s fires and reads in Dutch and English', (code) => {
    const input = refusal();
    causes[code](input);
    const findings = checkLetterConsistency(input);
    const found = findings.find((entry) => entry.code === code);
    expect(found, JSON.stringify(findings)).toBeDefined();
    if (!found) return;
    for (const lng of ['nl', 'en'] as const) {
      const rendered = text(found, lng);
      expect(rendered, `${lng} ${code}: ${rendered}`).not.toMatch(leftover);
      expect(rendered.length).toBeGreaterThan(10);
    }
    // The warning is the one finding that does not block: everything else must stop submit and approve.
    expect(found.severity).toBe(code === 'departure_not_applicable' || code === 'deadline_differs' ? 'warning' : 'error');
  });

  it('names the field a finding is about and carries no personal data in its values', () => {
    const input = refusal();
    causes.applicant_name_differs(input);
    causes.v_number_differs(input);
    const values = JSON.stringify(checkLetterConsistency(input).map((entry) => entry.values));
    expect(values).not.toMatch(/Samira|El Amrani|0123456780|0123456789/);
    expect(checkLetterConsistency(input).map((entry) => entry.field)).toEqual(expect.arrayContaining(['applicant.name', 'applicant.vNumber']));
  });

  it('render their values: the outcome, the dates, the engine error', () => {
    const outcome = refusal();
    causes.outcome_differs_from_record(outcome);
    const [differs] = checkLetterConsistency(outcome);
    expect(differs && text(differs, 'en')).toBe('The letter states “refused”, but the decision recorded on the case is “granted”');
    expect(differs && text(differs, 'nl')).toBe('De brief vermeldt “afgewezen”, maar het besluit op de zaak is “ingewilligd”');

    const deadline = refusal();
    causes.deadline_differs(deadline);
    const wrongDeadline = checkLetterConsistency(deadline).find((entry) => entry.code === 'deadline_differs');
    expect(wrongDeadline && text(wrongDeadline, 'en')).toBe('The letter states the decision deadline 2026-11-18, but it is 2026-11-17');

    const refused = refusal();
    causes.deadline_not_computable(refused);
    const engine = checkLetterConsistency(refused).find((entry) => entry.code === 'deadline_not_computable');
    expect(engine?.values).toEqual({ reason: 'too_many_extensions', field: 'extensions' });
    expect(engine && text(engine, 'en')).toBe('The decision deadline cannot be computed from the case: extensions: more extensions than this regime allows');
  });

  it('a wrong deadline blocks a letter that prints it', () => {
    const input = { ...refusal(), kind: 'acknowledgement' as const };
    causes.deadline_differs(input);
    expect(checkLetterConsistency(input).find((entry) => entry.code === 'deadline_differs')?.severity).toBe('error');
  });

  it('compares extensions by length and suspensions by request date, whatever order they come in', () => {
    const input = refusal();
    input.record.extensions = [{ years: 0, months: 6 }];
    // A second suspension stops 2026-03-21 through 2026-03-27: 7 more days, so 2026-11-17 + 7 = 2026-11-24.
    input.record.suspensions = [{ requestedOn: '2026-03-20', endedOn: '2026-03-27' }, { requestedOn: '2026-02-20', endedOn: '2026-03-06' }];
    input.fields.deadline.suspensions.push({ requestedOn: '2026-03-20', dueOn: '2026-04-03', endedOn: '2026-03-27' });
    input.fields.deadline.decisionDeadline = '2026-11-24';
    expect(checkLetterConsistency(input)).toEqual([]);
  });

  it('counts an open suspension through the letter date', () => {
    const input = refusal();
    // Requested 2026-04-20, open on the letter date 2026-04-28: 2026-04-21 through 2026-04-28, 8 days.
    input.record.suspensions = [...input.record.suspensions, { requestedOn: '2026-04-20' }];
    input.fields.deadline.suspensions.push({ requestedOn: '2026-04-20', dueOn: '2026-05-04', endedOn: null });
    input.fields.deadline.decisionDeadline = '2026-11-25';
    expect(checkLetterConsistency(input)).toEqual([]);
  });
});

describe('a penalty decision', () => {
  /** The sample's 10 days from 2026-06-03 at €23, decided on 2026-06-13. */
  const stopped = { status: 'stopped', days: 10, amountCents: 23_000 } as const;

  async function penaltyDecision(): Promise<LetterCheckInput> {
    const fields = { ...structuredClone(refusalFields), penalty: structuredClone(sampleLetterFields.nl.penalty) };
    return { kind: 'penalty_decision', fields, blocks: await render('penalty_decision', fields), record: { ...structuredClone(refusalRecord), penalty: stopped } };
  }

  it('passes when it fixes the penalty the engine counts', async () => {
    expect(checkLetterConsistency(await penaltyDecision())).toEqual([]);
  });

  it('is refused when it states another amount than the record', async () => {
    const input = await penaltyDecision();
    if (input.fields.penalty) input.fields.penalty.amountCents = 32_200;
    const findings = checkLetterConsistency(input);
    expect(findings).toEqual([finding('penalty_amount_differs', 'error', { stated: 322, computed: 230 }, 'penalty.amountCents')]);
    expect(hasBlockingFindings(findings)).toBe(true);
    const [differs] = findings;
    expect(differs && text(differs, 'en')).toMatch(/^The letter fixes the penalty at €322\.00, but it is €230\.00$/);
    expect(differs && text(differs, 'nl')).toMatch(/^De brief stelt de dwangsom vast op €\s?322,00, maar die is €\s?230,00$/);
  });

  it('is refused while the penalty is not final, and an empty penalty is an empty field', async () => {
    const accruing = await penaltyDecision();
    accruing.record.penalty = { ...stopped, status: 'accruing' };
    expect(checkLetterConsistency(accruing).map((entry) => entry.code)).toEqual(['penalty_not_final']);
    const empty = await penaltyDecision();
    empty.fields.penalty = null;
    expect(checkLetterConsistency({ ...empty, blocks: [] }).map((entry) => entry.code)).toEqual(['field_empty']);
  });

  it('leaves the penalty of other letters alone', () => {
    const input = refusal();
    input.fields.penalty = structuredClone(sampleLetterFields.nl.penalty);
    expect(checkLetterConsistency(input)).toEqual([]);
  });
});

describe('the texts', () => {
  it('have the same keys in Dutch and English, none empty', () => {
    expect(Object.keys(letterCheckMessages.nl).sort()).toEqual(Object.keys(letterCheckMessages.en).sort());
    for (const language of ['nl', 'en'] as const) {
      for (const value of Object.values(letterCheckMessages[language])) expect(value.trim()).not.toBe('');
    }
  });

  it('cover every finding code, outcome, letter kind and remedy, and share no key with the domain catalog', () => {
    const keys = new Set(Object.keys(letterCheckMessages.en));
    const needed = [
      ...letterFindingCodes.map((code) => `consistency.${code}`),
      ...letterFields.shape.decision.unwrap().shape.outcome.options.map((outcome) => `consistency.outcome.${outcome}`),
      ...letterKind.options.map((kind) => `consistency.kind.${kind}`),
      'consistency.remedy.objection', 'consistency.remedy.appeal',
    ];
    expect(needed.filter((key) => !keys.has(key))).toEqual([]);
    expect([...keys].filter((key) => !needed.includes(key))).toEqual([]);
    expect([...keys].filter((key) => Object.hasOwn(domainMessages.en, key))).toEqual([]);
  });
});

describe('the rules', () => {
  it('no standard text of any template contains a placeholder marker, so the check never flags the template itself', async () => {
    for (const entry of letterTemplates) {
      const { blocks } = await renderer.renderTemplate(entry, sampleLetterFields[entry.language]);
      const marked = blocks.filter((block) => placeholderMarkers.some((marker) => block.text.includes(marker)));
      expect(marked.map((block) => `${entry.kind}/${entry.language}.${entry.variant}: ${block.block}`)).toEqual([]);
    }
  });


  it('every letter kind has a rule, and the duty to leave names known case types only', () => {
    expect(Object.keys(letterKindRules).sort()).toEqual([...letterKind.options].sort());
    for (const version of domainRules.dutyToLeave) {
      expect(version.caseTypes.filter((caseType) => !Object.hasOwn(domainRules.caseTypes, caseType))).toEqual([]);
    }
  });
});

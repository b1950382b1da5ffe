/**
 * The legal-grounds catalogue and the reasoning builder: every ground's paragraph names exactly its
 * declared facts in both languages, every fact points at a real checklist requirement and field,
 * groundsFor filters by case type, regime, kind and date, and the builder cites what the evidence
 * proves, marks what it does not and never writes a value no link verified. The built reasoning is
 * a valid free block, and a refusal rendered from its real template passes or fails the letter
 * check's placeholder rule accordingly.
 */
import { describe, expect, it } from 'vitest';
import { createLetterRenderer } from '../../../src/render/letters/templates';
import { checklistFor, domainRules, DomainError, evidenceFields, evidenceRequirements, regimeForCaseType } from '../../../src/shared/domain';
import { regimes } from '../../../src/shared/domain/rules';
import { letterBodyDocument } from '../../../src/shared/letters/body';
import { checkLetterConsistency, placeholderMarkers, type LetterCheckRecord } from '../../../src/shared/letters/consistency';
import { letterFields, type LetterFields } from '../../../src/shared/letters/fields';
import { groundAppliesTo, groundKinds, groundsFor, legalGrounds, type LegalGround } from '../../../src/shared/letters/grounds';
import { letterTemplates, selectTemplate } from '../../../src/shared/letters/manifest';
import { buildReasoning, type ReasoningInput, type VerifiedEvidence } from '../../../src/shared/letters/reasoning';
import { sampleLetterFields } from '../../../src/shared/letters/samples';

const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '');
const caseTypesOf = (ground: LegalGround): string[] => Object.keys(domainRules.caseTypes)
  .filter((caseType) => groundAppliesTo(ground, caseType, regimeForCaseType(caseType)));

describe('the catalogue of legal grounds', () => {
  it('has unique ids, a kind, a reference the letter fields accept and a scope of known case types or regimes', () => {
    expect(new Set(legalGrounds.map((ground) => ground.id)).size).toBe(legalGrounds.length);
    for (const ground of legalGrounds) {
      expect(ground.id).toMatch(/^[a-z][a-z_]*$/);
      expect(groundKinds).toContain(ground.kind);
      expect(ground.reference.trim().length, ground.id).toBeGreaterThan(0);
      expect(ground.reference.length, ground.id).toBeLessThanOrEqual(100);
      if ('caseTypes' in ground.appliesTo) for (const caseType of ground.appliesTo.caseTypes) expect(Object.keys(domainRules.caseTypes)).toContain(caseType);
      else for (const regime of ground.appliesTo.regimes) expect(regimes).toContain(regime);
      expect(caseTypesOf(ground).length, ground.id).toBeGreaterThan(0);
    }
  });

  it('has paragraphs with placeholders for exactly the declared facts, in both languages, and nothing else left unfilled', () => {
    for (const ground of legalGrounds) {
      const factIds = ground.facts.map((fact) => fact.id);
      expect(new Set(factIds).size, ground.id).toBe(factIds.length);
      for (const language of ['nl', 'en'] as const) {
        const paragraph = ground.paragraph[language];
        expect(new Set(placeholdersOf(paragraph)), `${ground.id} ${language}`).toEqual(new Set(factIds));
        for (const text of [paragraph, ground.title[language]]) {
          for (const marker of placeholderMarkers) expect(text, `${ground.id} ${language}`).not.toContain(marker);
        }
        expect(ground.title[language].length).toBeLessThanOrEqual(2000);
        expect(ground.facts.every((fact) => fact.label[language].trim() !== '')).toBe(true);
      }
    }
  });

  it('points every fact at a requirement of the domain rules (on the checklist of a case type it is for) and at a known field', () => {
    for (const ground of legalGrounds) {
      for (const fact of ground.facts) {
        if (fact.requirement !== undefined) {
          expect(Object.keys(evidenceRequirements), `${ground.id}.${fact.id}`).toContain(fact.requirement);
          const onAChecklist = caseTypesOf(ground).some((caseType) => (checklistFor(caseType, '2026-04-28') as readonly string[]).includes(fact.requirement ?? ''));
          expect(onAChecklist, `${ground.id}.${fact.id}`).toBe(true);
        }
        if (fact.applicationField !== undefined) expect(evidenceFields, `${ground.id}.${fact.id}`).toContain(fact.applicationField);
      }
    }
  });
});

describe('groundsFor', () => {
  const ids = (caseType: string, kind: (typeof groundKinds)[number], on?: string): string[] =>
    groundsFor(caseType, regimeForCaseType(caseType), kind, on).map((ground) => ground.id);

  it('gives a highly skilled migrant the salary and sponsor grounds and the general conditions, not those of other purposes', () => {
    const found = ids('highly_skilled_migrant', 'refusal');
    expect(found).toEqual(expect.arrayContaining(['salary_below_threshold', 'sponsor_not_recognised', 'no_mvv', 'no_valid_passport', 'public_order']));
    expect(found).not.toContain('no_durable_relationship');
    expect(found).not.toContain('insufficient_means_study');
    expect(found).not.toContain('asylum_not_credible');
  });

  it('filters by regime and by kind', () => {
    expect(ids('study', 'refusal')).toContain('insufficient_means_study');
    expect(ids('study', 'refusal')).not.toContain('salary_below_threshold');
    // An MVV application is the request for the MVV itself.
    expect(ids('entry_and_residence', 'refusal')).not.toContain('no_mvv');
    expect(ids('entry_and_residence', 'refusal')).toContain('no_civic_integration_abroad');
    expect(ids('asylum', 'refusal')).toEqual(['asylum_not_credible', 'asylum_safe_country']);
    expect(ids('asylum_unaccompanied_minor', 'not_processed')).toEqual(['asylum_dublin']);
    expect(ids('naturalisation', 'refusal')).toEqual(['naturalisation_not_integrated', 'naturalisation_residence', 'naturalisation_public_order']);
    expect(ids('work', 'not_processed')).toEqual(['incomplete_after_request', 'statutory_requirement_not_met']);
    expect(ids('objection_mvv', 'objection_decision')).toEqual(['objection_late_aliens', 'objection_unfounded']);
    expect(ids('objection_naturalisation', 'objection_decision')).toEqual(['objection_late_general', 'objection_unfounded']);
    expect(ids('objection_regular', 'refusal')).toEqual([]);
    expect(groundsFor('no_such_type', null, 'refusal')).toEqual([]);
  });

  it('offers only the grounds in effect on the letter date', () => {
    expect(ids('highly_skilled_migrant', 'refusal', '1999-12-31')).toEqual([]);
    expect(ids('highly_skilled_migrant', 'refusal', '2026-04-28').length).toBeGreaterThan(0);
  });
});

const contract: VerifiedEvidence = {
  requirement: 'employment_contract', field: 'monthlySalaryCents', documentId: 'doc-contract', documentTitle: 'Arbeidsovereenkomst', page: 2,
  quote: 'bruto maandsalaris € 4.200',
};
const passportBirth: VerifiedEvidence = { requirement: 'passport', field: 'birthDate', documentId: 'doc-passport', documentTitle: 'Paspoort', page: 1, quote: null };
const application = { monthlySalaryCents: 420_000, birthDate: '1998-03-12', nationality: 'Indiase' };
const salaryInput: ReasoningInput = {
  groundIds: ['salary_below_threshold'], caseType: 'highly_skilled_migrant', language: 'nl', evidence: [contract, passportBirth], application,
};

const asFreeBlock = (paragraphs: unknown) => letterBodyDocument.safeParse({ type: 'doc', content: [{ type: 'freeBlock', attrs: { block: 'reasoning' }, content: paragraphs }] });

describe('buildReasoning', () => {
  it('writes a verified fact with its citation, and gives the grounds for the letter fields and the check', () => {
    const result = buildReasoning(salaryInput);
    expect(result.text).toContain('bedraagt uw bruto maandsalaris € 4.200,00 (zie: Arbeidsovereenkomst, pagina 2: “bruto maandsalaris € 4.200”).');
    expect(result.text).toContain('U bent geboren op 12 maart 1998 (zie: Paspoort, pagina 1).');
    expect(result.text).not.toContain('[[');
    expect(result.facts).toEqual([
      { groundId: 'salary_below_threshold', factId: 'birth_date', label: 'Geboortedatum', status: 'verified', citation: { documentId: 'doc-passport', documentTitle: 'Paspoort', page: 1, text: '(zie: Paspoort, pagina 1)' } },
      expect.objectContaining({ factId: 'salary', status: 'verified', citation: expect.objectContaining({ documentId: 'doc-contract', page: 2, quote: 'bruto maandsalaris € 4.200' }) }),
    ]);
    expect(result.fieldsGrounds).toEqual([{ text: 'Uw bruto maandsalaris is lager dan het normbedrag voor kennismigranten', legalBasis: 'artikel 3.30a Vb 2000 en paragraaf B5/3.2.2 Vc 2000' }]);
    expect(result.references).toEqual([{ reference: 'artikel 3.30a Vb 2000 en paragraaf B5/3.2.2 Vc 2000' }]);
    expect(asFreeBlock(result.paragraphs).success).toBe(true);
    expect(letterFields.shape.decision.unwrap().shape.grounds.safeParse(result.fieldsGrounds).success).toBe(true);
  });

  it('flags and marks a fact no link proves, and never writes the stated value instead', () => {
    const result = buildReasoning({ ...salaryInput, evidence: [contract] });
    expect(result.text).toContain('U bent geboren op [[Geboortedatum]].');
    expect(result.text).not.toContain('1998');
    expect(result.facts.find((fact) => fact.factId === 'birth_date')).toEqual({
      groundId: 'salary_below_threshold', factId: 'birth_date', label: 'Geboortedatum', status: 'unverified', reason: 'no_evidence',
    });
    // A link of the requirement for another field proves nothing about this one.
    const otherField = buildReasoning({ ...salaryInput, evidence: [{ ...contract, field: 'jobTitle' }, passportBirth] });
    expect(otherField.text).toContain('bedraagt uw bruto maandsalaris [[Bruto maandsalaris]].');
    expect(otherField.text).not.toContain('4.200');
  });

  it('states a quote when the fact has no field, marks a linked fact with nothing to state, and never fills a fact outside the checklist', () => {
    const passport: VerifiedEvidence = { requirement: 'passport', documentId: 'doc-passport', documentTitle: 'Paspoort', page: 1, quote: 'geldig tot 1 maart 2025' };
    const quoted = buildReasoning({ groundIds: ['no_valid_passport'], caseType: 'work', language: 'nl', evidence: [passport] });
    expect(quoted.text).toContain('Uit uw paspoort blijkt het volgende: “geldig tot 1 maart 2025” (zie: Paspoort, pagina 1).');

    const bare = buildReasoning({ groundIds: ['no_valid_passport'], caseType: 'work', language: 'nl', evidence: [{ ...passport, quote: '  ' }] });
    expect(bare.text).toContain('[[Geldigheidsduur van het paspoort]]');
    expect(bare.facts[0]).toMatchObject({ status: 'unverified', reason: 'no_value', citation: { documentId: 'doc-passport' } });

    const order = buildReasoning({
      groundIds: ['public_order'], caseType: 'work', language: 'en',
      evidence: [{ requirement: 'antecedents_declaration', documentId: 'doc-ad', documentTitle: 'Antecedents declaration', quote: 'convicted of theft in 2024' }],
    });
    expect(order.text).toContain('you stated the following: “convicted of theft in 2024” (see: Antecedents declaration).');
    expect(order.text).toContain('The judicial records show the following: [[Conviction according to the judicial records]].');
    expect(order.facts.map((fact) => [fact.factId, fact.status, fact.reason])).toEqual([['antecedents', 'verified', undefined], ['conviction', 'unverified', 'outside_checklist']]);
  });

  it('writes English citations and amounts, keeps the picked order, and never reads a quote as a placeholder', () => {
    const result = buildReasoning({
      ...salaryInput, language: 'en', groundIds: ['sponsor_not_recognised', 'salary_below_threshold'],
      evidence: [{ ...contract, quote: 'salary {birth_date}' }, { requirement: 'employment_contract', documentId: 'doc-contract', documentTitle: 'Employment contract', page: 1, quote: 'Acme B.V.' }],
    });
    // The salary's link is for its field: it does not prove the employer, the link of the whole contract does.
    expect(result.text).toContain('your employer is: “Acme B.V.” (see: Employment contract, page 1).');
    expect(result.text).toContain('your gross monthly salary is €4,200.00 (see: Arbeidsovereenkomst, page 2: “salary {birth_date}”).');
    expect(result.text).toContain('You were born on [[Date of birth]].');
    expect(result.references.map((ground) => ground.reference)).toEqual(['artikel 2c, eerste lid, Vw 2000 en artikel 3.30a Vb 2000', 'artikel 3.30a Vb 2000 en paragraaf B5/3.2.2 Vc 2000']);
    expect(result.paragraphs).toHaveLength(2);
    expect(asFreeBlock(result.paragraphs).success).toBe(true);
  });

  it('gives an empty reasoning block for no grounds, which the body schema still accepts', () => {
    const result = buildReasoning({ ...salaryInput, groundIds: [] });
    expect(result).toMatchObject({ paragraphs: [{ type: 'paragraph' }], text: '', facts: [], fieldsGrounds: [], references: [] });
    expect(asFreeBlock(result.paragraphs).success).toBe(true);
  });

  it('refuses a ground it does not know, one picked twice, one not for the case type, a mix of kinds and an unknown case type', () => {
    const refused = (change: Partial<ReasoningInput>): DomainError => {
      try {
        buildReasoning({ ...salaryInput, ...change });
      } catch (error) {
        if (error instanceof DomainError) return error;
        throw error;
      }
      throw new Error('not refused');
    };
    expect(refused({ groundIds: ['no_such_ground'] })).toMatchObject({ code: 'invalid_input', field: 'groundIds[0]' });
    expect(refused({ groundIds: ['no_mvv', 'no_mvv'] })).toMatchObject({ code: 'invalid_input', field: 'groundIds[1]' });
    expect(refused({ groundIds: ['no_mvv', 'asylum_not_credible'] })).toMatchObject({ code: 'invalid_input', field: 'groundIds[1]' });
    expect(refused({ groundIds: ['no_mvv'], kind: 'not_processed' })).toMatchObject({ code: 'invalid_input', field: 'groundIds[0]' });
    expect(refused({ groundIds: ['no_mvv', 'incomplete_after_request'] })).toMatchObject({ code: 'invalid_input', field: 'groundIds[1]' });
    expect(refused({ groundIds: ['no_mvv'], on: '1999-01-01' })).toMatchObject({ code: 'invalid_input', field: 'groundIds[0]' });
    expect(refused({ caseType: 'tourism' })).toMatchObject({ code: 'unknown_case_type', field: 'caseType' });
  });
});

describe('a refusal rendered with the built reasoning', () => {
  const renderer = createLetterRenderer();
  const record: LetterCheckRecord = {
    decision: 'refused', parties: { applicant: { name: 'Samira El Amrani', vNumber: '0123456789' }, representative: null },
    caseType: 'highly_skilled_migrant', regime: 'regular', receivedOn: '2026-02-02', contestedDecisionOn: null,
    suspensions: [{ requestedOn: '2026-02-20', endedOn: '2026-03-06' }], extensions: [{ months: 6 }], letterDate: '2026-04-28',
    penalty: null,
  };

  async function placeholderFindings(input: ReasoningInput) {
    const reasoning = buildReasoning(input);
    const fields: LetterFields = letterFields.parse({
      ...sampleLetterFields.nl, request: null, penalty: null,
      decision: { outcome: 'refused', decidedOn: '2026-04-28', grounds: reasoning.fieldsGrounds, reasoning: reasoning.text, permit: null, departureBy: '2026-05-26' },
    });
    const entry = selectTemplate(letterTemplates, 'refusal', 'nl', 'regular', fields.letter.date);
    if (!entry) throw new Error('no refusal template');
    const { blocks } = await renderer.renderTemplate(entry, fields);
    return checkLetterConsistency({ kind: 'refusal', fields, blocks, record, grounds: reasoning.references })
      .filter((found) => ['placeholder_left', 'grounds_missing', 'ground_without_basis', 'reasoning_missing'].includes(found.code));
  }

  it('passes the placeholder and grounds checks when every fact is verified', async () => {
    expect(await placeholderFindings(salaryInput)).toEqual([]);
  });

  it('is refused as unfilled while a fact is not verified', async () => {
    expect(await placeholderFindings({ ...salaryInput, evidence: [contract] })).toEqual([
      expect.objectContaining({ code: 'placeholder_left', values: { block: 'reasoning', marker: '[[' } }),
    ]);
  });
});

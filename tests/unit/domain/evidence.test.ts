import { describe, expect, it } from 'vitest';
import { domainRules } from '../../../src/shared/domain';
import {
  ageOn, checklistFor, checklistStates, evidenceRequirements, requirementForKind, salaryThreshold,
} from '../../../src/shared/domain/evidence';
import {
  amountVariants, assistEvidence, dateVariants, editDistance, parseAmountCents,
} from '../../../src/shared/domain/evidence-assistant';

describe('required-evidence checklists', () => {
  it('every case type of the rules table has a checklist naming known requirements', () => {
    for (const caseType of Object.keys(domainRules.caseTypes)) {
      const checklist = checklistFor(caseType, '2026-03-01');
      expect(checklist.length, caseType).toBeGreaterThan(0);
      for (const requirement of checklist) expect(Object.keys(evidenceRequirements)).toContain(requirement);
    }
    expect(checklistFor('unknown_type', '2026-03-01')).toEqual([]);
  });

  it('a highly skilled migrant needs passport, antecedents and the employment contract (docs/domain.md)', () => {
    expect(checklistFor('highly_skilled_migrant', '2026-03-01')).toEqual(['passport', 'antecedents_declaration', 'employment_contract']);
    expect(checklistFor('naturalisation', '2026-03-01')).toContain('birth_certificate');
  });

  it('a requirement is verified by a link, unverified with only a document, missing without either', () => {
    const checklist = checklistFor('highly_skilled_migrant', '2026-03-01');
    const states = checklistStates(checklist, [{ id: 'd1', kind: 'passport' }, { id: 'd2', kind: 'employment_contract' }],
      [{ requirement: 'passport', documentId: 'd1' }]);
    expect(states.map((state) => [state.requirement, state.state])).toEqual([
      ['passport', 'verified'], ['antecedents_declaration', 'missing'], ['employment_contract', 'unverified'],
    ]);
    expect(requirementForKind(checklist, 'employment_contract')).toBe('employment_contract');
    expect(requirementForKind(checklist, 'payslips')).toBeNull();
  });
});

describe('salary thresholds', () => {
  it('30 and over and under 30 have their own 2026 threshold', () => {
    expect(salaryThreshold(30, '2026-02-01').cents).toBe(594_200);
    expect(salaryThreshold(29, '2026-02-01').cents).toBe(435_700);
  });

  it('age counts whole years up to the day', () => {
    expect(ageOn('1996-03-16', '2026-03-15')).toBe(29);
    expect(ageOn('1996-03-16', '2026-03-16')).toBe(30);
  });
});

describe('evidence assistant', () => {
  const application = {
    surname: 'Yılmaz', givenNames: 'Ayşe', birthDate: '1990-08-12', monthlySalaryCents: 600_000, passportNumber: 'U1234567', vNumber: '0123456789',
  };

  it('writes dates and amounts the ways documents do', () => {
    expect(dateVariants('1990-08-12')).toEqual(expect.arrayContaining(['12 august 1990', '12 augustus 1990', '12 aug 1990', '12-08-1990']));
    expect(amountVariants(594_200)).toEqual(['5.942,00', '5,942.00']);
    expect(parseAmountCents('5.942,00')).toBe(594_200);
    expect(parseAmountCents('5,942.00')).toBe(594_200);
    expect(parseAmountCents('12')).toBeNull();
    expect(editDistance('yilmaz', 'ylimaz')).toBe(1);
    expect(editDistance('yilmaz', 'yilmazz')).toBe(1);
    expect(editDistance('yilmaz', 'jansen')).toBeGreaterThan(1);
  });

  it('suggests the page where each stated value is found, ignoring case and diacritics', () => {
    const { suggestions, findings } = assistEvidence({
      caseType: 'highly_skilled_migrant', receivedOn: '2026-02-01', application,
      documents: [
        { documentId: 'passport', kind: 'passport', pages: ['PASSPORT Surname YILMAZ Given names AYSE Passport No. U1234567 Date of birth 12 AUG 1990'] },
        { documentId: 'contract', kind: 'employment_contract', pages: ['Name: Ayşe Yılmaz Date of birth: 12 August 1990', 'Gross monthly salary: € 6.000,00'] },
      ],
    });
    const of = (documentId: string) => suggestions.filter((s) => s.documentId === documentId).map((s) => `${s.field}@${s.page}`).sort();
    expect(of('passport')).toEqual(['birthDate@1', 'givenNames@1', 'passportNumber@1', 'surname@1']);
    expect(of('contract')).toEqual(['birthDate@1', 'givenNames@1', 'monthlySalaryCents@2', 'surname@1']);
    expect(findings).toEqual([]);
  });

  it('flags a surname with two letters swapped, and a contract salary under the threshold for the age', () => {
    const { findings } = assistEvidence({
      caseType: 'highly_skilled_migrant', receivedOn: '2026-02-01', application,
      documents: [
        { documentId: 'contract', kind: 'employment_contract', pages: ['Name: Ayşe Ylımaz', 'Gross monthly salary: € 5.100,00'] },
        { documentId: 'scan', kind: 'birth_certificate', pages: [''] },
      ],
    });
    expect(findings).toEqual([
      { kind: 'name_mismatch', field: 'surname', documentId: 'contract', page: 1, expected: 'Yılmaz', found: 'Ylımaz' },
      expect.objectContaining({ kind: 'salary_differs', documentId: 'contract', page: 2, statedCents: 600_000, foundCents: 510_000 }),
      expect.objectContaining({ kind: 'salary_below_threshold', documentId: 'contract', page: 2, foundCents: 510_000, thresholdCents: 594_200, age: 35 }),
    ]);
  });

  it('does not apply the highly skilled migrant threshold to other case types', () => {
    const { findings } = assistEvidence({
      caseType: 'work', receivedOn: '2026-02-01', application: { ...application, monthlySalaryCents: 300_000 },
      documents: [{ documentId: 'contract', kind: 'employment_contract', pages: ['Yılmaz Gross monthly salary: € 3.000,00'] }],
    });
    expect(findings).toEqual([]);
  });
});

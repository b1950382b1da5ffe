/**
 * The required-evidence checklist per case type (docs/domain.md, "Evidence checklists") and the
 * salary thresholds the evidence checks compare a contract with. Versioned like the rules table: a
 * change in policy is a new entry with its effective-from date, never an edit of the checks.
 */
import { type IsoDate } from './dates';
import { versionInEffect, type CaseType } from './rules';

/** Application fields a document can prove. */
export const evidenceFields = [
  'surname', 'givenNames', 'birthDate', 'birthPlace', 'nationality', 'vNumber', 'passportNumber',
  'monthlySalaryCents', 'jobTitle', 'employmentStartDate', 'relationship', 'programme', 'studyStartDate',
] as const;
export type EvidenceField = (typeof evidenceFields)[number];

/** One requirement of a checklist: which document kinds can meet it and which fields they prove. */
export type EvidenceRequirement = { documentKinds: readonly string[]; fields: readonly EvidenceField[] };

const identity: readonly EvidenceField[] = ['surname', 'givenNames', 'birthDate', 'nationality', 'passportNumber'];

/** Every requirement a checklist may name. Kinds are the document kinds of the intake and the dataset. */
export const evidenceRequirements = {
  passport: { documentKinds: ['passport'], fields: identity },
  /** Asylum: a passport is often missing; any identity document counts. */
  identity_document: { documentKinds: ['passport', 'birth_certificate'], fields: ['surname', 'givenNames', 'birthDate'] },
  antecedents_declaration: { documentKinds: ['antecedents_declaration'], fields: ['surname', 'birthDate'] },
  employment_contract: { documentKinds: ['employment_contract'], fields: ['surname', 'monthlySalaryCents', 'jobTitle', 'employmentStartDate'] },
  payslips: { documentKinds: ['payslips'], fields: ['surname', 'monthlySalaryCents'] },
  relationship_proof: { documentKinds: ['marriage_certificate'], fields: ['surname', 'relationship'] },
  sponsor_income: { documentKinds: ['sponsor_payslips', 'sponsor_contract'], fields: [] },
  civic_integration_abroad: { documentKinds: ['integration_exam_result'], fields: [] },
  admission_letter: { documentKinds: ['admission_letter'], fields: ['surname', 'programme', 'studyStartDate'] },
  proof_of_funds: { documentKinds: ['bank_statements'], fields: [] },
  birth_certificate: { documentKinds: ['birth_certificate'], fields: ['surname', 'birthDate', 'birthPlace'] },
  residence_permit: { documentKinds: ['residence_permit'], fields: ['vNumber'] },
  integration_diploma: { documentKinds: ['integration_diploma'], fields: [] },
  objection_notice: { documentKinds: ['objection_notice'], fields: ['vNumber'] },
} as const satisfies Record<string, EvidenceRequirement>;
export type EvidenceRequirementId = keyof typeof evidenceRequirements;

/** One version of the checklists. */
export type ChecklistVersion = { effectiveFrom: IsoDate; byCaseType: Record<CaseType, readonly EvidenceRequirementId[]>; basis: string };

const everyone: EvidenceRequirementId[] = ['passport', 'antecedents_declaration'];
const partner: EvidenceRequirementId[] = [...everyone, 'relationship_proof', 'sponsor_income', 'civic_integration_abroad'];
const study: EvidenceRequirementId[] = [...everyone, 'admission_letter', 'proof_of_funds'];
const objection: EvidenceRequirementId[] = ['objection_notice'];

/** The checklists, docs/domain.md "Evidence checklists"; ascending effectiveFrom. */
export const evidenceChecklists: readonly ChecklistVersion[] = [{
  effectiveFrom: '2000-01-01',
  basis: 'IND: documents typically required per residence purpose (docs/domain.md, evidence checklists)',
  byCaseType: {
    highly_skilled_migrant: [...everyone, 'employment_contract'],
    work: [...everyone, 'employment_contract', 'payslips'],
    change_of_purpose: [...everyone, 'employment_contract'],
    research: [...everyone, 'admission_letter'],
    family_partner: partner,
    entry_and_residence: partner,
    au_pair: [...everyone, 'birth_certificate'],
    study, exchange: study, learning_and_working: study,
    residence_extension: ['passport'],
    permanent_residence: ['passport', 'integration_diploma'],
    eu_long_term_resident: ['passport', 'proof_of_funds'],
    naturalisation: ['passport', 'birth_certificate', 'residence_permit', 'integration_diploma'],
    asylum: ['identity_document'],
    asylum_unaccompanied_minor: ['identity_document'],
    objection_regular: objection, objection_mvv: objection, objection_naturalisation: objection, objection_sponsor: objection,
  },
}];

/** The requirements of a case type's checklist on a date; empty for an unknown case type. */
export function checklistFor(caseType: string, on: IsoDate, versions: readonly ChecklistVersion[] = evidenceChecklists): readonly EvidenceRequirementId[] {
  const version = versionInEffect(versions, on);
  return Object.hasOwn(version.byCaseType, caseType) ? version.byCaseType[caseType as CaseType] : [];
}

/** The requirement of a checklist that a document of `kind` meets, or null. */
export function requirementForKind(checklist: readonly EvidenceRequirementId[], kind: string): EvidenceRequirementId | null {
  return checklist.find((id) => (evidenceRequirements[id].documentKinds as readonly string[]).includes(kind)) ?? null;
}

/** Where a requirement stands: a link proves it, a matching document awaits checking, or nothing came in. */
export type RequirementState = 'verified' | 'unverified' | 'missing';

/** The state of each requirement of a checklist, from the case's documents and evidence links. */
export function checklistStates(
  checklist: readonly EvidenceRequirementId[], documents: readonly { id: string; kind: string }[], links: readonly { requirement: string; documentId: string }[],
): { requirement: EvidenceRequirementId; state: RequirementState; documentIds: string[] }[] {
  return checklist.map((requirement) => {
    const kinds: readonly string[] = evidenceRequirements[requirement].documentKinds;
    const documentIds = documents.filter((document) => kinds.includes(document.kind)).map((document) => document.id);
    const verified = links.some((link) => link.requirement === requirement);
    return { requirement, state: verified ? 'verified' : documentIds.length > 0 ? 'unverified' : 'missing', documentIds };
  });
}

/** Gross monthly salary thresholds for highly skilled migrants (kennismigrant), per version. */
export type SalaryThresholdVersion = { effectiveFrom: IsoDate; thirtyAndOverCents: number; underThirtyCents: number; reducedCriterionCents: number; legalBasis: string };

/** The thresholds in euro cents; docs/domain.md gives the 2026 figures. */
export const salaryThresholdVersions: readonly SalaryThresholdVersion[] = [{
  effectiveFrom: '2026-01-01', thirtyAndOverCents: 594_200, underThirtyCents: 435_700, reducedCriterionCents: 312_200,
  legalBasis: 'Vb art. 3.30a; Vc B5/3.2.2',
}];

/** Case types whose contract salary must reach the highly skilled migrant threshold. */
export const salaryThresholdCaseTypes: ReadonlySet<string> = new Set(['highly_skilled_migrant']);

/** The threshold that applies to an applicant of `age` on `on` (the reduced criterion is not decided here). */
export function salaryThreshold(age: number, on: IsoDate, versions: readonly SalaryThresholdVersion[] = salaryThresholdVersions): { cents: number; legalBasis: string } {
  const version = versionInEffect(versions, on);
  return { cents: age >= 30 ? version.thirtyAndOverCents : version.underThirtyCents, legalBasis: version.legalBasis };
}

/** Whole years between a birth date and a day ('YYYY-MM-DD' both). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

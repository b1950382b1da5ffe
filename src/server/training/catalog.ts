/**
 * The mix of the demo dataset: how often each case type occurs, which nationalities apply for it,
 * applicant ages, fees and salary thresholds. The fee and threshold amounts are the 2026 figures of
 * docs/domain.md (fees other than the highly skilled migrant's are indicative); they belong to the
 * generator, not to the decision-period rules, and move to a versioned table when the evidence
 * checks (issue 8) need them.
 */
import { type CaseType } from '../../shared/domain';
import { type NationalityCode } from './people';

/** Case types with rough weights of how often the IND sees them. */
export const caseTypeWeights: { value: CaseType; weight: number }[] = [
  { value: 'highly_skilled_migrant', weight: 20 }, { value: 'family_partner', weight: 16 },
  { value: 'study', weight: 11 }, { value: 'research', weight: 2 }, { value: 'exchange', weight: 1 },
  { value: 'learning_and_working', weight: 1 }, { value: 'au_pair', weight: 3 }, { value: 'work', weight: 5 },
  { value: 'residence_extension', weight: 9 }, { value: 'change_of_purpose', weight: 2 },
  { value: 'permanent_residence', weight: 5 }, { value: 'entry_and_residence', weight: 2 },
  { value: 'eu_long_term_resident', weight: 1 }, { value: 'naturalisation', weight: 9 },
  { value: 'asylum', weight: 8 }, { value: 'asylum_unaccompanied_minor', weight: 2 },
  { value: 'objection_regular', weight: 2 }, { value: 'objection_mvv', weight: 1 },
  { value: 'objection_naturalisation', weight: 0.5 }, { value: 'objection_sponsor', weight: 0.2 },
];

type Weighted = { value: NationalityCode; weight: number }[];
const knowledgeMigrants: Weighted = [
  { value: 'IND', weight: 35 }, { value: 'CHN', weight: 10 }, { value: 'TUR', weight: 10 }, { value: 'USA', weight: 8 },
  { value: 'BRA', weight: 7 }, { value: 'GBR', weight: 7 }, { value: 'ZAF', weight: 5 }, { value: 'IRN', weight: 5 },
  { value: 'MEX', weight: 4 }, { value: 'IDN', weight: 4 }, { value: 'NGA', weight: 3 }, { value: 'VNM', weight: 2 },
];
const families: Weighted = [
  { value: 'TUR', weight: 15 }, { value: 'MAR', weight: 15 }, { value: 'IND', weight: 12 }, { value: 'SUR', weight: 8 },
  { value: 'SYR', weight: 10 }, { value: 'ERI', weight: 8 }, { value: 'BRA', weight: 6 }, { value: 'USA', weight: 5 },
  { value: 'GHA', weight: 4 }, { value: 'NGA', weight: 4 }, { value: 'IDN', weight: 4 }, { value: 'MEX', weight: 3 },
];
const students: Weighted = [
  { value: 'CHN', weight: 20 }, { value: 'IND', weight: 20 }, { value: 'IDN', weight: 8 }, { value: 'USA', weight: 8 },
  { value: 'TUR', weight: 8 }, { value: 'VNM', weight: 6 }, { value: 'BRA', weight: 5 }, { value: 'MEX', weight: 5 },
  { value: 'IRN', weight: 5 }, { value: 'NGA', weight: 4 }, { value: 'GHA', weight: 3 }, { value: 'ZAF', weight: 3 },
];
const auPairs: Weighted = [
  { value: 'BRA', weight: 20 }, { value: 'ZAF', weight: 20 }, { value: 'MEX', weight: 15 }, { value: 'IDN', weight: 15 },
  { value: 'USA', weight: 10 }, { value: 'VNM', weight: 10 },
];
const asylumSeekers: Weighted = [
  { value: 'SYR', weight: 35 }, { value: 'ERI', weight: 15 }, { value: 'AFG', weight: 15 }, { value: 'TUR', weight: 12 },
  { value: 'YEM', weight: 8 }, { value: 'IRQ', weight: 8 }, { value: 'IRN', weight: 7 },
];
const naturalising: Weighted = [
  { value: 'SYR', weight: 30 }, { value: 'ERI', weight: 12 }, { value: 'TUR', weight: 12 }, { value: 'MAR', weight: 10 },
  { value: 'IND', weight: 8 }, { value: 'SUR', weight: 8 }, { value: 'AFG', weight: 6 }, { value: 'CHN', weight: 4 },
  { value: 'IRN', weight: 5 }, { value: 'IRQ', weight: 5 },
];

/** Per case type: nationalities, applicant ages on receipt, whether the applicant already lives here (BSN). */
export const caseTypeProfiles: Record<CaseType, { nationalities: Weighted; minimumAge: number; maximumAge: number; resident: boolean; feeCents: number | null }> = {
  highly_skilled_migrant: { nationalities: knowledgeMigrants, minimumAge: 23, maximumAge: 55, resident: false, feeCents: 42300 },
  work: { nationalities: knowledgeMigrants, minimumAge: 21, maximumAge: 55, resident: false, feeCents: 42300 },
  research: { nationalities: students, minimumAge: 24, maximumAge: 50, resident: false, feeCents: 42300 },
  change_of_purpose: { nationalities: knowledgeMigrants, minimumAge: 22, maximumAge: 50, resident: true, feeCents: 42300 },
  family_partner: { nationalities: families, minimumAge: 21, maximumAge: 55, resident: false, feeCents: 24300 },
  au_pair: { nationalities: auPairs, minimumAge: 18, maximumAge: 25, resident: false, feeCents: 24300 },
  study: { nationalities: students, minimumAge: 18, maximumAge: 32, resident: false, feeCents: 24300 },
  exchange: { nationalities: students, minimumAge: 18, maximumAge: 30, resident: false, feeCents: 24300 },
  learning_and_working: { nationalities: students, minimumAge: 18, maximumAge: 30, resident: false, feeCents: 24300 },
  residence_extension: { nationalities: families, minimumAge: 20, maximumAge: 65, resident: true, feeCents: 24300 },
  permanent_residence: { nationalities: families, minimumAge: 23, maximumAge: 70, resident: true, feeCents: 24300 },
  entry_and_residence: { nationalities: families, minimumAge: 21, maximumAge: 55, resident: false, feeCents: 24300 },
  eu_long_term_resident: { nationalities: families, minimumAge: 23, maximumAge: 70, resident: true, feeCents: 24300 },
  naturalisation: { nationalities: naturalising, minimumAge: 23, maximumAge: 68, resident: true, feeCents: 141000 },
  asylum: { nationalities: asylumSeekers, minimumAge: 18, maximumAge: 60, resident: false, feeCents: null },
  asylum_unaccompanied_minor: { nationalities: asylumSeekers, minimumAge: 12, maximumAge: 17, resident: false, feeCents: null },
  objection_regular: { nationalities: families, minimumAge: 21, maximumAge: 60, resident: true, feeCents: null },
  objection_mvv: { nationalities: families, minimumAge: 21, maximumAge: 60, resident: false, feeCents: null },
  objection_naturalisation: { nationalities: naturalising, minimumAge: 23, maximumAge: 68, resident: true, feeCents: null },
  objection_sponsor: { nationalities: knowledgeMigrants, minimumAge: 23, maximumAge: 55, resident: false, feeCents: null },
};

/** Monthly gross salary thresholds for highly skilled migrants in 2026 (docs/domain.md), in cents. */
export const salaryThresholds = { thirtyAndOver: 594_200, underThirty: 435_700, reducedCriterion: 312_200 };

/** The threshold that applies at an age on receipt (the reduced criterion is not generated). */
export function salaryThresholdCents(age: number): number {
  return age >= 30 ? salaryThresholds.thirtyAndOver : salaryThresholds.underThirty;
}

/** Case types whose applicant gives biometrics at a desk after the acknowledgement. */
export const biometricsCaseTypes: ReadonlySet<string> = new Set([
  'highly_skilled_migrant', 'work', 'research', 'change_of_purpose', 'family_partner', 'au_pair', 'study', 'exchange',
  'learning_and_working', 'residence_extension', 'permanent_residence', 'entry_and_residence', 'eu_long_term_resident',
]);

/** Case types sponsored by an employer (contract and payslips), of which these are highly skilled. */
export const employmentCaseTypes: ReadonlySet<string> = new Set(['highly_skilled_migrant', 'work', 'research', 'change_of_purpose']);
export const studyCaseTypes: ReadonlySet<string> = new Set(['study', 'exchange', 'learning_and_working']);
export const objectionCaseTypes: ReadonlySet<string> = new Set(['objection_regular', 'objection_mvv', 'objection_naturalisation', 'objection_sponsor']);
export const asylumCaseTypes: ReadonlySet<string> = new Set(['asylum', 'asylum_unaccompanied_minor']);

/** Job titles for contracts. */
export const jobTitles = ['Software Engineer', 'Data Scientist', 'Process Engineer', 'Financial Analyst', 'Product Manager', 'Research Scientist', 'Mechanical Engineer', 'Medical Specialist', 'Supply Chain Analyst', 'IT Consultant'];
/** Study programmes for admission letters. */
export const programmes = ['MSc Computer Science', 'MSc Water Management', 'BSc International Business', 'MSc Biomedical Engineering', 'MA Linguistics', 'MSc Food Technology', 'LLM International Law', 'BSc Physics'];

/**
 * A small deterministic set of development cases written straight into a local cache, so the
 * shell has something real to list before sync exists. Deadlines come from the domain engine.
 * The training environment's full dataset (issue 6) replaces this for demos and lessons.
 */
import { Faker, base, de, en, en_IN, es_MX, fr, nl, pt_BR, tr, type LocaleDefinition } from '@faker-js/faker';
import { computeDecisionDeadline, regimeForCaseType, type CaseType } from '../src/shared/domain';
import { upsertCases } from '../src/main/host/cases/store';
import type { CacheDatabase } from '../src/main/host/db/open';
import type { NewCaseRow } from '../src/main/host/db/schema';

/** Case types of the domain's rules table with rough weights of how often the IND sees them. */
const caseTypeWeights: { value: CaseType; weight: number }[] = [
  { value: 'highly_skilled_migrant', weight: 22 }, { value: 'family_partner', weight: 18 },
  { value: 'study', weight: 12 }, { value: 'au_pair', weight: 3 }, { value: 'work', weight: 6 },
  { value: 'residence_extension', weight: 10 }, { value: 'permanent_residence', weight: 5 },
  { value: 'naturalisation', weight: 10 }, { value: 'asylum', weight: 9 },
  { value: 'asylum_unaccompanied_minor', weight: 2 }, { value: 'objection_regular', weight: 3 },
];

// Names as the IND records them: in the Latin script of the passport's machine-readable zone.
const locales: readonly LocaleDefinition[] = [nl, en_IN, tr, pt_BR, es_MX, fr, de, en];
const teams = ['Team Kennis & Arbeid', 'Team Gezin & Verblijf', 'Team Naturalisatie'];
const caseworkers = ['demo.caseworker', 'a.devries', 'm.bakker', 's.elamrani', null, null];
const statuses = ['intake', 'in_progress', 'in_progress', 'in_progress', 'waiting_on_applicant', 'in_review'] as const;

export interface SeedOptions {
  count: number;
  seed: number;
  /** 'YYYY-MM-DD': received dates fall in the 150 days before it. */
  today: string;
}

function shiftDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Builds the rows; same options, same rows. */
export function developmentCases(options: SeedOptions): NewCaseRow[] {
  const picker = new Faker({ locale: [base], seed: options.seed });
  return Array.from({ length: options.count }, (_, index) => {
    const caseType = picker.helpers.weightedArrayElement(caseTypeWeights);
    const regime = regimeForCaseType(caseType) ?? 'regular';
    const locale = picker.helpers.arrayElement(locales);
    const person = new Faker({ locale: [locale, en, base], seed: options.seed * 100_003 + index });
    const receivedOn = shiftDays(options.today, -picker.number.int({ min: 0, max: 150 }));
    const contestedDecisionOn = regime === 'objection_regular' ? shiftDays(receivedOn, -20) : undefined;
    const { deadline } = computeDecisionDeadline({
      regime,
      receivedOn,
      ...(contestedDecisionOn ? { contestedDecisionOn } : {}),
    });
    return {
      id: `dev-${String(index + 1).padStart(5, '0')}`,
      caseNumber: `Z${String(2_600_000 + options.seed * 1000 + index).padStart(9, '0')}`,
      applicantName: `${person.person.firstName()} ${person.person.lastName()}`,
      vNumber: String(picker.number.int({ min: 1_000_000, max: 9_999_999_999 })).padStart(10, '0'),
      caseType,
      regime,
      status: picker.helpers.arrayElement(statuses),
      receivedOn,
      deadline,
      assignee: picker.helpers.arrayElement(caseworkers),
      team: picker.helpers.arrayElement(teams),
      version: 1,
      updatedAt: `${options.today}T08:00:00.000Z`,
    };
  });
}

/** Writes the development cases into a local cache (replacing rows with the same ids). */
export function seedDevelopmentCases(db: CacheDatabase, options: SeedOptions): void {
  upsertCases(db, developmentCases(options));
}

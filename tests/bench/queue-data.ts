/**
 * The work queue benchmark's cache: BENCH_QUEUE_CASES (default 100,000) open cases plus some
 * decided ones, written through InboundStore.applyPages exactly as a bootstrap pull writes them, so
 * the rows, priorities, flags and search entries are the host's own. Deterministic (seeded).
 *
 * Spread, per open case: teams 60/25/15 % (the bench user is in the largest team, so a window at
 * offset 50,000 of "team" exists); 20 % assigned to the bench user, 30 % unassigned, the rest to
 * colleagues; deadlines 5 % overdue, 5 % within 7 days, 6 % within 8-14, 10 % within 15-30, 5 %
 * none yet (fee unpaid), the rest later; 2 % unaccompanied minors (vulnerable), 8 % waiting on the
 * applicant, 1 % with a notice of default; a sponsor on the family, work and knowledge-migrant cases.
 */
import { join } from 'node:path';
import { openCache } from '../../src/main/host/db/open';
import { InboundStore } from '../../src/main/host/sync/inbound';
import { addDays } from '../../src/shared/domain/dates';
import { regimeForCaseType } from '../../src/shared/domain/rules';
import type { PullResponse, SyncChange } from '../../src/shared/sync';
import { entityRow } from '../helpers/entity-rows';

/** What the queries need to know about the generated cache. */
export interface QueueBenchData {
  file: string;
  today: string;
  userId: string;
  /** A team lead of all three teams. */
  leadId: string;
  /** The bench user's team first, then the others. */
  teamIds: string[];
  openCases: number;
  totalCases: number;
  /** A V-number of a case in the bench user's team (a search for it finds one case). */
  sampleVNumber: string;
  /** A surname prefix matching a realistic share of applicants. */
  surnamePrefix: string;
  /** A case type with a few thousand cases in the team. */
  sampleCaseType: string;
  fillMilliseconds: number;
}

const surnames = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer',
  'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits',
  'de Graaf', 'van der Meer', 'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'el Amrani', 'Bouzid', 'el Idrissi',
  'Benali', 'Haddou', 'Ahmadi', 'Hosseini', 'Rahimi', 'Karimi', 'Haidari', 'Mohammadi', 'Tesfaye', 'Haile', 'Gebremedhin', 'Bekele',
  'Tesfamariam', 'Abdi', 'Hassan', 'Mohamed', 'Ali', 'Warsame', 'al-Sayed', 'Haddad', 'Khalil', 'Nasser', 'Kowalski', 'Nowak',
  'Wiśniewski', 'Wójcik', 'Popescu', 'Ionescu', 'Petrov', 'Ivanova', 'Shevchenko', 'Kovalenko', 'Bondarenko', 'García', 'Rodríguez',
  'Fernández', 'Silva', 'Santos', 'Oliveira', 'Rossi', 'Russo', 'Müller', 'Schmidt', 'Schneider', 'Nguyen', 'Tran', 'Le', 'Wang',
  'Li', 'Zhang', 'Chen', 'Liu', 'Kumar', 'Sharma', 'Patel', 'Singh', 'Gupta', 'Reddy', 'Iyer', 'Okafor', 'Adeyemi', 'Mensah',
  'Owusu', 'Boateng', 'Diallo', 'Traoré', 'Kim', 'Park', 'Tanaka', 'Suzuki', 'dos Santos', 'Pereira', 'Costa', 'Martins',
];
const givenNames = [
  'Mohammed', 'Fatima', 'Ahmed', 'Aisha', 'Yusuf', 'Maryam', 'Omar', 'Zainab', 'Ali', 'Sara', 'Daniel', 'Anna', 'Lucas', 'Emma',
  'Mehmet', 'Elif', 'Mustafa', 'Zeynep', 'Priya', 'Arjun', 'Wei', 'Mei', 'Ivan', 'Olena', 'Piotr', 'Agnieszka', 'João', 'Ana',
  'Kwame', 'Ama', 'Samuel', 'Hana', 'Tesfay', 'Selam', 'Reza', 'Leila', 'Jan', 'Sophie', 'Luca', 'Giulia', 'Minh', 'Linh',
];
const companies = ['ASML Netherlands B.V.', 'Philips', 'Booking.com', 'Adyen', 'TU Delft', 'Universiteit Leiden', 'Shell', 'ING Bank', 'Heineken', 'Randstad'];

/** Case types with their share of open cases (percent). */
const caseTypeWeights: [string, number][] = [
  ['family_partner', 24], ['highly_skilled_migrant', 14], ['asylum', 12], ['residence_extension', 10], ['study', 8],
  ['naturalisation', 8], ['work', 7], ['entry_and_residence', 5], ['objection_regular', 4], ['permanent_residence', 3],
  ['asylum_unaccompanied_minor', 2], ['eu_long_term_resident', 2], ['au_pair', 1],
];
const sponsored = new Set(['family_partner', 'highly_skilled_migrant', 'work', 'au_pair', 'entry_and_residence']);

/** A small seeded generator (mulberry32): the same cache every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function weighted(random: () => number, weights: readonly [string, number][]): string {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weights) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weights[0]?.[0] ?? '';
}

/** Days from today to the deadline: the spread the module comment describes; null = no deadline yet. */
function deadlineOffset(random: () => number): number | null {
  const roll = random();
  if (roll < 0.05) return -1 - Math.floor(random() * 60);
  if (roll < 0.10) return Math.floor(random() * 8);
  if (roll < 0.16) return 8 + Math.floor(random() * 7);
  if (roll < 0.26) return 15 + Math.floor(random() * 16);
  if (roll < 0.31) return null;
  return 31 + Math.floor(random() * 330);
}

function upsert(entity: SyncChange['entity'], data: Record<string, unknown> & { id: string }, caseId: string | null): SyncChange {
  return { kind: 'upsert', entity, id: data.id, version: 1, caseId, data: entityRow(entity, data) };
}

interface GeneratedCase { changes: SyncChange[]; team: string; vNumber: string; caseType: string }

function generateCase(random: () => number, index: number, context: { today: string; teams: string[]; me: string; colleagues: string[] }, decided: boolean): GeneratedCase {
  const id = uuidFrom(random);
  const teamRoll = random();
  const team = teamRoll < 0.6 ? context.teams[0] : teamRoll < 0.85 ? context.teams[1] : context.teams[2];
  const assignRoll = random();
  const assignee = assignRoll < 0.2 ? context.me : assignRoll < 0.5 ? null : pick(random, context.colleagues);
  const caseType = weighted(random, caseTypeWeights);
  const regime = regimeForCaseType(caseType) ?? 'regular';
  const offset = decided ? -Math.floor(random() * 200) : deadlineOffset(random);
  const deadline = offset === null ? null : addDays(context.today, offset);
  const receivedOn = addDays(deadline ?? context.today, -(offset === null ? Math.floor(random() * 30) : 60 + Math.floor(random() * 120)));
  const status = decided ? (random() < 0.8 ? 'decided' : 'closed')
    : random() < 0.08 ? 'waiting_on_applicant' : weighted(random, [['intake', 15], ['in_progress', 60], ['in_review', 17]]);
  const vNumber = String(1_000_000_000 + ((index * 7_919_117) % 8_999_999_999)).padStart(10, '0');
  const stamp = `${receivedOn}T08:00:00.000Z`;
  const changes: SyncChange[] = [
    upsert('case', {
      id, caseNumber: `IND-${receivedOn.slice(0, 4)}-${String(index).padStart(7, '0')}`, caseType, regime, status,
      teamId: team, assigneeId: assignee, receivedOn, contestedDecisionOn: null,
      feeStatus: offset === null ? 'unpaid' : 'paid', feePaidOn: offset === null ? null : receivedOn, feeAmountCents: 38_000,
      deadline, penaltyAmountCents: 0, decision: decided ? 'granted' : null, decidedOn: decided ? deadline : null,
      version: 1, createdAt: stamp, updatedAt: stamp,
    }, id),
    upsert('party', {
      id: uuidFrom(random), caseId: id, role: 'applicant', name: `${pick(random, givenNames)} ${pick(random, surnames)}`,
      vNumber, organisation: null, birthDate: '1990-04-12', nationality: 'TUR', version: 1,
    }, id),
  ];
  if (sponsored.has(caseType)) {
    const company = caseType === 'highly_skilled_migrant' || caseType === 'work';
    changes.push(upsert('party', {
      id: uuidFrom(random), caseId: id, role: 'sponsor', name: company ? '' : `${pick(random, givenNames)} ${pick(random, surnames)}`,
      vNumber: null, organisation: company ? pick(random, companies) : null, version: 1,
    }, id));
  }
  if (!decided && offset !== null && offset < -14 && random() < 0.2) {
    // About 1 % of open cases: a notice of default (ingebrekestelling) on an overdue case.
    changes.push(upsert('noticeOfDefault', { id: uuidFrom(random), caseId: id, receivedOn: addDays(context.today, -3 - Math.floor(random() * 28)), version: 1 }, id));
  }
  return { changes, team: team ?? '', vNumber, caseType };
}

/** Writes the cache into `dir` (cache.sqlite, the name the host opens) and closes it. */
export function fillQueueCache(dir: string, options: { openCases: number; decidedCases: number; today: string }): QueueBenchData {
  const started = performance.now();
  const random = seeded(20_260_302);
  const me = '00000000-0000-4000-8000-00000000be01';
  const lead = '00000000-0000-4000-8000-00000000be02';
  const teams = ['Team Zuid (Den Bosch)', 'Team West (Rijswijk)', 'Team Noord (Zwolle)'].map((name, index) => ({ id: `00000000-0000-4000-8000-0000000000${index + 10}`, name }));
  const colleagues = Array.from({ length: 40 }, (_, index) => `00000000-0000-4000-8000-0000000c${String(index).padStart(4, '0')}`);
  const context = { today: options.today, teams: teams.map((team) => team.id), me, colleagues };
  const directory: SyncChange[] = [
    ...teams.map((team) => upsert('team', team, null)),
    upsert('user', { id: me, displayName: 'Bench Behandelaar', role: 'caseworker', teamIds: [context.teams[0]], active: true }, null),
    upsert('user', { id: lead, displayName: 'Bench Teamleider', role: 'team_lead', teamIds: context.teams, active: true }, null),
    ...colleagues.map((id, index) => upsert('user', {
      id, displayName: `${pick(random, givenNames)} ${pick(random, surnames)}`, role: index === 0 ? 'team_lead' : 'caseworker',
      teamIds: [context.teams[index % 3]], active: true,
    }, null)),
  ];

  const file = join(dir, 'cache.sqlite');
  const cache = openCache({ file });
  const inbound = new InboundStore(cache.sqlite, () => me, () => options.today);
  const total = options.openCases + options.decidedCases;
  const now = `${options.today}T07:00:00.000Z`;
  let sampleVNumber = '';
  let page: SyncChange[] = [...directory];
  let pages: PullResponse[] = [];
  let cursor = 0;
  // Pages of about 1,000 rows, applied 20 at a time, as the sync engine's bootstrap does.
  const flush = (last: boolean): void => {
    if (page.length > 0 || last) pages.push({ changes: page, nextCursor: String(++cursor), hasMore: !last });
    page = [];
    if (pages.length >= 20 || last) {
      inbound.applyPages(pages, now);
      pages = [];
    }
  };
  for (let index = 1; index <= total; index++) {
    // Decided cases are spread through the stream, as they would be in a real change log.
    const decided = Math.floor((index * options.decidedCases) / total) !== Math.floor(((index - 1) * options.decidedCases) / total);
    const generated = generateCase(random, index, context, decided);
    if (!decided && generated.team === context.teams[0] && index > total / 2 && sampleVNumber === '') sampleVNumber = generated.vNumber;
    page.push(...generated.changes);
    if (page.length >= 1000) flush(false);
  }
  flush(true);
  const counts = cache.sqlite.prepare('SELECT count(*) AS total, sum(open) AS open FROM cases').get() as { total: number; open: number };
  cache.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  cache.sqlite.close();
  return {
    file, today: options.today, userId: me, leadId: lead, teamIds: context.teams, openCases: counts.open, totalCases: counts.total,
    sampleVNumber, surnamePrefix: 'jans', sampleCaseType: 'highly_skilled_migrant', fillMilliseconds: performance.now() - started,
  };
}

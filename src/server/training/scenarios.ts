/**
 * Scenarios: named known states for lessons. The first cases of every dataset are the scenario
 * cases, planned relative to the dataset's today and assigned to the demo users of the first team,
 * so a trainer can point at them and a reset restores them from the dataset (by case id). States
 * are found with the domain engine (e.g. the receipt date whose deadline is tomorrow), never assumed.
 */
import { addDays, type IsoDate } from '../../shared/domain/dates';
import { type DatasetScenario } from './dataset';
import { type PreparedLetter } from './letter-scenario';
import { outcome, type CasePlan } from './plan';
import { demoUsernames } from './staff';

type ScenarioStatus = 'in_progress' | 'waiting_on_applicant' | 'in_review';

/** One case of a scenario with several: its status and the letter prepared on it. */
export type ScenarioSlot = { status: ScenarioStatus; letter?: PreparedLetter };

type ScenarioDefinition = Omit<DatasetScenario, 'caseIds'> & {
  /** Adjusts a drawn plan into the scenario's state; `slot` is the case's place among the scenario's cases. */
  plan: (base: CasePlan, today: IsoDate, slot: number) => CasePlan;
  status: ScenarioStatus;
  /** A scenario of several cases: one slot each (else one case of `status`). */
  slots?: readonly ScenarioSlot[];
};

function quiet(base: CasePlan, caseType: CasePlan['caseType'], regime: CasePlan['regime']): CasePlan {
  return {
    ...base, caseType, regime, contestedDecisionOn: null, feePaid: true, suspensions: [], extensions: [], noticeOfDefaultOn: null,
    decision: null, refusalAwaitingReview: false, unassigned: false, salaryBelowThreshold: false, misspeltName: false, damagedUploads: [],
  };
}

/** The receipt date (searched backwards from today) whose deadline is the first one on or after `target`. */
function receivedForDeadline(plan: CasePlan, today: IsoDate, target: IsoDate): IsoDate {
  let best: { receivedOn: IsoDate; deadline: IsoDate } | null = null;
  for (let back = 0; back < 800; back += 1) {
    const receivedOn = addDays(today, -back);
    const deadline = outcome({ ...plan, receivedOn, feePaidOn: receivedOn }, today).deadline;
    if (deadline && deadline >= target && (!best || deadline < best.deadline)) best = { receivedOn, deadline };
  }
  if (!best) throw new Error('scenario: no receipt date gives the wanted deadline');
  return best.receivedOn;
}

export const scenarioDefinitions: ScenarioDefinition[] = [
  {
    id: 'deadline-tomorrow', user: demoUsernames.caseworker, status: 'in_progress', setup: {},
    title: { nl: 'Beslistermijn verloopt morgen', en: 'Decision deadline tomorrow' },
    description: { nl: 'Een kennismigrantaanvraag waarvan de beslistermijn morgen (de eerstvolgende werkdag) verloopt.', en: 'A highly skilled migrant application whose decision period ends tomorrow (the next working day).' },
    plan: (base, today) => {
      const plan = quiet(base, 'highly_skilled_migrant', 'regular');
      const receivedOn = receivedForDeadline(plan, today, addDays(today, 1));
      return { ...plan, receivedOn, feePaidOn: receivedOn };
    },
  },
  {
    id: 'penalty-accruing', user: demoUsernames.caseworker, status: 'in_progress', setup: {},
    title: { nl: 'Ingebrekestelling ontvangen, dwangsom loopt', en: 'Notice of default received, penalty accruing' },
    description: { nl: 'De termijn is ruim verstreken; de ingebrekestelling kwam kort daarna binnen en de dwangsom loopt.', en: 'The period has long passed; a notice of default arrived shortly after and the penalty is accruing.' },
    plan: (base, today) => {
      const plan = quiet(base, 'work', 'regular');
      const receivedOn = receivedForDeadline(plan, today, addDays(today, -40));
      const deadline = outcome({ ...plan, receivedOn, feePaidOn: receivedOn }, today).deadline ?? today;
      return { ...plan, receivedOn, feePaidOn: receivedOn, noticeOfDefaultOn: addDays(deadline, 3) };
    },
  },
  {
    id: 'missing-documents', user: demoUsernames.caseworker, status: 'waiting_on_applicant', setup: {},
    title: { nl: 'Ontbrekende documenten opgevraagd', en: 'Missing documents requested' },
    description: { nl: 'Een studieaanvraag: bankafschriften opgevraagd, de termijn is opgeschort en loopt nog.', en: 'A study application: bank statements were requested; the period is suspended and the term is still running.' },
    plan: (base, today) => {
      const plan = quiet(base, 'study', 'regular_study');
      const receivedOn = addDays(today, -20);
      const requestedOn = addDays(today, -3);
      return { ...plan, receivedOn, feePaidOn: receivedOn, suspensions: [{ requestedOn, dueOn: addDays(requestedOn, 14), endedOn: null, documents: ['bank_statements'] }] };
    },
  },
  {
    id: 'conflicting-edit', user: demoUsernames.caseworker, status: 'in_progress',
    // The client-side half: the caseworker's workbench holds an edit made on the version it saw,
    // while the team lead reassigns the case on the server; the sync must put it in the conflicts inbox.
    setup: { guardedField: 'assignee', clientSaw: demoUsernames.caseworker, serverChangeBy: demoUsernames.team_lead, clientMutation: 'case.requestDocuments' },
    title: { nl: 'Conflicterende wijziging', en: 'A conflicting edit' },
    description: { nl: 'Terwijl u offline opschort, wijst de teamleider de zaak aan een collega toe.', en: 'While you suspend the case offline, the team lead reassigns it to a colleague.' },
    plan: (base, today) => {
      const plan = quiet(base, 'highly_skilled_migrant', 'regular');
      const receivedOn = addDays(today, -12);
      return { ...plan, receivedOn, feePaidOn: receivedOn };
    },
  },
  {
    id: 'refusal-four-eyes', user: demoUsernames.reviewer, status: 'in_review', setup: { drafter: demoUsernames.caseworker },
    // A drafted, framed refusal (letter-scenario.ts), so the reviewer's approval goes through the server's check like a real one.
    slots: [{ status: 'in_review', letter: 'submitted' }],
    title: { nl: 'Afwijzing wacht op vier-ogencontrole', en: 'A refusal awaiting four-eyes review' },
    description: { nl: 'Het salaris in het contract ligt onder de norm; de behandelaar heeft een afwijzing ter controle aangeboden.', en: 'The contract salary is below the threshold; the caseworker has submitted a refusal for review.' },
    plan: (base, today) => {
      const plan = quiet(base, 'highly_skilled_migrant', 'regular');
      const receivedOn = addDays(today, -35);
      return { ...plan, receivedOn, feePaidOn: receivedOn, salaryBelowThreshold: true, salaryStatedAsContract: true };
    },
  },
  {
    id: 'damaged-uploads', user: demoUsernames.caseworker, status: 'in_progress', setup: {},
    title: { nl: 'Onleesbare uploads', en: 'Unreadable uploads' },
    description: {
      nl: 'Een kennismigrantaanvraag met twee onleesbare uploads: een bestand dat halverwege is afgebroken en een met een wachtwoord beveiligd bestand. De andere stukken zijn in orde.',
      en: 'A highly skilled migrant application with two unreadable uploads: a file cut off part-way and a password-protected file. The other documents are in order.',
    },
    plan: (base, today) => {
      const plan = quiet(base, 'highly_skilled_migrant', 'regular');
      // Recent, so the case sits in the queue without being the most urgent one.
      const receivedOn = addDays(today, -9);
      return { ...plan, receivedOn, feePaidOn: receivedOn, damagedUploads: ['truncated', 'encrypted'] };
    },
  },
  {
    id: 'letter-ready', user: demoUsernames.caseworker, status: 'in_progress', setup: { reviewer: demoUsernames.reviewer },
    // Three cases, one letter each, at the three points of the four-eyes workflow the caseworker meets.
    slots: [
      { status: 'in_progress', letter: 'draft' },
      { status: 'in_review', letter: 'submitted' },
      { status: 'in_progress', letter: 'returned' },
    ],
    title: { nl: 'Beschikkingen in de vier-ogenprocedure', en: 'Decision letters in four-eyes review' },
    description: {
      nl: 'Drie kennismigrantaanvragen met een salaris onder de norm: een afwijzing klaar om ter controle aan te bieden, een die bij de controleur ligt en een die met opmerkingen is teruggestuurd.',
      en: 'Three highly skilled migrant applications with a salary below the threshold: a refusal ready to submit for review, one awaiting the reviewer and one returned with comments.',
    },
    plan: (base, today, slot) => {
      const plan = quiet(base, 'highly_skilled_migrant', 'regular');
      // Spread over the queue, none of them urgent: the lesson is the letter, not the deadline.
      const receivedOn = addDays(today, -([28, 35, 42][slot] ?? 28));
      return { ...plan, receivedOn, feePaidOn: receivedOn, salaryBelowThreshold: true, salaryStatedAsContract: true };
    },
  },
];

/** Every scenario case in dataset order: the first cases of a dataset, one slot each. */
export const scenarioSlots: { definition: ScenarioDefinition; slot: ScenarioSlot; index: number }[] = scenarioDefinitions.flatMap((definition) => (
  definition.slots ?? [{ status: definition.status }]).map((slot, index) => ({ definition, slot, index })));

/**
 * The paper trail of a demo case: message threads with the applicant, sponsor or representative in
 * Dutch or English, the letters the IND sent or is drafting, the case history and notes. All of it
 * follows the case's plan, so a thread about missing documents exists only where they were asked for.
 */
import { addDays, type IsoDate } from '../../shared/domain/dates';
import { type DatasetCase, type DatasetEvent, type DatasetLetter, type DatasetThread } from './dataset';
import { formatDateLong } from './pdf/format';
import { type CasePlan } from './plan';
import { type Random } from './random';

/** Who the communication is between. */
export type Correspondents = {
  applicantName: string;
  applicantSurname: string;
  language: 'nl' | 'en';
  assignee: string | null;
  assigneeName: string | null;
  reviewer: string;
  teamCaseworker: string;
  representativeName: string | null;
  deadline: IsoDate | null;
  today: IsoDate;
};

/** A moment on a date, in office hours (UTC). */
export function instantOn(date: IsoDate, random: Random): string {
  return `${date}T${String(random.int(7, 15)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00.000Z`;
}

const texts = {
  statusSubject: { nl: 'Vraag over de stand van mijn aanvraag', en: 'Question about the status of my application' },
  statusQuestion: {
    nl: (c: Correspondents, on: IsoDate) => `Goedendag, op ${formatDateLong(on, 'nl')} heb ik een aanvraag ingediend. Kunt u mij vertellen wanneer ik een beslissing kan verwachten? Met vriendelijke groet, ${c.applicantName}`,
    en: (c: Correspondents, on: IsoDate) => `Dear Sir or Madam, I submitted my application on ${formatDateLong(on, 'en')}. Could you tell me when I can expect a decision? Kind regards, ${c.applicantName}`,
  },
  statusAnswer: {
    nl: (c: Correspondents) => `Geachte heer/mevrouw ${c.applicantSurname}, uw aanvraag is in behandeling.${c.deadline ? ` De beslistermijn eindigt op ${formatDateLong(c.deadline, 'nl')}.` : ''} Met vriendelijke groet, ${c.assigneeName ?? 'IND'}`,
    en: (c: Correspondents) => `Dear ${c.applicantName}, your application is being processed.${c.deadline ? ` The decision period ends on ${formatDateLong(c.deadline, 'en')}.` : ''} Kind regards, ${c.assigneeName ?? 'IND'}`,
  },
  missingSubject: { nl: 'Ontbrekende documenten', en: 'Missing documents' },
  missingUpload: {
    nl: () => 'Hierbij stuur ik de documenten waar u om vroeg. Ik heb ze geüpload in Mijn IND.',
    en: () => 'Please find the documents you asked for; I have uploaded them in My IND.',
  },
  missingLate: {
    nl: () => 'Het lukt mij niet om het document op tijd te krijgen van de ambassade. Kan ik uitstel krijgen?',
    en: () => 'I cannot get the document from the embassy in time. Could I have more time?',
  },
  addressSubject: { nl: 'Adreswijziging', en: 'Change of address' },
  addressChange: {
    nl: () => 'Ik ben verhuisd. Mijn nieuwe adres staat in Mijn IND. Wilt u de post voortaan daarheen sturen?',
    en: () => 'I have moved. My new address is in My IND. Please send letters there from now on.',
  },
  biometricsSubject: { nl: 'Afspraak biometrie', en: 'Biometrics appointment' },
  biometricsQuestion: {
    nl: () => 'Ik kan niet op de geplande datum naar het loket komen voor mijn foto en vingerafdrukken. Kan ik een nieuwe afspraak maken?',
    en: () => 'I cannot come to the desk on the planned date for my photo and fingerprints. Can I book a new appointment?',
  },
  defaultSubject: { nl: 'Ingebrekestelling', en: 'Notice of default' },
  defaultNotice: {
    nl: (c: Correspondents) => `Namens mijn cliënt(e) ${c.applicantName} stel ik u in gebreke: de beslistermijn is verstreken. Ik verzoek u binnen twee weken te beslissen.`,
    en: (c: Correspondents) => `On behalf of my client ${c.applicantName} I give you notice of default: the decision period has passed. Please decide within two weeks.`,
  },
};

/** The message threads of a case (about a third of the cases have one). */
export function caseThreads(plan: CasePlan, people: Correspondents, random: Random, newId: () => string): DatasetThread[] {
  const threads: DatasetThread[] = [];
  const language = people.language;
  const add = (subject: string, counterpart: DatasetThread['counterpart'], on: IsoDate, inbound: string, reply: string | null) => {
    if (on > people.today) return;
    const sentAt = instantOn(on, random);
    const messages: DatasetThread['messages'] = [{ id: newId(), direction: 'inbound', author: null, body: inbound, sentAt, readAt: reply ? sentAt : null }];
    const replyOn = addDays(on, random.int(1, 4));
    if (reply && people.assignee && replyOn <= people.today) {
      messages.push({ id: newId(), direction: 'outbound', author: people.assignee, body: reply, sentAt: instantOn(replyOn, random), readAt: null });
    }
    threads.push({ id: newId(), subject, counterpart, language, createdAt: sentAt, messages });
  };
  if (random.chance(0.2)) {
    const on = addDays(plan.receivedOn, random.int(10, 120));
    add(texts.statusSubject[language], 'applicant', on, texts.statusQuestion[language](people, plan.receivedOn), random.chance(0.7) ? texts.statusAnswer[language](people) : null);
  }
  for (const suspension of plan.suspensions) {
    if (random.chance(0.6)) {
      const on = suspension.endedOn && suspension.endedOn !== suspension.dueOn ? suspension.endedOn : addDays(suspension.requestedOn, random.int(3, 10));
      const body = suspension.endedOn && suspension.endedOn !== suspension.dueOn ? texts.missingUpload[language]() : texts.missingLate[language]();
      add(texts.missingSubject[language], 'applicant', on, body, null);
    }
  }
  if (random.chance(0.06)) add(texts.addressSubject[language], 'applicant', addDays(plan.receivedOn, random.int(5, 200)), texts.addressChange[language](), null);
  if (random.chance(0.05)) add(texts.biometricsSubject[language], 'applicant', addDays(plan.receivedOn, random.int(2, 10)), texts.biometricsQuestion[language](), null);
  if (plan.noticeOfDefaultOn && people.representativeName) {
    add(texts.defaultSubject[language], 'representative', plan.noticeOfDefaultOn, texts.defaultNotice[language](people), null);
  }
  return threads;
}

const demoTexts = {
  subject: { nl: 'Vraag over mijn verblijfsdocument', en: 'Question about my residence document' },
  question: {
    nl: 'Goedendag, waar kan ik mijn verblijfsdocument ophalen als mijn aanvraag wordt ingewilligd?',
    en: 'Hello, where do I collect my residence document if my application is granted?',
  },
  answer: {
    nl: 'Geachte heer/mevrouw, na een inwilliging ontvangt u een brief met een afspraak bij het IND-loket waar u de aanvraag deed.',
    en: 'Dear applicant, after a grant you receive a letter with an appointment at the IND desk where you applied.',
  },
  followUp: {
    nl: 'Dank u. Kan ik die afspraak ook naar een ander loket verzetten?',
    en: 'Thank you. Can I move that appointment to another desk?',
  },
};

/**
 * A conversation every demo caseworker's case has, so the first lesson meets each message state:
 * an older question the caseworker read, their answer (delivered, once loaded), and a newer
 * question nobody has read yet. Its own random stream, so the rest of the case stays as generated.
 */
export function demoConversation(kase: DatasetCase, today: IsoDate, random: Random): DatasetThread {
  const language = kase.application['correspondenceLanguage'] === 'nl' ? 'nl' : 'en';
  const asked = kase.receivedOn > addDays(today, -6) ? kase.receivedOn : addDays(today, -6);
  const answered = asked > addDays(today, -4) ? asked : addDays(today, -4);
  const followed = answered > addDays(today, -1) ? answered : addDays(today, -1);
  // Fixed hours keep the order on a single day too: question, answer, follow-up.
  const question = `${asked}T08:15:00.000Z`;
  return {
    id: random.uuid(), subject: demoTexts.subject[language], counterpart: 'applicant', language, createdAt: question,
    messages: [
      { id: random.uuid(), direction: 'inbound', author: null, body: demoTexts.question[language], sentAt: question, readAt: `${asked}T09:30:00.000Z` },
      { id: random.uuid(), direction: 'outbound', author: kase.assignee, body: demoTexts.answer[language], sentAt: `${answered}T13:40:00.000Z`, readAt: null },
      { id: random.uuid(), direction: 'inbound', author: null, body: demoTexts.followUp[language], sentAt: `${followed}T15:20:00.000Z`, readAt: null },
    ],
  };
}

/** The letters of a case: acknowledgement, requests, extensions, decisions, penalty decisions. */
export function caseLetters(plan: CasePlan, people: Correspondents, penaltyAmountCents: number, random: Random, newId: () => string): DatasetLetter[] {
  const drafter = people.assignee ?? people.teamCaseworker;
  const letters: DatasetLetter[] = [];
  const sent = (kind: DatasetLetter['kind'], on: IsoDate, body: string, approver: string | null = null) => {
    const at = instantOn(on, random);
    letters.push({ id: newId(), kind, status: 'sent', body, drafter, submittedAt: approver ? at : null, approver, approvedAt: approver ? at : null, sentAt: at, updatedAt: at });
  };
  const acknowledgedOn = addDays(plan.receivedOn, random.int(1, 3));
  if (acknowledgedOn <= people.today) sent('acknowledgement', acknowledgedOn, `Ontvangstbevestiging. Beslistermijn: ${people.deadline ?? 'volgt na betaling van de leges'}.`);
  for (const suspension of plan.suspensions) {
    sent('missing_documents', suspension.requestedOn, `Verzoek om ontbrekende documenten (${suspension.documents.join(', ')}) uiterlijk ${suspension.dueOn}; de beslistermijn is opgeschort (Awb 4:15). Zonder deze stukken kan de aanvraag buiten behandeling worden gesteld (Awb 4:5).`);
  }
  for (const extension of plan.extensions) sent('extension_notice', extension.announcedOn, `De beslistermijn is verlengd (${extension.legalGround}).`);
  if (plan.decision) {
    const kind = plan.decision.kind === 'grant' ? 'grant' : plan.decision.kind === 'refuse' ? 'refusal'
      : plan.decision.kind === 'not_processed' ? 'not_processed' : plan.decision.kind === 'objection_decided' ? 'objection_decision' : null;
    if (kind) sent(kind, plan.decision.on, `Beschikking van ${plan.decision.on}.`, kind === 'grant' ? null : people.reviewer);
    if (penaltyAmountCents > 0) sent('penalty_decision', plan.decision.on, `Beschikking dwangsom (Awb 4:18): ${penaltyAmountCents} cent.`);
  }
  if (plan.refusalAwaitingReview) {
    const at = instantOn(addDays(people.today, -random.int(0, 3)), random);
    letters.push({ id: newId(), kind: 'refusal', status: 'submitted', body: 'Concept-beschikking: de aanvraag wordt afgewezen. Motivering volgt uit de overgelegde stukken.', drafter, submittedAt: at, approver: null, approvedAt: null, sentAt: null, updatedAt: at });
  }
  return letters;
}

/** The append-only history of a case. */
export function caseEvents(plan: CasePlan, people: Correspondents, random: Random, newId: () => string): DatasetEvent[] {
  const events: DatasetEvent[] = [];
  const add = (on: IsoDate, actor: string | null, kind: string, detail: DatasetEvent['detail'] = {}) => {
    if (on <= people.today) events.push({ id: newId(), at: instantOn(on, random), actor, kind, detail });
  };
  add(plan.receivedOn, null, 'case.received', { caseType: plan.caseType });
  if (plan.feePaidOn) add(plan.feePaidOn, null, 'fee.paid');
  if (people.assignee) add(addDays(plan.receivedOn, random.int(1, 5)), people.assignee, 'case.claim');
  for (const suspension of plan.suspensions) {
    add(suspension.requestedOn, people.assignee, 'suspension.requested', { dueOn: suspension.dueOn });
    if (suspension.endedOn) add(suspension.endedOn, null, 'suspension.ended', { documentsArrived: suspension.endedOn !== suspension.dueOn });
  }
  for (const extension of plan.extensions) add(extension.announcedOn, people.assignee, 'extension.announced', { legalGround: extension.legalGround });
  if (plan.noticeOfDefaultOn) add(plan.noticeOfDefaultOn, null, 'notice_of_default.received');
  if (plan.decision) add(plan.decision.on, people.assignee, 'case.decided', { decision: plan.decision.kind });
  if (plan.refusalAwaitingReview) add(people.today, people.assignee, 'letter.submit', { kind: 'refusal' });
  return events.sort((first, second) => first.at.localeCompare(second.at));
}

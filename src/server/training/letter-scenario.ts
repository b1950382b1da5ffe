/**
 * The refusal letters of the `letter-ready` scenario, as the generator plans them: the evidence
 * links that verify the facts the refusal states (the caseworker checked the passport and the
 * contract), and the letter in its workflow state with what drafting it would leave. The frame and
 * body are not made here but at load time (letters.ts), with the app's own letter code, because
 * they depend on the templates and the loaded rows and must be exactly what the editor would make.
 */
import { addDays, type IsoDate } from '../../shared/domain/dates';
import { instantOn } from './communication';
import { type DatasetCase, type DatasetEvidenceLink, type DatasetLetter } from './dataset';
import { formatEuro } from './pdf/format';
import { type Random } from './random';

/** Where the prepared letter stands in the four-eyes workflow. */
export type PreparedLetter = 'draft' | 'submitted' | 'returned';

/** The ground the scenario's refusals rest on, and the facts its paragraph states (grounds-regular.ts). */
const refusalGround = 'salary_below_threshold';

/** What a reviewer writes when sending a refusal back: specific, as a colleague would. */
const returnReasons = [
  'Graag in de motivering ook het normbedrag noemen dat op de datum van ontvangst voor de leeftijd van aanvrager gold, dan is de afwijzing voor de aanvrager te volgen.',
  'Klopt het brutosalaris met de loonstroken? Controleer of de vakantietoeslag is meegeteld en pas zo nodig de motivering aan.',
  'Werkgever vooraf in de gelegenheid stellen te reageren op het voornemen? Zo niet, graag in de motivering vermelden waarom dat achterwege kan blijven.',
];

function evidenceLinks(kase: DatasetCase, verifiedAt: string, random: Random): DatasetEvidenceLink[] {
  const passport = kase.documents.find((document) => document.kind === 'passport' && !document.broken);
  const contract = kase.documents.find((document) => document.kind === 'employment_contract' && !document.broken);
  const salary = kase.application['monthlySalaryCents'];
  if (!passport || !contract || typeof salary !== 'number' || !kase.assignee) {
    throw new Error(`letter scenario case ${kase.caseNumber} lacks a passport, a contract, a salary or an assignee`);
  }
  const link = (documentId: string, requirement: string, field: string, quote: string | null): DatasetEvidenceLink => ({
    id: random.uuid(), documentId, requirement, field, page: 1, quote, createdBy: kase.assignee ?? '', createdAt: verifiedAt,
  });
  return [
    link(passport.id, 'passport', 'birthDate', null),
    // The text as the contract's first page prints it, as if the caseworker had selected it.
    link(contract.id, 'employment_contract', 'monthlySalaryCents', `Gross monthly salary: ${formatEuro(salary)}`),
  ];
}

/**
 * The case with its refusal in state `state`: drafted by the assignee, submitted today for the
 * reviewer, or returned by the reviewer with a reason. The letter date is the dataset's today
 * (the loader dates the frame), so submitting and approving on the training clock both pass.
 */
export function withPreparedRefusal(kase: DatasetCase, state: PreparedLetter, context: { today: IsoDate; reviewer: string; random: Random }): DatasetCase {
  const { today, reviewer, random } = context;
  const drafter = kase.assignee;
  if (!drafter) throw new Error(`letter scenario case ${kase.caseNumber} has no assignee`);
  const verifiedAt = instantOn(addDays(today, -3), random);
  const draftedAt = instantOn(addDays(today, -2), random);
  const submittedAt = instantOn(addDays(today, -1), random);
  const letter: DatasetLetter = {
    id: random.uuid(), kind: 'refusal', status: state,
    // Replaced at load time by the drafted body; kept for a reader of the dataset file.
    body: 'Concept-beschikking: de aanvraag wordt afgewezen wegens een salaris onder het normbedrag.',
    drafter, submittedAt: state === 'draft' ? null : submittedAt, approver: state === 'returned' ? reviewer : null,
    approvedAt: null, sentAt: null, updatedAt: state === 'draft' ? draftedAt : submittedAt,
    returnedReason: state === 'returned' ? random.pick(returnReasons) : null,
    draft: { language: 'nl', groundIds: [refusalGround] },
  };
  const events = [...kase.events, { id: random.uuid(), at: draftedAt, actor: drafter, kind: 'letter.create', detail: { letterId: letter.id, kind: 'refusal' } }];
  if (state !== 'draft') events.push({ id: random.uuid(), at: submittedAt, actor: drafter, kind: 'letter.submit', detail: { letterId: letter.id, kind: 'refusal' } });
  if (state === 'returned') events.push({ id: random.uuid(), at: submittedAt, actor: reviewer, kind: 'letter.return', detail: { letterId: letter.id, kind: 'refusal' } });
  events.sort((first, second) => first.at.localeCompare(second.at));
  return {
    ...kase,
    evidenceLinks: [...(kase.evidenceLinks ?? []), ...evidenceLinks(kase, verifiedAt, random)],
    letters: [...kase.letters, letter],
    events,
    updatedAt: events[events.length - 1]?.at ?? kase.updatedAt,
  };
}

/**
 * Turns a case plan into a dataset case: parties (V-numbers, BSNs for residents, sponsors and law
 * firms), fee, biometrics appointment, status, assignee, documents, threads, letters and history.
 */
import { addDays, daysBetween, type IsoDate } from '../../shared/domain/dates';
import { makeForeignAddress, officeAddress } from './addresses';
import { type BlobStore } from './blobs';
import { caseDocuments } from './case-documents';
import { asylumCaseTypes, biometricsCaseTypes, caseTypeProfiles, employmentCaseTypes, objectionCaseTypes, studyCaseTypes } from './catalog';
import { caseEvents, caseLetters, caseThreads, instantOn, type Correspondents } from './communication';
import { type DatasetCase, type DatasetParty } from './dataset';
import { makeBsn, makeCaseNumber, makeVNumber } from './identifiers';
import { biometricsLocations, representativeLawFirms, sponsorAuPairAgencies, sponsorEmployers, sponsorUniversities, type Organisation } from './organisations';
import { makeDutchAddress, makeDutchPerson, makePerson, nationalities, type Nationality } from './people';
import { outcome, type CasePlan } from './plan';
import { type Random } from './random';
import { type DatasetUser } from './staff';

/** A team as the builder needs it. */
export type TeamStaff = { id: string; caseTypes: string[]; caseworkers: DatasetUser[]; reviewer: DatasetUser; teamLead: DatasetUser };

export type BuildContext = { seed: number; today: IsoDate; blobs: BlobStore; teams: TeamStaff[] };

/** Scenario overrides applied after the plan: who works the case and which scenario it is. */
export type BuildOverrides = { scenario?: string; assignee?: string; status?: DatasetCase['status'] };

function party(id: string, role: DatasetParty['role'], name: string): DatasetParty {
  return {
    id, role, name, givenNames: null, surname: null, sex: null, vNumber: null, bsn: null, birthDate: null, birthPlace: null,
    nationality: null, organisation: null, organisationId: null, recognisedSponsor: false, address: null, email: null, phone: null,
  };
}

function emailOf(name: string, domain: string): string {
  return `${name.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').trim().replace(/ +/g, '.')}@${domain}`;
}

/** Builds case number `index` from its plan. */
export function buildCase(index: number, plan: CasePlan, random: Random, context: BuildContext, overrides: BuildOverrides = {}): DatasetCase {
  const { today } = context;
  const newId = () => random.uuid();
  const profile = caseTypeProfiles[plan.caseType];
  const team = context.teams.find((candidate) => candidate.caseTypes.includes(plan.caseType)) ?? context.teams[0];
  if (!team) throw new Error('dataset has no teams');
  const caseId = newId();
  const caseNumber = makeCaseNumber(index, context.seed);
  const nationality = random.weighted(profile.nationalities);
  const applicant = makePerson(random, nationality, plan.receivedOn, profile.minimumAge, profile.maximumAge);
  const vNumber = makeVNumber(random);
  const resident = profile.resident || (objectionCaseTypes.has(plan.caseType) && random.chance(0.5));
  // Everyone gets post: residents (and asylum seekers, in a reception centre) here, the others in their country.
  const address = resident || asylumCaseTypes.has(plan.caseType) ? makeDutchAddress(random)
    : makeForeignAddress(random, applicant.nationality, nationalities[applicant.nationality].country);
  const applicantParty: DatasetParty = {
    ...party(newId(), 'applicant', applicant.fullName), givenNames: applicant.givenNames, surname: applicant.surname, sex: applicant.sex,
    vNumber, bsn: resident ? makeBsn(random) : null, birthDate: applicant.birthDate, birthPlace: applicant.birthPlace, nationality: applicant.nationality,
    address, email: asylumCaseTypes.has(plan.caseType) ? null : emailOf(applicant.fullName, 'example.com'),
    phone: random.chance(0.6) ? `+31 6 ${random.digits(8)}` : null,
  };
  const parties: DatasetParty[] = [applicantParty];

  let sponsorOrganisation: Organisation | null = null;
  if (employmentCaseTypes.has(plan.caseType) || (plan.caseType === 'residence_extension' && random.chance(0.5)) || plan.caseType === 'objection_sponsor') sponsorOrganisation = random.pick(sponsorEmployers);
  else if (studyCaseTypes.has(plan.caseType)) sponsorOrganisation = random.pick(sponsorUniversities);
  else if (plan.caseType === 'au_pair') sponsorOrganisation = random.pick(sponsorAuPairAgencies);
  if (plan.caseType === 'research') sponsorOrganisation = random.pick(sponsorUniversities);
  if (sponsorOrganisation) {
    parties.push({ ...party(newId(), 'sponsor', sponsorOrganisation.name), organisation: sponsorOrganisation.name, organisationId: sponsorOrganisation.id, recognisedSponsor: true, address: officeAddress(sponsorOrganisation) });
  }
  let sponsorPerson: { fullName: string; givenNames: string; surname: string; birthDate: IsoDate } | null = null;
  if (plan.caseType === 'family_partner' || plan.caseType === 'entry_and_residence') {
    // The sponsoring partner lives here: a Dutch national or a resident with a V-number; both have a BSN.
    const dutch = random.chance(0.7);
    const partner = dutch ? makeDutchPerson(random, plan.receivedOn, 21, 60, applicant.sex === 'F' ? 'M' : 'F')
      : makePerson(random, nationality, plan.receivedOn, 21, 60, applicant.sex === 'F' ? 'M' : 'F');
    sponsorPerson = partner;
    parties.push({
      ...party(newId(), 'sponsor', partner.fullName), givenNames: partner.givenNames, surname: partner.surname, sex: partner.sex,
      vNumber: dutch ? null : makeVNumber(random), bsn: makeBsn(random), birthDate: partner.birthDate, nationality: partner.nationality,
      address: makeDutchAddress(random), email: emailOf(partner.fullName, 'example.nl'),
    });
  }
  const representationChance = objectionCaseTypes.has(plan.caseType) ? 1 : asylumCaseTypes.has(plan.caseType) ? 0.7 : 0.08;
  let representative: { organisation: Organisation; lawyerName: string } | null = null;
  if (random.chance(representationChance)) {
    const firm = random.pick(representativeLawFirms);
    const lawyer = makeDutchPerson(random, today, 28, 65);
    representative = { organisation: firm, lawyerName: `mr. ${lawyer.fullName}` };
    parties.push({ ...party(newId(), 'representative', representative.lawyerName), organisation: firm.name, organisationId: firm.id, address: officeAddress(firm), email: emailOf(lawyer.fullName, 'advocaten.example.nl') });
  }

  const { deadline, penaltyAmountCents } = outcome(plan, today);
  const suspensionOpen = plan.suspensions.some((suspension) => suspension.endedOn === null);
  const status: DatasetCase['status'] = overrides.status ?? (plan.decision ? (daysBetween(plan.decision.on, today) > 90 ? 'closed' : 'decided')
    : suspensionOpen ? 'waiting_on_applicant' : plan.refusalAwaitingReview ? 'in_review' : plan.unassigned ? 'intake' : 'in_progress');
  const assignee = overrides.assignee ?? (status === 'intake' ? null : random.pick(team.caseworkers).username);
  const assigneeUser = team.caseworkers.find((user) => user.username === assignee) ?? null;

  const documents = caseDocuments(plan, { applicant, vNumber, caseNumber, sponsorOrganisation, sponsorPerson, representative }, random, context.blobs, newId);
  const correspondents: Correspondents = {
    applicantName: applicant.fullName, applicantSurname: applicant.surname,
    language: (nationalities[nationality] as Nationality).dutchSpeaking || (resident && random.chance(0.4)) ? 'nl' : 'en',
    assignee, assigneeName: assigneeUser?.displayName ?? null, reviewer: team.reviewer.username,
    teamCaseworker: random.pick(team.caseworkers).username, representativeName: representative?.lawyerName ?? null, deadline, today,
  };
  const biometricsOn = addDays(plan.receivedOn, random.int(4, 14));
  const location = random.pick(biometricsLocations.filter((place) => place.kind === 'ind_desk' || employmentCaseTypes.has(plan.caseType)));
  const events = caseEvents(plan, correspondents, random, newId);
  const createdAt = `${plan.receivedOn}T06:00:00.000Z`;
  return {
    id: caseId, caseNumber, caseType: plan.caseType, regime: plan.regime, status, teamId: team.id, assignee,
    receivedOn: plan.receivedOn, contestedDecisionOn: plan.contestedDecisionOn,
    fee: { status: profile.feeCents === null ? 'exempt' : plan.feePaid ? 'paid' : 'unpaid', paidOn: plan.feePaidOn, amountCents: profile.feeCents },
    biometrics: biometricsCaseTypes.has(plan.caseType) ? { kind: location.kind, location: location.location, at: instantOn(biometricsOn, random) } : null,
    deadline, penaltyAmountCents, decision: plan.decision?.kind ?? null, decidedOn: plan.decision?.on ?? null,
    vulnerable: plan.caseType === 'asylum_unaccompanied_minor',
    // The language the applicant corresponds in: their letters use it where the template has it (issue 15).
    application: { ...documents.application, nationality, feeAmountCents: profile.feeCents, correspondenceLanguage: correspondents.language },
    parties,
    suspensions: plan.suspensions.map((suspension) => ({ id: newId(), ...suspension })),
    extensions: plan.extensions.map((extension) => ({ id: newId(), ...extension })),
    noticesOfDefault: plan.noticeOfDefaultOn ? [{ id: newId(), receivedOn: plan.noticeOfDefaultOn, source: representative ? 'representative' : random.pick(['my_ind', 'post'] as const) }] : [],
    documents: documents.documents,
    threads: caseThreads(plan, correspondents, random, newId),
    letters: caseLetters(plan, correspondents, penaltyAmountCents, random, newId),
    events,
    notes: assignee && random.chance(0.2) ? [{ id: newId(), author: assignee, body: random.pick(['Dossier compleet, klaar voor beoordeling.', 'Navragen bij werkgever of het contract getekend is.', 'Wacht op advies Bureau Documenten.', 'Applicant called: asked about the biometrics appointment.']), createdAt: instantOn(addDays(plan.receivedOn, 5) > today ? today : addDays(plan.receivedOn, 5), random) }] : [],
    expectedFindings: documents.findings,
    scenario: overrides.scenario ?? null,
    createdAt,
    updatedAt: events[events.length - 1]?.at ?? createdAt,
  };
}

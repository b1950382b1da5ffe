/**
 * The documents of one demo case: per-case PDFs whose text agrees with the application (or carries
 * a planned mismatch, recorded as an expected finding), plus shared templates for the long, scanned
 * and broken files. Documents asked for in a suspension arrive on the day it ended, or not at all.
 */
import { type IsoDate } from '../../shared/domain/dates';
import { type BlobStore, type StoredBlob } from './blobs';
import { asylumCaseTypes, employmentCaseTypes, jobTitles, objectionCaseTypes, programmes, salaryThresholdCents, studyCaseTypes } from './catalog';
import { type DatasetDocument, type DocumentKind, type ExpectedFinding } from './dataset';
import { makePassportNumber } from './identifiers';
import { type Organisation } from './organisations';
import { ageOn, makePerson, nationalities, type Person } from './people';
import {
  admissionLetter, antecedentsDeclaration, birthCertificate, employmentContract, marriageCertificate, objectionNotice, passportDocument,
  payslips, type BuiltDocument, type PersonShown,
} from './pdf/documents';
import { bankStatements, brokenDocument, countryReport, supportingDocuments } from './pdf/templates';
import { type CasePlan, type DamagedUpload } from './plan';
import { type Random } from './random';
import { addDays, addMonths } from '../../shared/domain/dates';

/** The other people and organisations the documents name. */
export type DocumentParties = {
  applicant: Person;
  vNumber: string;
  caseNumber: string;
  sponsorOrganisation: Organisation | null;
  /** A partner who sponsors (family cases). */
  sponsorPerson: { fullName: string; givenNames: string; surname: string; birthDate: IsoDate } | null;
  representative: { organisation: Organisation; lawyerName: string } | null;
};

export type CaseDocumentsResult = { documents: DatasetDocument[]; findings: ExpectedFinding[]; application: Record<string, string | number | boolean | null> };

type Draft = { kind: DocumentKind; title: string; build: () => BuiltDocument; perCase: boolean; textual: boolean; source: DatasetDocument['source'] } | { kind: DocumentKind; title: string; stored: () => StoredBlob; broken: DatasetDocument['broken']; source: DatasetDocument['source'] };

/** A surname with two neighbouring letters swapped (or a doubled letter): a plausible typing error. */
export function misspell(surname: string, random: Random): string {
  const letters = [...surname];
  for (let attempt = 0; attempt < 8 && letters.length >= 4; attempt += 1) {
    const position = random.int(1, letters.length - 3);
    const [first, second] = [letters[position], letters[position + 1]];
    if (first && second && first !== second && /\p{L}/u.test(first) && /\p{L}/u.test(second)) {
      letters[position] = second;
      letters[position + 1] = first;
      return letters.join('');
    }
  }
  return `${surname}${surname.slice(-1)}`;
}

function shown(person: Person, surname = person.surname): PersonShown {
  const nationality = nationalities[person.nationality];
  return { givenNames: person.givenNames, surname, sex: person.sex, birthDate: person.birthDate, birthPlace: person.birthPlace, nationalityCode: nationality.code, nationalityName: nationality.name.en, countryName: nationality.country };
}

/** Builds, stores and lists the documents of a case. */
export function caseDocuments(plan: CasePlan, parties: DocumentParties, random: Random, blobs: BlobStore, newId: () => string): CaseDocumentsResult {
  const { caseType, receivedOn } = plan;
  const applicant = parties.applicant;
  const application: Record<string, string | number | boolean | null> = {};
  const drafts: Draft[] = [];
  const nationality = nationalities[applicant.nationality];
  const isAsylum = asylumCaseTypes.has(caseType);
  const isObjection = objectionCaseTypes.has(caseType);

  // The planned misspelling goes on one textual per-case document other than the passport.
  let misspeltSurname: string | null = plan.misspeltName ? misspell(applicant.surname, random) : null;
  const surnameFor = (eligible: boolean) => {
    if (!eligible || !misspeltSurname) return applicant.surname;
    return misspeltSurname;
  };
  const perCase = (kind: DocumentKind, title: string, build: (surname: string) => BuiltDocument, textual = true) => {
    const surname = surnameFor(textual);
    const draftKind = kind;
    drafts.push({ kind: draftKind, title, build: () => build(surname), perCase: true, textual, source: 'applicant' });
    if (surname !== applicant.surname) {
      findingsPending.push({ kind: 'name_mismatch', draftIndex: drafts.length - 1, expected: applicant.surname, found: surname });
      misspeltSurname = null;
    }
  };
  const findingsPending: { kind: 'name_mismatch'; draftIndex: number; expected: string; found: string }[] = [];
  const salaryPending: { draftIndex: number; claimed: number; shown: number; threshold: number; age: number }[] = [];

  const hasPassport = isObjection ? false : caseType === 'asylum_unaccompanied_minor' ? random.chance(0.3) : isAsylum ? random.chance(0.5) : true;
  if (hasPassport) {
    const issuedOn = addDays(receivedOn, -random.int(60, 3000));
    const passport = { documentNumber: makePassportNumber(random), issuedOn, expiresOn: addMonths(issuedOn, 120) };
    application['passportNumber'] = passport.documentNumber;
    drafts.push({ kind: 'passport', title: 'Paspoort', build: () => passportDocument({ ...shown(applicant), ...passport, issuingCountry: nationality.country }), perCase: true, textual: true, source: 'applicant' });
  }

  const employer = parties.sponsorOrganisation?.kind === 'employer' ? parties.sponsorOrganisation : null;
  if (employer && (employmentCaseTypes.has(caseType) || caseType === 'residence_extension')) {
    const age = ageOn(applicant.birthDate, receivedOn);
    const threshold = salaryThresholdCents(age);
    const drawn = caseType === 'highly_skilled_migrant' ? threshold + random.int(0, 70) * 5000 : random.int(50, 110) * 5000;
    const onContract = plan.salaryBelowThreshold ? threshold - random.int(2, 40) * 2500 : drawn;
    const claimed = plan.salaryStatedAsContract ? onContract : drawn;
    const jobTitle = random.pick(jobTitles);
    const startDate = addDays(receivedOn, random.int(-30, 60));
    Object.assign(application, { employerId: employer.id, jobTitle, monthlySalaryCents: claimed, employmentStartDate: startDate });
    perCase('employment_contract', 'Arbeidsovereenkomst', (surname) => employmentContract({
      employee: shown(applicant, surname), employerName: employer.name, employerCity: employer.city, jobTitle, startDate,
      monthlySalaryCents: onContract, signedOn: addDays(receivedOn, -random.int(3, 40)),
    }));
    if (plan.salaryBelowThreshold) salaryPending.push({ draftIndex: drafts.length - 1, claimed, shown: onContract, threshold, age });
    if (caseType !== 'highly_skilled_migrant' || random.chance(0.4)) {
      const months = [3, 2, 1].map((back) => addMonths(receivedOn, -back));
      perCase('payslips', 'Loonstroken', (surname) => payslips({ employee: shown(applicant, surname), employerName: employer.name, employerCity: employer.city, monthlySalaryCents: onContract, months }));
    }
  }
  if (caseType === 'family_partner' && parties.sponsorPerson) {
    const partner = parties.sponsorPerson;
    if (random.chance(0.85)) {
      const marriedOn = addDays(receivedOn, -random.int(60, 3000));
      const place = applicant.birthPlace;
      application['relationship'] = 'married';
      perCase('marriage_certificate', 'Huwelijksakte', (surname) => marriageCertificate({ first: shown(applicant, surname), second: partner, marriedOn, place }));
    } else application['relationship'] = 'durable_relationship';
    const income = random.int(45, 90) * 5000;
    application['sponsorMonthlyIncomeCents'] = income;
  }
  if (studyCaseTypes.has(caseType) || caseType === 'research') {
    const institution = parties.sponsorOrganisation?.kind === 'university' ? parties.sponsorOrganisation : null;
    if (institution) {
      const programme = random.pick(programmes);
      const startDate = addDays(receivedOn, random.int(20, 90));
      Object.assign(application, { institutionId: institution.id, programme, studyStartDate: startDate });
      perCase('admission_letter', 'Toelatingsbrief', (surname) => admissionLetter({
        student: shown(applicant, surname), institution: institution.name, city: institution.city, programme, startDate,
        issuedOn: addDays(receivedOn, -random.int(5, 60)), tuitionCents: random.int(8, 20) * 100_000,
      }));
    }
  }
  const needsBirthCertificate = caseType === 'naturalisation' || caseType === 'au_pair' || (isAsylum && random.chance(caseType === 'asylum' ? 0.4 : 0.7)) || (caseType === 'family_partner' && random.chance(0.3));
  if (needsBirthCertificate) {
    const scanned = isAsylum ? random.chance(0.5) : random.chance(0.1);
    const father = makePerson(random, applicant.nationality, applicant.birthDate, 20, 45, 'M');
    const mother = makePerson(random, applicant.nationality, applicant.birthDate, 18, 40, 'F');
    const registeredOn = addDays(applicant.birthDate, random.int(1, 30));
    const scanRandom = random;
    perCase('birth_certificate', scanned ? 'Geboorteakte (scan)' : 'Geboorteakte', (surname) => birthCertificate({
      person: shown(applicant, surname), fatherName: `${father.givenNames} ${surname}`, motherName: mother.fullName, registeredOn, scanned, random: scanRandom,
    }), !scanned);
  }
  if (!isAsylum && !isObjection && caseType !== 'residence_extension' && caseType !== 'naturalisation') {
    perCase('antecedents_declaration', 'Antecedentenverklaring', (surname) => antecedentsDeclaration({ person: shown(applicant, surname), signedOn: addDays(receivedOn, -random.int(0, 10)), place: applicant.birthPlace }));
  }
  if (isObjection && parties.representative && plan.contestedDecisionOn) {
    const representative = parties.representative;
    const contested = plan.contestedDecisionOn;
    drafts.push({ kind: 'objection_notice', title: 'Bezwaarschrift', perCase: true, textual: true, source: 'representative', build: () => objectionNotice({
      clientName: applicant.fullName, vNumber: parties.vNumber, caseNumber: parties.caseNumber, contestedDecisionOn: contested,
      lawFirm: representative.organisation.name, city: representative.organisation.city, lawyerName: representative.lawyerName, sentOn: receivedOn,
    }) });
  }
  const created = '2025-06-01';
  if (isAsylum) {
    const variant = random.int(0, 1);
    const pages = variant === 0 ? 180 : 300;
    drafts.push({ kind: 'country_report', title: `Algemeen ambtsbericht ${nationality.name.en}`, source: 'ind', broken: null,
      stored: () => blobs.template(`country_report:${nationality.code}:${variant}`, () => countryReport(nationality.name.en, pages, created)) });
  }
  if ((caseType === 'family_partner' && random.chance(0.4)) || (studyCaseTypes.has(caseType) && random.chance(0.5)) || (caseType === 'au_pair' && random.chance(0.3)) || (caseType === 'permanent_residence' && random.chance(0.2))) {
    const variant = random.int(0, 7);
    drafts.push({ kind: 'bank_statements', title: 'Bankafschriften (scan)', source: 'applicant', broken: null, stored: () => blobs.template(`bank_statements:${variant}`, () => bankStatements(variant, 2 + variant * 2, created)) });
  }
  if (random.chance(0.15)) {
    const variant = random.int(0, 11);
    const pages = [1, 2, 3, 5, 8, 12, 20, 30, 45, 60, 90, 120][variant] ?? 1;
    drafts.push({ kind: 'supporting_documents', title: 'Overige stukken', source: plan.caseType.startsWith('objection') ? 'representative' : 'applicant', broken: null,
      stored: () => blobs.template(`supporting_documents:${variant}`, () => supportingDocuments(variant, pages, created)) });
  }
  const damagedUpload = (damage: DamagedUpload, variant: number) => {
    drafts.push({ kind: 'supporting_documents', title: damage === 'truncated' ? 'Upload (onvolledig)' : 'Upload (beveiligd)', source: 'applicant', broken: damage,
      stored: () => blobs.template(`broken:${damage}:${variant}`, () => brokenDocument(variant, damage, created)) });
  };
  if (random.chance(0.015)) {
    const variant = random.int(0, 5);
    damagedUpload(variant % 2 === 0 ? 'truncated' : 'encrypted', variant);
  }
  // Planned by a scenario, so a lesson can count on them (the random draw above makes one in about 70 cases).
  for (const damage of plan.damagedUploads) damagedUpload(damage, damage === 'truncated' ? 0 : 1);

  // Documents asked for in a suspension arrive when it ended early, or are still missing.
  const documents: DatasetDocument[] = [];
  const idsByDraft = new Map<number, string>();
  drafts.forEach((draft, index) => {
    const suspension = plan.suspensions.find((candidate) => candidate.documents.includes(draft.kind));
    let uploadedOn = receivedOn;
    if (suspension) {
      if (!suspension.endedOn || suspension.endedOn === suspension.dueOn) return;
      uploadedOn = suspension.endedOn;
    }
    // Built only now, so a document that never arrived leaves no blob behind.
    const stored = 'stored' in draft ? draft.stored() : blobs.put(draft.build());
    const id = newId();
    idsByDraft.set(index, id);
    documents.push({
      id, title: draft.title, kind: draft.kind, mediaType: 'application/pdf', sha256: stored.sha256, size: stored.size,
      pageCount: stored.pageCount, imageOnlyPages: stored.imageOnlyPages, broken: 'broken' in draft ? draft.broken : null,
      perCase: 'build' in draft, source: draft.source, uploadedAt: `${uploadedOn}T${String(7 + (index % 10)).padStart(2, '0')}:${String((index * 7) % 60).padStart(2, '0')}:00.000Z`,
    });
  });
  const findings: ExpectedFinding[] = [];
  for (const pending of findingsPending) {
    const documentId = idsByDraft.get(pending.draftIndex);
    if (documentId) findings.push({ kind: 'name_mismatch', documentId, field: 'surname', expected: pending.expected, found: pending.found });
  }
  for (const pending of salaryPending) {
    const documentId = idsByDraft.get(pending.draftIndex);
    if (documentId) findings.push({ kind: 'salary_below_threshold', documentId, claimedMonthlySalaryCents: pending.claimed, documentMonthlySalaryCents: pending.shown, thresholdCents: pending.threshold, ageOnReceipt: pending.age });
  }
  return { documents, findings, application };
}

/**
 * A complete, fictional set of merge fields in both languages, for the template tests and the
 * editor's preview. Every optional group is filled so that every template can render with it; the
 * persons, numbers and addresses are invented. The dates follow docs/domain.md's first worked
 * example (received 2 February 2026, one suspension, deadline 18 May 2026), extended by six months on the letter date.
 */
import type { Language } from '../contract/common';
import { letterFields, type LetterFields } from './fields';

const dutchRequest: NonNullable<LetterFields['request']> = {
  requestedOn: '2026-04-28',
  dueOn: '2026-05-12',
  documents: ['een kopie van uw geldige paspoort (alle pagina’s)', 'de arbeidsovereenkomst, ondertekend door u en uw werkgever'],
};

const dutchDecision: NonNullable<LetterFields['decision']> = {
  outcome: 'granted',
  decidedOn: '2026-04-28',
  grounds: [{ text: 'Het bruto maandinkomen is lager dan het normbedrag voor kennismigranten.', legalBasis: 'artikel 3.30a van het Vreemdelingenbesluit 2000' }],
  reasoning: 'Uit de arbeidsovereenkomst van 12 januari 2026 blijkt dat uw bruto maandsalaris € 4.100,00 bedraagt.',
  permit: { purpose: 'arbeid als kennismigrant', validFrom: '2026-02-02', validUntil: '2031-02-02' },
  departureBy: '2026-05-26',
};

const dutchRemedies: NonNullable<LetterFields['remedies']> = {
  remedy: 'objection', weeks: 4, lastDay: '2026-05-26', legalBasis: 'artikel 69, eerste lid, van de Vreemdelingenwet 2000',
};

const dutch: LetterFields = {
  case: {
    caseNumber: 'IND-2026-004217',
    caseType: 'highly_skilled_migrant',
    caseTypeLabel: 'verblijfsvergunning kennismigrant',
    receivedOn: '2026-02-02',
    contestedDecisionOn: '2026-01-12',
  },
  applicant: {
    name: 'Samira El Amrani',
    addressLines: ['Lange Voorhout 12', '2514 EA  DEN HAAG'],
    salutation: 'Geachte mevrouw El Amrani,',
    vNumber: '0123456789',
    birthDate: '1991-07-14',
    nationality: 'Marokkaanse',
  },
  sponsor: { name: 'Noordzee Data B.V.', organisation: 'Noordzee Data B.V.' },
  representative: null,
  deadline: {
    decisionDeadline: '2026-11-18',
    statutoryPeriod: { days: 90 },
    legalBasis: 'artikel 25 van de Vreemdelingenwet 2000',
    extensions: [{ period: { months: 6 }, legalGround: 'artikel 25, tweede lid, van de Vreemdelingenwet 2000', announcedOn: '2026-04-28' }],
    suspensions: [{ requestedOn: '2026-02-20', dueOn: '2026-03-06', endedOn: '2026-03-06' }],
  },
  request: dutchRequest,
  decision: dutchDecision,
  penalty: {
    noticeReceivedOn: '2026-05-20',
    firstPenaltyDay: '2026-06-03',
    lastPenaltyDay: '2026-06-12',
    days: 10,
    amountCents: 23_000,
  },
  remedies: dutchRemedies,
  letter: { date: '2026-04-28', reference: 'IND-2026-004217/B01', signatory: 'Hoofd Unit Arbeid Regulier' },
};

const english: LetterFields = {
  ...dutch,
  case: { ...dutch.case, caseTypeLabel: 'residence permit as a highly skilled migrant' },
  applicant: { ...dutch.applicant, salutation: 'Dear Ms El Amrani,', nationality: 'Moroccan' },
  deadline: {
    ...dutch.deadline,
    legalBasis: 'Article 25 of the Aliens Act 2000',
    extensions: [{ period: { months: 6 }, legalGround: 'Article 25(2) of the Aliens Act 2000', announcedOn: '2026-04-28' }],
  },
  request: {
    ...dutchRequest,
    documents: ['a copy of your valid passport (all pages)', 'the employment contract, signed by you and your employer'],
  },
  decision: {
    ...dutchDecision,
    grounds: [{ text: 'The gross monthly income is below the threshold for highly skilled migrants.', legalBasis: 'Article 3.30a of the Aliens Decree 2000' }],
    reasoning: 'The employment contract of 12 January 2026 shows a gross monthly salary of €4,100.00.',
    permit: { purpose: 'work as a highly skilled migrant', validFrom: '2026-02-02', validUntil: '2031-02-02' },
  },
  remedies: { ...dutchRemedies, legalBasis: 'Article 69(1) of the Aliens Act 2000' },
  letter: { ...dutch.letter, signatory: 'Head of the Regular Labour Unit' },
};

/** The sample fields per letter language; parsed here, so a sample that breaks the schema fails at once. */
export const sampleLetterFields: Readonly<Record<Language, LetterFields>> = {
  nl: letterFields.parse(dutch),
  en: letterFields.parse(english),
};

/** A representative for the samples: with one, the letter is addressed to them. */
export const sampleRepresentative: NonNullable<LetterFields['representative']> = {
  name: 'mr. J.P. de Vries',
  addressLines: ['De Vries Advocaten', 'Postbus 1234', '2501 CA  DEN HAAG'],
  salutation: 'Geachte heer De Vries,',
  organisation: 'De Vries Advocaten',
};

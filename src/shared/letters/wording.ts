/**
 * How a letter names what the case holds as codes: the case type and the documents of a request.
 * The merge fields carry these texts already in the letter's language (fields.ts), so both the host
 * and the central API word them the same; a code without an entry here has no text, and the field
 * that needs it stays empty rather than showing the code to an applicant.
 */
import type { Language } from '../contract/common';
import type { CaseType, EvidenceRequirementId } from '../domain';

type Worded = { nl: string; en: string };

/** The case type as the applicant reads it ("Het gaat om: …"). */
export const caseTypeWording = {
  highly_skilled_migrant: { nl: 'verblijfsvergunning kennismigrant', en: 'residence permit as a highly skilled migrant' },
  family_partner: { nl: 'verblijfsvergunning verblijf bij partner', en: 'residence permit to stay with your partner' },
  au_pair: { nl: 'verblijfsvergunning au pair', en: 'residence permit as an au pair' },
  work: { nl: 'verblijfsvergunning arbeid', en: 'residence permit for work' },
  residence_extension: { nl: 'verlenging van uw verblijfsvergunning', en: 'extension of your residence permit' },
  change_of_purpose: { nl: 'wijziging van het verblijfsdoel', en: 'change of the purpose of residence' },
  permanent_residence: { nl: 'verblijfsvergunning onbepaalde tijd', en: 'permanent residence permit' },
  study: { nl: 'verblijfsvergunning studie', en: 'residence permit for study' },
  research: { nl: 'verblijfsvergunning wetenschappelijk onderzoek', en: 'residence permit for scientific research' },
  learning_and_working: { nl: 'verblijfsvergunning lerend werken', en: 'residence permit for learning and working' },
  exchange: { nl: 'verblijfsvergunning uitwisseling', en: 'residence permit for exchange' },
  entry_and_residence: { nl: 'machtiging tot voorlopig verblijf (mvv) en verblijfsvergunning', en: 'provisional residence permit (mvv) and residence permit' },
  eu_long_term_resident: { nl: 'verblijfsvergunning langdurig ingezetene-EU', en: 'EU long-term resident permit' },
  asylum: { nl: 'verblijfsvergunning asiel', en: 'asylum residence permit' },
  asylum_unaccompanied_minor: { nl: 'verblijfsvergunning asiel (alleenstaande minderjarige)', en: 'asylum residence permit (unaccompanied minor)' },
  naturalisation: { nl: 'naturalisatie tot Nederlander', en: 'naturalisation as a Dutch citizen' },
  objection_regular: { nl: 'bezwaar tegen een besluit over verblijf', en: 'objection to a decision on residence' },
  objection_mvv: { nl: 'bezwaar tegen een besluit over een mvv', en: 'objection to a decision on an mvv' },
  objection_naturalisation: { nl: 'bezwaar tegen een besluit over naturalisatie', en: 'objection to a decision on naturalisation' },
  objection_sponsor: { nl: 'bezwaar tegen een besluit over erkenning als referent', en: 'objection to a decision on recognition as a sponsor' },
} as const satisfies Record<CaseType, Worded>;

/** A requested document as the request for missing documents lists it. */
export const requirementWording = {
  passport: { nl: 'een kopie van uw geldige paspoort (alle pagina’s)', en: 'a copy of your valid passport (all pages)' },
  identity_document: { nl: 'een identiteitsdocument', en: 'an identity document' },
  antecedents_declaration: { nl: 'de ondertekende antecedentenverklaring', en: 'the signed antecedents certificate' },
  employment_contract: { nl: 'de arbeidsovereenkomst, ondertekend door u en uw werkgever', en: 'the employment contract, signed by you and your employer' },
  payslips: { nl: 'uw loonstroken van de laatste drie maanden', en: 'your payslips of the last three months' },
  relationship_proof: { nl: 'een bewijs van uw relatie, zoals een huwelijksakte', en: 'proof of your relationship, such as a marriage certificate' },
  sponsor_income: { nl: 'bewijs van het inkomen van uw referent', en: 'proof of your sponsor’s income' },
  civic_integration_abroad: { nl: 'de uitslag van het basisexamen inburgering buitenland', en: 'the result of the civic integration examination abroad' },
  admission_letter: { nl: 'de toelatingsbrief van uw onderwijsinstelling', en: 'the admission letter of your educational institution' },
  proof_of_funds: { nl: 'bewijs dat u voldoende middelen heeft', en: 'proof that you have sufficient funds' },
  birth_certificate: { nl: 'een gelegaliseerde geboorteakte', en: 'a legalised birth certificate' },
  residence_permit: { nl: 'een kopie van uw verblijfsdocument', en: 'a copy of your residence document' },
  integration_diploma: { nl: 'uw inburgeringsdiploma', en: 'your civic integration diploma' },
  objection_notice: { nl: 'uw bezwaarschrift', en: 'your notice of objection' },
} as const satisfies Record<EvidenceRequirementId, Worded>;

/** The wording of a code in a language; null for a code the table does not know. */
export function worded(table: Readonly<Record<string, Worded>>, code: string, language: Language): string | null {
  return Object.hasOwn(table, code) ? (table[code]?.[language] ?? null) : null;
}

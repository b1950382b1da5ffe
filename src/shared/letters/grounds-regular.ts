/**
 * Legal grounds for refusing a regular residence application (regular, study and MVV regimes):
 * the general conditions of Vw art. 16 and the conditions of a residence purpose in the Vb and Vc.
 * Each paragraph states the rule, then the facts of the case as `{factId}`, then the conclusion;
 * the caseworker adds what is particular to the case after inserting it.
 */
import type { CaseType, Regime } from '../domain/rules';
import { groundsSupportedFrom, type LegalGround } from './grounds-types';

const residence: readonly Regime[] = ['regular', 'regular_study', 'mvv'];
const partner: readonly CaseType[] = ['family_partner', 'entry_and_residence'];

const nationality = {
  id: 'nationality', requirement: 'passport', applicationField: 'nationality',
  label: { nl: 'Nationaliteit volgens het paspoort', en: 'Nationality according to the passport' },
} as const;

export const regularGrounds: readonly LegalGround[] = [
  {
    id: 'no_mvv', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 16, eerste lid, aanhef en onder a, Vw 2000',
    // An MVV application is itself the request for the MVV, so the ground is for applications made in the Netherlands.
    appliesTo: { regimes: ['regular', 'regular_study'] },
    title: {
      nl: 'U beschikt niet over een geldige machtiging tot voorlopig verblijf (mvv) die overeenkomt met het verblijfsdoel van uw aanvraag',
      en: 'You do not hold a valid provisional residence permit (MVV) for the purpose of your application',
    },
    paragraph: {
      nl: 'Wie een verblijfsvergunning regulier voor bepaalde tijd aanvraagt, moet beschikken over een geldige machtiging tot voorlopig verblijf (mvv) die overeenkomt met het verblijfsdoel van de aanvraag. Uit uw paspoort blijkt dat u de volgende nationaliteit heeft: {nationality}. Vreemdelingen met deze nationaliteit zijn niet vrijgesteld van het mvv-vereiste (artikel 17, eerste lid, Vw 2000). U beschikt niet over een geldige mvv. Ook is niet gebleken dat u op een andere grond bent vrijgesteld van het mvv-vereiste (artikel 3.71 Vb 2000). Daarom wijzen wij uw aanvraag af.',
      en: 'Anyone who applies for a fixed-term regular residence permit must hold a valid provisional residence permit (MVV) for the purpose of the application. Your passport shows the following nationality: {nationality}. Nationals of this country are not exempt from the MVV requirement (Article 17(1) of the Aliens Act 2000). You do not hold a valid MVV, and it has not been shown that you are exempt from the MVV requirement on any other ground (Article 3.71 of the Aliens Decree 2000). We therefore refuse your application.',
    },
    facts: [nationality],
  },
  {
    id: 'no_valid_passport', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 16, eerste lid, aanhef en onder b, Vw 2000',
    appliesTo: { regimes: residence },
    title: {
      nl: 'U beschikt niet over een geldig document voor grensoverschrijding',
      en: 'You do not hold a valid travel document',
    },
    paragraph: {
      nl: 'Wie een verblijfsvergunning aanvraagt, moet beschikken over een geldig document voor grensoverschrijding, zoals een geldig paspoort. Uit uw paspoort blijkt het volgende: {passport_validity}. U heeft daarmee geen geldig document voor grensoverschrijding overgelegd. Ook is niet gebleken dat u vrijgesteld bent van deze voorwaarde omdat de autoriteiten van uw land u geen document voor grensoverschrijding verstrekken (artikel 3.72 Vb 2000). Daarom wijzen wij uw aanvraag af.',
      en: 'Anyone who applies for a residence permit must hold a valid travel document, such as a valid passport. Your passport shows the following: {passport_validity}. You have therefore not submitted a valid travel document. Nor has it been shown that you are exempt from this condition because the authorities of your country do not issue you a travel document (Article 3.72 of the Aliens Decree 2000). We therefore refuse your application.',
    },
    facts: [{ id: 'passport_validity', requirement: 'passport', label: { nl: 'Geldigheidsduur van het paspoort', en: 'Validity of the passport' } }],
  },
  {
    id: 'insufficient_means_study', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 16, eerste lid, aanhef en onder c, Vw 2000 en artikel 3.73 Vb 2000',
    appliesTo: { regimes: ['regular_study'] },
    title: {
      nl: 'U beschikt niet zelfstandig over voldoende middelen van bestaan',
      en: 'You do not independently have sufficient means of subsistence',
    },
    paragraph: {
      nl: 'Wie een verblijfsvergunning aanvraagt, moet zelfstandig beschikken over voldoende middelen van bestaan. Uit uw bankafschriften blijkt het volgende: {funds}. Dit is minder dan het normbedrag voor studenten dat voor de duur van uw verblijf geldt. Ook is niet gebleken dat de onderwijsinstelling of een andere garantsteller voor het ontbrekende bedrag garant staat. U beschikt daarom niet over voldoende middelen van bestaan.',
      en: 'Anyone who applies for a residence permit must independently have sufficient means of subsistence. Your bank statements show the following: {funds}. This is less than the standard amount for students that applies for the duration of your stay. Nor has it been shown that the educational institution or another guarantor guarantees the shortfall. You therefore do not have sufficient means of subsistence.',
    },
    facts: [{ id: 'funds', requirement: 'proof_of_funds', label: { nl: 'Beschikbaar saldo volgens de bankafschriften', en: 'Available balance according to the bank statements' } }],
  },
  {
    id: 'sponsor_income_insufficient', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 16, eerste lid, aanhef en onder c, Vw 2000 en artikel 3.22 Vb 2000',
    appliesTo: { caseTypes: partner },
    title: {
      nl: 'Uw referent beschikt niet zelfstandig en duurzaam over voldoende middelen van bestaan',
      en: 'Your sponsor does not independently and durably have sufficient means of subsistence',
    },
    paragraph: {
      nl: 'Voor verblijf bij uw partner moet uw referent zelfstandig en duurzaam beschikken over voldoende middelen van bestaan. Uit de stukken over het inkomen van uw referent blijkt het volgende: {sponsor_income}. Dit inkomen bereikt niet het normbedrag dat voor uw referent geldt, of is niet voor ten minste één jaar na de datum van ontvangst van uw aanvraag beschikbaar. Uw referent voldoet daarom niet aan het middelenvereiste.',
      en: 'For residence with your partner, your sponsor must independently and durably have sufficient means of subsistence. The documents on your sponsor’s income show the following: {sponsor_income}. This income does not reach the standard amount that applies to your sponsor, or is not available for at least one year after the date on which we received your application. Your sponsor therefore does not meet the means requirement.',
    },
    facts: [{ id: 'sponsor_income', requirement: 'sponsor_income', label: { nl: 'Inkomen van de referent', en: 'Income of the sponsor' } }],
  },
  {
    id: 'public_order', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 16, eerste lid, aanhef en onder d, Vw 2000 en artikel 3.77 Vb 2000',
    appliesTo: { regimes: residence },
    title: {
      nl: 'U vormt een gevaar voor de openbare orde',
      en: 'You pose a threat to public order',
    },
    paragraph: {
      nl: 'Een verblijfsvergunning wordt niet verleend aan een vreemdeling die een gevaar vormt voor de openbare orde of de nationale veiligheid. In uw antecedentenverklaring heeft u het volgende verklaard: {antecedents}. Uit de justitiële documentatie blijkt het volgende: {conviction}. Gelet op de opgelegde straf en de duur van uw verblijf in Nederland vormt u een gevaar voor de openbare orde (artikel 3.77 Vb 2000). Daarom wijzen wij uw aanvraag af.',
      en: 'A residence permit is not granted to a foreign national who poses a threat to public order or national security. In your antecedents declaration you stated the following: {antecedents}. The judicial records show the following: {conviction}. Given the sentence imposed and the length of your stay in the Netherlands, you pose a threat to public order (Article 3.77 of the Aliens Decree 2000). We therefore refuse your application.',
    },
    facts: [
      { id: 'antecedents', requirement: 'antecedents_declaration', label: { nl: 'Verklaring in de antecedentenverklaring', en: 'Statement in the antecedents declaration' } },
      // The judicial record is not a document of the case's checklist: the caseworker fills it in with its source.
      { id: 'conviction', label: { nl: 'Veroordeling volgens de justitiële documentatie', en: 'Conviction according to the judicial records' } },
    ],
  },
  {
    id: 'salary_below_threshold', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 3.30a Vb 2000 en paragraaf B5/3.2.2 Vc 2000',
    appliesTo: { caseTypes: ['highly_skilled_migrant'] },
    title: {
      nl: 'Uw bruto maandsalaris is lager dan het normbedrag voor kennismigranten',
      en: 'Your gross monthly salary is below the threshold for highly skilled migrants',
    },
    paragraph: {
      nl: 'Een kennismigrant moet een bruto maandsalaris ontvangen dat ten minste gelijk is aan het normbedrag dat voor zijn leeftijd geldt. U bent geboren op {birth_date}. Volgens uw arbeidsovereenkomst bedraagt uw bruto maandsalaris {salary}. Dit salaris is lager dan het normbedrag dat op de datum van ontvangst van uw aanvraag voor uw leeftijd gold. U voldoet daarom niet aan het looncriterium voor kennismigranten.',
      en: 'A highly skilled migrant must receive a gross monthly salary at least equal to the threshold that applies to their age. You were born on {birth_date}. According to your employment contract, your gross monthly salary is {salary}. This salary is below the threshold that applied to your age on the date we received your application. You therefore do not meet the salary criterion for highly skilled migrants.',
    },
    facts: [
      { id: 'birth_date', requirement: 'passport', applicationField: 'birthDate', label: { nl: 'Geboortedatum', en: 'Date of birth' } },
      { id: 'salary', requirement: 'employment_contract', applicationField: 'monthlySalaryCents', label: { nl: 'Bruto maandsalaris', en: 'Gross monthly salary' } },
    ],
  },
  {
    id: 'sponsor_not_recognised', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 2c, eerste lid, Vw 2000 en artikel 3.30a Vb 2000',
    appliesTo: { caseTypes: ['highly_skilled_migrant'] },
    title: {
      nl: 'Uw werkgever is niet erkend als referent',
      en: 'Your employer is not a recognised sponsor',
    },
    paragraph: {
      nl: 'Verblijf als kennismigrant is alleen mogelijk bij een werkgever die door de Immigratie- en Naturalisatiedienst als referent is erkend. Volgens uw arbeidsovereenkomst is uw werkgever: {employer}. Deze werkgever is niet als referent erkend en staat niet in het openbaar register van erkende referenten. Daarom wijzen wij uw aanvraag af.',
      en: 'Residence as a highly skilled migrant is only possible with an employer that the Immigration and Naturalisation Service has recognised as a sponsor. According to your employment contract, your employer is: {employer}. This employer is not recognised as a sponsor and is not listed in the public register of recognised sponsors. We therefore refuse your application.',
    },
    facts: [{ id: 'employer', requirement: 'employment_contract', label: { nl: 'Werkgever volgens de arbeidsovereenkomst', en: 'Employer according to the employment contract' } }],
  },
  {
    id: 'no_durable_relationship', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 3.14 Vb 2000',
    appliesTo: { caseTypes: partner },
    title: {
      nl: 'Niet is aangetoond dat u en uw referent gehuwd zijn, een geregistreerd partnerschap hebben of een duurzame en exclusieve relatie onderhouden',
      en: 'It has not been shown that you and your sponsor are married, in a registered partnership or in a durable and exclusive relationship',
    },
    paragraph: {
      nl: 'Verblijf bij een partner is mogelijk voor een vreemdeling die met de referent gehuwd is of een geregistreerd partnerschap heeft, of die met de referent een duurzame en exclusieve relatie onderhoudt. Over uw relatie met uw referent blijkt uit de stukken het volgende: {relationship}. Daaruit blijkt geen huwelijk of geregistreerd partnerschap dat in Nederland wordt erkend. Ook blijkt daaruit niet dat u en uw referent een duurzame en exclusieve relatie onderhouden. Daarom wijzen wij uw aanvraag af.',
      en: 'Residence with a partner is possible for a foreign national who is married to the sponsor or in a registered partnership with them, or who is in a durable and exclusive relationship with the sponsor. The documents show the following about your relationship with your sponsor: {relationship}. They do not show a marriage or registered partnership recognised in the Netherlands, nor that you and your sponsor are in a durable and exclusive relationship. We therefore refuse your application.',
    },
    facts: [{ id: 'relationship', requirement: 'relationship_proof', applicationField: 'relationship', label: { nl: 'Relatie met de referent', en: 'Relationship with the sponsor' } }],
  },
  {
    id: 'no_civic_integration_abroad', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 16, eerste lid, aanhef en onder h, Vw 2000 en artikel 3.71a Vb 2000',
    appliesTo: { caseTypes: partner },
    title: {
      nl: 'U heeft het basisexamen inburgering buitenland niet gehaald',
      en: 'You have not passed the civic integration examination abroad',
    },
    paragraph: {
      nl: 'Wie voor verblijf bij een partner naar Nederland komt, moet beschikken over kennis op basisniveau van de Nederlandse taal en de Nederlandse samenleving. Dat blijkt uit het met goed gevolg afleggen van het basisexamen inburgering buitenland. Over uw examen blijkt het volgende: {exam_result}. U heeft het basisexamen daarmee niet met goed gevolg afgelegd. Ook is niet gebleken dat u op grond van artikel 3.71a Vb 2000 van deze voorwaarde bent vrijgesteld. Daarom wijzen wij uw aanvraag af.',
      en: 'Anyone who comes to the Netherlands to live with a partner must have a basic knowledge of the Dutch language and Dutch society, shown by passing the civic integration examination abroad. The following is shown about your examination: {exam_result}. You have therefore not passed the examination. Nor has it been shown that you are exempt from this condition under Article 3.71a of the Aliens Decree 2000. We therefore refuse your application.',
    },
    facts: [{ id: 'exam_result', requirement: 'civic_integration_abroad', label: { nl: 'Uitslag van het basisexamen inburgering buitenland', en: 'Result of the civic integration examination abroad' } }],
  },
];

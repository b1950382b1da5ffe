/**
 * Legal grounds of asylum decisions (Vw art. 30, 30b, 31) and of refusals of naturalisation (RWN
 * art. 8 and 9). A naturalisation is a request (verzoek), not an application, and the paragraphs
 * say so. Facts from outside the checklist (a Eurodac hit, the judicial records) carry no
 * requirement: the builder leaves their marker for the caseworker to fill in with its source.
 */
import { groundsSupportedFrom, type LegalGround } from './grounds-types';

const conviction = {
  id: 'conviction', label: { nl: 'Veroordeling volgens de justitiële documentatie', en: 'Conviction according to the judicial records' },
} as const;

export const asylumGrounds: readonly LegalGround[] = [
  {
    id: 'asylum_not_credible', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 31, eerste lid, Vw 2000',
    appliesTo: { regimes: ['asylum'] },
    title: {
      nl: 'U heeft niet aannemelijk gemaakt dat uw asielaanvraag gegrond is',
      en: 'You have not made it plausible that your asylum application is well founded',
    },
    paragraph: {
      nl: 'Een asielaanvraag wordt afgewezen als de vreemdeling niet aannemelijk heeft gemaakt dat zijn aanvraag gegrond is. Wij hebben de relevante elementen van uw asielrelaas beoordeeld aan de hand van uw verklaringen en de stukken die u heeft overgelegd (paragraaf C2/7 Vc 2000). Uw identiteit blijkt uit het volgende document: {identity}. Uw verklaringen over de gebeurtenissen die de aanleiding vormden voor uw vertrek zijn echter niet geloofwaardig. U heeft daarom niet aannemelijk gemaakt dat u bij terugkeer naar uw land van herkomst gegronde vrees heeft voor vervolging of een reëel risico loopt op ernstige schade.',
      en: 'An asylum application is refused if the foreign national has not made it plausible that the application is well founded. We have assessed the relevant elements of your account on the basis of your statements and the documents you submitted (paragraph C2/7 of the Aliens Act Implementation Guidelines 2000). Your identity is shown by the following document: {identity}. Your statements about the events that led to your departure, however, are not credible. You have therefore not made it plausible that, on return to your country of origin, you have a well-founded fear of persecution or run a real risk of serious harm.',
    },
    facts: [{ id: 'identity', requirement: 'identity_document', label: { nl: 'Identiteit volgens het identiteitsdocument', en: 'Identity according to the identity document' } }],
  },
  {
    id: 'asylum_safe_country', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 30b, eerste lid, aanhef en onder b, Vw 2000',
    appliesTo: { regimes: ['asylum'] },
    title: {
      nl: 'Uw asielaanvraag is kennelijk ongegrond, omdat u afkomstig bent uit een veilig land van herkomst',
      en: 'Your asylum application is manifestly unfounded because you come from a safe country of origin',
    },
    paragraph: {
      nl: 'Een asielaanvraag kan als kennelijk ongegrond worden afgewezen als de vreemdeling afkomstig is uit een veilig land van herkomst. Uit uw identiteitsdocument blijkt dat u de volgende nationaliteit heeft: {nationality}. Dit land is aangewezen als veilig land van herkomst (artikel 3.105ter Vb 2000). U heeft geen feiten of omstandigheden aangevoerd waaruit blijkt dat dit land, gelet op uw persoonlijke situatie, voor u niet veilig is. Daarom wijzen wij uw aanvraag af als kennelijk ongegrond.',
      en: 'An asylum application may be refused as manifestly unfounded if the foreign national comes from a safe country of origin. Your identity document shows the following nationality: {nationality}. This country is designated as a safe country of origin (Article 3.105ter of the Aliens Decree 2000). You have not put forward any facts or circumstances showing that, given your personal situation, this country is not safe for you. We therefore refuse your application as manifestly unfounded.',
    },
    facts: [{
      id: 'nationality', requirement: 'identity_document', applicationField: 'nationality',
      label: { nl: 'Nationaliteit volgens het identiteitsdocument', en: 'Nationality according to the identity document' },
    }],
  },
  {
    // A Dublin decision does not process the application (Vw art. 30), so it is a not-processed decision.
    id: 'asylum_dublin', kind: 'not_processed', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 30, eerste lid, Vw 2000',
    appliesTo: { regimes: ['asylum'] },
    title: {
      nl: 'Een andere lidstaat is verantwoordelijk voor de behandeling van uw asielaanvraag',
      en: 'Another Member State is responsible for examining your asylum application',
    },
    paragraph: {
      nl: 'Een asielaanvraag wordt niet in behandeling genomen als op grond van Verordening (EU) nr. 604/2013 (de Dublinverordening) een andere lidstaat verantwoordelijk is voor de behandeling ervan. Uit ons onderzoek blijkt dat de volgende lidstaat verantwoordelijk is: {member_state}. Deze lidstaat heeft ingestemd met het verzoek om u over te nemen of terug te nemen: {transfer_agreement}. Er is niet gebleken van bijzondere, individuele omstandigheden die ertoe leiden dat wij uw aanvraag toch zelf moeten behandelen (artikel 17 van de Dublinverordening). Daarom nemen wij uw aanvraag niet in behandeling.',
      en: 'An asylum application is not examined if another Member State is responsible for examining it under Regulation (EU) No 604/2013 (the Dublin Regulation). Our investigation shows that the following Member State is responsible: {member_state}. This Member State has agreed to the request to take charge of you or take you back: {transfer_agreement}. No special, individual circumstances have been shown that would require us to examine your application ourselves (Article 17 of the Dublin Regulation). We therefore do not examine your application.',
    },
    facts: [
      { id: 'member_state', label: { nl: 'Verantwoordelijke lidstaat (Eurodac of visum)', en: 'Responsible Member State (Eurodac or visa)' } },
      { id: 'transfer_agreement', label: { nl: 'Datum van het akkoord van de lidstaat', en: 'Date of the Member State’s agreement' } },
    ],
  },
];

export const naturalisationGrounds: readonly LegalGround[] = [
  {
    id: 'naturalisation_not_integrated', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 8, eerste lid, aanhef en onder d, RWN',
    appliesTo: { regimes: ['naturalisation'] },
    title: {
      nl: 'U kunt niet worden beschouwd als ingeburgerd in de Nederlandse samenleving',
      en: 'You cannot be considered integrated into Dutch society',
    },
    paragraph: {
      nl: 'Voor naturalisatie moet de verzoeker kunnen worden beschouwd als ingeburgerd in de Nederlandse samenleving. Dat blijkt uit het diploma inburgering of uit een document dat daarmee gelijkstaat (Besluit naturalisatietoets). Over uw inburgering blijkt het volgende: {integration}. U heeft daarmee niet aangetoond dat u ingeburgerd bent, en er is niet gebleken dat u van deze voorwaarde bent vrijgesteld. Daarom wijzen wij uw verzoek af.',
      en: 'For naturalisation, the applicant must be considered integrated into Dutch society. This is shown by the civic integration diploma or a document of equal standing (Naturalisation Test Decree). The following is shown about your integration: {integration}. You have therefore not shown that you are integrated, and it has not been shown that you are exempt from this condition. We therefore refuse your request.',
    },
    facts: [{ id: 'integration', requirement: 'integration_diploma', label: { nl: 'Inburgeringsdiploma of examenuitslag', en: 'Civic integration diploma or examination result' } }],
  },
  {
    id: 'naturalisation_residence', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 8, eerste lid, aanhef en onder c, RWN',
    appliesTo: { regimes: ['naturalisation'] },
    title: {
      nl: 'U heeft niet ten minste vijf jaren onafgebroken toelating en hoofdverblijf in het Koninkrijk gehad',
      en: 'You have not been admitted to and had your main residence in the Kingdom for at least five uninterrupted years',
    },
    paragraph: {
      nl: 'Voor naturalisatie moet de verzoeker, direct voorafgaand aan het verzoek, ten minste vijf jaren onafgebroken toelating en hoofdverblijf hebben gehad in Nederland, Aruba, Curaçao, Sint Maarten of de openbare lichamen Bonaire, Sint Eustatius en Saba. Over uw verblijfsvergunning blijkt het volgende: {permit}. Daaruit blijkt niet dat u gedurende vijf jaren onafgebroken toelating heeft gehad. Daarom wijzen wij uw verzoek af.',
      en: 'For naturalisation, the applicant must, immediately before the request, have been admitted to and have had their main residence in the Netherlands, Aruba, Curaçao, Sint Maarten or the public bodies of Bonaire, Sint Eustatius and Saba for at least five uninterrupted years. The following is shown about your residence permit: {permit}. It does not show that you have been admitted for five uninterrupted years. We therefore refuse your request.',
    },
    facts: [{ id: 'permit', requirement: 'residence_permit', label: { nl: 'Geldigheid van de verblijfsvergunning', en: 'Validity of the residence permit' } }],
  },
  {
    id: 'naturalisation_public_order', kind: 'refusal', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 9, eerste lid, aanhef en onder a, RWN',
    appliesTo: { regimes: ['naturalisation'] },
    title: {
      nl: 'Er bestaan ernstige vermoedens dat u gevaar oplevert voor de openbare orde',
      en: 'There are serious suspicions that you pose a danger to public order',
    },
    paragraph: {
      nl: 'Een verzoek om naturalisatie wordt afgewezen als er ernstige vermoedens bestaan dat de verzoeker gevaar oplevert voor de openbare orde, de goede zeden of de veiligheid van het Koninkrijk. Uit de justitiële documentatie blijkt het volgende: {conviction}. Deze veroordeling valt binnen de termijn die de Handleiding voor de toepassing van de Rijkswet op het Nederlanderschap daarvoor stelt. Er bestaan daarom ernstige vermoedens dat u gevaar oplevert voor de openbare orde. Daarom wijzen wij uw verzoek af.',
      en: 'A request for naturalisation is refused if there are serious suspicions that the applicant poses a danger to public order, public morality or the security of the Kingdom. The judicial records show the following: {conviction}. This conviction falls within the period set for it in the Guidelines for the application of the Netherlands Nationality Act. There are therefore serious suspicions that you pose a danger to public order. We therefore refuse your request.',
    },
    facts: [conviction],
  },
];

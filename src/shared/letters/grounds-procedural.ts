/**
 * Procedural grounds: not processing an application after a request to complete it (herstelverzuim,
 * Awb art. 4:5) and the decision on an objection (Awb chapters 6 and 7, with Vw art. 69 for the
 * objection period of an aliens decision). The not-processed template already states the request,
 * its date and its term, so these paragraphs only add what was and was not received.
 */
import type { Regime } from '../domain/rules';
import { groundsSupportedFrom, type LegalGround } from './grounds-types';

// Asylum has its own grounds not to process (Vw art. 30, 30a); Awb 4:5 is for the other first-instance regimes.
const firstInstance: readonly Regime[] = ['regular', 'regular_study', 'mvv', 'eu_long_term', 'naturalisation'];
const objections: readonly Regime[] = ['objection_regular', 'objection_general'];

const objectionReceived = {
  id: 'objection_received', requirement: 'objection_notice',
  label: { nl: 'Datum van ontvangst van het bezwaarschrift', en: 'Date on which the notice of objection was received' },
} as const;

const lateNl = (period: string, basis: string): string => `De termijn voor het indienen van een bezwaarschrift is ${period} en begint op de dag na die waarop het besluit is bekendgemaakt (${basis} en artikel 6:8 Awb). Uw bezwaarschrift is ontvangen op {objection_received}. Dat is na het einde van de bezwaartermijn. Er is niet gebleken van omstandigheden waardoor de overschrijding van de termijn verschoonbaar is (artikel 6:11 Awb). Daarom verklaren wij uw bezwaar niet-ontvankelijk.`;
const lateEn = (period: string, basis: string): string => `The period for lodging a notice of objection is ${period} and starts on the day after the decision was made known (${basis} and Article 6:8 of the General Administrative Law Act). Your notice of objection was received on {objection_received}. That is after the end of the objection period. No circumstances have been shown that make the late filing excusable (Article 6:11 of the General Administrative Law Act). We therefore declare your objection inadmissible.`;

const lateTitle = {
  nl: 'Uw bezwaarschrift is niet binnen de bezwaartermijn ingediend', en: 'Your notice of objection was not lodged within the objection period',
};

export const proceduralGrounds: readonly LegalGround[] = [
  {
    id: 'incomplete_after_request', kind: 'not_processed', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 4:5, eerste lid, aanhef en onder c, Awb',
    appliesTo: { regimes: firstInstance },
    title: {
      nl: 'De gegevens en stukken die u heeft verstrekt, zijn onvoldoende voor de beoordeling van uw aanvraag',
      en: 'The information and documents you provided are insufficient to assess your application',
    },
    paragraph: {
      nl: 'Wij kunnen besluiten een aanvraag niet te behandelen als de gegevens en stukken die de aanvrager heeft verstrekt onvoldoende zijn voor de beoordeling ervan, en de aanvrager de gelegenheid heeft gehad de aanvraag binnen een door ons gestelde termijn aan te vullen. Wij hebben u die gelegenheid gegeven en u gewezen op de gevolgen als u de stukken niet zou sturen. Binnen de gestelde termijn hebben wij het volgende ontvangen: {received}. Daarmee is uw aanvraag niet aangevuld met de gevraagde stukken. Zonder deze stukken kunnen wij niet beoordelen of u aan de voorwaarden voldoet.',
      en: 'We may decide not to process an application if the information and documents provided are insufficient to assess it and the applicant has had the opportunity to complete the application within a period we set. We gave you that opportunity and told you the consequences of not sending the documents. Within that period we received the following: {received}. Your application has therefore not been completed with the documents we asked for. Without these documents we cannot assess whether you meet the conditions.',
    },
    // What came in is read from the case's mail, not from a checklist requirement.
    facts: [{ id: 'received', label: { nl: 'Wat binnen de termijn is ontvangen', en: 'What was received within the period' } }],
  },
  {
    id: 'statutory_requirement_not_met', kind: 'not_processed', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 4:5, eerste lid, aanhef en onder a, Awb',
    appliesTo: { regimes: firstInstance },
    title: {
      nl: 'U heeft niet voldaan aan een wettelijk voorschrift voor het in behandeling nemen van uw aanvraag',
      en: 'You have not complied with a statutory requirement for processing your application',
    },
    paragraph: {
      nl: 'Wij kunnen besluiten een aanvraag niet te behandelen als de aanvrager niet heeft voldaan aan een wettelijk voorschrift voor het in behandeling nemen ervan, en de aanvrager de gelegenheid heeft gehad dit verzuim binnen een door ons gestelde termijn te herstellen. U heeft niet voldaan aan het volgende voorschrift: {omission}. U heeft dit verzuim niet binnen de gestelde termijn hersteld.',
      en: 'We may decide not to process an application if the applicant has not complied with a statutory requirement for processing it and has had the opportunity to remedy the omission within a period we set. You have not complied with the following requirement: {omission}. You did not remedy this omission within the period set.',
    },
    facts: [{ id: 'omission', label: { nl: 'Het voorschrift waaraan niet is voldaan (bijvoorbeeld de leges)', en: 'The requirement not met (for example the fee)' } }],
  },
  {
    id: 'objection_late_aliens', kind: 'objection_decision', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 69, eerste lid, Vw 2000 en artikel 6:11 Awb',
    appliesTo: { regimes: ['objection_regular'] },
    title: lateTitle,
    paragraph: { nl: lateNl('vier weken', 'artikel 69, eerste lid, Vw 2000'), en: lateEn('four weeks', 'Article 69(1) of the Aliens Act 2000') },
    facts: [objectionReceived],
  },
  {
    id: 'objection_late_general', kind: 'objection_decision', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 6:7 en artikel 6:11 Awb',
    appliesTo: { regimes: ['objection_general'] },
    title: lateTitle,
    paragraph: { nl: lateNl('zes weken', 'artikel 6:7 Awb'), en: lateEn('six weeks', 'Article 6:7 of the General Administrative Law Act') },
    facts: [objectionReceived],
  },
  {
    id: 'objection_unfounded', kind: 'objection_decision', effectiveFrom: groundsSupportedFrom,
    reference: 'artikel 7:11 Awb',
    appliesTo: { regimes: objections },
    title: {
      nl: 'Na heroverweging blijft het bestreden besluit in stand',
      en: 'After reconsideration the contested decision stands',
    },
    paragraph: {
      nl: 'Naar aanleiding van uw bezwaar hebben wij het bestreden besluit volledig heroverwogen. In uw bezwaarschrift voert u het volgende aan: {objection_grounds}. Wat u aanvoert, leidt niet tot een ander oordeel: de overwegingen waarop het bestreden besluit berust, blijven na heroverweging juist. Daarom verklaren wij uw bezwaar ongegrond en blijft het bestreden besluit in stand.',
      en: 'Following your objection we have fully reconsidered the contested decision. In your notice of objection you argue the following: {objection_grounds}. What you argue does not lead to a different conclusion: the considerations on which the contested decision is based remain correct after reconsideration. We therefore declare your objection unfounded and the contested decision stands.',
    },
    facts: [{ id: 'objection_grounds', requirement: 'objection_notice', label: { nl: 'Gronden van het bezwaar', en: 'Grounds of the objection' } }],
  },
];

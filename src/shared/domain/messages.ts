/**
 * Dutch and English texts of everything the domain engine explains (deadlines, penalties, priority,
 * remedies), as plain data in i18next format (the renderer loads them as the namespace `domain`).
 * Values are language-neutral: dates arrive as 'YYYY-MM-DD' (the UI formats them), money as `amount`
 * in euros for i18next's currency formatter (and `amountCents`). Units and day names are nested with
 * `$t(domain:…)` so plurals stay correct.
 */

/** "14 days": a count of a unit, the count read from the value `valueName`. */
const countOf = (unitName: string, valueName: string) => `$t(domain:unit.${unitName}, {"count": {{${valueName}}} })`;
/** "90 days", "19 weeks": the unit is a value, the count is `amount`. */
const period = '$t(domain:unit.{{unit}}, {"count": {{amount}} })';
const dayCount = countOf('days', 'days');
const dayKind = '$t(domain:dayKind.{{reason}})';
const euro = (name: string) => `{{${name}, currency(EUR)}}`;

const en = {
  'unit.days_one': '{{count}} day',
  'unit.days_other': '{{count}} days',
  'unit.weeks_one': '{{count}} week',
  'unit.weeks_other': '{{count}} weeks',
  'unit.months_one': '{{count}} month',
  'unit.months_other': '{{count}} months',
  'unit.years_one': '{{count}} year',
  'unit.years_other': '{{count}} years',

  'dayKind.saturday': 'a Saturday',
  'dayKind.sunday': 'a Sunday',
  'dayKind.newYearsDay': "New Year's Day",
  'dayKind.goodFriday': 'Good Friday',
  'dayKind.easterMonday': 'Easter Monday',
  'dayKind.queensDay': "Queen's Day",
  'dayKind.kingsDay': "King's Day",
  'dayKind.liberationDay': 'Liberation Day (5 May)',
  'dayKind.ascensionDay': 'Ascension Day',
  'dayKind.whitMonday': 'Whit Monday',
  'dayKind.christmasDay': 'Christmas Day',
  'dayKind.boxingDay': 'Boxing Day',

  'regime.regular': 'Regular residence',
  'regime.regular_study': 'Study and research',
  'regime.mvv': 'Entry and residence (MVV)',
  'regime.eu_long_term': 'EU long-term resident',
  'regime.asylum': 'Asylum',
  'regime.naturalisation': 'Naturalisation',
  'regime.objection_regular': 'Objection (residence)',
  'regime.objection_general': 'Objection (general)',

  'deadline.step.received': 'Received {{date}}',
  'deadline.step.objectionPeriod': 'Objection period: decision of {{decisionDate}} + ' + period + ' ({{basis}}) = {{date}}',
  'deadline.step.statutoryPeriod': '{{from}} + ' + period + ' ({{basis}}) = {{date}}',
  'deadline.step.countingConvention': 'The day of receipt counts as day 1: {{from}} − 1 day = {{date}}',
  'deadline.step.extension': 'Extension {{number}}: {{from}} + ' + period + ' ({{basis}}) = {{date}}',
  'deadline.step.suspension.closed':
    'Suspension {{number}}, requested {{requestedOn}}: stopped from {{from}} through {{through}} (' + dayCount + ')',
  'deadline.step.suspension.open':
    'Suspension {{number}}, requested {{requestedOn}}, still open: stopped from {{from}} through {{through}} so far (' + dayCount + ')',
  'deadline.step.suspension.empty': 'Suspension {{number}}, requested {{requestedOn}}: no days stopped',
  'deadline.step.suspendedDays': '{{from}} + ' + dayCount + ' suspended, each day counted once ({{basis}}) = {{date}}',
  'deadline.step.atwRoll': '{{from}} is ' + dayKind + ', so {{date}} ({{basis}})',
  'deadline.step.noAtwRoll.extended': '{{date}} is ' + dayKind + ', but an extended period does not run on ({{basis}})',
  'deadline.step.noAtwRoll.longPeriod': '{{date}} is ' + dayKind + ', but a period this long does not run on ({{basis}})',
  'deadline.step.result': 'Decision deadline: {{date}}',

  'remedy.step.objection': 'Decision ($t(domain:regime.{{regime}})): objection within ' + period + ' ({{basis}})',
  'remedy.step.appeal': 'Decision on an objection ($t(domain:regime.{{regime}})): appeal to the court within ' + period + ' ({{basis}})',
  'remedy.step.noObjection': 'No objection against an asylum decision: the appeal goes straight to the court ({{basis}})',
  'remedy.step.asylum.general': 'Decided in the general asylum procedure: appeal within ' + period + ' ({{basis}})',
  'remedy.step.asylum.extended': 'Not decided in the general asylum procedure: appeal within ' + period + ' ({{basis}})',
  'remedy.step.start': 'The period starts the day after the letter of {{letterDate}}: {{date}} ({{basis}})',
  'remedy.step.end': 'It ends ' + period + ' after the letter date, on the same day of the week: {{date}} ({{basis}})',
  'remedy.step.result.objection': 'Last day to lodge an objection: {{date}} ({{basis}})',
  'remedy.step.result.appeal': 'Last day to lodge an appeal: {{date}} ({{basis}})',

  'penalty.step.none.asylum': 'No administrative penalty for asylum ({{basis}})',
  'penalty.step.none.noNotice': 'No penalty: no notice of default received',
  'penalty.step.none.noticeNotLate':
    'No penalty: the notice of default of {{noticeReceivedOn}} arrived on or before the deadline {{deadline}}',
  'penalty.step.firstDay':
    'Notice of default received {{noticeReceivedOn}} + ' + countOf('days', 'graceDays') +
    ' ({{basis}}) = first penalty day {{date}}',
  'penalty.step.days.decided': 'Penalty days {{from}} through {{through}}, the day before the decision of {{decidedOn}}: ' + dayCount,
  'penalty.step.days.undecided': 'Penalty days {{from}} through {{through}}, not yet decided: ' + dayCount,
  'penalty.step.days.notStarted': 'No penalty days: the first penalty day {{from}} has not been reached',
  'penalty.step.capped': 'Capped at ' + countOf('days', 'maximumDays') + ', reached on {{date}}',
  'penalty.step.tier': dayCount + ' × ' + euro('rate') + ' = ' + euro('amount'),
  'penalty.step.total': 'Penalty: ' + euro('amount') + ' ({{basis}})',

  'priority.band.penalty_accruing': 'Penalty accruing',
  'priority.band.notice_of_default': 'Notice of default received',
  'priority.band.overdue': 'Overdue',
  'priority.band.due_within_7_days': 'Due within 7 days',
  'priority.band.due_within_30_days': 'Due within 30 days',
  'priority.band.on_track': 'On track',
  'priority.band.decided': 'Decided',
  'priority.reason.penaltyAccruing': 'A penalty has been accruing since {{firstPenaltyDay}}: ' + dayCount + ', ' + euro('amount') + ' so far',
  'priority.reason.penaltyCapped': 'The penalty reached its maximum of ' + euro('amount'),
  'priority.reason.noticeOfDefault':
    'Notice of default received {{noticeReceivedOn}}: a penalty starts on {{firstPenaltyDay}} unless decided before',
  'priority.reason.noticeOfDefaultAsylum':
    'Notice of default received {{noticeReceivedOn}}: the applicant may now appeal to the court for not deciding in time',
  'priority.reason.overdue': 'The deadline {{deadline}} passed ' + dayCount + ' ago',
  'priority.reason.dueWithin7Days': 'Due {{deadline}}, in ' + dayCount,
  'priority.reason.dueWithin30Days': 'Due {{deadline}}, in ' + dayCount,
  'priority.reason.onTrack': 'Due {{deadline}}, in ' + dayCount,
  'priority.reason.vulnerable': 'Vulnerable applicant (unaccompanied minor): higher within the group',
  'priority.reason.waitingOnApplicant': 'Waiting on the applicant (period suspended): lower within the group',
  'priority.reason.decided': 'Decided on {{decidedOn}}',

  'error.invalid_date': '{{field}} is not an existing date',
  'error.missing_field': '{{field}} is required',
  'error.unknown_regime': '{{field}} is not a known decision-period regime',
  'error.unknown_case_type': '{{field}} is not a known case type',
  'error.invalid_period': '{{field}} is not a valid period',
  'error.suspension_ends_before_start': '{{field}}: a suspension cannot end before it was requested',
  'error.open_suspension_without_as_of': '{{field}}: an open suspension needs the date to count up to',
  'error.missing_contested_decision': '{{field}}: an objection needs the date of the contested decision',
  'error.too_many_extensions': '{{field}}: more extensions than this regime allows',
  'error.extension_too_long': '{{field}}: this extension is longer than the law allows',
  'error.invalid_input': '{{field}} is not valid',
};

export type DomainMessageKey = keyof typeof en;
/** Keys the engine emits (plural forms are reached only through nesting). */
export type EmittedMessageKey = Exclude<DomainMessageKey, `${string}_one` | `${string}_other`>;

const nl: Record<DomainMessageKey, string> = {
  'unit.days_one': '{{count}} dag',
  'unit.days_other': '{{count}} dagen',
  'unit.weeks_one': '{{count}} week',
  'unit.weeks_other': '{{count}} weken',
  'unit.months_one': '{{count}} maand',
  'unit.months_other': '{{count}} maanden',
  'unit.years_one': '{{count}} jaar',
  'unit.years_other': '{{count}} jaar',

  'dayKind.saturday': 'een zaterdag',
  'dayKind.sunday': 'een zondag',
  'dayKind.newYearsDay': 'Nieuwjaarsdag',
  'dayKind.goodFriday': 'Goede Vrijdag',
  'dayKind.easterMonday': 'Tweede Paasdag',
  'dayKind.queensDay': 'Koninginnedag',
  'dayKind.kingsDay': 'Koningsdag',
  'dayKind.liberationDay': 'Bevrijdingsdag (5 mei)',
  'dayKind.ascensionDay': 'Hemelvaartsdag',
  'dayKind.whitMonday': 'Tweede Pinksterdag',
  'dayKind.christmasDay': 'Eerste Kerstdag',
  'dayKind.boxingDay': 'Tweede Kerstdag',

  'regime.regular': 'Regulier verblijf',
  'regime.regular_study': 'Studie en onderzoek',
  'regime.mvv': 'Toegang en verblijf (TEV)',
  'regime.eu_long_term': 'EU-langdurig ingezetene',
  'regime.asylum': 'Asiel',
  'regime.naturalisation': 'Naturalisatie',
  'regime.objection_regular': 'Bezwaar (verblijf)',
  'regime.objection_general': 'Bezwaar (algemeen)',

  'deadline.step.received': 'Ontvangen op {{date}}',
  'deadline.step.objectionPeriod': 'Bezwaartermijn: besluit van {{decisionDate}} + ' + period + ' ({{basis}}) = {{date}}',
  'deadline.step.statutoryPeriod': '{{from}} + ' + period + ' ({{basis}}) = {{date}}',
  'deadline.step.countingConvention': 'De dag van ontvangst telt als dag 1: {{from}} − 1 dag = {{date}}',
  'deadline.step.extension': 'Verlenging {{number}}: {{from}} + ' + period + ' ({{basis}}) = {{date}}',
  'deadline.step.suspension.closed':
    'Opschorting {{number}}, gevraagd op {{requestedOn}}: stilgezet van {{from}} tot en met {{through}} (' + dayCount + ')',
  'deadline.step.suspension.open':
    'Opschorting {{number}}, gevraagd op {{requestedOn}}, nog lopend: tot nu stilgezet van {{from}} tot en met {{through}} (' + dayCount + ')',
  'deadline.step.suspension.empty': 'Opschorting {{number}}, gevraagd op {{requestedOn}}: geen dagen stilgezet',
  'deadline.step.suspendedDays': '{{from}} + ' + dayCount + ' opgeschort, elke dag één keer geteld ({{basis}}) = {{date}}',
  'deadline.step.atwRoll': '{{from}} is ' + dayKind + ', dus {{date}} ({{basis}})',
  'deadline.step.noAtwRoll.extended': '{{date}} is ' + dayKind + ', maar een verlengde termijn loopt niet door ({{basis}})',
  'deadline.step.noAtwRoll.longPeriod': '{{date}} is ' + dayKind + ', maar een termijn van deze lengte loopt niet door ({{basis}})',
  'deadline.step.result': 'Beslistermijn: {{date}}',

  'remedy.step.objection': 'Besluit ($t(domain:regime.{{regime}})): bezwaar binnen ' + period + ' ({{basis}})',
  'remedy.step.appeal': 'Besluit op bezwaar ($t(domain:regime.{{regime}})): beroep bij de rechtbank binnen ' + period + ' ({{basis}})',
  'remedy.step.noObjection': 'Tegen een asielbesluit staat geen bezwaar open: beroep rechtstreeks bij de rechtbank ({{basis}})',
  'remedy.step.asylum.general': 'Beslist in de algemene asielprocedure: beroep binnen ' + period + ' ({{basis}})',
  'remedy.step.asylum.extended': 'Niet beslist in de algemene asielprocedure: beroep binnen ' + period + ' ({{basis}})',
  'remedy.step.start': 'De termijn begint op de dag na de brief van {{letterDate}}: {{date}} ({{basis}})',
  'remedy.step.end': 'Hij eindigt ' + period + ' na de datum van de brief, op dezelfde dag van de week: {{date}} ({{basis}})',
  'remedy.step.result.objection': 'Laatste dag om bezwaar te maken: {{date}} ({{basis}})',
  'remedy.step.result.appeal': 'Laatste dag om beroep in te stellen: {{date}} ({{basis}})',

  'penalty.step.none.asylum': 'Geen dwangsom bij asiel ({{basis}})',
  'penalty.step.none.noNotice': 'Geen dwangsom: geen ingebrekestelling ontvangen',
  'penalty.step.none.noticeNotLate':
    'Geen dwangsom: de ingebrekestelling van {{noticeReceivedOn}} kwam op of vóór de beslistermijn {{deadline}}',
  'penalty.step.firstDay':
    'Ingebrekestelling ontvangen op {{noticeReceivedOn}} + ' + countOf('days', 'graceDays') +
    ' ({{basis}}) = eerste dwangsomdag {{date}}',
  'penalty.step.days.decided': 'Dwangsomdagen {{from}} tot en met {{through}}, de dag vóór het besluit van {{decidedOn}}: ' + dayCount,
  'penalty.step.days.undecided': 'Dwangsomdagen {{from}} tot en met {{through}}, nog niet beslist: ' + dayCount,
  'penalty.step.days.notStarted': 'Geen dwangsomdagen: de eerste dwangsomdag {{from}} is niet bereikt',
  'penalty.step.capped': 'Maximaal ' + countOf('days', 'maximumDays') + ', bereikt op {{date}}',
  'penalty.step.tier': dayCount + ' × ' + euro('rate') + ' = ' + euro('amount'),
  'penalty.step.total': 'Dwangsom: ' + euro('amount') + ' ({{basis}})',

  'priority.band.penalty_accruing': 'Dwangsom loopt',
  'priority.band.notice_of_default': 'Ingebrekestelling ontvangen',
  'priority.band.overdue': 'Termijn verstreken',
  'priority.band.due_within_7_days': 'Binnen 7 dagen',
  'priority.band.due_within_30_days': 'Binnen 30 dagen',
  'priority.band.on_track': 'Op schema',
  'priority.band.decided': 'Beslist',
  'priority.reason.penaltyAccruing': 'Sinds {{firstPenaltyDay}} loopt een dwangsom: ' + dayCount + ', tot nu ' + euro('amount'),
  'priority.reason.penaltyCapped': 'De dwangsom heeft het maximum van ' + euro('amount') + ' bereikt',
  'priority.reason.noticeOfDefault':
    'Ingebrekestelling ontvangen op {{noticeReceivedOn}}: vanaf {{firstPenaltyDay}} loopt een dwangsom, tenzij eerder beslist',
  'priority.reason.noticeOfDefaultAsylum':
    'Ingebrekestelling ontvangen op {{noticeReceivedOn}}: de aanvrager kan nu beroep instellen wegens niet tijdig beslissen',
  'priority.reason.overdue': 'De beslistermijn {{deadline}} is ' + dayCount + ' verstreken',
  'priority.reason.dueWithin7Days': 'Termijn {{deadline}}, over ' + dayCount,
  'priority.reason.dueWithin30Days': 'Termijn {{deadline}}, over ' + dayCount,
  'priority.reason.onTrack': 'Termijn {{deadline}}, over ' + dayCount,
  'priority.reason.vulnerable': 'Kwetsbare aanvrager (alleenstaande minderjarige): hoger binnen de groep',
  'priority.reason.waitingOnApplicant': 'Wacht op de aanvrager (termijn opgeschort): lager binnen de groep',
  'priority.reason.decided': 'Beslist op {{decidedOn}}',

  'error.invalid_date': '{{field}} is geen bestaande datum',
  'error.missing_field': '{{field}} is verplicht',
  'error.unknown_regime': '{{field}} is geen bekend termijnregime',
  'error.unknown_case_type': '{{field}} is geen bekend zaaktype',
  'error.invalid_period': '{{field}} is geen geldige termijn',
  'error.suspension_ends_before_start': '{{field}}: een opschorting kan niet eindigen voordat ze is gevraagd',
  'error.open_suspension_without_as_of': '{{field}}: een lopende opschorting heeft een peildatum nodig',
  'error.missing_contested_decision': '{{field}}: een bezwaar heeft de datum van het bestreden besluit nodig',
  'error.too_many_extensions': '{{field}}: meer verlengingen dan dit regime toestaat',
  'error.extension_too_long': '{{field}}: deze verlenging is langer dan de wet toestaat',
  'error.invalid_input': '{{field}} is niet geldig',
};

/** The domain catalog, i18next namespace `domain`: `{ nl: {...}, en: {...} }`, the same keys in both. */
export const domainMessages: { nl: Record<DomainMessageKey, string>; en: Record<DomainMessageKey, string> } = { nl, en };

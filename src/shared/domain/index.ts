/**
 * The domain engine of Werkbank: statutory decision periods, suspensions, extensions, Atw holidays,
 * late-decision penalties, an explainable priority and the remedy periods of decision letters. Pure
 * TypeScript, shared by the app and the central API, with "today" always an input.
 *
 * Counting convention: a period runs from the day after the start day, so "90 days after receipt"
 * ends on receipt + 90 calendar days; months end on the same day number or the month's last day;
 * suspended days are the distinct calendar days from the day after each request through its end
 * (inclusive); penalty days run from notice + 14 days through the day before the decision (or through
 * asOf, inclusive). docs/domain.md notes the IND's own convention (from the day of receipt or the day after)
 * is not fully confirmed: it is the switch `domainRules.countingConvention` in rules.ts, defaulting to
 * 'day_after_receipt' as above. Every period, limit, holiday and rate lives in that rules table.
 */
export { addPeriod, formatLegalDateLong, type IsoDate, type LegalDateLanguage, type Period } from './dates';
export { atwRollForward, isAtwHoliday } from './holidays';
export { computeDecisionDeadline, type DecisionDeadline, type DecisionDeadlineInput, type Suspension } from './deadline';
export { computePenalty, type Penalty, type PenaltyInput, type PenaltyStatus } from './penalty';
export { computePriority, type PriorityBand, type PriorityCase, type PriorityReason, type PriorityResult } from './priority';
export { DomainError, domainErrorCodes, type DomainErrorCode } from './errors';
export { type ExplanationStep } from './explanation';
export {
  domainRules, isVulnerableCaseType, needsSecondApprover, regimeForCaseType, type CaseType, type FourEyesRule, type DomainRules, type Regime, type Remedy, type RemedyRule,
} from './rules';
export {
  asylumTracks, remedyClauseFacts, remedyPeriod, type AsylumTrack, type RemedyClauseFacts, type RemedyPeriod, type RemedyPeriodInput,
} from './remedies';
export { domainMessages } from './messages';
export * from './evidence';
export { assistEvidence, type AssistantInput, type DocumentText, type EvidenceFinding, type EvidenceSuggestion } from './evidence-assistant';

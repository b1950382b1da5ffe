/**
 * The left pane's data: applicant, sponsor, representative, the request as stated, fee, biometrics
 * appointment, the decision period with the domain engine's explanation, suspensions, extensions,
 * notices of default and the penalty status. Facts a document can prove carry their evidence.
 */
import { Badge, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationValue, ReviewParty } from '../../../shared/contract';
import type { EvidenceField } from '../../../shared/domain';
import { formatCalendarDate, formatInstant } from '../format/dates';
import { formatEuroCents } from '../format/money';
import { toLanguage } from '../i18n';
import { useReview } from './controller';
import { DeadlineSection } from './DeadlineSection';
import { FieldRow } from './FieldRow';
import { Section } from './Section';

/** The request's stated facts, in the order a caseworker reads them. */
const requestFields: readonly { key: string; evidence?: EvidenceField }[] = [
  { key: 'passportNumber', evidence: 'passportNumber' }, { key: 'jobTitle', evidence: 'jobTitle' },
  { key: 'monthlySalaryCents', evidence: 'monthlySalaryCents' }, { key: 'employmentStartDate', evidence: 'employmentStartDate' },
  { key: 'relationship', evidence: 'relationship' }, { key: 'sponsorMonthlyIncomeCents' },
  { key: 'programme', evidence: 'programme' }, { key: 'studyStartDate', evidence: 'studyStartDate' },
];

export function CaseData() {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const { review } = useReview();
  const date = (value: string | null) => (value ? formatCalendarDate(value, language) : null);
  const money = (cents: number | null) => (cents === null ? null
    : formatEuroCents(cents, language));
  const stated = (key: string): ApplicationValue | undefined => review.application[key];
  const shown = (key: string, value: ApplicationValue): ReactNode => {
    if (value === null) return null;
    if (key.endsWith('Cents') && typeof value === 'number') return money(value);
    if (key.endsWith('Date') && typeof value === 'string') return date(value);
    if (key === 'relationship') return t(`review.relationship.${String(value)}`, { defaultValue: String(value) });
    return String(value);
  };
  const applicant = review.parties.find((party) => party.role === 'applicant');
  const others = review.parties.filter((party) => party.role !== 'applicant');

  return (
    <Stack gap={0}>
      <Section title={t('review.sections.applicant')} testId="section-applicant">
        <dl className="review-fields">
          <FieldRow label={t('review.fields.surname')} value={String(stated('surname') ?? applicant?.name ?? '')} field="surname" />
          {stated('givenNames') !== undefined && <FieldRow label={t('review.fields.givenNames')} value={String(stated('givenNames') ?? '')} field="givenNames" />}
          <FieldRow label={t('review.fields.birthDate')} value={date(applicant?.birthDate ?? null)} field="birthDate" />
          {stated('birthPlace') && <FieldRow label={t('review.fields.birthPlace')} value={String(stated('birthPlace'))} field="birthPlace" />}
          <FieldRow label={t('review.fields.nationality')} value={String(stated('nationality') ?? applicant?.nationality ?? '')} field="nationality" />
          <FieldRow label={t('review.fields.vNumber')} value={<span className="tabular">{review.summary.vNumber}</span>} field="vNumber" />
          {applicant?.bsn && <FieldRow label={t('review.fields.bsn')} value={<span className="tabular">{applicant.bsn}</span>} />}
          {applicant?.email && <FieldRow label={t('review.fields.email')} value={applicant.email} />}
          {applicant?.city && <FieldRow label={t('review.fields.city')} value={applicant.city} />}
        </dl>
      </Section>
      {others.map((party) => <PartySection key={party.id} party={party} />)}
      <Section title={t('review.sections.request')} testId="section-request">
        <dl className="review-fields">
          <FieldRow label={t('review.fields.caseType')} value={t(`caseType.${review.summary.caseType}`, { defaultValue: review.summary.caseType })} />
          <FieldRow label={t('review.fields.receivedOn')} value={date(review.summary.receivedOn)} />
          {review.contestedDecisionOn && <FieldRow label={t('review.fields.contestedDecisionOn')} value={date(review.contestedDecisionOn)} />}
          {requestFields.filter(({ key }) => stated(key) !== undefined && stated(key) !== null).map(({ key, evidence }) => (
            <FieldRow key={key} label={t(`review.fields.${key}`)} value={shown(key, stated(key) ?? null)} {...(evidence ? { field: evidence } : {})} />
          ))}
        </dl>
      </Section>
      <Section title={t('review.sections.fee')}>
        <dl className="review-fields">
          <FieldRow label={t('review.fields.feeStatus')} value={
            <Badge size="sm" variant="light" tt="none" color={review.fee.status === 'unpaid' ? 'orange' : 'gray'} c={review.fee.status === 'unpaid' ? '#8a3a00' : 'dark.7'}>
              {t(`review.fee.${review.fee.status}`, { defaultValue: review.fee.status })}
            </Badge>} />
          {review.fee.amountCents !== null && <FieldRow label={t('review.fields.feeAmount')} value={money(review.fee.amountCents)} />}
          {review.fee.paidOn && <FieldRow label={t('review.fields.feePaidOn')} value={date(review.fee.paidOn)} />}
        </dl>
      </Section>
      {review.biometrics && (
        <Section title={t('review.sections.biometrics')}>
          <dl className="review-fields">
            <FieldRow label={t('review.fields.biometricsAt')} value={formatInstant(review.biometrics.at, language)} />
            <FieldRow label={t('review.fields.biometricsLocation')} value={review.biometrics.location} />
          </dl>
        </Section>
      )}
      <DeadlineSection />
    </Stack>
  );
}

function PartySection({ party }: { party: ReviewParty }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  return (
    <Section title={t(`review.sections.${party.role}`)}>
      <dl className="review-fields">
        <FieldRow label={t('review.fields.name')} value={party.name} />
        {party.organisation && party.organisation !== party.name && <FieldRow label={t('review.fields.organisation')} value={party.organisation} />}
        {party.role === 'sponsor' && party.organisation && (
          <FieldRow label={t('review.fields.recognisedSponsor')} value={t(party.recognisedSponsor ? 'review.yes' : 'review.no')} />
        )}
        {party.birthDate && <FieldRow label={t('review.fields.birthDate')} value={formatCalendarDate(party.birthDate, language)} />}
        {party.vNumber && <FieldRow label={t('review.fields.vNumber')} value={<span className="tabular">{party.vNumber}</span>} />}
        {party.city && <FieldRow label={t('review.fields.city')} value={party.city} />}
        {party.email && <FieldRow label={t('review.fields.email')} value={party.email} />}
      </dl>
    </Section>
  );
}

/**
 * The decision period as the domain engine computes it from what the screen shows (queued actions
 * included), each step explained with its legal basis; then suspensions, extensions, notices of
 * default and where the penalty stands.
 */
import { Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { asylumTracks, DomainError, remedyPeriod, type AsylumTrack, type ExplanationStep } from '../../../shared/domain';
import { daysBetween, formatCalendarDate } from '../format/dates';
import { formatEuroCents } from '../format/money';
import { toLanguage } from '../i18n';
import { CloseSuspensionButton } from './CaseActions';
import { useReview } from './controller';
import { caseDeadline } from './deadline';
import { FieldRow } from './FieldRow';
import { Section } from './Section';

/** The steps of an explanation as sentences; dates in the values are shown the user's way. */
function Steps({ steps, testId }: { steps: readonly ExplanationStep[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  return (
    <ol className="review-steps" data-testid={testId}>
      {steps.map((step, index) => {
        const values = Object.fromEntries(Object.entries(step.values).map(([key, value]) =>
          [key, typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatCalendarDate(value, language) : value]));
        return <li key={index}>{t(step.key, { ns: 'domain', ...values })}</li>;
      })}
    </ol>
  );
}

/** A section's rows as a definition list, or "none" when it has none. */
function FieldList<T>({ items, row }: { items: readonly T[]; row: (item: T) => ReactNode }) {
  const { t } = useTranslation();
  return items.length === 0 ? <Text size="sm" c="dimmed">{t('review.none')}</Text> : <dl className="review-fields">{items.map(row)}</dl>;
}

export function DeadlineSection() {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const { review, today } = useReview();
  const computed = caseDeadline(review, today);
  const date = (value: string) => formatCalendarDate(value, language);
  const pending = [...review.suspensions, ...review.extensions, ...review.noticesOfDefault].some((row) => row.pending);

  return (
    <>
      {review.decidedOn && <DecisionSection decidedOn={review.decidedOn} />}
      <Section title={t('review.sections.decisionPeriod')} testId="section-deadline">
        {computed.ok ? (
          <>
            <Group gap="xs" align="baseline">
              <Text fw={700} size="md" className="tabular" data-testid="review-deadline" data-deadline={computed.deadline.deadline}>
                {date(computed.deadline.deadline)}
              </Text>
              {!review.decidedOn && <Text size="sm" c="dark.5">{daysLeft(t, daysBetween(today, computed.deadline.deadline))}</Text>}
              {computed.deadline.suspendedDays > 0 && (
                <Badge size="sm" variant="light" color="orange" c="#8a3a00" tt="none">{t('review.deadline.suspended', { count: computed.deadline.suspendedDays })}</Badge>
              )}
              {pending && <Badge size="sm" variant="outline" color="gray" c="dark.6" tt="none">{t('review.pending')}</Badge>}
            </Group>
            {computed.projected && (
              <Text size="sm" c="#8a3a00" data-testid="review-deadline-projected" data-deadline={computed.projected.deadline}>
                {t('review.deadline.projected', { date: date(computed.projected.deadline) })}
              </Text>
            )}
            <Text size="xs" c="dark.5">{t(`regime.${computed.deadline.regime}`, { ns: 'domain' })} · {t('review.deadline.rules', { version: computed.deadline.rulesVersion })}</Text>
            <Steps steps={computed.deadline.steps} testId="deadline-steps" />
          </>
        ) : (
          <Text size="sm" c="red.9">{t('review.deadline.cannot', { code: computed.code })}</Text>
        )}
      </Section>
      <Section title={t('review.sections.suspensions')} testId="section-suspensions">
        <FieldList items={review.suspensions} row={(suspension) => (
          <FieldRow key={suspension.id} label={t('review.suspension.requested', { date: date(suspension.requestedOn) })} value={
            <span data-testid="suspension">
              {suspension.endedOn ? t('review.suspension.ended', { date: date(suspension.endedOn) }) : t('review.suspension.open', { date: date(suspension.dueOn) })}
              {' · '}{suspension.documents.map((kind) => t(`review.documentKinds.${kind}`, { defaultValue: kind })).join(', ')}
              {suspension.pending && ` · ${t('review.pending')}`}
              {!suspension.endedOn && <> {' '}<CloseSuspensionButton suspensionId={suspension.id} requestedOn={suspension.requestedOn} /></>}
            </span>} />
        )} />
      </Section>
      <Section title={t('review.sections.extensions')}>
        <FieldList items={review.extensions} row={(extension) => (
          <FieldRow key={extension.id} label={date(extension.announcedOn)} value={`${periodText(t, extension.period)} · ${extension.legalGround}${extension.pending ? ` · ${t('review.pending')}` : ''}`} />
        )} />
      </Section>
      <Section title={t('review.sections.notices')}>
        <FieldList items={review.noticesOfDefault} row={(notice) => (
          <FieldRow key={notice.id} label={date(notice.receivedOn)} value={`${t(`review.noticeSource.${notice.source}`, { defaultValue: notice.source })}${notice.pending ? ` · ${t('review.pending')}` : ''}`} />
        )} />
      </Section>
      {computed.ok && (
        <Section title={t('review.sections.penalty')} testId="section-penalty">
          <Group gap="xs">
            <Badge size="sm" variant="light" tt="none" color={computed.penalty.status === 'none' ? 'gray' : 'red'} c={computed.penalty.status === 'none' ? 'dark.7' : 'red.9'}
              data-testid="penalty-status" data-status={computed.penalty.status}>
              {t(`review.penalty.${computed.penalty.status}`)}
            </Badge>
            {computed.penalty.amountCents > 0 && (
              <Text size="sm" fw={600} className="tabular">
                {formatEuroCents(computed.penalty.amountCents, language)}
              </Text>
            )}
          </Group>
          <Steps steps={computed.penalty.steps} testId="penalty-steps" />
        </Section>
      )}
    </>
  );
}

function daysLeft(t: (key: string, options?: Record<string, unknown>) => string, days: number | null): string {
  if (days === null) return '';
  if (days < 0) return t('queue.overdue', { count: -days });
  if (days === 0) return t('queue.dueToday');
  return t('queue.daysLeft', { count: days });
}

function periodText(t: (key: string, options?: Record<string, unknown>) => string, period: Record<string, number | undefined>): string {
  return Object.entries(period).filter(([, amount]) => amount !== undefined)
    .map(([unit, amount]) => t(`unit.${unit}`, { ns: 'domain', count: amount })).join(' + ');
}

/** The deadline in the case header: the date and days left, the projected date while suspended. */
export function DeadlineChip() {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const { review, today } = useReview();
  const computed = caseDeadline(review, today);
  if (!computed.ok) return null;
  const shown = computed.projected ?? computed.deadline;
  const days = daysBetween(today, shown.deadline);
  const late = days !== null && days < 0 && !review.decidedOn;
  return (
    <Text size="sm" fw={600} c={late ? 'red.9' : 'dark.7'} className="tabular nowrap" data-testid="header-deadline">
      {t('review.deadline.header', { date: formatCalendarDate(shown.deadline, language) })}
      {/* Days left mean nothing once decided. */}
      {review.decidedOn ? '' : ` · ${daysLeft(t, days)}`}
    </Text>
  );
}

/**
 * The decision once it is taken: its outcome and date, and the remedy against it with its last
 * day from the domain engine (remedyPeriod), the way the sent letter states it.
 */
function DecisionSection({ decidedOn }: { decidedOn: string }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const { review } = useReview();
  const track = review.application['asylumTrack'];
  let remedy: ReturnType<typeof remedyPeriod> | null = null;
  try {
    remedy = remedyPeriod({
      caseType: review.summary.caseType, letterDate: decidedOn,
      ...((asylumTracks as readonly unknown[]).includes(track) ? { asylumTrack: track as AsylumTrack } : {}),
    });
  } catch (error) {
    // An asylum case without its track has no period to state; the letter says it, the screen does not guess.
    if (!(error instanceof DomainError)) throw error;
  }
  return (
    <Section title={t('review.sections.decision')} testId="section-decision">
      <Text size="sm" data-testid="review-decision" data-decision={review.decision ?? ''}>
        {t(`review.decision.outcome.${review.decision ?? 'unknown'}`, { defaultValue: review.decision ?? '' })} · {t('review.decision.on', { date: formatCalendarDate(decidedOn, language) })}
      </Text>
      {remedy && (
        <>
          <Text size="sm" fw={700} data-testid="review-remedy" data-last-day={remedy.lastDay}>
            {t(`review.decision.remedy.${remedy.remedy}`, { date: formatCalendarDate(remedy.lastDay, language), weeks: remedy.period.weeks })}
          </Text>
          <Steps steps={remedy.explanation} testId="remedy-steps" />
        </>
      )}
    </Section>
  );
}

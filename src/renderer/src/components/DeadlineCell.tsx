/**
 * A deadline with the days left, coloured by urgency. The colour is never the only signal: the text
 * says "3 dagen over termijn".
 */
import { Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/contract';
import { formatCalendarDate } from '../format/dates';
import { toLanguage } from '../i18n';
import { deadlineState, type DeadlineState } from '../state/caseFigures';

/** How urgent a deadline's remark reads: overdue or today, within the week, or later. */
export type DeadlineTone = 'overdue' | 'soon' | 'later';

/** The words under a deadline ("3 dagen over termijn", "nog 5 dagen") and their tone; null when there are none. */
export function deadlineRemark(state: DeadlineState, t: TFunction): { text: string; tone: DeadlineTone } | null {
  switch (state.kind) {
    case 'overdue':
      return { text: t('queue.overdue', { count: state.days }), tone: 'overdue' };
    case 'today':
      return { text: t('queue.dueToday'), tone: 'overdue' };
    case 'soon':
      return { text: t('queue.daysLeft', { count: state.days }), tone: 'soon' };
    case 'later':
      return { text: t('queue.daysLeft', { count: state.days }), tone: 'later' };
    default:
      return null;
  }
}

const toneLooks: Record<DeadlineTone, { colour: string; weight: number }> = {
  overdue: { colour: 'red.9', weight: 700 },
  soon: { colour: '#8a3a00', weight: 600 },
  later: { colour: 'dimmed', weight: 400 },
};

export function DeadlineCell({ item, today }: { item: Pick<CaseSummary, 'status' | 'deadline'>; today: string }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  if (item.deadline === null) return <Text size="sm" c="dimmed">{t('queue.noDeadline')}</Text>;
  const state = deadlineState(item, today);
  const remark = deadlineRemark(state, t);
  const look = remark ? toneLooks[remark.tone] : null;
  return (
    <Stack gap={0} data-deadline-state={state.kind}>
      <Text size="sm" className="tabular">{formatCalendarDate(item.deadline, language)}</Text>
      {remark && look && <Text size="xs" c={look.colour} fw={look.weight} className="tabular">{remark.text}</Text>}
    </Stack>
  );
}

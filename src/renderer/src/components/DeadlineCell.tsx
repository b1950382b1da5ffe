/**
 * A deadline with the days left, coloured by urgency. The colour is never the only signal: the text
 * says "3 dagen over termijn".
 */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/contract';
import { formatCalendarDate } from '../format/dates';
import { toLanguage } from '../i18n';
import { deadlineState } from '../state/caseFigures';

export function DeadlineCell({ item, today }: { item: Pick<CaseSummary, 'status' | 'deadline'>; today: string }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  if (item.deadline === null) return <Text size="sm" c="dimmed">{t('queue.noDeadline')}</Text>;
  const state = deadlineState(item, today);
  let remark: { text: string; colour: string; weight: number } | null;
  switch (state.kind) {
    case 'overdue':
      remark = { text: t('queue.overdue', { count: state.days }), colour: 'red.9', weight: 700 };
      break;
    case 'today':
      remark = { text: t('queue.dueToday'), colour: 'red.9', weight: 700 };
      break;
    case 'soon':
      remark = { text: t('queue.daysLeft', { count: state.days }), colour: '#8a3a00', weight: 600 };
      break;
    case 'later':
      remark = { text: t('queue.daysLeft', { count: state.days }), colour: 'dimmed', weight: 400 };
      break;
    default:
      remark = null;
  }
  return (
    <Stack gap={0} data-deadline-state={state.kind}>
      <Text size="sm" className="tabular">{formatCalendarDate(item.deadline, language)}</Text>
      {remark && <Text size="xs" c={remark.colour} fw={remark.weight} className="tabular">{remark.text}</Text>}
    </Stack>
  );
}

/**
 * A small, honest summary of every case in scope: open, overdue, due within seven days, without a
 * deadline, and counts per status, counted by the host (dashboard.summary) over the whole cache.
 */
import { Center, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { caseStatus } from '../../../shared/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { StatusBadge } from '../components/StatusBadge';
import { formatCalendarDate } from '../format/dates';
import { toLanguage } from '../i18n';
import { useApi } from '../state/api';
import { useHostQuery } from '../state/useHostQuery';

function Figure({ label, hint, value, testId, alarm }: { label: string; hint: string; value: number; testId: string; alarm?: boolean }) {
  return (
    <Paper withBorder p="md" radius="sm" data-testid={testId}>
      <Text size="sm" fw={600}>{label}</Text>
      <Text fz={32} fw={700} lh={1.2} className="tabular" c={alarm && value > 0 ? 'red.9' : undefined}>{value}</Text>
      <Text size="xs" c="dimmed">{hint}</Text>
    </Paper>
  );
}

export function DashboardScreen({ today }: { today: string }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const api = useApi();
  const summary = useHostQuery(() => api.dashboard.summary({ today }), { key: [today], events: { 'cases.changed': true } });
  const figures = summary.data;

  let body;
  if (summary.status === 'loading') {
    body = <Center py="xl" role="status"><Loader size="sm" aria-hidden /><Text size="sm" ml="sm">{t('queue.loading')}</Text></Center>;
  } else if (!figures) {
    body = <ErrorNotice title={t('queue.errorTitle')} code={summary.errorCode ?? 'unknown'} onRetry={summary.reload} />;
  } else if (figures.total === 0) {
    body = <Text size="sm">{t('dashboard.empty')}</Text>;
  } else {
    body = (
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
          <Figure testId="figure-open" label={t('dashboard.open')} hint={t('dashboard.openHint')} value={figures.open} />
          <Figure testId="figure-overdue" label={t('dashboard.overdue')} hint={t('dashboard.overdueHint')} value={figures.overdue} alarm />
          <Figure testId="figure-due-soon" label={t('dashboard.dueSoon')} hint={t('dashboard.dueSoonHint')} value={figures.dueSoon} />
          <Figure testId="figure-no-deadline" label={t('dashboard.noDeadline')} hint={t('dashboard.noDeadlineHint')} value={figures.withoutDeadline} />
        </SimpleGrid>
        <Stack gap="xs" maw={480}>
          <Title order={2} size="h4" id="status-counts-title">{t('dashboard.byStatus')}</Title>
          <Table aria-labelledby="status-counts-title" verticalSpacing={6} fz="sm" data-testid="status-counts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboard.statusColumn')}</Table.Th>
                <Table.Th scope="col" ta="right">{t('dashboard.countColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {caseStatus.options.map((status) => (
                <Table.Tr key={status} data-status={status}>
                  <Table.Th scope="row" fw={400}><StatusBadge status={status} /></Table.Th>
                  <Table.Td ta="right" className="tabular">{figures.byStatus[status]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('dashboard.total')}</Table.Th>
                <Table.Td ta="right" fw={700} className="tabular">{figures.total}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Stack>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={1} size="h2">{t('dashboard.title')}</Title>
        {figures && (
          <Text size="sm" c="dimmed">{t('dashboard.basis', { date: formatCalendarDate(today, language), count: figures.total })}</Text>
        )}
      </Stack>
      {figures && summary.errorCode && (
        <ErrorNotice title={t('queue.errorTitle')} code={summary.errorCode} onRetry={summary.reload} />
      )}
      {body}
    </Stack>
  );
}

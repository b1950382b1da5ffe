/**
 * The queue (werkvoorraad): the cases of the local cache, most urgent deadline first, as the host
 * orders them. Loading, empty and error states each say what is going on.
 */
import { Box, Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../shared/contract';
import { DeadlineCell } from '../components/DeadlineCell';
import { ErrorNotice } from '../components/ErrorNotice';
import { StatusBadge } from '../components/StatusBadge';
import { formatCalendarDate } from '../format/dates';
import { toLanguage } from '../i18n';
import type { CaseListState } from '../state/data';
import { RowSyncState } from '../sync/RowSyncState';

export interface QueueScreenProps {
  cases: CaseListState & { reload: () => void };
  today: string;
}

function CaseRow({ item, today }: { item: CaseSummary; today: string }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  return (
    <Table.Tr data-testid="case-row" data-case-id={item.id} data-sync-state={item.syncState ?? 'synced'}>
      <Table.Th scope="row" fw={600} className="tabular nowrap">{item.caseNumber}</Table.Th>
      <Table.Td>{item.applicantName}</Table.Td>
      <Table.Td className="tabular nowrap">{item.vNumber}</Table.Td>
      <Table.Td>{t(`caseType.${item.caseType}`, { defaultValue: item.caseType })}</Table.Td>
      <Table.Td className="tabular nowrap">{formatCalendarDate(item.receivedOn, language)}</Table.Td>
      <Table.Td className="nowrap"><DeadlineCell item={item} today={today} /></Table.Td>
      <Table.Td className="nowrap"><StatusBadge status={item.status} /></Table.Td>
      <Table.Td>{item.assignee ?? <Text span size="sm" c="dimmed">{t('queue.unassigned')}</Text>}</Table.Td>
      <Table.Td className="nowrap"><RowSyncState state={item.syncState} /></Table.Td>
    </Table.Tr>
  );
}

function CaseTable({ items, today }: { items: readonly CaseSummary[]; today: string }) {
  const { t } = useTranslation();
  const columns = ['caseNumber', 'applicant', 'vNumber', 'caseType', 'received', 'deadline', 'status', 'assignee'] as const;
  return (
    // Focusable so keyboard users can scroll the table sideways at 200% zoom.
    <Box className="table-scroll" tabIndex={0} role="region" aria-label={t('queue.tableLabel')}>
      <Table data-testid="case-table" striped highlightOnHover verticalSpacing={6} horizontalSpacing="sm" fz="sm" miw={960}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col" className="nowrap">{t(`queue.columns.${column}`)}</Table.Th>
            ))}
            <Table.Th scope="col" className="nowrap">{t('syncUi.row.columnLabel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => <CaseRow key={item.id} item={item} today={today} />)}
        </Table.Tbody>
      </Table>
    </Box>
  );
}

export function QueueScreen({ cases, today }: QueueScreenProps) {
  const { t } = useTranslation();
  const header = (
    <Group justify="space-between" align="flex-end" wrap="wrap">
      <Stack gap={2}>
        <Title order={1} size="h2">{t('queue.title')}</Title>
        {cases.loaded && (
          <Text size="sm" c="dimmed">
            {t('queue.summary', { count: cases.total })}
            {cases.total > cases.items.length && ` ${t('queue.partial', { shown: cases.items.length, total: cases.total })}`}
          </Text>
        )}
      </Stack>
      {cases.loaded && (
        <Button variant="default" size="xs" onClick={cases.reload} loading={cases.reloading}>{t('queue.refresh')}</Button>
      )}
    </Group>
  );

  let body;
  if (cases.status === 'loading') {
    body = (
      <Center py="xl" role="status">
        <Group gap="sm"><Loader size="sm" aria-hidden /><Text size="sm">{t('queue.loading')}</Text></Group>
      </Center>
    );
  } else if (!cases.loaded) {
    body = <ErrorNotice title={t('queue.errorTitle')} code={cases.errorCode ?? 'unknown'} onRetry={cases.reload} />;
  } else if (cases.items.length === 0) {
    body = (
      <Stack align="center" py="xl" gap="xs" data-testid="case-list-empty">
        <Title order={2} size="h4">{t('queue.emptyTitle')}</Title>
        <Text size="sm" c="dimmed" maw={560} ta="center">{t('queue.emptyDescription')}</Text>
      </Stack>
    );
  } else {
    body = <CaseTable items={cases.items} today={today} />;
  }

  return (
    <Stack gap="md">
      {header}
      {cases.loaded && cases.errorCode && (
        <ErrorNotice title={t('queue.errorTitle')} code={cases.errorCode} onRetry={cases.reload} />
      )}
      {body}
    </Stack>
  );
}

/**
 * The reviewer's queue tab: submitted letters someone else drafted, oldest first, each opening its
 * case on the Letters tab. The server decides who may approve; this is what is waiting.
 */
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatInstant } from '../format/dates';
import { useApi } from '../state/api';
import { hashOfLetter } from '../state/hooks';
import { useHostQuery } from '../state/useHostQuery';

export function ApprovalsList() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const query = useHostQuery(() => api.letters.awaitingReview({}), { events: { 'letters.changed': true, 'cases.changed': true } });
  const items = query.data?.items ?? [];
  return (
    <Stack gap="xs" data-testid="approvals">
      {query.errorCode && <ErrorNotice title={t('letters.approvals.loadFailed')} code={query.errorCode} onRetry={query.reload} />}
      {query.status !== 'loading' && items.length === 0 && <Text size="sm" c="dark.6">{t('letters.approvals.none')}</Text>}
      {items.length > 0 && (
        <Table fz="sm" striped highlightOnHover data-testid="approvals-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('letters.approvals.case')}</Table.Th>
              <Table.Th>{t('letters.column.kind')}</Table.Th>
              <Table.Th>{t('letters.approvals.drafter')}</Table.Th>
              <Table.Th>{t('letters.approvals.submittedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.letterId} data-testid="approval-row" data-letter-id={item.letterId}>
                <Table.Td><Anchor href={hashOfLetter(item.caseId, item.letterId)} size="sm">{item.caseNumber}</Anchor></Table.Td>
                <Table.Td>{t(`letters.kind.${item.kind}`, { defaultValue: item.kind })}</Table.Td>
                <Table.Td>{item.drafterName ?? t('letters.unknownPerson')}</Table.Td>
                <Table.Td>{item.submittedAt ? formatInstant(item.submittedAt, i18n.language === 'en' ? 'en' : 'nl') : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

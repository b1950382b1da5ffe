/**
 * The Letters tab of the case screen: the case's letters with their status and sync state, a new
 * letter from the templates that apply, and the open letter's workspace. Reloads when the host
 * says this case's letters changed (a pull, an outbox movement).
 */
import { Button, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, LetterSummary, LetterTemplateInfo } from '../../../shared/contract';
import { letterKind, type LetterKind } from '../../../shared/sync/mutations';
import { ErrorNotice } from '../components/ErrorNotice';
import { useSession } from '../session/useSession';
import { useApi } from '../state/api';
import { letterIdFromHash } from '../state/hooks';
import { useHostQuery } from '../state/useHostQuery';
import { LetterStatusBadge } from './LetterStatusBadge';
import { LetterWorkspace } from './LetterWorkspace';

interface Open {
  letterId: string;
  kind: LetterKind;
  language: Language;
  isNew: boolean;
}

export function LettersPanel({ caseId, today, applicantLanguage }: { caseId: string; today: string; applicantLanguage: Language }) {
  const { t } = useTranslation();
  const api = useApi();
  const role = useSession().info?.user?.role ?? null;
  const letters = useHostQuery(() => api.letters.list({ caseId }), {
    key: [caseId], events: { 'letters.changed': (payload) => payload.caseId === caseId },
  });
  const templates = useHostQuery(() => api.letters.templates({ caseId, today }), { key: [caseId, today] });
  // A letter named in the address (from the approvals tab) opens at once; its kind comes with its detail.
  const [open, setOpen] = useState<Open | null>(() => {
    const letterId = letterIdFromHash(window.location.hash);
    return letterId ? { letterId, kind: 'acknowledgement', language: applicantLanguage, isNew: false } : null;
  });
  const detail = useHostQuery(() => (open && !open.isNew ? api.letters.get({ letterId: open.letterId }) : Promise.resolve(null)), {
    key: [open?.letterId ?? null, open?.isNew ?? false], events: { 'letters.changed': (payload) => payload.caseId === caseId },
  });

  const kindOf = (kind: string): LetterKind | null => (letterKind.safeParse(kind).success ? kind as LetterKind : null);
  const start = (template: LetterTemplateInfo) => setOpen({ letterId: crypto.randomUUID(), kind: template.kind, language: template.language, isNew: true });
  // The applicant's language first; the Dutch text where theirs has none.
  const offered = (templates.data?.items ?? []).filter((template) =>
    template.language === applicantLanguage || !(templates.data?.items ?? []).some((other) => other.kind === template.kind && other.language === applicantLanguage));

  const row = (letter: LetterSummary) => {
    const kind = kindOf(letter.kind);
    return (
      <Table.Tr key={letter.id} data-testid="letter-row" data-letter-id={letter.id} data-status={letter.status}
        aria-selected={open?.letterId === letter.id}>
        <Table.Td>
          <Button variant="subtle" size="compact-xs" disabled={kind === null} data-testid="letter-open"
            onClick={() => kind && setOpen({ letterId: letter.id, kind, language: applicantLanguage, isNew: false })}>
            {t(`letters.kind.${kind ?? 'unknown'}`)}
          </Button>
        </Table.Td>
        <Table.Td><LetterStatusBadge status={letter.status} /></Table.Td>
        <Table.Td><Text size="xs" c="dark.6">{letter.syncState ? t(`syncUi.row.${letter.syncState}`) : t('letters.synced')}</Text></Table.Td>
      </Table.Tr>
    );
  };

  return (
    <Stack gap="xs" p="sm" data-testid="letters-panel">
      <Group justify="space-between">
        <Text fw={700} fz="sm" c="werkbank.8" component="h2" m={0}>{t('letters.title')}</Text>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="xs" leftSection={<IconPlus size={14} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}
              disabled={offered.length === 0} data-testid="letter-new">{t('letters.new')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {offered.map((template) => (
              <Menu.Item key={`${template.kind}-${template.language}`} onClick={() => start(template)} data-testid={`letter-new-${template.kind}`}>
                {t(`letters.kind.${template.kind}`)}{template.language === 'en' ? ' (English)' : ''}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      {letters.errorCode && <ErrorNotice title={t('letters.loadFailed')} code={letters.errorCode} onRetry={letters.reload} />}
      {letters.data && letters.data.items.length === 0 && !open && <Text size="sm" c="dark.6">{t('letters.none')}</Text>}
      {letters.data && letters.data.items.length > 0 && (
        <Table fz="sm" verticalSpacing={2} data-testid="letters-list">
          <Table.Thead>
            <Table.Tr><Table.Th>{t('letters.column.kind')}</Table.Th><Table.Th>{t('letters.column.status')}</Table.Th><Table.Th>{t('letters.column.sync')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>{letters.data.items.map(row)}</Table.Tbody>
        </Table>
      )}
      {open && (open.isNew || detail.data) && (
        <LetterWorkspace key={open.letterId} caseId={caseId} letterId={open.letterId} detail={open.isNew ? null : detail.data}
          kind={open.isNew ? open.kind : kindOf(detail.data?.summary.kind ?? '') ?? open.kind} language={open.language} today={today} role={role}
          onDone={() => {
            letters.reload();
            detail.reload();
            // After the first save the letter is in the outbox: from now on it is read back like any other.
            if (open.isNew) setOpen({ ...open, isNew: false });
          }} />
      )}
    </Stack>
  );
}

/**
 * The conflicts inbox (issue 5): each edit of mine the server refused because someone else changed
 * the same field first. Per conflict the case, the action, and per field my value beside the
 * server's, with "keep mine" (sent again) and "keep theirs" (mine dropped). Resolved conflicts leave
 * the list; an empty inbox says that all is well.
 */
import { Alert, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictItem } from '../../../shared/contract';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatInstant } from '../format/dates';
import { toLanguage } from '../i18n';
import { conflictFields, mutationLabelKey, type ConflictValue } from './conflictValues';
import { useConflicts } from './useConflicts';

export interface ConflictsScreenProps {
  /** The signed-in user's id, so my own value reads as "me". */
  userId: string | null;
}

function ValueText({ field, value }: { field: string; value: ConflictValue }) {
  const { t } = useTranslation();
  if (value.kind === 'empty') {
    return <Text span c="dark.4">{t(field === 'assigneeId' ? 'syncUi.conflicts.unassigned' : 'syncUi.conflicts.empty')}</Text>;
  }
  if (value.kind === 'me') return <>{t('syncUi.conflicts.me')}</>;
  if (value.kind === 'someoneElse') {
    return (
      <>
        {t('syncUi.conflicts.someoneElse')}
        <Text span size="xs" c="dark.4" className="tabular" ml={6}>{t('syncUi.conflicts.userId', { id: value.id })}</Text>
      </>
    );
  }
  return <span className="tabular">{value.text}</span>;
}

function ConflictCard({ item, caseNumber, userId, onResolve }: {
  item: ConflictItem;
  caseNumber: string | null;
  userId: string | null;
  onResolve: (keep: 'mine' | 'theirs') => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const [busy, setBusy] = useState<'mine' | 'theirs' | null>(null);
  const [failed, setFailed] = useState(false);
  const headingId = `conflict-${item.id}-title`;

  const resolve = (keep: 'mine' | 'theirs'): void => {
    setBusy(keep);
    setFailed(false);
    onResolve(keep).catch(() => {
      setBusy(null);
      setFailed(true);
    });
  };

  return (
    <Card withBorder padding="md" radius="sm" component="article" aria-labelledby={headingId} data-testid="conflict" data-conflict-id={item.id}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id={headingId}>
            {caseNumber ? t('syncUi.conflicts.case', { caseNumber }) : t('syncUi.conflicts.caseUnknown')}
          </Title>
          <Text size="sm">{t('syncUi.conflicts.action', { action: t(mutationLabelKey(item.name), { defaultValue: item.name }) })}</Text>
          <Text size="xs" c="dark.4">{t('syncUi.conflicts.createdAt', { moment: formatInstant(item.createdAt, language) })}</Text>
        </Stack>
        {conflictFields(item, language, userId).map((view) => (
          <Stack key={view.field} gap={4} data-testid="conflict-field" data-field={view.field}>
            <Text size="sm" fw={600}>
              {t('syncUi.conflicts.field', { field: t(`syncUi.fields.${view.field}`, { defaultValue: view.field }) })}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Card withBorder padding="xs" radius="sm" bg="werkbank.0" data-testid="conflict-mine">
                <Text size="xs" fw={600} c="dark.6">{t('syncUi.conflicts.mine')}</Text>
                <Text size="sm"><ValueText field={view.field} value={view.mine} /></Text>
              </Card>
              <Card withBorder padding="xs" radius="sm" bg="gray.0" data-testid="conflict-theirs">
                <Text size="xs" fw={600} c="dark.6">{t('syncUi.conflicts.theirs')}</Text>
                <Text size="sm"><ValueText field={view.field} value={view.theirs} /></Text>
              </Card>
            </SimpleGrid>
          </Stack>
        ))}
        {failed && (
          <Alert color="red" variant="light" role="alert" data-testid="conflict-error">
            <Text size="sm" c="dark.9">{t('syncUi.conflicts.resolveFailed')}</Text>
          </Alert>
        )}
        <Group gap="sm">
          <Button size="xs" variant="filled" onClick={() => resolve('mine')} loading={busy === 'mine'} disabled={busy !== null} data-testid="keep-mine">
            {t('syncUi.conflicts.keepMine')}
          </Button>
          <Button size="xs" variant="default" onClick={() => resolve('theirs')} loading={busy === 'theirs'} disabled={busy !== null} data-testid="keep-theirs">
            {t('syncUi.conflicts.keepTheirs')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function ConflictsScreen({ userId }: ConflictsScreenProps) {
  const { t } = useTranslation();
  const conflicts = useConflicts();

  let body;
  if (conflicts.status === 'loading') {
    body = (
      <Center py="xl" role="status">
        <Group gap="sm"><Loader size="sm" aria-hidden /><Text size="sm">{t('syncUi.conflicts.loading')}</Text></Group>
      </Center>
    );
  } else if (conflicts.status === 'error') {
    body = <ErrorNotice title={t('syncUi.conflicts.errorTitle')} code={conflicts.errorCode ?? 'unknown'} onRetry={conflicts.reload} />;
  } else if (conflicts.items.length === 0) {
    body = (
      <Stack align="center" py="xl" gap="xs" data-testid="conflicts-empty">
        <Title order={2} size="h4">{t('syncUi.conflicts.emptyTitle')}</Title>
        <Text size="sm" c="dark.4" maw={560} ta="center">{t('syncUi.conflicts.emptyDescription')}</Text>
      </Stack>
    );
  } else {
    body = (
      <Stack gap="md" data-testid="conflict-list">
        {conflicts.items.map((item) => (
          <ConflictCard
            key={item.id}
            item={item}
            caseNumber={item.caseNumber ?? null}
            userId={userId}
            onResolve={(keep) => conflicts.resolve(item.id, keep)}
          />
        ))}
      </Stack>
    );
  }

  return (
    <Stack gap="md" data-testid="conflicts-screen">
      <Stack gap={2}>
        <Title order={1} size="h2">{t('syncUi.conflicts.title')}</Title>
        <Text size="sm" c="dark.4" maw={720}>{t('syncUi.conflicts.intro')}</Text>
      </Stack>
      {conflicts.status === 'ready' && conflicts.errorCode && (
        <ErrorNotice title={t('syncUi.conflicts.errorTitle')} code={conflicts.errorCode} onRetry={conflicts.reload} />
      )}
      {body}
    </Stack>
  );
}

/**
 * The sync state, visible at all times (ARCHITECTURE.md): online / offline / syncing / error, how
 * many changes wait to be sent, and when the last sync was. Details in a tooltip that also opens on
 * keyboard focus.
 */
import { Box, Group, Loader, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract';
import { formatInstant, formatRelativeInstant } from '../format/dates';
import { toLanguage } from '../i18n';
import { useNow } from '../state/hooks';

const dotColours: Record<SyncStatus['state'], string> = {
  online: 'var(--mantine-color-teal-8)',
  offline: 'var(--mantine-color-gray-7)',
  syncing: 'var(--mantine-color-werkbank-7)',
  error: 'var(--mantine-color-red-9)',
};

function StateDot({ state }: { state: SyncStatus['state'] | 'unknown' }) {
  if (state === 'syncing') return <Loader size={10} color="werkbank.7" aria-hidden />;
  const colour = state === 'unknown' ? 'var(--mantine-color-gray-5)' : dotColours[state];
  return <Box aria-hidden w={10} h={10} style={{ borderRadius: '50%', background: colour, flex: 'none' }} />;
}

export function SyncIndicator({ status }: { status: SyncStatus | null }) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const now = useNow(30_000);

  const stateLabel = status ? t(`sync.state.${status.state}`) : t('sync.unknown');
  const lastSync = status?.lastSyncAt
    ? t('sync.lastSync', { moment: formatRelativeInstant(status.lastSyncAt, now, language) })
    : t('sync.never');

  const details = status ? (
    <Stack gap={4} maw={320}>
      <Text size="sm" fw={600}>{t('sync.stateLabel', { state: stateLabel })}</Text>
      <Text size="sm">{t(`sync.explain.${status.state}`)}</Text>
      <Text size="sm">{t('sync.pending', { count: status.pending })}</Text>
      {status.conflicts > 0 && <Text size="sm">{t('sync.conflicts', { count: status.conflicts })}</Text>}
      <Text size="sm">
        {status.lastSyncAt ? t('sync.lastSyncExact', { moment: formatInstant(status.lastSyncAt, language) }) : t('sync.never')}
      </Text>
    </Stack>
  ) : (
    <Text size="sm">{t('sync.unknown')}</Text>
  );

  return (
    <Box role="status" data-testid="sync-indicator" data-state={status?.state ?? 'unknown'} data-pending={status?.pending ?? 0}>
      <Tooltip label={details} multiline withArrow position="bottom-end" events={{ hover: true, focus: true, touch: true }}>
        <UnstyledButton type="button" px="xs" py={4} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
          <Group gap={8} wrap="nowrap">
            <StateDot state={status?.state ?? 'unknown'} />
            <Text size="sm" fw={600}>{stateLabel}</Text>
            {status && status.pending > 0 && (
              <Text size="sm" c="dimmed" visibleFrom="sm">· {t('sync.pending', { count: status.pending })}</Text>
            )}
            {status && status.conflicts > 0 && (
              <Text size="sm" c="red.9" fw={600}>· {t('sync.conflicts', { count: status.conflicts })}</Text>
            )}
            <Text size="sm" c="dimmed" visibleFrom="md">· {lastSync}</Text>
          </Group>
        </UnstyledButton>
      </Tooltip>
    </Box>
  );
}

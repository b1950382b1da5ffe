/**
 * The sync state, visible at all times (docs/architecture.md, "Sync"): online / offline / syncing / error, how
 * many changes wait to be sent, how many are in conflict (a link to the conflicts screen), when the
 * last sync was, a progress bar while the first download runs, and a "sync now" action. Details in
 * a tooltip (including pulled rows the host parked because it could not read them) that also opens on
 * keyboard focus; a failed "sync now" says so in an alert.
 */
import { ActionIcon, Anchor, Box, Group, Loader, Popover, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconArrowsDiff, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/contract';
import { formatInstant, formatRelativeInstant } from '../format/dates';
import { toLanguage } from '../i18n';
import { useApi } from '../state/api';
import { hashOfScreen, useNow } from '../state/hooks';
import '../sync/sync.css';

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

/** An indeterminate bar: the host knows how many rows arrived, not how many will. */
function BootstrapProgress({ received }: { received: number }) {
  const { t } = useTranslation();
  const text = t('syncUi.bootstrap', { count: received });
  return (
    <Group gap={6} wrap="nowrap" data-testid="sync-bootstrap">
      <Box
        role="progressbar"
        aria-label={t('syncUi.bootstrapLabel')}
        aria-valuetext={text}
        className="sync-bootstrap-bar"
        w={72}
        h={6}
      />
      <Text size="xs" c="dimmed" visibleFrom="lg">{text}</Text>
    </Group>
  );
}

export interface SyncIndicatorProps {
  status: SyncStatus | null;
  /** False without a central API (or before sign-in): no "sync now" then. */
  canSync: boolean;
}

export function SyncIndicator({ status, canSync }: SyncIndicatorProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const language = toLanguage(i18n.language);
  const now = useNow(30_000);
  const [running, setRunning] = useState(false);
  const [failed, setFailed] = useState(false);

  const syncNow = (): void => {
    setRunning(true);
    setFailed(false);
    api.sync.now().then(
      () => setRunning(false),
      () => {
        setRunning(false);
        setFailed(true);
      },
    );
  };

  const stateLabel = status ? t(`sync.state.${status.state}`) : t('sync.unknown');
  const lastSync = status?.lastSyncAt
    ? t('sync.lastSync', { moment: formatRelativeInstant(status.lastSyncAt, now, language) })
    : t('sync.never');
  const refused = status?.failed ?? 0;
  const bootstrapping = typeof status?.bootstrapReceived === 'number';

  const details = status ? (
    <Stack gap={4} maw={320}>
      <Text size="sm" fw={600}>{t('sync.stateLabel', { state: stateLabel })}</Text>
      <Text size="sm">{t(`sync.explain.${status.state}`)}</Text>
      {status.needsSignIn === true && <Text size="sm">{t('syncUi.needsSignIn')}</Text>}
      <Text size="sm">{t('sync.pending', { count: status.pending })}</Text>
      {refused > 0 && <Text size="sm">{t('syncUi.failed', { count: refused })}</Text>}
      {(status.parked ?? 0) > 0 && <Text size="sm" data-testid="sync-parked">{t('syncUi.parked', { count: status.parked })}</Text>}
      {status.conflicts > 0 && <Text size="sm">{t('sync.conflicts', { count: status.conflicts })}</Text>}
      <Text size="sm">
        {status.lastSyncAt ? t('sync.lastSyncExact', { moment: formatInstant(status.lastSyncAt, language) }) : t('sync.never')}
      </Text>
    </Stack>
  ) : (
    <Text size="sm">{t('sync.unknown')}</Text>
  );

  return (
    <Group gap={4} wrap="nowrap">
      <Box
        role="status"
        data-testid="sync-indicator"
        data-state={status?.state ?? 'unknown'}
        data-pending={status?.pending ?? 0}
        data-conflicts={status?.conflicts ?? 0}
      >
        <Group gap={4} wrap="nowrap">
          <Tooltip label={details} multiline withArrow position="bottom-end" events={{ hover: true, focus: true, touch: true }}>
            <UnstyledButton type="button" px="xs" py={4} style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
              <Group gap={8} wrap="nowrap">
                <StateDot state={status?.state ?? 'unknown'} />
                <Text size="sm" fw={600}>{stateLabel}</Text>
                {status && status.pending > 0 && (
                  <Text size="sm" c="dimmed" visibleFrom="sm" data-testid="sync-pending">· {t('sync.pending', { count: status.pending })}</Text>
                )}
                {refused > 0 && (
                  <Text size="sm" c="red.9" visibleFrom="sm">· {t('syncUi.failed', { count: refused })}</Text>
                )}
                <Text size="sm" c="dimmed" visibleFrom="md">· {lastSync}</Text>
              </Group>
            </UnstyledButton>
          </Tooltip>
          {bootstrapping && <BootstrapProgress received={status?.bootstrapReceived ?? 0} />}
        </Group>
      </Box>
      {status && status.conflicts > 0 && (
        <Anchor
          href={hashOfScreen('conflicts')}
          size="sm"
          c="red.9"
          fw={600}
          data-testid="sync-conflicts-link"
          px={4}
          // Narrow windows show the icon and the number only; the name stays whole.
          aria-label={t('syncUi.openConflicts', { count: status.conflicts })}
        >
          <Group gap={4} wrap="nowrap" component="span">
            <IconArrowsDiff size={16} aria-hidden />
            <Text span inherit visibleFrom="md">{t('syncUi.openConflicts', { count: status.conflicts })}</Text>
            <Text span inherit hiddenFrom="md">{status.conflicts}</Text>
          </Group>
        </Anchor>
      )}
      {canSync && (
        <Popover opened={failed} onChange={setFailed} position="bottom-end" withArrow>
          <Popover.Target>
            <Tooltip label={t('syncUi.syncNow')} withArrow events={{ hover: true, focus: true, touch: true }}>
              <ActionIcon
                variant="subtle"
                color="gray.8"
                size="md"
                aria-label={t('syncUi.syncNow')}
                onClick={syncNow}
                loading={running || status?.state === 'syncing'}
                loaderProps={{ size: 14 }}
                data-testid="sync-now"
              >
                <IconRefresh size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Popover.Target>
          <Popover.Dropdown maw={320}>
            <Text size="sm" role="alert" data-testid="sync-now-error">{t('syncUi.syncNowFailed')}</Text>
          </Popover.Dropdown>
        </Popover>
      )}
    </Group>
  );
}

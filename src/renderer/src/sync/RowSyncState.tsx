/**
 * A queue row's sync state: an icon per state (clock, upload, warning, two arrows) with a tooltip
 * and an accessible name, so the state is never told by colour alone. Nothing for a synced row.
 */
import { Box, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowsDiff, IconClockHour3, IconCloudUp, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ItemSyncState } from '../../../shared/contract';

const looks: Record<ItemSyncState, { icon: Icon; colour: string }> = {
  queued: { icon: IconClockHour3, colour: 'var(--mantine-color-dark-6)' },
  sent: { icon: IconCloudUp, colour: 'var(--mantine-color-werkbank-8)' },
  failed: { icon: IconAlertTriangle, colour: 'var(--mantine-color-red-9)' },
  conflict: { icon: IconArrowsDiff, colour: 'var(--mantine-color-red-9)' },
};

export function RowSyncState({ state }: { state: ItemSyncState | null | undefined }) {
  const { t } = useTranslation();
  if (!state) return <Box component="span" data-testid="row-sync" data-sync-state="synced" />;
  const { icon: StateIcon, colour } = looks[state];
  const label = t(`syncUi.row.${state}`);
  return (
    <Tooltip label={label} withArrow events={{ hover: true, focus: true, touch: true }}>
      <Box
        component="span"
        role="img"
        aria-label={label}
        tabIndex={0}
        data-testid="row-sync"
        data-sync-state={state}
        style={{ display: 'inline-flex', color: colour, borderRadius: 'var(--mantine-radius-sm)' }}
      >
        <StateIcon size={18} stroke={2} aria-hidden />
      </Box>
    </Tooltip>
  );
}

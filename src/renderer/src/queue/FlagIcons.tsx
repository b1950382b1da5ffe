/**
 * A row's flags as small icons, each with a tooltip and an accessible name: penalty accruing or
 * notice of default, vulnerable applicant, waiting on the applicant, new document, new message.
 * Conflict and not-yet-synced show in the sync column.
 */
import { Group, Tooltip } from '@mantine/core';
import {
  IconAlertOctagon, IconCurrencyEuro, IconFileDownload, IconHeartHandshake, IconHourglass, IconMessage, type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QueueFlag } from '../../../shared/contract';

const looks: Partial<Record<QueueFlag, { icon: Icon; colour: string }>> = {
  penalty: { icon: IconCurrencyEuro, colour: 'var(--mantine-color-red-9)' },
  noticeOfDefault: { icon: IconAlertOctagon, colour: 'var(--mantine-color-red-9)' },
  vulnerable: { icon: IconHeartHandshake, colour: 'var(--mantine-color-grape-9)' },
  waiting: { icon: IconHourglass, colour: 'var(--mantine-color-dark-6)' },
  newDocument: { icon: IconFileDownload, colour: 'var(--mantine-color-werkbank-8)' },
  newMessage: { icon: IconMessage, colour: 'var(--mantine-color-werkbank-8)' },
};

export function FlagIcons({ flags }: { flags: readonly QueueFlag[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" data-testid="row-flags" data-flags={flags.join(' ')}>
      {flags.map((flag) => {
        const look = looks[flag];
        if (!look) return null;
        const label = t(`queue.flags.${flag}`);
        const FlagIcon = look.icon;
        return (
          <Tooltip key={flag} label={label} withArrow events={{ hover: true, focus: true, touch: true }}>
            <span role="img" aria-label={label} tabIndex={-1} style={{ display: 'inline-flex', color: look.colour }}>
              <FlagIcon size={17} stroke={1.8} aria-hidden />
            </span>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/**
 * Where a message is on its way, as a small badge on the message: in the outbox, at the central
 * API, shown in My IND, or failed with its reason (and a retry where one can help).
 */
import { Badge, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconChecks, IconClock, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../shared/contract';

const icons = {
  queued: IconClock, sent: IconCheck, delivered: IconChecks, failed: IconAlertTriangle,
} as const;

/** The failure's text: a known code's own words, the generic ones otherwise. */
export function failureText(t: (key: string, options?: Record<string, unknown>) => string, failure: string | null): string {
  return t(`messages.failure.${failure ?? 'unknown'}`, { defaultValue: t('messages.failure.unknown') });
}

export function MessageStateBadge({ message, onRetry }: { message: MessageView; onRetry: (() => void) | null }) {
  const { t } = useTranslation();
  if (message.state === 'received') return null;
  const Icon = icons[message.state];
  const failed = message.state === 'failed';
  return (
    <Group gap={6} wrap="wrap" data-testid="message-state" data-state={message.state}>
      <Badge size="xs" variant={failed ? 'filled' : 'outline'} color={failed ? 'red.9' : message.state === 'delivered' ? 'teal.9' : 'gray'}
        c={failed ? 'white' : message.state === 'delivered' ? '#0a5c48' : 'dark.6'} tt="none" leftSection={<Icon size={11} aria-hidden />}>
        {t(`messages.state.${message.state}`)}
      </Badge>
      {failed && <Text size="xs" c="red.9" data-testid="message-failure">{failureText(t, message.failure)}</Text>}
      {failed && onRetry && (
        <Button size="compact-xs" variant="light" color="red.9" leftSection={<IconRefresh size={12} aria-hidden />} onClick={onRetry} data-testid="message-retry">
          {t('messages.retry')}
        </Button>
      )}
    </Group>
  );
}

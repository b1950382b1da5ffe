/**
 * The conversations of a case, newest first: with whom, about what, the last words, and what
 * still needs the caseworker (unread messages) or the network (an outbox state).
 */
import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ThreadSummary } from '../../../shared/contract';
import { formatInstant } from '../format/dates';
import { toLanguage } from '../i18n';

export function ThreadList({ threads, openId, onOpen }: { threads: readonly ThreadSummary[]; openId: string | null; onOpen: (threadId: string) => void }) {
  const { t, i18n } = useTranslation();
  const uiLanguage = toLanguage(i18n.language);
  return (
    <Stack gap={2} component="ul" role="list" aria-label={t('messages.threadsLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {threads.map((thread) => {
        const current = thread.id === openId;
        return (
          <li key={thread.id}>
            <UnstyledButton onClick={() => onOpen(thread.id)} aria-current={current ? 'true' : undefined} data-testid="thread-row"
              data-thread-id={thread.id} data-unread={thread.unread} className="message-thread-row" w="100%" px="xs" py={6}
              style={{ borderRadius: 4, background: current ? 'var(--mantine-color-werkbank-0, #e7f0fa)' : undefined, borderLeft: current ? '3px solid var(--mantine-color-werkbank-7, #1c4f82)' : '3px solid transparent' }}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={thread.unread > 0 ? 700 : 500} lineClamp={1}>{thread.subject}</Text>
                <Group gap={4} wrap="nowrap">
                  {thread.outboxState && (
                    <Badge size="xs" variant="outline" color={thread.outboxState === 'failed' ? 'red.9' : 'gray'} c={thread.outboxState === 'failed' ? 'red.9' : 'dark.6'} tt="none">
                      {t(`messages.state.${thread.outboxState}`)}
                    </Badge>
                  )}
                  {thread.unread > 0 && (
                    <Badge size="sm" color="red.9" circle aria-label={t('messages.unreadCount', { count: thread.unread })} data-testid="thread-unread">{thread.unread}</Badge>
                  )}
                </Group>
              </Group>
              <Text size="xs" c="dark.6" lineClamp={1}>
                {t(`messages.counterpart.${thread.counterpart}`)}{thread.counterpartName ? ` · ${thread.counterpartName}` : ''} · {formatInstant(thread.lastMessageAt, uiLanguage)}
              </Text>
              <Text size="xs" c="dark.7" lineClamp={1}>{thread.lastMessagePreview}</Text>
            </UnstyledButton>
          </li>
        );
      })}
    </Stack>
  );
}

/**
 * One conversation, oldest first: the counterpart's messages on the left, the IND's on the right,
 * each with its time, author, attachments (opened in the document pane beside it) and the state of
 * its delivery. Opening a thread reads it: one `message.markThreadRead` up to its newest message.
 * Search hits are marked in the text, and the message they are in is scrolled into view.
 */
import { Anchor, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { Fragment, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { mutationCall, type MessageView, type ThreadSummary } from '../../../shared/contract';
import { formatInstant } from '../format/dates';
import { toLanguage } from '../i18n';
import { useApi } from '../state/api';
import { MessageStateBadge } from './MessageState';

/** The text with every occurrence of the query's words marked (case-insensitive prefix matches, as the search finds them). */
export function markWords(text: string, query: string | null): ReactNode {
  const words = (query ?? '').toLowerCase().split(/\s+/).map((word) => word.replace(/[^\p{L}\p{N}]/gu, '')).filter((word) => word.length > 0);
  if (words.length === 0) return text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  const parts: ReactNode[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    parts.push(text.slice(at, start), <mark key={start} className="message-hit">{match[0]}</mark>);
    at = start + match[0].length;
  }
  parts.push(text.slice(at));
  return parts.map((part, index) => <Fragment key={index}>{part}</Fragment>);
}

export interface ThreadViewProps {
  thread: ThreadSummary;
  messages: readonly MessageView[];
  /** The words to mark (a search), and the message to scroll to. */
  highlight: string | null;
  focusMessageId: string | null;
  onOpenDocument: (documentId: string) => void;
}

export function ThreadView({ thread, messages, highlight, focusMessageId, onOpenDocument }: ThreadViewProps) {
  const { t, i18n } = useTranslation();
  const uiLanguage = toLanguage(i18n.language);
  const api = useApi();
  const list = useRef<HTMLDivElement>(null);

  // Read once it is on screen: every inbound message up to the newest shown, in one action.
  const newestUnread = messages.filter((message) => message.direction === 'inbound' && !message.readByMe).at(-1)?.sentAt ?? null;
  useEffect(() => {
    if (newestUnread === null) return;
    void api.sync.mutate(mutationCall('message.markThreadRead', { threadId: thread.id, upTo: newestUnread })).catch(() => undefined);
  }, [api, thread.id, newestUnread]);

  useEffect(() => {
    const target = focusMessageId ? list.current?.querySelector(`[data-message-id="${CSS.escape(focusMessageId)}"]`) : list.current?.lastElementChild;
    target?.scrollIntoView({ block: focusMessageId ? 'center' : 'end' });
  }, [focusMessageId, messages.length]);

  const retry = (message: MessageView): (() => void) | null => {
    // A delivery My IND refused can be offered again; a message the central API refused must be changed first.
    if (!message.retryable) return null;
    return () => void api.sync.mutate(mutationCall('message.retryDelivery', { messageId: message.id })).catch(() => undefined);
  };

  return (
    <Stack gap={6} ref={list} data-testid="thread-messages" role="log" aria-label={t('messages.threadLabel', { subject: thread.subject })}>
      {messages.map((message) => {
        const inbound = message.direction === 'inbound';
        return (
          <Box key={message.id} data-testid="message" data-message-id={message.id} data-direction={message.direction} data-state={message.state}
            style={{ alignSelf: inbound ? 'flex-start' : 'flex-end', maxWidth: '88%' }}>
            <Paper withBorder p="xs" radius="sm"
              style={{ background: inbound ? 'var(--mantine-color-gray-0)' : 'var(--mantine-color-blue-0)', outline: message.id === focusMessageId ? '2px solid var(--mantine-color-yellow-6)' : undefined }}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="xs" fw={700}>
                  {inbound ? (thread.counterpartName ?? t(`messages.counterpart.${thread.counterpart}`)) : (message.authorName ?? t('messages.ind'))}
                  {inbound && !message.readByMe && <Text span size="xs" c="red.9" fw={700}> · {t('messages.new')}</Text>}
                </Text>
                <Text size="xs" c="dark.6" className="nowrap">{formatInstant(message.sentAt, uiLanguage)}</Text>
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{markWords(message.body, highlight)}</Text>
              {message.attachments.length > 0 && (
                <Stack gap={2} mt={4}>
                  {message.attachments.map((attachment) => (
                    <Group key={attachment.documentId} gap={4} wrap="nowrap">
                      <IconPaperclip size={12} aria-hidden />
                      {attachment.title
                        ? <Anchor component="button" type="button" size="xs" onClick={() => onOpenDocument(attachment.documentId)} data-testid="message-attachment">{attachment.title}</Anchor>
                        : <Text size="xs" c="dark.6">{t('messages.attachmentUnknown')}</Text>}
                    </Group>
                  ))}
                </Stack>
              )}
              {inbound && message.readBy.length > 0 && <Text size="xs" c="dark.6" mt={2}>{t('messages.readBy', { names: message.readBy.join(', ') })}</Text>}
            </Paper>
            <Box mt={2} style={{ display: 'flex', justifyContent: inbound ? 'flex-start' : 'flex-end' }}>
              <MessageStateBadge message={message} onRetry={retry(message)} />
            </Box>
          </Box>
        );
      })}
    </Stack>
  );
}

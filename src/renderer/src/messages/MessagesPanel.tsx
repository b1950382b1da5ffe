/**
 * The Messages tab of the case screen: every conversation of the case with its applicant, sponsor
 * and representative, the open one with its messages, a reply or a new conversation, and search
 * over the case's messages. The case's documents stay in the right pane, so an attachment or a
 * question about a document is read beside the answer. Reloads when the host says this case's
 * messages changed (a pull, a reading, an outbox movement).
 */
import { Button, CloseButton, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconMessagePlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../components/ErrorNotice';
import { useReview } from '../review/controller';
import { useApi } from '../state/api';
import { hashOfThread, threadIdFromHash } from '../state/hooks';
import { useHostQuery } from '../state/useHostQuery';
import { Composer } from './Composer';
import { SearchHits } from './SearchHits';
import { messageShortcuts } from './shortcuts';
import { ThreadList } from './ThreadList';
import { ThreadView } from './ThreadView';

export function MessagesPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { review, show } = useReview();
  const changed = { 'messages.changed': (payload: { caseIds: string[] }) => payload.caseIds.length === 0 || payload.caseIds.includes(caseId) };
  const threads = useHostQuery(() => api.messages.threads({ caseId }), { key: [caseId], events: changed });
  const [openId, setOpenId] = useState<string | null>(() => threadIdFromHash(window.location.hash));
  const [composingNew, setComposingNew] = useState(false);
  const [query, setQuery] = useState('');
  const [searched] = useDebouncedValue(query.trim(), 200);
  const [focus, setFocus] = useState<{ messageId: string; query: string } | null>(null);
  // This case's messages, or those of every case in the cache (the caseworker's whole scope).
  const [scope, setScope] = useState<'case' | 'all'>('case');
  const hits = useHostQuery(() => api.messages.search({ query: searched, ...(scope === 'case' ? { caseId } : {}), limit: 50 }), {
    key: [caseId, searched, scope], enabled: searched !== '', events: { 'messages.changed': () => true },
  });
  const thread = useHostQuery(() => (openId ? api.messages.thread({ threadId: openId }) : Promise.resolve(null)), { key: [openId], events: changed });

  const list = threads.data?.threads ?? [];
  const open = (threadId: string) => {
    setOpenId(threadId);
    setComposingNew(false);
  };
  const nextUnread = () => {
    const next = list.find((candidate) => candidate.unread > 0 && candidate.id !== openId) ?? list.find((candidate) => candidate.unread > 0);
    if (next) open(next.id);
  };
  const run: Record<(typeof messageShortcuts)[number]['label'], () => void> = {
    nextUnread,
    // The reply's text field: the composer under the open thread (or the new conversation's).
    reply: () => document.querySelector<HTMLTextAreaElement>('[data-testid="message-composer"] textarea')?.focus(),
  };
  useHotkeys(messageShortcuts.map((shortcut) => [shortcut.hotkey, () => run[shortcut.label]()]));

  const counterparts = threads.data?.counterparts ?? [];
  const shown = thread.data && thread.data.thread.id === openId ? thread.data : null;
  return (
    <Stack gap="xs" p="xs" data-testid="messages-panel">
      <Group justify="space-between" gap="xs">
        <Title order={2} fz="md">{t('messages.title')}</Title>
        <Button size="xs" leftSection={<IconMessagePlus size={14} aria-hidden />} onClick={() => { setComposingNew(true); setOpenId(null); }}
          disabled={counterparts.length === 0} data-testid="message-new">{t('messages.newThread')}</Button>
      </Group>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput size="xs" style={{ flex: 1 }} value={query} onChange={(event) => setQuery(event.currentTarget.value)}
          placeholder={t(scope === 'case' ? 'messages.searchPlaceholder' : 'messages.searchAllPlaceholder')}
          aria-label={t('messages.searchLabel')} leftSection={<IconSearch size={14} aria-hidden />} data-testid="messages-search"
          rightSection={query ? <CloseButton size="xs" aria-label={t('messages.searchClear')} onClick={() => setQuery('')} /> : undefined} />
        <SegmentedControl size="xs" value={scope} onChange={(value) => setScope(value === 'all' ? 'all' : 'case')} aria-label={t('messages.searchScope')}
          data={[{ value: 'case', label: t('messages.scopeCase') }, { value: 'all', label: t('messages.scopeAll') }]} data-testid="messages-search-scope" />
      </Group>
      {threads.errorCode && <ErrorNotice title={t('messages.loadFailed')} code={threads.errorCode} onRetry={threads.reload} />}
      {searched !== '' && hits.data && (
        <SearchHits hits={hits.data.hits} query={searched} showCase={scope === 'all'} onOpen={(hit) => {
          // A hit in another case opens that case on its thread.
          if (hit.caseId !== caseId) {
            window.location.hash = hashOfThread(hit.caseId, hit.threadId);
            return;
          }
          open(hit.threadId);
          setFocus({ messageId: hit.messageId, query: searched });
        }} />
      )}
      {threads.data && list.length === 0 && !composingNew && (
        <Text size="sm" c="dark.6" data-testid="messages-empty">
          {counterparts.length === 0 ? t('messages.emptyNoParties') : t('messages.empty')}
        </Text>
      )}
      {list.length > 0 && <ThreadList threads={list} openId={openId} onOpen={open} />}
      {composingNew && (
        <Composer caseId={caseId} target={{ threadId: null, counterpart: null }} counterparts={counterparts} documents={review.documents}
          onSent={(threadId) => open(threadId)} onCancel={() => setComposingNew(false)} />
      )}
      {shown && (
        <Stack gap="xs" data-testid="thread-open" data-thread-id={shown.thread.id}>
          <Title order={3} fz="sm">{shown.thread.subject}</Title>
          <ThreadView thread={shown.thread} messages={shown.messages} highlight={focus?.query ?? null} focusMessageId={focus?.messageId ?? null}
            onOpenDocument={(documentId) => show({ documentId })} />
          <Composer key={shown.thread.id} caseId={caseId} target={{ threadId: shown.thread.id, counterpart: shown.thread.counterpart }}
            counterparts={counterparts} documents={review.documents} onSent={() => setFocus(null)} />
        </Stack>
      )}
    </Stack>
  );
}

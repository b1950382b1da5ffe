/** Search hits over a case's messages: where each is, with the words found marked in its snippet. */
import { Stack, Text, UnstyledButton } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageSearchHit } from '../../../shared/contract';
import { formatInstant } from '../format/dates';
import { toLanguage } from '../i18n';

function marked(hit: MessageSearchHit) {
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [from, to] of [...hit.marks].sort((left, right) => left[0] - right[0])) {
    if (from < at) continue;
    parts.push({ text: hit.snippet.slice(at, from), mark: false }, { text: hit.snippet.slice(from, to), mark: true });
    at = to;
  }
  parts.push({ text: hit.snippet.slice(at), mark: false });
  return parts.map((part, index) => (part.mark ? <mark key={index} className="message-hit">{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>));
}

export function SearchHits({ hits, query, showCase, onOpen }: { hits: readonly MessageSearchHit[]; query: string; showCase: boolean; onOpen: (hit: MessageSearchHit) => void }) {
  const { t, i18n } = useTranslation();
  const uiLanguage = toLanguage(i18n.language);
  return (
    <Stack gap={2} data-testid="messages-hits" role="region" aria-label={t('messages.hitsLabel', { count: hits.length, query })}>
      <Text size="xs" c="dark.6" role="status">{t('messages.hits', { count: hits.length })}</Text>
      {hits.map((hit) => (
        <UnstyledButton key={hit.messageId} onClick={() => onOpen(hit)} data-testid="message-hit" data-message-id={hit.messageId} px="xs" py={4}
          style={{ borderLeft: '3px solid var(--mantine-color-yellow-6)' }}>
          <Text size="xs" fw={700} lineClamp={1}>{showCase ? `${hit.caseNumber} · ` : ''}{hit.subject} · {formatInstant(hit.sentAt, uiLanguage)}</Text>
          <Text size="xs" lineClamp={2}>{marked(hit)}</Text>
        </UnstyledButton>
      ))}
    </Stack>
  );
}

/**
 * The case's history: events, notes (append-only: they can be added, never changed) and the latest
 * messages, newest first, each with who and when.
 */
import { Badge, Button, Group, Stack, Text, Textarea, Timeline as MantineTimeline } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../format/dates';
import { toLanguage } from '../i18n';
import { Section } from './Section';
import { useReview } from './controller';

type Entry = { id: string; at: string | null; kind: 'event' | 'note' | 'message'; title: string; body: string | null; who: string | null; pending: boolean };

export function Timeline() {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const review = useReview();
  const { people } = review.review;
  const [body, setBody] = useState('');
  const entries: Entry[] = [
    ...review.review.events.map((event): Entry => ({
      id: event.id, at: event.at, kind: 'event', title: t(`review.events.${event.kind.replace(/\./g, '_')}`, { defaultValue: event.kind }),
      body: null, who: event.actorId ? people[event.actorId] ?? null : null, pending: false,
    })),
    ...review.review.notes.map((note): Entry => ({
      id: note.id, at: note.createdAt, kind: 'note', title: t('review.timeline.note'), body: note.body,
      who: note.authorId ? people[note.authorId] ?? null : null, pending: note.pending,
    })),
    ...review.review.messages.map((message): Entry => ({
      id: message.id, at: message.sentAt, kind: 'message',
      title: t(`review.timeline.message_${message.direction}`, { subject: message.subject }), body: message.body, who: null, pending: false,
    })),
  ].sort((left, right) => (right.at ?? '9').localeCompare(left.at ?? '9'));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!body.trim()) return;
    if (await review.mutate('case.addNote', { caseId: review.review.summary.id, noteId: crypto.randomUUID(), body: body.trim() })) setBody('');
  };

  return (
    <Stack gap={0}>
      <Section title={t('review.timeline.addNote')}>
        <form onSubmit={(event) => void submit(event)}>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <Textarea size="xs" style={{ flex: 1 }} autosize minRows={2} maxRows={6} maxLength={10_000} value={body}
              label={t('review.timeline.noteLabel')} description={t('review.timeline.appendOnly')} onChange={(event) => setBody(event.currentTarget.value)} />
            <Button size="xs" type="submit" disabled={!body.trim()} data-testid="add-note">{t('review.timeline.add')}</Button>
          </Group>
        </form>
      </Section>
      <Section title={t('review.timeline.title')} testId="timeline">
        <MantineTimeline bulletSize={12} lineWidth={2} active={-1}>
          {entries.map((entry) => (
            <MantineTimeline.Item key={entry.id} data-testid="timeline-entry" data-kind={entry.kind}
              title={<Group gap={6}><Text size="sm" fw={600}>{entry.title}</Text>{entry.pending && <Badge size="xs" variant="outline" color="gray" c="dark.6" tt="none">{t('review.pending')}</Badge>}</Group>}>
              <Text size="xs" c="dark.5">{[entry.at ? formatInstant(entry.at, language) : null, entry.who].filter(Boolean).join(' · ')}</Text>
              {entry.body && <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>{entry.body}</Text>}
            </MantineTimeline.Item>
          ))}
        </MantineTimeline>
      </Section>
    </Stack>
  );
}

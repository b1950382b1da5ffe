/**
 * Notes on the shown page (document.annotate): listed under the viewer, with a form to add one. A
 * note made while text is selected highlights that text on the page. Saved through the outbox, so
 * notes made offline are kept and synced later.
 */
import { Badge, Box, Button, Group, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReview, useViewerSpot } from './controller';

export function PageNotes() {
  const { t } = useTranslation();
  const review = useReview();
  const { documentId, page, selection } = useViewerSpot();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  if (!documentId) return null;
  const notes = review.review.annotations.filter((note) => note.documentId === documentId);
  const onPage = notes.filter((note) => note.page === page);
  const quote = selection && selection.page === page && selection.text ? selection.text : null;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!body.trim()) return;
    const saved = await review.mutate('document.annotate', {
      annotationId: crypto.randomUUID(), documentId, caseId: review.review.summary.id, page, body: body.trim(),
      ...(quote ? { quote } : {}),
    });
    if (saved) setBody('');
  };

  return (
    <Box px="xs" py={4} style={{ borderTop: '1px solid var(--mantine-color-gray-3)', maxHeight: '40%', overflow: 'auto' }} data-testid="page-notes">
      <Group justify="space-between" gap="xs">
        <UnstyledButton onClick={() => setOpen(!open)} aria-expanded={open} aria-controls="page-notes-body" fz="sm" fw={600}>
          {t('review.notes.title', { page })}{' '}
          <Badge size="sm" variant="light" color="grape" tt="none">{onPage.length}</Badge>
        </UnstyledButton>
        {notes.length > onPage.length && (
          <Text size="xs" c="dark.5">{t('review.notes.elsewhere', { count: notes.length - onPage.length })}</Text>
        )}
      </Group>
      {open && (
        <Stack id="page-notes-body" gap={4} mt={4}>
          {onPage.map((note) => (
            <Box key={note.id} data-testid="page-note" style={{ borderLeft: '3px solid var(--mantine-color-grape-4)', paddingLeft: 8 }}>
              {note.quote && <Text size="xs" c="dark.5" fs="italic">“{note.quote}”</Text>}
              <Text size="sm">{note.body}</Text>
              <Text size="xs" c="dark.5">
                {note.pending ? t('review.pending') : note.authorId ? review.review.people[note.authorId] ?? '' : ''}
              </Text>
            </Box>
          ))}
          <form onSubmit={(event) => void submit(event)}>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <Textarea size="xs" style={{ flex: 1 }} autosize minRows={1} maxRows={4} maxLength={5000} value={body}
                label={quote ? t('review.notes.newWithQuote', { quote: quote.slice(0, 60) }) : t('review.notes.new')}
                onChange={(event) => setBody(event.currentTarget.value)} />
              <Button size="xs" type="submit" disabled={!body.trim()}>{t('review.notes.add')}</Button>
            </Group>
          </form>
        </Stack>
      )}
    </Box>
  );
}

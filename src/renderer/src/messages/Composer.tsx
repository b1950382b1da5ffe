/**
 * Writing a message: to whom (a new conversation names a counterpart and a subject), from a
 * template or from nothing, with documents of the case attached by reference, looked at as the
 * counterpart will see it before it goes. Sending queues `message.send` in the outbox, so it also
 * works on a train; the thread shows it as queued until the central API has it.
 */
import { Alert, Button, Group, MultiSelect, Paper, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconEye, IconPencil, IconSend } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutationCall, type MessageCounterpart, type ReviewDocument } from '../../../shared/contract';
import { messageAttachmentsMax, messageBodyMaxLength, type Counterpart } from '../../../shared/sync/mutations';
import { errorCodeOf, errorMessageKey } from '../errors';
import { useApi } from '../state/api';
import { useHostQuery } from '../state/useHostQuery';

export interface ComposerTarget {
  /** The thread replied to; null for a new conversation. */
  threadId: string | null;
  counterpart: Counterpart | null;
}

export interface ComposerProps {
  caseId: string;
  target: ComposerTarget;
  counterparts: readonly MessageCounterpart[];
  documents: readonly ReviewDocument[];
  onSent: (threadId: string) => void;
  onCancel?: () => void;
}

interface Draft {
  counterpart: Counterpart | null;
  subject: string;
  body: string;
  template: string | null;
  attachments: string[];
}

/**
 * Unsent text per thread (and per case for a new conversation) while the app runs: switching tabs
 * or threads unmounts the composer, and what was typed must be there on return. Kept in memory
 * only, never on disk: a message body is personal data.
 */
const drafts = new Map<string, Draft>();

/** A place in a message template for the caseworker to fill in. */
const placeholder = /\[\[[^\]\n]*\]\]/;

export function Composer({ caseId, target, counterparts, documents, onSent, onCancel }: ComposerProps) {
  const { t } = useTranslation();
  const api = useApi();
  const draftKey = target.threadId ?? `new:${caseId}`;
  const [initial] = useState<Draft>(() => drafts.get(draftKey) ?? {
    counterpart: target.counterpart ?? counterparts[0]?.counterpart ?? null, subject: '', body: '', template: null, attachments: [],
  });
  const [counterpart, setCounterpart] = useState<Counterpart | null>(initial.counterpart);
  const [subject, setSubject] = useState(initial.subject);
  const [body, setBody] = useState(initial.body);
  const [template, setTemplate] = useState<string | null>(initial.template);
  const [attachments, setAttachments] = useState<string[]>(initial.attachments);
  useEffect(() => {
    if (body === '' && subject === '' && attachments.length === 0) drafts.delete(draftKey);
    else drafts.set(draftKey, { counterpart, subject, body, template, attachments });
  }, [draftKey, counterpart, subject, body, template, attachments]);
  const [previewing, setPreviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isNew = target.threadId === null;
  const bodyField = useRef<HTMLTextAreaElement>(null);
  const recipient = counterparts.find((candidate) => candidate.counterpart === counterpart) ?? null;

  const templates = useHostQuery(() => (counterpart ? api.messages.templates({ caseId, counterpart }) : Promise.resolve({ items: [] })), { key: [caseId, counterpart] });

  const applyTemplate = async (templateId: string | null) => {
    setTemplate(templateId);
    setError(null);
    const chosen = templates.data?.items.find((item) => item.id === templateId);
    if (!chosen || !counterpart) return;
    try {
      const composed = await api.messages.compose({ caseId, counterpart, templateId: chosen.id, language: chosen.language });
      setBody(composed.body);
      if (isNew && subject.trim() === '') setSubject(composed.subject);
      // The template's first place to fill in, selected: typing replaces it.
      const marker = placeholder.exec(composed.body);
      if (marker) {
        requestAnimationFrame(() => {
          const field = bodyField.current;
          field?.focus();
          field?.setSelectionRange(marker.index, marker.index + marker[0].length);
        });
      }
    } catch (failure) {
      setError(errorCodeOf(failure) === 'not_found' ? 'messages.templateFacts' : errorMessageKey(failure));
    }
  };

  const tooLong = body.length > messageBodyMaxLength;
  // A template's [[…]] is for the caseworker to fill in: it must never reach the counterpart.
  const unfilled = placeholder.test(body);
  const ready = body.trim() !== '' && !tooLong && !unfilled && counterpart !== null && (!isNew || subject.trim() !== '') && !busy;

  const send = async () => {
    if (!ready || counterpart === null) return;
    setBusy(true);
    setError(null);
    const threadId = target.threadId ?? crypto.randomUUID();
    try {
      await api.sync.mutate(mutationCall('message.send', {
        caseId, threadId, messageId: crypto.randomUUID(), body: body.trim(),
        ...(isNew ? { newThread: { subject: subject.trim(), counterpart } } : {}),
        ...(attachments.length > 0 ? { attachments: attachments.map((documentId) => ({ documentId })) } : {}),
        ...(template ? { template } : {}),
      }));
      setBody('');
      setSubject('');
      setAttachments([]);
      setTemplate(null);
      setPreviewing(false);
      onSent(threadId);
    } catch (failure) {
      // The text stays in the composer: nothing typed is lost when the outbox refuses it.
      setError(errorMessageKey(failure));
    } finally {
      setBusy(false);
    }
  };
  useHotkeys([['mod+Enter', () => void send()]], []);

  const documentOptions = [
    { group: t('messages.attachLetters'), items: documents.filter((document) => document.source === 'letter').map((document) => ({ value: document.id, label: document.title })) },
    { group: t('messages.attachDocuments'), items: documents.filter((document) => document.source !== 'letter').map((document) => ({ value: document.id, label: document.title })) },
  ].filter((group) => group.items.length > 0);
  const attachedTitles = attachments.map((id) => documents.find((document) => document.id === id)?.title ?? id);

  return (
    <Paper withBorder p="xs" radius="sm" component="section" aria-label={t(isNew ? 'messages.newThread' : 'messages.reply')} data-testid="message-composer">
      <Stack gap={6}>
        {isNew && (
          <Group gap="xs" grow align="flex-start">
            <Select size="xs" label={t('messages.to')} data={counterparts.map((item) => ({ value: item.counterpart, label: `${t(`messages.counterpart.${item.counterpart}`)} · ${item.name}` }))}
              value={counterpart} onChange={(value) => setCounterpart(value as Counterpart | null)} allowDeselect={false} data-testid="composer-counterpart" />
            <TextInput size="xs" label={t('messages.subject')} value={subject} maxLength={200} onChange={(event) => setSubject(event.currentTarget.value)} data-testid="composer-subject" />
          </Group>
        )}
        <Select size="xs" label={t('messages.template')} placeholder={t('messages.templateNone')} clearable value={template}
          data={(templates.data?.items ?? []).map((item) => ({ value: item.id, label: `${item.title}${item.language === 'en' ? ' (English)' : ''}` }))}
          onChange={(value) => void applyTemplate(value)} data-testid="composer-template" />
        {previewing ? (
          <Paper withBorder p="xs" bg="gray.0" data-testid="composer-preview">
            <Text size="xs" c="dark.6">{t('messages.previewTo', { name: recipient?.name ?? '' })}</Text>
            {isNew && <Text size="sm" fw={700}>{subject}</Text>}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{body}</Text>
            {attachedTitles.length > 0 && <Text size="xs" mt={4}>{t('messages.attachedList', { titles: attachedTitles.join(', ') })}</Text>}
          </Paper>
        ) : (
          <Textarea ref={bodyField} size="sm" label={t('messages.body')} autosize minRows={4} maxRows={14} value={body}
            onChange={(event) => setBody(event.currentTarget.value)} error={tooLong ? t('messages.tooLong', { max: messageBodyMaxLength }) : undefined}
            description={t('messages.bodyCount', { count: body.length, max: messageBodyMaxLength })} data-testid="composer-body" />
        )}
        {unfilled && <Text size="xs" c="orange.9" data-testid="composer-unfilled">{t('messages.fillMarkers')}</Text>}
        <MultiSelect size="xs" label={t('messages.attachments')} placeholder={t('messages.attachPlaceholder')} data={documentOptions} value={attachments}
          onChange={setAttachments} maxValues={messageAttachmentsMax} searchable clearable data-testid="composer-attachments" />
        {error && <Alert color="red" variant="light" p={6}><Text size="xs">{t(error)}</Text></Alert>}
        <Group justify="flex-end" gap="xs">
          {onCancel && <Button size="xs" variant="subtle" onClick={onCancel}>{t('messages.cancel')}</Button>}
          <Button size="xs" variant="default" leftSection={previewing ? <IconPencil size={14} aria-hidden /> : <IconEye size={14} aria-hidden />}
            onClick={() => setPreviewing(!previewing)} disabled={body.trim() === ''} data-testid="composer-preview-toggle">
            {t(previewing ? 'messages.edit' : 'messages.preview')}
          </Button>
          <Button size="xs" leftSection={<IconSend size={14} aria-hidden />} disabled={!ready} onClick={() => void send()} data-testid="composer-send">
            {t('messages.send')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

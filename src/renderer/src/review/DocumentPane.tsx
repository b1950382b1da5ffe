/**
 * The right pane: the case's documents as tabs, a search across all of them with hit navigation,
 * the sandboxed viewer, and the notes on the shown page. A document that cannot be opened says so
 * in the viewer; the rest of the case stays usable.
 */
import { ActionIcon, Alert, Badge, Box, Group, Tabs, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronUp, IconCloudOff, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessageValues, format } from '../../viewer/protocol';
import { DocumentViewer, type ViewerHighlight } from '../viewer/DocumentViewer';
import { useReview, useViewerSpot } from './controller';
import { PageNotes } from './PageNotes';
import { searchAllDocuments } from './searchAll';
import type { DocumentsState } from './useDocuments';

export interface DocumentPaneProps {
  documents: DocumentsState;
  onPageChange: (page: number, pageCount: number) => void;
  onSelection: (page: number, text: string) => void;
  /** Text the viewer searches within the shown document (a jump to evidence or a hit). */
  find: string;
}

export function DocumentPane({ documents, onPageChange, onSelection, find }: DocumentPaneProps) {
  const { t, i18n } = useTranslation();
  const review = useReview();
  const { documentId, page } = useViewerSpot();
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState<number | null>(null);
  const { documents: caseDocuments } = review.review;
  const hits = useMemo(() => searchAllDocuments(caseDocuments.map((document) => document.id), review.texts, query), [caseDocuments, review.texts, query]);
  const titleOf = (id: string) => review.review.documents.find((document) => document.id === id)?.title ?? '';

  const goToHit = (index: number): void => {
    const hit = hits[index];
    if (!hit) return;
    setCurrent(index);
    review.show({ documentId: hit.documentId, page: hit.page, find: query });
  };
  const step = (direction: 1 | -1): void => {
    if (hits.length === 0) return;
    goToHit(current === null ? (direction === 1 ? 0 : hits.length - 1) : (current + direction + hits.length) % hits.length);
  };

  const highlights: ViewerHighlight[] = [
    ...review.review.evidenceLinks.filter((link) => link.documentId === documentId && link.page && link.quote)
      .map((link) => ({ page: link.page ?? 1, text: link.quote ?? '', kind: 'evidence' as const })),
    ...review.review.annotations.filter((note) => note.documentId === documentId && note.quote)
      .map((note) => ({ page: note.page, text: note.quote ?? '', kind: 'note' as const })),
  ].slice(0, 500);

  if (review.review.documents.length === 0) {
    return <Text p="md" c="dimmed">{t('review.documents.none')}</Text>;
  }
  const shownFailure = documentId ? documents.failures.get(documentId) : undefined;
  const shownRefusal = documentId ? documents.refused.get(documentId) : undefined;

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <Tabs value={documentId} onChange={(value) => value && review.show({ documentId: value })} keepMounted={false}>
        <Tabs.List aria-label={t('review.documents.label')} style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {review.review.documents.map((document) => {
            const failure = documents.failures.get(document.id);
            return (
              <Tabs.Tab key={document.id} value={document.id} data-testid="document-tab" data-document-id={document.id} data-failure={failure}
                leftSection={failure === 'unavailable' ? <IconCloudOff size={14} aria-hidden /> : failure ? <IconAlertTriangle size={14} color="#b02a1e" aria-hidden /> : undefined}
                style={{ whiteSpace: 'nowrap' }}>
                {document.title}
                {failure && <VisuallyHidden> ({t(`review.documents.failure.${failure}`)})</VisuallyHidden>}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </Tabs>
      <Group gap="xs" px="xs" py={4} wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <TextInput
          size="xs" style={{ flex: 1, maxWidth: 320 }} leftSection={<IconSearch size={14} aria-hidden />}
          aria-label={t('review.search.label')} placeholder={t('review.search.placeholder')} value={query}
          data-testid="case-search" id="case-search"
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setCurrent(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              step(event.shiftKey ? -1 : 1);
            }
          }}
        />
        <Tooltip label={t('review.search.previous')}>
          <ActionIcon variant="default" size="md" aria-label={t('review.search.previous')} disabled={hits.length === 0} onClick={() => step(-1)}>
            <IconChevronUp size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('review.search.next')}>
          <ActionIcon variant="default" size="md" aria-label={t('review.search.next')} disabled={hits.length === 0} onClick={() => step(1)}>
            <IconChevronDown size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Text size="xs" c="dark.5" role="status" aria-live="polite" data-testid="case-search-status" className="nowrap">
          {query.trim().length < 2 ? '' : hits.length === 0 ? t('review.search.none')
            : t('review.search.hits', { current: (current ?? -1) + 1, total: hits.length, documents: new Set(hits.map((hit) => hit.documentId)).size })}
        </Text>
        {review.reading > 0 && <Badge variant="light" color="gray" size="sm" tt="none">{t('review.documents.reading', { count: review.reading })}</Badge>}
      </Group>
      {current !== null && hits[current] && (
        <Text size="xs" px="xs" py={2} c="dark.6" data-testid="case-search-hit">
          {t('review.search.where', { title: titleOf(hits[current].documentId), page: hits[current].page })}: …{hits[current].snippet[0]}<mark>{hits[current].snippet[1]}</mark>{hits[current].snippet[2]}…
        </Text>
      )}
      {shownRefusal ? (
        // Refused from its size before fetching: the frame never gets it, so the pane says what the frame would.
        <Alert m="md" color="red" title={t('viewer.errorTitle')} icon={<IconAlertTriangle aria-hidden />} data-testid="document-refused">
          {format(t(`viewer.error_${shownRefusal}`), errorMessageValues(i18n.language))}
        </Alert>
      ) : shownFailure === 'unavailable' ? (
        <Alert m="md" color="orange" title={t('review.documents.unavailableTitle')} icon={<IconCloudOff aria-hidden />}>
          {t('review.documents.unavailable')}
        </Alert>
      ) : (
        <Box style={{ flex: 1, minHeight: 0 }}>
          <DocumentViewer
            bytes={documents.bytes}
            {...(documentId ? { documentKey: documentId } : {})}
            page={page}
            searchQuery={find}
            highlights={highlights}
            textRequest={documents.textRequest}
            prepare={documents.prepare}
            onText={documents.onText}
            onError={documents.onViewerError}
            onPageChange={onPageChange}
            onViewChange={documents.onShown}
            onSelection={onSelection}
            title={t('review.documents.viewerTitle', { title: documentId ? titleOf(documentId) : '' })}
          />
        </Box>
      )}
      {/* Notes belong to a page that is shown: none for a document that could not be opened. */}
      {!shownFailure && <PageNotes />}
    </Box>
  );
}

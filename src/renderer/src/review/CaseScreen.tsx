/**
 * The case screen (issue 8): the application data beside the applicant's PDFs in a resizable split,
 * evidence linking with the required-evidence checklist and the assistant, the timeline, and the
 * case actions. Reached at '#/case/<caseId>'; "back to queue" goes to '#/queue'.
 */
import { Alert, Badge, Button, Group, Loader, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutationCall } from '../../../shared/contract';
import {
  assistEvidence, checklistFor, requirementForKind, type EvidenceField,
} from '../../../shared/domain';
import { ErrorNotice } from '../components/ErrorNotice';
import { LetterPreviewPane } from '../letters/LetterPreviewPane';
import { LettersPanel } from '../letters/LettersPanel';
import { MessagesPanel } from '../messages/MessagesPanel';
import { useCaseUnread } from '../messages/useUnread';
import { LetterPreviewContext, type ShownLetter } from '../letters/preview';
import { StatusBadge } from '../components/StatusBadge';
import { errorMessageKey } from '../errors';
import { useApi } from '../state/api';
import { hashOfCase, hashOfScreen, letterIdFromHash, threadIdFromHash } from '../state/hooks';
import { neighbourOf } from '../state/queueOrder';
import { CaseActions } from './CaseActions';
import { CaseData } from './CaseData';
import {
  ReviewContext, useReview, ViewerSpotContext, type EvidenceSpot, type ReviewController, type ViewerSpot,
} from './controller';
import { DeadlineChip } from './DeadlineSection';
import { DocumentPane } from './DocumentPane';
import { EvidencePanel } from './EvidencePanel';
import { ShortcutLegend, useReviewShortcuts } from './shortcuts';
import { SplitView } from './SplitView';
import { Timeline } from './Timeline';
import { useDocuments } from './useDocuments';
import { useReviewCase } from './useReviewCase';

/** Memoised: the app shell renders again on every sync event, which leaves the case screen as it is. */
export const CaseScreen = memo(function CaseScreen({ caseId, today }: { caseId: string; today: string }) {
  const { t } = useTranslation();
  const { review, errorCode, reload } = useReviewCase(caseId, today);
  if (!review) {
    return errorCode
      ? <ErrorNotice title={t('review.loadFailed')} code={errorCode} onRetry={reload} />
      : <Group p="md" gap="xs"><Loader size="sm" /><Text size="sm">{t('review.loading')}</Text></Group>;
  }
  return <LoadedCase review={review} today={today} reload={reload} />;
});

function LoadedCase({ review, today, reload }: { review: NonNullable<ReturnType<typeof useReviewCase>['review']>; today: string; reload: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [chosenId, setDocumentId] = useState<string | null>(null);
  // The first document until the person picks one (also when the case's documents arrive later with a sync).
  const documentId = chosenId ?? review.documents[0]?.id ?? null;
  const [page, setPage] = useState(1);
  const [pageCount, setPageCount] = useState(1);
  const [find, setFind] = useState('');
  const [selection, setSelection] = useState<{ page: number; text: string } | null>(null);
  const [selectedField, selectField] = useState<EvidenceField | null>(null);
  const [tab, setTab] = useState<string | null>(() => (letterIdFromHash(window.location.hash) ? 'letters' : threadIdFromHash(window.location.hash) ? 'messages' : 'data'));
  const [shownLetter, setShownLetter] = useState<ShownLetter | null>(null);
  const [legend, setLegend] = useState(false);
  // Once for the header's chip and the Messages tab's badge.
  const unread = useCaseUnread(review.summary.id);
  const documents = useDocuments(api, review.documents, documentId);
  const checklist = useMemo(() => checklistFor(review.summary.caseType, review.summary.receivedOn), [review.summary.caseType, review.summary.receivedOn]);

  // The assistant reads every page of every document: run it only when what it reads changed, not
  // on every reload of the case (a note or a sync answer leaves its input as it was).
  const applicant = review.parties.find((party) => party.role === 'applicant');
  const assistantKey = JSON.stringify([review.summary.caseType, review.summary.receivedOn, review.summary.vNumber, applicant?.birthDate,
    review.application, review.documents.map((document) => [document.id, document.kind])]);
  const assistant = useMemo(() => {
    const [caseType, receivedOn, vNumber, birthDate, stated, kinds] = JSON.parse(assistantKey) as
      [string, string, string, string | null | undefined, Record<string, string | number | boolean | null>, [string, string][]];
    return assistEvidence({
      caseType, receivedOn, application: { vNumber, birthDate: birthDate ?? null, ...stated },
      documents: kinds.flatMap(([id, kind]) => {
        const pages = documents.texts.get(id);
        return pages ? [{ documentId: id, kind, pages }] : [];
      }),
    });
  }, [assistantKey, documents.texts]);

  const spot: ViewerSpot = useMemo(() => ({ documentId, page, selection }), [documentId, page, selection]);
  // The actions read where the viewer is when they run, so they stay the same functions from one
  // document to the next and the panes that only use them do not render again.
  const spotNow = useRef(spot);
  useLayoutEffect(() => {
    spotNow.current = spot;
  }, [spot]);

  const show = useCallback((to: { documentId: string; page?: number; find?: string }) => {
    if (to.documentId !== spotNow.current.documentId) setSelection(null);
    setDocumentId(to.documentId);
    setPage(to.page ?? 1);
    setFind(to.find ?? '');
  }, []);

  const mutate: ReviewController['mutate'] = useCallback(async (name, args) => {
    try {
      await api.sync.mutate(mutationCall(name, args));
      reload();
      return true;
    } catch (error) {
      notifications.show({ color: 'red', title: t('review.actions.failed'), message: t(errorMessageKey(error)) });
      return false;
    }
  }, [api, reload, t]);

  const verify = useCallback(async (field: EvidenceField | null, requirement: string | null, given?: EvidenceSpot): Promise<boolean> => {
    const viewer = spotNow.current;
    const at: EvidenceSpot | null = given ?? (viewer.documentId ? {
      documentId: viewer.documentId, page: viewer.page,
      ...(viewer.selection && viewer.selection.page === viewer.page && viewer.selection.text ? { quote: viewer.selection.text } : {}),
    } : null);
    if (!at) return false;
    const kind = review.documents.find((document) => document.id === at.documentId)?.kind ?? 'document';
    return mutate('document.linkEvidence', {
      linkId: crypto.randomUUID(), caseId: review.summary.id, documentId: at.documentId,
      requirement: requirement ?? requirementForKind(checklist, kind) ?? kind, page: at.page,
      ...(field ? { field } : {}), ...(at.quote ? { quote: at.quote.slice(0, 500) } : {}),
    });
  }, [review, checklist, mutate]);

  const controller: ReviewController = useMemo(() => ({
    review, today, checklist, selectedField, failures: documents.failures, texts: documents.texts,
    reading: documents.reading, suggestions: assistant.suggestions, findings: assistant.findings, selectField, show, verify, mutate,
  }), [review, today, checklist, selectedField, documents.failures, documents.texts,
    documents.reading, assistant.suggestions, assistant.findings, show, verify, mutate]);
  // The document pane follows every change at once; the header and the application data catch up
  // in the background (after a reload of the case, or a document's text read).
  const deferred = useDeferredValue(controller);

  const order = review.documents.map((document) => document.id);
  useReviewShortcuts({
    stepDocument: (step) => {
      const next = order[(order.indexOf(documentId ?? '') + step + order.length) % order.length];
      if (next) show({ documentId: next });
    },
    stepPage: (step) => setPage((current) => Math.min(pageCount, Math.max(1, current + step))),
    verifySelected: () => {
      if (selectedField) void verify(selectedField, null);
    },
    stepCase: (step) => {
      const next = neighbourOf(review.summary.id, step);
      if (next) window.location.hash = hashOfCase(next);
    },
    focusSearch: () => document.getElementById('case-search')?.focus(),
  }, () => setLegend(true));

  useEffect(() => {
    // The heading names the case for screen readers as soon as it is open.
    document.getElementById('case-heading')?.focus();
  }, [review.summary.id]);


  return (
    <div className="review-screen" data-testid="case-screen" data-case-id={review.summary.id}>
      <ViewerSpotContext.Provider value={spot}>
        <ReviewContext.Provider value={deferred}>
          <CaseHeader legend={legend} onLegend={setLegend} unread={unread} />
        </ReviewContext.Provider>
        {documents.failures.size > 0 && (
          <Alert color="orange" variant="light" p={6} data-testid="document-failures">
            <Text size="xs" c="dark.9">
              {t('review.documents.someFailed', {
                count: documents.failures.size,
                titles: review.documents.filter((document) => documents.failures.has(document.id)).map((document) => document.title).join(', '),
              })}
            </Text>
          </Alert>
        )}
        <SplitView
          left={(
            <ReviewContext.Provider value={deferred}>
              <LetterPreviewContext.Provider value={setShownLetter}>
                <CaseTabs tab={tab} onTab={setTab} unread={unread} />
              </LetterPreviewContext.Provider>
            </ReviewContext.Provider>
          )}
          right={tab === 'letters' && shownLetter ? <LetterPreviewPane letter={shownLetter} /> : (
            <ReviewContext.Provider value={controller}>
              <DocumentPane documents={documents} find={find}
                onPageChange={(next, count) => {
                  setPage(next);
                  setPageCount(count);
                }}
                onSelection={(selectedPage, text) => setSelection(text ? { page: selectedPage, text } : null)} />
            </ReviewContext.Provider>
          )}
        />
      </ViewerSpotContext.Provider>
    </div>
  );
}

/** The case's heading, status, deadline, neighbours in the queue and actions. */
const CaseHeader = memo(function CaseHeader({ legend, onLegend, unread }: { legend: boolean; onLegend: (open: boolean) => void; unread: number }) {
  const { t } = useTranslation();
  const { review } = useReview();
  const previousCase = neighbourOf(review.summary.id, -1);
  const nextCase = neighbourOf(review.summary.id, 1);
  return (
    <Group justify="space-between" gap="xs" wrap="wrap">
      <Group gap="sm" wrap="wrap">
        <Button component="a" href={hashOfScreen('queue')} size="xs" variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />}>
          {t('review.backToQueue')}
        </Button>
        <Title order={1} fz="lg" id="case-heading" tabIndex={-1} data-testid="screen-heading">
          {t('review.heading', { caseNumber: review.summary.caseNumber, name: review.summary.applicantName })}
        </Title>
        <StatusBadge status={review.summary.status} />
        <Text size="sm" c="dark.5">{t(`caseType.${review.summary.caseType}`, { defaultValue: review.summary.caseType })}</Text>
        <DeadlineChip />
        <CaseUnreadChip unread={unread} />
        {review.summary.syncState && <Badge size="sm" variant="outline" color="gray" c="dark.6" tt="none">{t(`syncUi.row.${review.summary.syncState}`)}</Badge>}
      </Group>
      <Group gap={4} wrap="nowrap">
        <Button size="xs" variant="subtle" disabled={!previousCase} data-testid="previous-case"
          onClick={() => previousCase && (window.location.hash = hashOfCase(previousCase))}
          leftSection={<IconChevronUp size={14} aria-hidden />}>{t('review.previousCase')}</Button>
        <Button size="xs" variant="subtle" disabled={!nextCase} data-testid="next-case"
          onClick={() => nextCase && (window.location.hash = hashOfCase(nextCase))}
          leftSection={<IconChevronDown size={14} aria-hidden />}>{t('review.nextCase')}</Button>
        <ShortcutLegend opened={legend} onOpen={() => onLegend(true)} onClose={() => onLegend(false)} />
        <CaseActions />
      </Group>
    </Group>
  );
});

/** New messages of the case, in its header: a click opens the Messages tab's first unread thread. */
function CaseUnreadChip({ unread }: { unread: number }) {
  const { t } = useTranslation();
  if (unread === 0) return null;
  return (
    <Badge size="sm" color="red.9" variant="filled" tt="none" data-testid="case-unread">{t('messages.unreadCount', { count: unread })}</Badge>
  );
}

/** The left pane: application data, evidence (with the assistant's open findings counted), timeline and letters. */
const CaseTabs = memo(function CaseTabs({ tab, onTab, unread }: { tab: string | null; onTab: (tab: string | null) => void; unread: number }) {
  const { t } = useTranslation();
  const { findings, review, today } = useReview();
  // The applicant's correspondence language as the application states it; Dutch otherwise.
  const applicantLanguage = review.application?.['correspondenceLanguage'] === 'en' ? 'en' : 'nl';
  return (
    <Tabs value={tab} onChange={onTab} keepMounted={false}>
      <Tabs.List style={{ position: 'sticky', top: 0, background: 'var(--mantine-color-white)', zIndex: 3 }}>
        <Tabs.Tab value="data" data-testid="tab-data">{t('review.tabs.data')}</Tabs.Tab>
        <Tabs.Tab value="evidence" data-testid="tab-evidence"
          rightSection={findings.length > 0 ? <Badge size="xs" color="red.9" circle>{findings.length}</Badge> : undefined}>
          {t('review.tabs.evidence')}
        </Tabs.Tab>
        <Tabs.Tab value="timeline" data-testid="tab-timeline">{t('review.tabs.timeline')}</Tabs.Tab>
        <Tabs.Tab value="letters" data-testid="tab-letters">{t('review.tabs.letters')}</Tabs.Tab>
        <Tabs.Tab value="messages" data-testid="tab-messages"
          rightSection={unread > 0 ? <Badge size="xs" color="red.9" circle aria-label={t('messages.unreadCount', { count: unread })}>{unread}</Badge> : undefined}>
          {t('review.tabs.messages')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="data"><CaseData /></Tabs.Panel>
      <Tabs.Panel value="evidence"><EvidencePanel /></Tabs.Panel>
      <Tabs.Panel value="timeline"><Timeline /></Tabs.Panel>
      <Tabs.Panel value="letters"><LettersPanel caseId={review.summary.id} today={today} applicantLanguage={applicantLanguage} /></Tabs.Panel>
      <Tabs.Panel value="messages"><MessagesPanel caseId={review.summary.id} /></Tabs.Panel>
    </Tabs>
  );
});

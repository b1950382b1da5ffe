/**
 * One letter at work: the decision (outcome and grounds) for a decision letter, the editor, the
 * live check and the step this letter is at — submit for the drafter, approve or return for a
 * reviewer, send once approved. The PDF preview is shown in the case screen's right pane
 * (LetterPreviewContext), in the same viewer the case's documents open in.
 */
import { Accordion, Alert, Badge, Button, Group, Loader, Modal, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconSend, IconUpload } from '@tabler/icons-react';
import { useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mutationCall, type Language, type LetterDetail } from '../../../shared/contract';
import type { LetterDecisionRecord } from '../../../shared/letters/draft';
import { letterKind, type LetterKind } from '../../../shared/sync/mutations';
import { errorMessageKey } from '../errors';
import { formatCalendarDate } from '../format/dates';
import { useApi } from '../state/api';
import { ConsistencyPanel } from './ConsistencyPanel';
import { LetterDiff } from './LetterDiff';
import { LetterStatusBadge } from './LetterStatusBadge';
import { LetterEditor } from './editor/LetterEditor';
import { missingFactsText, splitMissingFacts } from './missingFacts';
import { LetterPreviewContext } from './preview';
import { ReasoningSection } from './ReasoningSection';
import { useLetterDraft } from './useLetterDraft';

const objectionOutcomes = ['objection_unfounded', 'objection_well_founded', 'objection_inadmissible'] as const;

/** The decision record a new letter of a kind starts with; null for a letter that decides nothing. */
export function initialDecision(kind: LetterKind): LetterDecisionRecord | null {
  switch (kind) {
    case 'grant': return { outcome: 'granted', groundIds: [] };
    case 'refusal': return { outcome: 'refused', groundIds: [] };
    case 'not_processed': return { outcome: 'not_processed', groundIds: [] };
    case 'objection_decision': return { outcome: 'objection_unfounded', groundIds: [] };
    default: return null;
  }
}

export interface LetterWorkspaceProps {
  caseId: string;
  letterId: string;
  /** The letter as the cache has it; null for a new one. */
  detail: LetterDetail | null;
  kind: LetterKind;
  language: Language;
  today: string;
  role: string | null;
  onDone: () => void;
}

export function LetterWorkspace({ caseId, letterId, detail, kind, language, today, role, onDone }: LetterWorkspaceProps) {
  const { t, i18n } = useTranslation();
  const uiLanguage: Language = i18n.language === 'en' ? 'en' : 'nl';
  const missingText = (missing: string): string => {
    const { facts, penaltyNotFinal } = splitMissingFacts(missing);
    return [
      penaltyNotFinal ? t('letters.penaltyNotFinal') : '',
      facts === '' ? '' : t('letters.missingFacts', { fields: missingFactsText(facts, uiLanguage) }),
    ].filter((part) => part !== '').join(' ');
  };
  const api = useApi();
  const status = detail?.summary.status ?? 'draft';
  const editable = (status === 'draft' || status === 'returned') && (detail === null || detail.mine || detail.drafterId === null);
  // A draft is dated the day it is worked on: the remedy period it states runs from its date.
  const letterDate = editable ? today : detail?.frame?.letterDate ?? today;
  const draft = useLetterDraft({
    letterId, caseId, kind, letterDate, language: detail?.frame?.language ?? language,
    // Without a frame (a draft from before the editor) the letter starts again from its template.
    body: detail?.frame ? detail.body : null,
    decision: detail?.frame?.decision ?? initialDecision(kind), editable,
  });
  const setPreview = useContext(LetterPreviewContext);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  // Until the user opens or closes it: open for the reviewer of a submitted letter, what changed is what they have to read.
  const [diffChoice, setDiffChoice] = useState<boolean | null>(null);

  useEffect(() => {
    setPreview(draft.view ? { bytes: draft.view.preview.bytes, letterId, sha256: draft.view.preview.sha256 } : null);
  }, [draft.view, letterId, setPreview]);
  useEffect(() => () => setPreview(null), [setPreview]);

  const errors = draft.view?.findings.filter((finding) => finding.severity === 'error') ?? [];
  const reviewer = role === 'reviewer' || role === 'team_lead';
  const ownLetter = detail?.mine ?? true;
  const diffOpen = diffChoice ?? (status === 'submitted' && reviewer);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      notifications.show({ color: 'green', message: t(done), closeButtonProps: { 'aria-label': t('app.close') } });
      onDone();
    } catch (error) {
      notifications.show({ color: 'red', title: t('letters.actionFailed'), message: t(errorMessageKey(error)), closeButtonProps: { 'aria-label': t('app.close') } });
    } finally {
      setBusy(false);
    }
  };

  const submit = () => run(async () => {
    const saved = await draft.flush();
    if (!saved || saved.findings.some((finding) => finding.severity === 'error')) throw Object.assign(new Error('blocked'), { code: 'invalid_arguments' });
    await api.sync.mutate(mutationCall('letter.submit', { letterId }));
  }, 'letters.submitted');

  useHotkeys([
    ['mod+s', () => void draft.flush()],
    ['mod+Enter', () => { if (editable && errors.length === 0 && !draft.pending) void submit(); }],
  ], []);

  const kindTitle = t(`letters.kind.${letterKind.safeParse(kind).success ? kind : 'unknown'}`);
  return (
    <Stack gap="xs" data-testid="letter-workspace" data-letter-id={letterId} data-status={status}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <Title order={2} fz="md">{kindTitle}</Title>
          <LetterStatusBadge status={status} testId="letter-status" />
          {detail?.needsSecondApprover && <Badge variant="outline" color="gray" c="dark.6" tt="none">{t('letters.fourEyes')}</Badge>}
          {detail?.summary.syncState && <Badge variant="outline" color="gray" c="dark.6" tt="none" data-testid="letter-sync">{t(`syncUi.row.${detail.summary.syncState}`)}</Badge>}
        </Group>
        <Text size="xs" c="dark.6" role="status" aria-live="polite" data-testid="letter-save-state">
          {draft.pending ? t('letters.save.pending') : editable && draft.saveState !== 'idle' ? t(`letters.save.${draft.saveState}`) : ''}
        </Text>
      </Group>
      <Text size="xs" c="dark.6">
        {t('letters.meta', { date: formatCalendarDate(letterDate, uiLanguage), drafter: detail?.drafterName ?? t('letters.you') })}
        {detail?.approverName && status !== 'returned' ? ` · ${t('letters.approvedBy', { name: detail.approverName })}` : ''}
      </Text>
      {status === 'returned' && detail?.summary.returnReason && (
        <Alert color="orange" variant="light" p="xs" styles={{ title: { color: '#8a3a00' } }} title={t('letters.returnedTitle', { name: detail.approverName ?? '' })} data-testid="letter-return-reason">
          <Text size="sm">{detail.summary.returnReason}</Text>
        </Alert>
      )}
      {draft.decision?.outcome && kind === 'objection_decision' && (
        <Select size="xs" label={t('letters.outcome')} data={objectionOutcomes.map((value) => ({ value, label: t(`consistency.outcome.${value}`, { ns: 'domain' }) }))}
          value={draft.decision.outcome} disabled={!editable} allowDeselect={false}
          onChange={(value) => value && draft.decision && draft.setDecision({ ...draft.decision, outcome: value as LetterDecisionRecord['outcome'] })} />
      )}
      {(kind === 'refusal' || kind === 'not_processed' || kind === 'objection_decision') && draft.decision && draft.body && (
        <ReasoningSection kind={kind} language={draft.view?.frame.language ?? language} letterDate={letterDate} decision={draft.decision}
          editable={editable} onDecision={draft.setDecision} onBody={draft.updateBody} />
      )}
      {draft.errorCode && (
        <Alert color="red" variant="light" p="xs" data-testid="letter-render-error" title={t('letters.renderFailed')}>
          <Text size="xs">
            {typeof draft.errorDetails?.['missing'] === 'string'
              ? missingText(draft.errorDetails['missing'])
              : t(`errors.${draft.errorCode}`)}
          </Text>
        </Alert>
      )}
      {draft.body ? (
        <LetterEditor value={draft.body} fields={draft.view?.frame.fields ?? null} language={draft.view?.frame.language ?? language}
          onEdit={draft.edit} readOnly={!editable} aria-label={t('letters.editorLabel', { kind: kindTitle })} />
      ) : <Group gap="xs"><Loader size="xs" /><Text size="sm">{t('letters.rendering')}</Text></Group>}
      {draft.view && <ConsistencyPanel findings={draft.view.findings} stale={draft.pending} />}
      {draft.view && draft.body && (
        <Accordion variant="contained" value={diffOpen ? 'diff' : null} onChange={(value) => setDiffChoice(value === 'diff')}>
          <Accordion.Item value="diff">
            <Accordion.Control data-testid="letter-diff-toggle"><Text size="sm" fw={600}>{t('letters.diff.title')}</Text></Accordion.Control>
            <Accordion.Panel>
              {/* Only while open: diffing a long letter after every pause in typing is work nobody reads. */}
              {diffOpen && <LetterDiff body={draft.body} templateBody={draft.view.templateBody} returnedBody={detail?.returnedBody ?? null} />}
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}
      {/* Kept in view at the bottom of the pane: a ten-page letter must not be scrolled through to act on it. */}
      <Group gap="xs" justify="flex-end" wrap="wrap" data-testid="letter-actions" py={6}
        style={{ position: 'sticky', bottom: 0, zIndex: 3, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        {editable && (
          <Button size="xs" leftSection={<IconUpload size={14} aria-hidden />} disabled={busy || draft.pending || !draft.view || errors.length > 0}
            onClick={() => void submit()} data-testid="letter-submit">{t('letters.submit')}</Button>
        )}
        {status === 'submitted' && !reviewer && (
          <Text size="xs" c="dark.6" data-testid="letter-awaiting">{t(detail?.needsSecondApprover ? 'letters.awaitingSecond' : 'letters.awaitingApproval')}</Text>
        )}
        {status === 'submitted' && reviewer && (
          <>
            {ownLetter && detail?.needsSecondApprover && <Text size="xs" c="red.9" data-testid="letter-own">{t('letters.ownLetter')}</Text>}
            <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} aria-hidden />} disabled={busy}
              onClick={() => setReturning(true)} data-testid="letter-return">{t('letters.return')}</Button>
            <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />}
              disabled={busy || errors.length > 0 || (ownLetter && detail?.needsSecondApprover === true)}
              onClick={() => void run(() => api.sync.mutate(mutationCall('letter.approve', { letterId })), 'letters.approved')}
              data-testid="letter-approve">{t('letters.approve')}</Button>
          </>
        )}
        {status === 'approved' && (
          <Button size="xs" leftSection={<IconSend size={14} aria-hidden />} disabled={busy}
            onClick={() => void run(() => api.sync.mutate(mutationCall('letter.send', { letterId })), 'letters.sentNotice')}
            data-testid="letter-send">{t('letters.send')}</Button>
        )}
      </Group>
      <Modal opened={returning} onClose={() => setReturning(false)} title={t('letters.returnTitle')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        <Stack gap="sm">
          <Textarea label={t('letters.returnReason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={3}
            data-testid="letter-return-text" data-autofocus />
          <Group justify="flex-end">
            <Button size="xs" disabled={reason.trim() === '' || busy} data-testid="letter-return-confirm"
              onClick={() => void run(async () => {
                await api.sync.mutate(mutationCall('letter.return', { letterId, reason: reason.trim() }));
                setReturning(false);
              }, 'letters.returned')}>{t('letters.return')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

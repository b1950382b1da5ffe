/**
 * The case actions, each a sync mutation (queued while offline): request missing documents (opens a
 * suspension with its due date), close a suspension, extend the period with its legal ground, and
 * record a notice of default. The deadline on screen is recomputed from the result at once.
 */
import { Button, Checkbox, Group, Menu, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { domainRules, evidenceRequirements, type Regime } from '../../../shared/domain';
import { addDays } from '../../../shared/domain/dates';
import type { MutationInput, MutationNameOf } from '../../../shared/sync';
import { isRegime, versionInEffect } from '../../../shared/domain/rules';
import { useReview } from './controller';

type Dialog = 'request' | 'extend' | 'notice' | null;

function DialogForm({ title, opened, onClose, onSubmit, children, submitLabel, busy, incomplete = false }: {
  title: string; opened: boolean; onClose: () => void; onSubmit: () => Promise<void>; children: ReactNode; submitLabel: string; busy: boolean;
  /** Something required is not filled in yet. */
  incomplete?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="md" closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void onSubmit();
      }}>
        <Stack gap="sm">
          {children}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>{t('review.actions.cancel')}</Button>
            <Button type="submit" loading={busy} disabled={incomplete} data-testid="action-submit">{submitLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function CaseActions() {
  const { t } = useTranslation();
  const review = useReview();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const caseId = review.review.summary.id;
  const decided = ['decided', 'closed'].includes(review.review.summary.status);
  const openSuspension = review.review.suspensions.some((suspension) => suspension.endedOn === null);
  const missingKinds = review.checklist.filter((id) => !review.review.documents.some((document) =>
    (evidenceRequirements[id].documentKinds as readonly string[]).includes(document.kind)));
  const [documents, setDocuments] = useState<string[]>([]);
  const [dueOn, setDueOn] = useState(addDays(review.today, 14));
  const [amount, setAmount] = useState<number | string>(6);
  const [unit, setUnit] = useState<string>('weeks');
  const [ground, setGround] = useState('');
  const [receivedOn, setReceivedOn] = useState(review.today);

  const regime: Regime | null = isRegime(review.review.summary.regime) ? review.review.summary.regime : null;
  const nextExtension = regime ? versionInEffect(domainRules.regimes[regime], review.review.summary.receivedOn).extensions[review.review.extensions.length] : undefined;

  const run = async <Name extends MutationNameOf<'case'>>(name: Name, args: Omit<MutationInput<Name>, 'caseId'>): Promise<void> => {
    setBusy(true);
    // Every case.* mutation names its case; the dialogs fill in the rest.
    const done = await review.mutate(name, { caseId, ...args } as MutationInput<Name>);
    setBusy(false);
    if (done) setDialog(null);
  };
  const open = (next: Dialog): void => {
    setDocuments(missingKinds.length > 0 ? [evidenceRequirements[missingKinds[0] ?? 'passport'].documentKinds[0] ?? 'passport'] : []);
    setDueOn(addDays(review.today, 14));
    setGround(nextExtension?.legalBasis ?? '');
    setReceivedOn(review.today);
    setDialog(next);
  };
  // A damaged or protected upload has to come again: its kind is offered too, as the viewer's message advises.
  const unreadable = (documentId: string): boolean => {
    const failure = review.failures.get(documentId);
    return failure !== undefined && failure !== 'unavailable';
  };
  const unreadableKinds = review.review.documents.filter((document) => unreadable(document.id)).map((document) => document.kind);
  const kinds = [...new Set([...missingKinds.flatMap((id) => evidenceRequirements[id].documentKinds), ...unreadableKinds, 'passport', 'payslips', 'bank_statements', 'birth_certificate'])];

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button size="xs" variant="light" rightSection={<IconChevronDown size={14} aria-hidden />} data-testid="case-actions">{t('review.actions.title')}</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item disabled={decided || openSuspension} onClick={() => open('request')} data-testid="action-request">{t('review.actions.request')}</Menu.Item>
          <Menu.Item disabled={decided || !nextExtension} onClick={() => open('extend')} data-testid="action-extend">{t('review.actions.extend')}</Menu.Item>
          <Menu.Item onClick={() => open('notice')} data-testid="action-notice">{t('review.actions.notice')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <DialogForm title={t('review.actions.request')} opened={dialog === 'request'} onClose={() => setDialog(null)} busy={busy}
        submitLabel={t('review.actions.requestSubmit')} incomplete={documents.length === 0}
        onSubmit={() => run('case.requestDocuments', { suspensionId: crypto.randomUUID(), documents, dueOn })}>
        <Text size="sm">{t('review.actions.requestExplain')}</Text>
        <Checkbox.Group label={t('review.actions.documents')} value={documents} onChange={setDocuments} required>
          <Stack gap={4} mt={4}>
            {kinds.map((kind) => <Checkbox key={kind} value={kind} label={t(`review.documentKinds.${kind}`, { defaultValue: kind })} />)}
          </Stack>
        </Checkbox.Group>
        <TextInput type="date" label={t('review.actions.dueOn')} value={dueOn} min={addDays(review.today, 1)} required
          onChange={(event) => setDueOn(event.currentTarget.value)} data-testid="due-on" />
      </DialogForm>
      <DialogForm title={t('review.actions.extend')} opened={dialog === 'extend'} onClose={() => setDialog(null)} busy={busy}
        submitLabel={t('review.actions.extendSubmit')}
        onSubmit={() => run('case.extendPeriod', { extensionId: crypto.randomUUID(), period: { [unit]: Number(amount) }, legalGround: ground })}>
        {nextExtension && <Text size="sm">{t('review.actions.extendExplain', { basis: nextExtension.legalBasis })}</Text>}
        <Group grow>
          <NumberInput label={t('review.actions.amount')} min={1} max={15} value={amount} onChange={setAmount} required />
          <Select label={t('review.actions.unit')} value={unit} onChange={(value) => setUnit(value ?? 'weeks')} allowDeselect={false}
            data={['days', 'weeks', 'months'].map((value) => ({ value, label: t(`review.units.${value}`) }))} />
        </Group>
        <TextInput label={t('review.actions.legalGround')} value={ground} maxLength={200} required onChange={(event) => setGround(event.currentTarget.value)} />
      </DialogForm>
      <DialogForm title={t('review.actions.notice')} opened={dialog === 'notice'} onClose={() => setDialog(null)} busy={busy}
        submitLabel={t('review.actions.noticeSubmit')}
        onSubmit={() => run('case.recordNoticeOfDefault', { noticeId: crypto.randomUUID(), receivedOn })}>
        <Text size="sm">{t('review.actions.noticeExplain')}</Text>
        <TextInput type="date" label={t('review.actions.receivedOn')} value={receivedOn} max={review.today} required
          onChange={(event) => setReceivedOn(event.currentTarget.value)} />
      </DialogForm>
    </>
  );
}

/** Closes an open suspension today: the documents arrived (or the term passed), the period runs again. */
export function CloseSuspensionButton({ suspensionId, requestedOn }: { suspensionId: string; requestedOn: string }) {
  const { t } = useTranslation();
  const review = useReview();
  const endedOn = review.today < requestedOn ? requestedOn : review.today;
  return (
    <Button size="compact-xs" variant="light" data-testid="close-suspension"
      onClick={() => void review.mutate('case.closeSuspension', { caseId: review.review.summary.id, suspensionId, endedOn })}>
      {t('review.actions.closeSuspension')}
    </Button>
  );
}

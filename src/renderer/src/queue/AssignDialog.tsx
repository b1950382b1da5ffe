/**
 * Team leads assign selected cases to a colleague, with a required reason (recorded in the audit
 * log by the server). Each assignment is its own mutation, so one refused case does not stop the rest.
 */
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryUser, QueueRow } from '../../../shared/contract';

export interface AssignDialogProps {
  opened: boolean;
  rows: readonly QueueRow[];
  users: readonly DirectoryUser[];
  onClose: () => void;
  onAssign: (assigneeId: string, reason: string) => Promise<void>;
}

export function AssignDialog({ opened, rows, users, onClose, onAssign }: AssignDialogProps) {
  const { t } = useTranslation();
  const [assignee, setAssignee] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const teams = new Set(rows.map((row) => row.team));
  // Only people of every selected case's team can take them all.
  const candidates = users.filter((user) => user.active && [...teams].every((team) => team !== null && user.teamIds.includes(team)));
  return (
    <Modal opened={opened} onClose={onClose} title={t('queue.assign.title', { count: rows.length })} centered closeButtonProps={{ 'aria-label': t('app.close') }}>
      <form onSubmit={(event) => {
        event.preventDefault();
        if (!assignee || !reason.trim()) return;
        setBusy(true);
        onAssign(assignee, reason.trim()).finally(() => {
          setBusy(false);
          setReason('');
          setAssignee(null);
        });
      }}>
        <Stack gap="sm">
          <Text size="sm">{rows.map((row) => row.caseNumber).slice(0, 8).join(', ')}{rows.length > 8 ? ` ${t('queue.assign.more', { count: rows.length - 8 })}` : ''}</Text>
          <Select label={t('queue.assign.to')} data={candidates.map((user) => ({ value: user.id, label: user.displayName }))} value={assignee}
            onChange={setAssignee} searchable required nothingFoundMessage={t('queue.assign.nobody')} data-testid="assign-user" data-autofocus />
          <Textarea label={t('queue.assign.reason')} description={t('queue.assign.reasonHint')} value={reason}
            onChange={(event) => setReason(event.currentTarget.value)} required minRows={2} maxLength={500} data-testid="assign-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('queue.cancel')}</Button>
            <Button type="submit" loading={busy} disabled={!assignee || !reason.trim()} data-testid="assign-submit">{t('queue.assign.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

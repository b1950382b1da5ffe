/**
 * The "why here?" popover of a queue row's priority band: the domain engine's reasons in the user's
 * language, and one click further how the deadline was computed, step by step with its legal basis.
 */
import { ActionIcon, Button, Collapse, List, Loader, Popover, Stack, Text } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriorityExplanation, QueueRow } from '../../../shared/contract';
import { useApi } from '../state/api';
import { useHostQuery } from '../state/useHostQuery';

function Explanation({ explanation }: { explanation: PriorityExplanation }) {
  const { t } = useTranslation();
  const [showDeadline, setShowDeadline] = useState(false);
  const steps = explanation.deadline?.steps ?? [];
  return (
    <Stack gap="xs">
      {explanation.reasons.length > 0 ? (
        <List size="sm" spacing={4}>
          {explanation.reasons.map((reason) => <List.Item key={reason.key}>{t(reason.key, { ns: 'domain', ...reason.values })}</List.Item>)}
        </List>
      ) : <Text size="sm">{t('queue.why.noReasons')}</Text>}
      {explanation.deadline && (
        <>
          <Button variant="subtle" size="compact-sm" onClick={() => setShowDeadline((shown) => !shown)} aria-expanded={showDeadline} data-testid="why-deadline-toggle">
            {showDeadline ? t('queue.why.hideDeadline') : t('queue.why.showDeadline')}
          </Button>
          <Collapse expanded={showDeadline}>
            <List type="ordered" size="xs" spacing={2} data-testid="why-deadline-steps">
              {steps.map((step, index) => (
                <List.Item key={index}>
                  {t(step.key, { ns: 'domain', ...step.values })}
                  {step.legalBasis && <Text span size="xs" c="dimmed"> ({step.legalBasis})</Text>}
                </List.Item>
              ))}
            </List>
          </Collapse>
        </>
      )}
    </Stack>
  );
}

/** The "why here?" popover, opened at once; mounted only for the row the user asked about. */
export function PriorityPopover({ row, label, onClose }: { row: QueueRow; label: string; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const query = useHostQuery(() => api.queue.explain({ caseId: row.id }), { key: [row.id] });
  const explanation = query.data;
  const error = explanation ? null : query.errorCode;
  return (
    <Popover width={360} position="bottom-start" withArrow shadow="md" defaultOpened onClose={onClose} trapFocus returnFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={label} data-testid="why-here">
          <IconHelpCircle size={16} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown data-testid="why-popover">
        <Text fw={600} size="sm" mb={6}>{t('queue.why.title', { caseNumber: row.caseNumber })}</Text>
        {error ? <Text size="sm" c="red.9">{t(`errors.${error}`, { defaultValue: t('errors.unknown') })}</Text>
          : explanation ? <Explanation explanation={explanation} />
            : <Loader size="xs" aria-label={t('queue.loading')} />}
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * The priority band of a row and its "why here?" popover: the domain engine's reasons in the user's
 * language, and one click further how the deadline was computed, step by step with its legal basis.
 */
import { ActionIcon, Badge, Button, Collapse, Group, List, Loader, Popover, Stack, Text } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PriorityExplanation, QueueBand, QueueRow } from '../../../shared/contract';
import { errorCodeOf } from '../errors';
import { useApi } from '../state/api';

/** White text on each stays above 4.5:1 (WCAG AA); the outlined bands use dark text on white. */
const bandColours: Record<QueueBand, string> = {
  penalty_accruing: '#8f1d1d', notice_of_default: '#b02525', overdue: '#a33b00', due_within_7_days: '#7a4d00',
  due_within_30_days: 'werkbank.7', on_track: 'gray.8', decided: 'gray.8', no_deadline: 'gray.8',
};

/** The band's text: the domain catalog's, or ours for a case without a deadline. */
export function useBandLabel(): (band: QueueBand) => string {
  const { t } = useTranslation();
  return (band) => (band === 'no_deadline' ? t('queue.band.noDeadline') : t(`priority.band.${band}`, { ns: 'domain' }));
}

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

export function PriorityCell({ row }: { row: QueueRow }) {
  const { t } = useTranslation();
  const api = useApi();
  const bandLabel = useBandLabel();
  const [explanation, setExplanation] = useState<PriorityExplanation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (): void => {
    setError(null);
    api.queue.explain({ caseId: row.id }).then(setExplanation, (reason: unknown) => setError(errorCodeOf(reason)));
  };
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={bandColours[row.band]} variant={row.band === 'on_track' || row.band === 'decided' || row.band === 'no_deadline' ? 'outline' : 'filled'}
        radius="sm" size="sm" styles={{ label: { textTransform: 'none' } }} data-testid="row-band" data-band={row.band}>
        {bandLabel(row.band)}
      </Badge>
      <Popover width={360} position="bottom-start" withArrow shadow="md" onOpen={load} trapFocus returnFocus>
        <Popover.Target>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('queue.why.label', { caseNumber: row.caseNumber })} data-testid="why-here">
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
    </Group>
  );
}

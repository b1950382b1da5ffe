/**
 * A case status as a quiet coloured label. Text colours are chosen dark enough for WCAG AA on the
 * light badge background; Mantine's shade 9 of orange, yellow and green is not.
 */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../shared/contract';

/**
 * Each status's colours: the Mantine colour of the badge, the text colour, and `tint`, the
 * background of the plain-element label the queue grid uses instead of a Badge (queue/cells.tsx).
 */
export const statusColours: Record<CaseStatus, { background: string; text: string; tint: string }> = {
  intake: { background: 'cyan', text: '#0b5563', tint: 'var(--mantine-color-cyan-0)' },
  in_progress: { background: 'werkbank', text: '#10375f', tint: 'var(--mantine-color-werkbank-0)' },
  waiting_on_applicant: { background: 'orange', text: '#8a3a00', tint: 'var(--mantine-color-orange-0)' },
  in_review: { background: 'grape', text: '#7a2a8c', tint: 'var(--mantine-color-grape-0)' },
  decided: { background: 'teal', text: '#0a5c48', tint: 'var(--mantine-color-teal-0)' },
  closed: { background: 'gray', text: '#343a40', tint: 'var(--mantine-color-gray-1)' },
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  const colours = statusColours[status];
  return (
    <Badge variant="light" color={colours.background} c={colours.text} radius="sm" tt="none" fw={600} data-status={status}
      // Mantine cuts long badge text off with an ellipsis; a status must be read in full.
      styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } }}>
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

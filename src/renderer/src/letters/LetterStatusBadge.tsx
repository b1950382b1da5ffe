/** A letter's status as a badge, in colours whose text passes WCAG AA contrast on their light fill. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LetterStatus } from '../../../shared/contract';

// Text shades as the case status badge (components/StatusBadge.tsx) picks them: Mantine's 9 of green and orange is too light.
const colour: Record<LetterStatus, { background: string; text: string }> = {
  draft: { background: 'gray', text: '#343a40' },
  submitted: { background: 'grape', text: '#7a2a8c' },
  approved: { background: 'werkbank', text: '#10375f' },
  returned: { background: 'orange', text: '#8a3a00' },
  sent: { background: 'teal', text: '#0a5c48' },
};

export function LetterStatusBadge({ status, testId }: { status: LetterStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" tt="none" color={colour[status].background} c={colour[status].text} fw={600} data-testid={testId}>
      {t(`letters.status.${status}`)}
    </Badge>
  );
}

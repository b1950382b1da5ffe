/**
 * The consistency check's findings beside the editor, live: errors first (they block submitting
 * and approving), then warnings, each as a sentence in the user's language. A finding that names
 * a field says which one, so the caseworker knows where to look.
 */
import { Alert, List, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LetterFindingView } from '../../../shared/contract';

/** Mantine's light alert titles in green and yellow fall short of WCAG AA; these shades do not. */
const titleStyles = (color: string) => ({ title: { color } });

export function ConsistencyPanel({ findings, stale }: { findings: readonly LetterFindingView[]; stale: boolean }) {
  const { t } = useTranslation();
  const errors = findings.filter((finding) => finding.severity === 'error');
  const warnings = findings.filter((finding) => finding.severity === 'warning');
  const text = (finding: LetterFindingView) => t(`consistency.${finding.code}`, { ns: 'domain', ...finding.values });
  if (findings.length === 0) {
    return (
      <Alert color="teal" variant="light" p="xs" icon={<IconCircleCheck size={18} aria-hidden />} data-testid="letter-check" data-state="passed"
        styles={titleStyles('#0a5c48')}
        title={t('letters.check.passed')} aria-live="polite">
        <Text size="xs" c="dark.7">{stale ? t('letters.check.stale') : t('letters.check.passedHint')}</Text>
      </Alert>
    );
  }
  return (
    <Alert color={errors.length > 0 ? 'red' : 'yellow'} variant="light" p="xs" data-testid="letter-check"
      styles={titleStyles(errors.length > 0 ? '#9b1c1c' : '#7a4d00')}
      data-state={errors.length > 0 ? 'blocked' : 'warnings'} aria-live="polite"
      icon={errors.length > 0 ? <IconCircleX size={18} aria-hidden /> : <IconAlertTriangle size={18} aria-hidden />}
      title={errors.length > 0 ? t('letters.check.blocked', { count: errors.length }) : t('letters.check.warnings', { count: warnings.length })}>
      <List size="xs" spacing={2} c="dark.8" data-testid="letter-findings">
        {[...errors, ...warnings].map((finding, index) => (
          <List.Item key={`${finding.code}-${index}`} data-code={finding.code} data-severity={finding.severity}
            icon={(
              <ThemeIcon size={14} radius="xl" color={finding.severity === 'error' ? 'red.8' : 'yellow.8'} aria-hidden>
                {finding.severity === 'error' ? <IconCircleX size={10} /> : <IconAlertTriangle size={10} />}
              </ThemeIcon>
            )}>
            <span>{finding.severity === 'error' ? t('letters.check.error') : t('letters.check.warning')}: </span>
            {text(finding)}
          </List.Item>
        ))}
      </List>
      {stale && <Text size="xs" c="dark.6" mt={4}>{t('letters.check.stale')}</Text>}
    </Alert>
  );
}

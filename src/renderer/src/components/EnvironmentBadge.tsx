/**
 * Which data this workbench works on, always in the top bar. The training environment gets a loud
 * yellow marker so nobody mistakes practice data for real cases, or the reverse.
 */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract';

export function EnvironmentBadge({ info }: { info: AppInfo | null }) {
  const { t } = useTranslation();
  if (!info) {
    return <Badge data-testid="environment-badge" data-environment="unknown" variant="outline" color="gray.8" c="gray.9">{t('environment.unknown')}</Badge>;
  }
  if (info.environment === 'training') {
    return (
      <Badge data-testid="environment-badge" data-environment="training" size="lg" radius="sm" color="yellow.4" c="dark.9">
        {t('environment.training')}
      </Badge>
    );
  }
  const label = info.environment === 'development'
    ? `${t('environment.development')}: ${info.environmentName}`
    : info.environmentName;
  return (
    <Badge data-testid="environment-badge" data-environment={info.environment} size="lg" radius="sm" variant="light" c="werkbank.8" tt="none">
      {label}
    </Badge>
  );
}

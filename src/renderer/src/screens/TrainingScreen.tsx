/**
 * What the training environment is. Text only for now; a later issue adds the trainer's reset,
 * scenario and clock controls here.
 */
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract';

export function TrainingScreen({ info }: { info: AppInfo | null }) {
  const { t } = useTranslation();
  const active = info?.environment === 'training';
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1} size="h2">{t('training.title')}</Title>
      {active ? (
        <Alert color="yellow" variant="light" title={t('training.activeTitle')} data-testid="training-active"
          styles={{ title: { color: 'var(--mantine-color-dark-9)' } }}>
          <Text size="sm" c="dark.9">{t('training.active')}</Text>
        </Alert>
      ) : (
        <Alert color="werkbank" variant="light" title={t('training.inactiveTitle')} data-testid="training-inactive"
          styles={{ title: { color: 'var(--mantine-color-werkbank-8)' } }}>
          <Text size="sm" c="dark.9">{t('training.inactive', { name: info?.environmentName ?? '—' })}</Text>
        </Alert>
      )}
      <Stack gap="xs">
        <Title order={2} size="h4">{t('training.whatTitle')}</Title>
        <Text size="sm">{t('training.what')}</Text>
      </Stack>
      <Stack gap="xs">
        <Title order={2} size="h4">{t('training.laterTitle')}</Title>
        <Text size="sm">{t('training.later')}</Text>
      </Stack>
    </Stack>
  );
}

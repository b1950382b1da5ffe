/**
 * An error as the user reads it: what happened and what to do, in their language, with the stable
 * code for the service desk. Never the host's developer message.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UiErrorCode } from '../errors';

export interface ErrorNoticeProps {
  title: string;
  code: UiErrorCode;
  onRetry?: () => void;
  retryLabel?: string;
}

export function ErrorNotice({ title, code, onRetry, retryLabel }: ErrorNoticeProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={title} role="alert" data-error-code={code}>
      <Text size="sm" c="dark.9">{t(`errors.${code}`)}</Text>
      <Group mt="sm" gap="md" justify="space-between">
        <Text size="xs" c="dark.6">{t('errors.code', { code })}</Text>
        {onRetry && (
          <Button size="xs" variant="filled" color="red.9" onClick={onRetry}>
            {retryLabel ?? t('queue.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

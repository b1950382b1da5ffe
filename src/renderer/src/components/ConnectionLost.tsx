/**
 * Shown over the screen when the data host cannot be reached: a clear statement and a reconnect
 * button, instead of a screen of failing calls. What is on screen stays there underneath.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { connection, type ConnectionState } from '../connection';

export function ConnectionLost({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  if (state === 'connected') return null;
  const connecting = state === 'connecting';
  return (
    <Alert
      color="red"
      variant="filled"
      bg="red.9"
      title={t('connection.lostTitle')}
      role="alert"
      data-testid="connection-lost"
      data-state={state}
      mb="md"
    >
      <Text size="sm" c="white">{t('connection.lost')}</Text>
      <Group mt="sm">
        <Button variant="white" color="red.9" size="xs" loading={connecting} onClick={() => connection.reconnect()}>
          {connecting ? t('connection.connecting') : t('connection.reconnect')}
        </Button>
      </Group>
    </Alert>
  );
}

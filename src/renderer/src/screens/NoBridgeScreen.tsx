/**
 * The page was opened without the app's preload and without a preview token: say how to open it.
 */
import { Alert, Center, Code, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function NoBridgeScreen() {
  const { t } = useTranslation();
  return (
    <Center component="main" mih="100vh" p="md">
      <Stack maw={560} gap="md" data-testid="no-bridge">
        <Title order={1} size="h2">{t('noBridge.title')}</Title>
        <Alert color="red" variant="light">
          <Text size="sm" c="dark.9">{t('noBridge.description')}</Text>
        </Alert>
        <Text size="sm">{t('noBridge.howTo')}</Text>
        <Code block>npm run preview:web</Code>
      </Stack>
    </Center>
  );
}

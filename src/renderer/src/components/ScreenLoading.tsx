/** What a screen shows while its code is fetched the first time it opens (a split bundle). */
import { Center, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader size="sm" aria-hidden />
      <Text size="sm" ml="sm">{t('app.screenLoading')}</Text>
    </Center>
  );
}

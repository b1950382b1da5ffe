/**
 * NL / EN. The language changes at once; remembering it is the host's job, and when that fails the
 * user keeps the chosen language and is told it was not saved for next time.
 */
import { SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/contract';
import { errorMessageKey } from '../errors';
import { supportedLanguages, toLanguage } from '../i18n';
import { useApi } from '../state/api';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const language = toLanguage(i18n.language);

  const choose = (value: string): void => {
    const next: Language = toLanguage(value);
    if (next === language) return;
    void i18n.changeLanguage(next);
    api.settings.setLanguage({ language: next }).catch((error: unknown) => {
      notifications.show({
        color: 'red',
        title: i18n.t('language.saveFailedTitle'),
        message: `${i18n.t('language.saveFailed')} ${i18n.t(errorMessageKey(error))}`,
        closeButtonProps: { 'aria-label': i18n.t('app.close') },
        autoClose: 10_000,
      });
    });
  };

  return (
    <SegmentedControl
      aria-label={t('language.label')}
      data-testid="language-switch"
      size="xs"
      value={language}
      onChange={choose}
      data={supportedLanguages.map((value) => ({ value, label: t(`language.${value}`) }))}
    />
  );
}

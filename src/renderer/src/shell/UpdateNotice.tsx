/**
 * The update's state in the top bar: downloading, and once ready, "restart to update". Main
 * installs only when the outbox is known to be empty (src/main/updates.ts installDecision); a
 * refusal says why, so nothing the caseworker did is lost to a restart.
 */
import { Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UpdateStatus } from '../../../shared/updates';
import { shellApi } from './useShellState';

export function UpdateNotice({ update }: { update: UpdateStatus }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  if (update.state === 'downloading') {
    return <Text size="xs" c="dark.6" data-testid="update-downloading">{t('update.downloading', { percent: Math.round(update.percent ?? 0) })}</Text>;
  }
  if (update.state !== 'ready') return null;
  const restart = async () => {
    setBusy(true);
    try {
      const answer = await shellApi()?.restartToUpdate();
      if (answer && !answer.install) {
        const reason = answer.reason === 'outbox not empty' || answer.reason === 'outbox unknown' ? 'outbox' : 'notReady';
        notifications.show({ color: 'orange', message: t(`update.refused.${reason}`), closeButtonProps: { 'aria-label': t('app.close') } });
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="compact-sm" variant="filled" color="teal.9" leftSection={<IconRefresh size={14} aria-hidden />} loading={busy}
      onClick={() => void restart()} data-testid="update-restart" title={t('update.readyHint', { version: update.version })}>
      {t('update.ready', { version: update.version })}
    </Button>
  );
}

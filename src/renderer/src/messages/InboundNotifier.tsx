/**
 * Says so when a message from an applicant, sponsor or representative arrives while the app is
 * open (`messages.received`, after a pull the poke channel set off): an in-app notification with
 * the case number and a link to the thread. Never the body: a notification can be read over a
 * shoulder. (In Electron the main process also shows a system notification, see the host.)
 */
import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../state/api';
import { hashOfThread } from '../state/hooks';

export function InboundNotifier() {
  const { t } = useTranslation();
  const api = useApi();
  useEffect(() => api.on('messages.received', (message) => {
    const link = hashOfThread(message.caseId, message.threadId);
    notifications.show({
      id: `message-${message.messageId}`,
      color: 'blue',
      title: t('messages.notification.title', { caseNumber: message.caseNumber }),
      message: (
        <Text size="sm">
          {t('messages.notification.body', { counterpart: t(`messages.counterpart.${message.counterpart}`) })}{' '}
          <Anchor href={link} size="sm" data-testid="message-notification-open"
            onClick={() => notifications.hide(`message-${message.messageId}`)}>{t('messages.notification.open')}</Anchor>
        </Text>
      ),
      autoClose: 8000,
      // For the benchmark and the tests: which message this notification is about (an id, no content).
      'data-message-id': message.messageId,
      closeButtonProps: { 'aria-label': t('app.close') },
    });
  }), [api, t]);
  return null;
}

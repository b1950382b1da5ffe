/**
 * The signed-in user in the top bar, with sign-out. Signing out wipes the local cache, so when
 * changes are still waiting to be sent the user confirms first, told how many would be lost.
 */
import { Button, Group, Menu, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { SignedInUserInfo } from '../../../shared/contract';
import { errorMessageKey } from '../errors';
import { useApi } from '../state/api';

export interface UserMenuProps {
  user: SignedInUserInfo;
  pending: number;
  onDidSignOut: () => void;
}

export function UserMenu({ user, pending, onDidSignOut }: UserMenuProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [confirming, confirm] = useDisclosure(false);

  const signOut = (): void => {
    confirm.close();
    api.session.signOut().then(onDidSignOut, (error: unknown) => {
      notifications.show({
        color: 'red',
        title: i18n.t('signOut.failedTitle'),
        message: i18n.t(errorMessageKey(error)),
        closeButtonProps: { 'aria-label': i18n.t('app.close') },
      });
    });
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton data-testid="user-menu" className="user-menu">
            <Group gap={6} wrap="nowrap">
              <Text size="sm" fw={600}>{user.displayName}</Text>
              <Text size="sm" c="dimmed">{t(`role.${user.role}`, { defaultValue: user.role })}</Text>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={pending > 0 ? confirm.open : signOut}>{t('signOut.action')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={confirming} onClose={confirm.close} title={t('signOut.confirmTitle')} closeButtonProps={{ 'aria-label': t('app.close') }}>
        <Stack>
          <Text>{t('signOut.confirmPending', { count: pending })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>{t('signOut.keep')}</Button>
            <Button color="red" onClick={signOut}>{t('signOut.discard')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

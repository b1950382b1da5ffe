/**
 * Sign-in to the central API. In the training environment it lists the demo users (password
 * "training"): picking one fills the form, so a trainer can switch roles in two clicks. What was
 * typed stays in the form when sign-in fails.
 */
import { Alert, Badge, Button, Card, Group, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DemoUser } from '../../../shared/sync';
import { signInErrorKey } from '../errors';
import { useApi } from '../state/api';
import { useHostQuery } from '../state/useHostQuery';

/** The password of every demo user of a training environment. */
export const demoPassword = 'training';

const noDemoUsers: readonly DemoUser[] = [];

export interface SignInScreenProps {
  training: boolean;
  /** The session ended (expired or refused): the user signs in again and keeps their local changes. */
  expired: boolean;
  onDidSignIn: () => void;
}

export function SignInScreen({ training, expired, onDidSignIn }: SignInScreenProps) {
  const { t } = useTranslation();
  const api = useApi();
  // Without the list the form still works: the user types a name.
  const demoUsers = useHostQuery(() => api.session.demoUsers(), { enabled: training }).data?.users ?? noDemoUsers;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errorKey, setErrorKey] = useState<string | null>(null);
  const submit = useRef<HTMLButtonElement>(null);


  const pick = (user: DemoUser): void => {
    setUsername(user.username);
    setPassword(demoPassword);
    setErrorKey(null);
    submit.current?.focus();
  };

  const signIn = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setErrorKey(null);
    api.session.signIn({ username: username.trim(), password }).then(
      () => {
        setBusy(false);
        onDidSignIn();
      },
      (error: unknown) => {
        setBusy(false);
        setErrorKey(signInErrorKey(error));
      },
    );
  };

  return (
    <Stack maw={880} gap="lg" data-testid="sign-in">
      <div>
        <Title order={1}>{t('signIn.title')}</Title>
        <Text c="dimmed" mt={4}>{training ? t('signIn.trainingIntro', { password: demoPassword }) : t('signIn.intro')}</Text>
      </div>
      {expired && <Alert color="orange" title={t('signIn.expiredTitle')}>{t('signIn.expired')}</Alert>}

      {training && demoUsers.length > 0 && (
        <section aria-labelledby="demo-users-heading">
          <Title order={2} size="h4" id="demo-users-heading" mb="xs">{t('signIn.demoUsers')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            {demoUsers.map((user) => (
              <UnstyledButton
                key={user.username}
                onClick={() => pick(user)}
                data-testid="demo-user"
                aria-pressed={username === user.username}
                className="demo-user"
              >
                <Card withBorder padding="sm" radius="sm" bg={username === user.username ? 'werkbank.0' : undefined}>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text fw={600}>{user.displayName}</Text>
                    <Badge variant="light" color="werkbank" autoContrast style={{ flexShrink: 0 }}>{t(`role.${user.role}`, { defaultValue: user.role })}</Badge>
                  </Group>
                  <Text size="sm" ff="monospace">{user.username}</Text>
                  <Text size="sm" c="dimmed">{user.team ?? t('signIn.noTeam')}</Text>
                </Card>
              </UnstyledButton>
            ))}
          </SimpleGrid>
        </section>
      )}

      <Card withBorder padding="lg" radius="sm" maw={420} component="form" onSubmit={signIn} aria-labelledby="sign-in-form-heading">
        <Title order={2} size="h4" id="sign-in-form-heading" mb="sm">{t('signIn.formTitle')}</Title>
        <Stack gap="sm">
          <TextInput
            label={t('signIn.username')}
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            required
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            required
          />
          {errorKey && <Alert color="red" role="alert" title={t('signIn.failedTitle')}>{t(errorKey)}</Alert>}
          <Button type="submit" ref={submit} loading={busy} disabled={username.trim() === '' || password === ''}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}

/**
 * What the window shows while Werkbank starts: each step (the training environment's database,
 * generating and loading its demo cases on a first start, the local cache), the one under way with
 * its count, and, when a step fails, what happened and what to do. It gives way to the app as soon
 * as the data host answers.
 */
import { Alert, Center, Group, Loader, Paper, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StartupStatus } from '../../../shared/shell';
import { LanguageSwitch } from '../components/LanguageSwitch';

type StepName = 'starting' | 'database' | 'generating' | 'loading' | 'host';

function stepOf(status: StartupStatus): StepName | null {
  if (status.step === 'training') return status.phase;
  if (status.step === 'starting' || status.step === 'host') return status.step;
  return null;
}

export function StartScreen({ status }: { status: StartupStatus }) {
  const { t } = useTranslation();
  const current = stepOf(status);
  // The steps seen so far: the training steps are listed once the start shows there is a training environment to start.
  const [seen, setSeen] = useState<readonly StepName[]>(['starting']);
  // Derived during render (React's pattern for state that follows a prop), so no frame shows a stale list.
  if (current && !seen.includes(current)) setSeen([...seen, current]);
  const training = seen.some((step) => step === 'database' || step === 'generating' || step === 'loading');
  const steps: StepName[] = ['starting', ...(training ? ['database', ...(seen.includes('generating') ? ['generating' as const] : []), 'loading'] as const : []), 'host'];
  const at = steps.indexOf(current ?? seen.at(-1) ?? 'starting');
  const loading = status.step === 'training' && status.phase === 'loading' && status.total ? status : null;
  return (
    <Center h="100vh" p="md" data-testid="start-screen" data-step={status.step === 'training' ? `training:${status.phase}` : status.step}>
      <Paper withBorder shadow="sm" p="xl" w={440} component="main" aria-labelledby="start-title">
        <Stack gap="md">
          <Group justify="space-between" wrap="nowrap">
            <Title order={1} fz="xl" id="start-title">{t('startup.title')}</Title>
            {/* Chosen here it holds for the app too (saved once the data host answers). */}
            <LanguageSwitch />
          </Group>
          <Stack gap={6} component="ol" aria-label={t('startup.stepsLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {steps.map((step, index) => {
              const done = status.step === 'ready' || index < at;
              const active = index === at && status.step !== 'failed';
              return (
                <Group key={step} component="li" gap="xs" wrap="nowrap" aria-current={active ? 'step' : undefined} data-state={done ? 'done' : active ? 'active' : 'waiting'}>
                  {done ? <ThemeIcon size="sm" radius="xl" color="teal.9"><IconCheck size={12} aria-hidden /></ThemeIcon>
                    : active ? <Loader size={18} aria-hidden />
                      : <IconCircleDashed size={20} color="var(--mantine-color-gray-6)" aria-hidden />}
                  <Text size="sm" fw={active ? 700 : 400} c={done || active ? 'dark.9' : 'dark.5'}>
                    {t(`startup.step.${step}`)}
                    {step === 'loading' && loading ? ` ${t('startup.count', { done: loading.done ?? 0, total: loading.total })}` : ''}
                  </Text>
                </Group>
              );
            })}
          </Stack>
          {loading && (
            <Progress value={Math.round(((loading.done ?? 0) / (loading.total ?? 1)) * 100)} aria-label={t('startup.progressLabel')} />
          )}
          {status.step === 'training' && status.phase !== 'database' && <Text size="xs" c="dark.6">{t('startup.firstStartNote')}</Text>}
          {status.step === 'failed' && (
            <Alert color="red" title={t('startup.failedTitle')} data-testid="start-failed">
              <Text size="sm">{t(`startup.failed.${status.code}`, { defaultValue: t('startup.failed.internal') })}</Text>
            </Alert>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}

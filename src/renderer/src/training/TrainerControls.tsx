/**
 * The trainer's controls on the Training screen (issue 6): the training date, set to a day or back
 * to real time, and the dataset's scenarios, each resettable, or all at once, after confirmation.
 * Every change goes through the contract; the host calls the training server with the trainer's
 * token and then synchronises, so the queue follows.
 */
import { Alert, Button, Card, Group, Loader, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDate, type TrainingScenario } from '../../../shared/contract';
import { errorCodeOf, errorReasonOf } from '../errors';
import { formatCalendarDate } from '../format/dates';
import { toLanguage } from '../i18n';
import { useApi } from '../state/api';
import { useHostQuery } from '../state/useHostQuery';
import { useTrainingInfo } from './useTrainingInfo';

/** Which reset awaits confirmation: one scenario, or all of them. */
type PendingReset = { kind: 'one'; scenario: TrainingScenario } | { kind: 'all' };

/** The message key of a failed trainer call: a refusal says who may do this, anything else what to try. */
function failureKey(error: unknown, fallback: string): string {
  if (errorReasonOf(error) === 'not_trainer' || errorCodeOf(error) === 'forbidden') return 'trainer.notTrainer';
  return fallback;
}

export function TrainerControls() {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  const api = useApi();
  const info = useTrainingInfo();
  // null until the trainer types: the field shows the current training date.
  const [typed, setDate] = useState<string | null>(null);
  const date = typed ?? info?.today ?? '';
  const [dateError, setDateError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'clock' | 'reset' | null>(null);
  const scenarioQuery = useHostQuery(() => api.training.scenarios());
  const scenarios = scenarioQuery.data?.items ?? null;
  const scenariosFailed = scenarioQuery.status === 'error';
  const loadScenarios = scenarioQuery.reload;
  const [pending, setPending] = useState<PendingReset | null>(null);

  const notify = useCallback((ok: boolean, message: string): void => {
    notifications.show({
      color: ok ? 'green' : 'red',
      title: i18n.t(ok ? 'trainer.successTitle' : 'trainer.failedTitle'),
      message,
      closeButtonProps: { 'aria-label': i18n.t('app.close') },
    });
  }, [i18n]);


  const setClock = (body: { today: string } | { mode: 'real' }): void => {
    setBusy('clock');
    api.training.setClock(body).then(
      (next) => {
        setDate(null);
        setDateError(null);
        notify(true, i18n.t('trainer.clockSet', { date: next.today ? formatCalendarDate(next.today, language) : '—' }));
      },
      (error: unknown) => notify(false, i18n.t(failureKey(error, 'trainer.clockFailed'))),
    ).finally(() => setBusy(null));
  };

  const submitDate = (event: FormEvent): void => {
    event.preventDefault();
    if (!isoDate.safeParse(date).success) {
      setDateError('trainer.invalidDate');
      return;
    }
    setDateError(null);
    setClock({ today: date });
  };

  const reset = (which: PendingReset): void => {
    setPending(null);
    setBusy('reset');
    api.training.resetScenarios(which.kind === 'one' ? { scenarios: [which.scenario.id] } : {}).then(
      (result) => notify(true, i18n.t('trainer.resetDone', { count: result.cases })),
      (error: unknown) => notify(false, i18n.t(failureKey(error, 'trainer.resetFailed'))),
    ).finally(() => setBusy(null));
  };

  return (
    <Stack gap="lg" data-testid="trainer-controls">
      <Stack gap="xs">
        <Title order={2} size="h3">{t('trainer.title')}</Title>
        <Text size="sm">{t('trainer.intro')}</Text>
      </Stack>

      <Card withBorder padding="md" component="section" aria-labelledby="trainer-clock-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="trainer-clock-title">{t('trainer.clockTitle')}</Title>
          <Text size="sm" data-testid="training-today" aria-live="polite">
            {info?.today ? t('trainer.today', { date: formatCalendarDate(info.today, language) }) : t('trainer.unknownToday')}
            {info?.clock ? ` ${t(info.clock.mode === 'fixed' ? 'trainer.modeFixed' : 'trainer.modeReal')}` : ''}
          </Text>
          <form onSubmit={submitDate} noValidate>
            <Group align="flex-end" gap="sm">
              <TextInput type="date" label={t('trainer.dateLabel')} description={t('trainer.dateHint')} value={date}
                onChange={(event) => {
                  setDate(event.currentTarget.value);
                  setDateError(null);
                }} error={dateError ? t(dateError) : null} data-testid="training-date-input"
                required w={240} styles={{
                  error: { color: 'var(--mantine-color-red-9)' },
                  input: dateError ? { color: 'var(--mantine-color-red-9)', borderColor: 'var(--mantine-color-red-9)' } : {},
                }} />
              <Button type="submit" loading={busy === 'clock'} disabled={busy !== null && busy !== 'clock'}>{t('trainer.setDate')}</Button>
              <Button variant="default" onClick={() => setClock({ mode: 'real' })} disabled={busy !== null || info?.clock?.mode === 'real'}
                data-testid="training-real-time">
                {t('trainer.realTime')}
              </Button>
            </Group>
          </form>
        </Stack>
      </Card>

      <Card withBorder padding="md" component="section" aria-labelledby="trainer-scenarios-title">
        <Stack gap="sm">
          <Group justify="space-between" align="center">
            <Title order={3} size="h4" id="trainer-scenarios-title">{t('trainer.scenariosTitle')}</Title>
            <Button color="red.9" variant="outline" onClick={() => setPending({ kind: 'all' })}
              disabled={busy !== null || !scenarios || scenarios.length === 0} data-testid="reset-all-scenarios">
              {t('trainer.resetAll')}
            </Button>
          </Group>
          {scenariosFailed && (
            <Alert color="red" variant="light" title={t('trainer.failedTitle')}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('trainer.scenariosFailed')}</Text>
                <Button size="xs" variant="default" onClick={loadScenarios}>{t('trainer.retry')}</Button>
              </Stack>
            </Alert>
          )}
          {!scenarios && !scenariosFailed && <Loader size="sm" aria-label={t('trainer.scenariosTitle')} />}
          {scenarios?.length === 0 && <Text size="sm">{t('trainer.scenariosEmpty')}</Text>}
          {scenarios && scenarios.length > 0 && (
            <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {scenarios.map((scenario) => (
                <li key={scenario.id} data-testid={`scenario-${scenario.id}`}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
                    <Stack gap={2}>
                      <Text fw={600} size="sm">{scenario.title[language]}</Text>
                      <Text size="sm">{scenario.description[language]}</Text>
                      <Text size="xs" c="dark.6">{t('trainer.scenarioMeta', { user: scenario.user, count: scenario.caseIds.length })}</Text>
                    </Stack>
                    <Button size="xs" variant="default" onClick={() => setPending({ kind: 'one', scenario })} disabled={busy !== null}
                      style={{ flexShrink: 0 }} aria-label={t('trainer.resetNamed', { title: scenario.title[language] })}>
                      {t('trainer.reset')}
                    </Button>
                  </Group>
                </li>
              ))}
            </Stack>
          )}
        </Stack>
      </Card>

      <Modal opened={pending !== null} onClose={() => setPending(null)} closeButtonProps={{ 'aria-label': t('app.close') }}
        title={t(pending?.kind === 'all' ? 'trainer.confirmAllTitle' : 'trainer.confirmTitle')}>
        <Stack>
          <Text>{pending?.kind === 'one' ? t('trainer.confirmOne', { title: pending.scenario.title[language] }) : t('trainer.confirmAll')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>{t('trainer.cancel')}</Button>
            <Button color="red.8" onClick={() => pending && reset(pending)} data-testid="confirm-reset">{t('trainer.reset')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

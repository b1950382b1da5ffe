/**
 * The shell: top bar (product, environment, sync state, language), navigation (queue, dashboard,
 * training) and the current screen. Each screen reads its own data through useHostQuery.
 */
import { AppShell, Badge, Burger, em, Group, NavLink, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../shared/contract';
import { ConnectionLost } from './components/ConnectionLost';
import { EnvironmentBadge } from './components/EnvironmentBadge';
import { ErrorNotice } from './components/ErrorNotice';
import { LanguageSwitch } from './components/LanguageSwitch';
import { SyncIndicator } from './components/SyncIndicator';
import type { UiErrorCode } from './errors';
import { InboundNotifier } from './messages/InboundNotifier';
import { useUnreadTotal } from './messages/useUnread';
import { QueueScreen } from './queue/QueueScreen';
import { StartScreen } from './shell/StartScreen';
import { UpdateNotice } from './shell/UpdateNotice';
import { useShellState } from './shell/useShellState';
import { SignInScreen } from './session/SignInScreen';
import { UserMenu } from './session/UserMenu';
import { useSession, type SessionState } from './session/useSession';
import { useSyncStatus } from './state/data';
import { hashOfScreen, screens, useCaseRoute, useConnectionState, useScreen, useToday, type Screen } from './state/hooks';
import { ScreenLoading } from './components/ScreenLoading';

// The queue loads with the shell; the other screens (the case screen with its viewer and assistant
// first) are fetched when first opened, so the first queue rows do not wait for their code.
const CaseScreen = lazy(() => import('./review/CaseScreen').then((module) => ({ default: module.CaseScreen })));
const DashboardScreen = lazy(() => import('./dashboard/DashboardScreen').then((module) => ({ default: module.DashboardScreen })));
const ConflictsScreen = lazy(() => import('./sync/ConflictsScreen').then((module) => ({ default: module.ConflictsScreen })));
const TrainingScreen = lazy(() => import('./screens/TrainingScreen').then((module) => ({ default: module.TrainingScreen })));

export interface AppProps {
  info: AppInfo | null;
  /** Set when app.info failed at start. */
  infoErrorCode: UiErrorCode | null;
}

const screenTitleKeys: Record<Screen, string> = {
  queue: 'queue.title',
  dashboard: 'dashboard.title',
  conflicts: 'syncUi.conflicts.title',
  training: 'training.title',
  case: 'review.title',
};

/**
 * The readiness signal the end-to-end tests wait on (they never sleep): data-ready="true" once
 * app.info and the session have loaded (the shell knows what to show), "error" with
 * data-error="<code>" when loading failed.
 */
function useReadinessSignal(infoErrorCode: UiErrorCode | null, session: SessionState): void {
  const loaded = session.info !== null;
  const sessionError = session.errorCode;
  useEffect(() => {
    const root = document.documentElement;
    if (infoErrorCode) {
      root.dataset.ready = 'error';
      root.dataset.error = infoErrorCode;
    } else if (loaded) {
      root.dataset.ready = 'true';
      delete root.dataset.error;
    } else if (sessionError) {
      root.dataset.ready = 'error';
      root.dataset.error = sessionError;
    }
  }, [infoErrorCode, loaded, sessionError]);
}

/** Moves focus to the main area when the screen changes, so keyboard and screen reader users follow. */
function useFocusOnScreenChange(screen: Screen): React.RefObject<HTMLElement | null> {
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [screen]);
  return main;
}

export function App({ info, infoErrorCode }: AppProps) {
  const { t } = useTranslation();
  const screen = useScreen();
  const caseId = useCaseRoute();
  const connectionState = useConnectionState();
  const sync = useSyncStatus();
  const session = useSession();
  const today = useToday();
  const [navigationOpened, navigation] = useDisclosure(false);
  // Below the navbar breakpoint (48em: also a 1280px window at 200% zoom) a closed navbar is moved
  // off screen; inert keeps its links out of the tab order so focus never disappears.
  const narrow = useMediaQuery(`(max-width: ${em(767.98)})`) ?? false;
  const main = useFocusOnScreenChange(screen);
  useReadinessSignal(infoErrorCode, session);

  const user = session.info?.user ?? null;
  const conflictCount = sync.status?.conflicts ?? 0;
  // Without a central API there is nothing to sync: no conflicts screen, no "sync now".
  const syncAvailable = session.info?.signInAvailable === true;
  const shownScreens = screens.filter((name) => name !== 'conflicts' || syncAvailable);
  const expired = user !== null && sync.status?.needsSignIn === true;
  // A workbench with a central API shows nothing of the queue until someone is signed in.
  const signingIn = session.info?.signInAvailable === true && (user === null || expired);
  const unread = useUnreadTotal(!signingIn);
  const shellState = useShellState();
  const didChangeSession = (): void => {
    session.reload();
  };

  const screenTitle = t(signingIn ? 'signIn.title' : screenTitleKeys[screen]);
  useEffect(() => {
    document.title = `${screenTitle} · ${t('app.name')}`;
  }, [screenTitle, t]);

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>): void => {
    // The hash holds the current screen; following "#main-content" would replace it.
    event.preventDefault();
    main.current?.focus();
  };

  const training = info?.environment === 'training';
  // In Electron the window opens before the data host is ready: its start-up steps until then.
  if (shellState && shellState.startup.step !== 'ready') return <StartScreen status={shellState.startup} />;

  return (
    <>
      <a className="skip-link" href="#main-content" onClick={skipToMain}>{t('app.skipToContent')}</a>
      <AppShell
        header={{ height: training ? 60 : 56 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navigationOpened } }}
        padding="md"
      >
        <AppShell.Header className={training ? 'training-band' : undefined}>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navigationOpened}
                onClick={navigation.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.label')}
                aria-expanded={navigationOpened}
                aria-controls="main-navigation"
              />
              <Text fw={700} fz="lg" c="werkbank.7">{t('app.name')}</Text>
              <EnvironmentBadge info={info} />
            </Group>
            <Group gap="sm" wrap="nowrap">
              {shellState && <UpdateNotice update={shellState.update} />}
              <SyncIndicator status={sync.status} canSync={syncAvailable && !signingIn} />
              {user && <UserMenu user={user} pending={sync.status?.pending ?? 0} onDidSignOut={didChangeSession} />}
              <LanguageSwitch />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="xs" id="main-navigation" aria-label={t('nav.label')} inert={narrow && !navigationOpened}>
          {shownScreens.map((name) => (
            <NavLink
              key={name}
              href={hashOfScreen(name)}
              label={name === 'conflicts' ? t('syncUi.nav.conflicts') : t(`nav.${name}`)}
              rightSection={name === 'conflicts' && conflictCount > 0 ? (
                <Badge size="sm" color="red.9" radius="sm" data-testid="nav-conflicts-count">
                  <span aria-hidden>{conflictCount}</span>
                  <VisuallyHidden>{t('syncUi.nav.conflictsCount', { count: conflictCount })}</VisuallyHidden>
                </Badge>
              ) : name === 'queue' && unread.total > 0 ? (
                <Badge size="sm" color="blue.9" radius="sm" data-testid="nav-unread-count" title={t('messages.navUnread', { count: unread.total, cases: unread.cases })}>
                  <span aria-hidden>{unread.total}</span>
                  <VisuallyHidden>{t('messages.navUnread', { count: unread.total, cases: unread.cases })}</VisuallyHidden>
                </Badge>
              ) : undefined}
              active={screen === name}
              aria-current={screen === name ? 'page' : undefined}
              onClick={navigation.close}
              data-testid={`nav-${name}`}
              fw={screen === name ? 600 : 400}
            />
          ))}
        </AppShell.Navbar>

        <AppShell.Main id="main-content" ref={main} tabIndex={-1}>
          {!signingIn && <InboundNotifier />}
          <ConnectionLost state={connectionState} />
          {infoErrorCode && infoErrorCode !== 'disconnected' && (
            <ErrorNotice title={t('app.infoFailed')} code={infoErrorCode} onRetry={() => window.location.reload()} />
          )}
          {signingIn && <SignInScreen training={training} expired={expired} onDidSignIn={didChangeSession} />}
          {!signingIn && screen === 'queue' && <QueueScreen sessionless={session.info?.signInAvailable === false} />}
          <Suspense fallback={<ScreenLoading />}>
            {!signingIn && screen === 'dashboard' && <DashboardScreen today={today} />}
            {!signingIn && screen === 'conflicts' && <ConflictsScreen userId={user?.id ?? null} />}
            {!signingIn && screen === 'training' && <TrainingScreen info={info} />}
            {!signingIn && screen === 'case' && caseId && <CaseScreen key={caseId} caseId={caseId} today={today} />}
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

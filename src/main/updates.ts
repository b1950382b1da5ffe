/**
 * Auto-update (SECURITY.md): only in the packaged app, only when an https feed is configured, only
 * signed updates, never a downgrade. electron-updater checks the publisher signature on Windows and
 * Squirrel.Mac requires a signed app on macOS. On Linux an AppImage update is checked only against
 * the hash in the feed, which is not a signature, so Linux installs are updated through their
 * package channel instead and the updater stays off there.
 *
 * Everything here is plain logic over an updater-shaped object, so it runs under Node without an
 * Electron binary (tests/unit/main/updates-flow.test.ts drives the real NsisUpdater with it).
 */
import { parse as parseYaml } from 'yaml';
import type { UpdateChannel, UpdateStatus } from '../shared/updates';

/** What electron-updater reports, reduced to the fields this module reads. */
export interface UpdaterEvents {
  'checking-for-update': () => void;
  'update-available': (info: { version: string }) => void;
  'update-not-available': (info: { version: string }) => void;
  'download-progress': (progress: { percent: number }) => void;
  'update-downloaded': (event: { version: string }) => void;
  error: (error: Error, message?: string) => void;
}

/** The parts of electron-updater's autoUpdater this module sets and calls. */
export interface AutoUpdaterLike {
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  forceDevUpdateConfig: boolean;
  channel: string | null;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<{ downloadPromise?: Promise<unknown> | null } | null>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  // One overload per event (not a generic over UpdaterEvents) so that electron-updater's own
  // TypedEmitter, which knows more events, is assignable to this narrower view.
  on(event: 'checking-for-update', listener: UpdaterEvents['checking-for-update']): unknown;
  on(event: 'update-available', listener: UpdaterEvents['update-available']): unknown;
  on(event: 'update-not-available', listener: UpdaterEvents['update-not-available']): unknown;
  on(event: 'download-progress', listener: UpdaterEvents['download-progress']): unknown;
  on(event: 'update-downloaded', listener: UpdaterEvents['update-downloaded']): unknown;
  on(event: 'error', listener: UpdaterEvents['error']): unknown;
}

export interface UpdatePolicyInput {
  isPackaged: boolean;
  platform: string;
  updateUrl: string | undefined;
  /** config.json `updateChannel` / WERKBANK_UPDATE_CHANNEL; absent = stable. */
  channel?: UpdateChannel | undefined;
  /**
   * The Windows publisher names the installer's signature must match, as packaged in
   * app-update.yml (readPublisherNames). NsisUpdater skips the signature check when that file has
   * none, so without them an update would be trusted on its sha512 alone: Windows then stays off.
   */
  publisherNames?: readonly string[] | undefined;
}

export type UpdateDecision =
  | { enabled: true; url: string; channel: UpdateChannel }
  | { enabled: false; reason: string };

/** Decides whether this installation looks for updates. */
export function updateDecision(input: UpdatePolicyInput): UpdateDecision {
  if (!input.isPackaged) return { enabled: false, reason: 'not packaged' };
  if (!input.updateUrl) return { enabled: false, reason: 'no update feed configured' };
  if (!input.updateUrl.startsWith('https://')) return { enabled: false, reason: 'the update feed is not https' };
  if (input.platform !== 'win32' && input.platform !== 'darwin') {
    return { enabled: false, reason: 'signed updates are not available for this platform' };
  }
  if (input.platform === 'win32' && !input.publisherNames?.some((name) => name.trim() !== '')) {
    return { enabled: false, reason: 'no publisher name to verify Windows updates against' };
  }
  return { enabled: true, url: input.updateUrl, channel: input.channel ?? 'stable' };
}

/**
 * The feed file a channel reads: stable → latest.yml, pilot → beta.yml. A pilot build is versioned
 * x.y.z-beta.N, and "pilot gets pilot and stable" is electron-builder's own mechanism: with
 * generateUpdatesFilesForAllChannels (electron-builder.yml) a stable release is written into
 * latest.yml and beta.yml, a beta release into beta.yml only; it knows only alpha and beta, hence
 * "beta" rather than "pilot" as the file name. semver orders 1.3.0-beta.2 < 1.3.0, so a pilot desk
 * moves on to the stable release once it is newer, and a stable desk never sees a pilot build.
 */
export function feedChannel(channel: UpdateChannel): string {
  return channel === 'pilot' ? 'beta' : 'latest';
}

/**
 * Reads the publisher names from the packaged app-update.yml (process.resourcesPath), the same file
 * NsisUpdater's signature check reads: electron-builder writes them there from
 * win.signtoolOptions.publisherName or from the signing certificate. Anything unreadable is "none".
 */
export function readPublisherNames(appUpdateYml: string | undefined): string[] | undefined {
  if (appUpdateYml === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = parseYaml(appUpdateYml);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const raw: unknown = (parsed as Record<string, unknown>)['publisherName'];
  const list: unknown[] = Array.isArray(raw) ? raw : [raw];
  const names = list.filter((name): name is string => typeof name === 'string' && name.trim() !== '');
  return names.length > 0 ? names : undefined;
}

/** Sets the update policy on an updater; the order matters (see the comment on `channel`). */
export function applyUpdatePolicy(updater: AutoUpdaterLike, decision: Extract<UpdateDecision, { enabled: true }>): void {
  // electron-updater's `channel` setter switches allowDowngrade on, so the channel goes first and
  // allowDowngrade is forced off after it.
  updater.channel = feedChannel(decision.channel);
  updater.allowDowngrade = false;
  // Prereleases are reached through the pilot feed file, never by the GitHub-only prerelease switch
  // (which electron-updater also turns on by itself when the running version is a prerelease).
  updater.allowPrerelease = false;
  updater.forceDevUpdateConfig = false;
  updater.autoDownload = true;
  // Installing happens when the user quits (after the host has closed the database, so the outbox
  // survives) or when they ask for it (installDecision); the app never restarts by itself.
  updater.autoInstallOnAppQuit = true;
  updater.setFeedURL({ provider: 'generic', url: decision.url });
}

/** Turns the updater's events into the UpdateStatus the window shows. */
export function trackUpdateStatus(updater: AutoUpdaterLike, emit: (status: UpdateStatus) => void): () => UpdateStatus {
  let current: UpdateStatus = { state: 'idle' };
  let version: string | undefined;
  const set = (status: UpdateStatus): void => {
    current = status;
    emit(status);
  };
  updater.on('checking-for-update', () => {
    // A downloaded update stays ready through later checks: it is still what quitting installs.
    if (current.state !== 'ready') set({ state: 'checking' });
  });
  updater.on('update-available', (info) => {
    version = info.version;
    set({ state: 'downloading', version, percent: 0 });
  });
  updater.on('update-not-available', () => {
    if (current.state !== 'ready') set({ state: 'idle' });
  });
  updater.on('download-progress', (progress) => {
    const percent = Math.min(100, Math.max(0, Number.isFinite(progress.percent) ? progress.percent : 0));
    set(version === undefined ? { state: 'downloading', percent } : { state: 'downloading', version, percent });
  });
  updater.on('update-downloaded', (event) => set({ state: 'ready', version: event.version }));
  updater.on('error', () => {
    // Offline or a refused download (bad sha512, bad signature) is not the user's problem; the
    // next start checks again. A ready update is not undone by a later failed check.
    if (current.state !== 'ready') set({ state: 'idle' });
  });
  return () => current;
}

export interface InstallRequest {
  /** True only when the user clicked "restart and update"; nothing else may install. */
  requestedByUser: boolean;
  status: UpdateStatus;
  /** The host's sync.status `pending`; undefined when the host could not answer. */
  pendingMutations: number | undefined;
}

export type InstallDecision = { install: true } | { install: false; reason: 'not requested' | 'no update ready' | 'outbox unknown' | 'outbox not empty' };

/**
 * Whether to quit and install now. A restart is never forced while the outbox holds unsynced work:
 * a host that cannot say how much is pending counts as "not empty".
 */
export function installDecision(request: InstallRequest): InstallDecision {
  if (!request.requestedByUser) return { install: false, reason: 'not requested' };
  if (request.status.state !== 'ready') return { install: false, reason: 'no update ready' };
  if (request.pendingMutations === undefined || !Number.isInteger(request.pendingMutations)) {
    return { install: false, reason: 'outbox unknown' };
  }
  if (request.pendingMutations !== 0) return { install: false, reason: 'outbox not empty' };
  return { install: true };
}

export interface UpdateHandle {
  decision: UpdateDecision;
  status(): UpdateStatus;
  /** The user asked to restart now: installs only when installDecision allows it. */
  requestInstall(pendingMutations: () => Promise<number | undefined>): Promise<InstallDecision>;
}

/** Applies the update policy to an autoUpdater and starts a check; returns the decision and a handle. */
export async function configureUpdates(
  input: UpdatePolicyInput,
  loadUpdater: () => Promise<AutoUpdaterLike>,
  onStatus: (status: UpdateStatus) => void = () => undefined,
): Promise<UpdateHandle> {
  const decision = updateDecision(input);
  let updater: AutoUpdaterLike | undefined;
  let status = (): UpdateStatus => ({ state: 'idle' });
  const handle: UpdateHandle = {
    decision,
    status: () => status(),
    async requestInstall(pendingMutations) {
      let pending: number | undefined;
      try {
        pending = await pendingMutations();
      } catch {
        pending = undefined;
      }
      const verdict = installDecision({ requestedByUser: true, status: status(), pendingMutations: pending });
      if (verdict.install) updater?.quitAndInstall(false, true);
      return verdict;
    },
  };
  if (!decision.enabled) return handle;
  try {
    updater = await loadUpdater();
    applyUpdatePolicy(updater, decision);
    status = trackUpdateStatus(updater, onStatus);
    const result = await updater.checkForUpdates();
    // A refused download (bad sha512 or signature) rejects this promise as well as emitting
    // 'error'; nobody else awaits it, and an unhandled rejection must not reach the main process.
    result?.downloadPromise?.catch(() => undefined);
  } catch (error) {
    // Offline is normal for this app; a failed check must never disturb the user or stop the app.
    console.warn('werkbank: update check failed', error instanceof Error ? error.name : 'unknown');
  }
  return handle;
}

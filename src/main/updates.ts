/**
 * Auto-update (SECURITY.md): only in the packaged app, only when an https feed is configured, only
 * signed updates, never a downgrade. electron-updater checks the publisher signature on Windows and
 * Squirrel.Mac requires a signed app on macOS. On Linux an AppImage update is checked only against
 * the hash in the feed, which is not a signature, so Linux installs are updated through their
 * package channel instead and the updater stays off there.
 */

/** The parts of electron-updater's autoUpdater this module sets. */
export interface AutoUpdaterLike {
  allowDowngrade: boolean;
  allowPrerelease: boolean;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  forceDevUpdateConfig: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdatesAndNotify(): Promise<unknown>;
}

export interface UpdatePolicyInput {
  isPackaged: boolean;
  platform: string;
  updateUrl: string | undefined;
}

export type UpdateDecision = { enabled: true; url: string } | { enabled: false; reason: string };

/** Decides whether this installation looks for updates. */
export function updateDecision(input: UpdatePolicyInput): UpdateDecision {
  if (!input.isPackaged) return { enabled: false, reason: 'not packaged' };
  if (!input.updateUrl) return { enabled: false, reason: 'no update feed configured' };
  if (!input.updateUrl.startsWith('https://')) return { enabled: false, reason: 'the update feed is not https' };
  if (input.platform !== 'win32' && input.platform !== 'darwin') {
    return { enabled: false, reason: 'signed updates are not available for this platform' };
  }
  return { enabled: true, url: input.updateUrl };
}

/** Applies the update policy to an autoUpdater and starts a check; returns the decision. */
export async function configureUpdates(
  input: UpdatePolicyInput,
  loadUpdater: () => Promise<AutoUpdaterLike>,
): Promise<UpdateDecision> {
  const decision = updateDecision(input);
  if (!decision.enabled) return decision;
  try {
    const updater = await loadUpdater();
    updater.allowDowngrade = false;
    updater.allowPrerelease = false;
    updater.forceDevUpdateConfig = false;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.setFeedURL({ provider: 'generic', url: decision.url });
    await updater.checkForUpdatesAndNotify();
  } catch (error) {
    // Offline is normal for this app; a failed check must never disturb the user or stop the app.
    console.warn('werkbank: update check failed', error instanceof Error ? error.name : 'unknown');
  }
  return decision;
}

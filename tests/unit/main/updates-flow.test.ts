/**
 * The update flow against electron-updater's real NsisUpdater, without an Electron binary: a custom
 * AppAdapter stands in for `app`, a node:http executor for `net`, and a feed on 127.0.0.1 serves
 * latest.yml / beta.yml and an installer. Only the Windows Authenticode check (PowerShell) is
 * replaced, through NsisUpdater's public `verifyUpdateCodeSignature` hook, and electron-updater's
 * own `_testOnlyOptions` make it read the feed as on Windows; the sha512 check, the version
 * comparison and the channel handling are electron-updater's own.
 *
 * The feed is plain http because a test cannot easily hold a trusted certificate; the https rule is
 * updateDecision's, tested last: with an http feed configureUpdates never loads the updater.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { NsisUpdater } from 'electron-updater/out/NsisUpdater';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyUpdatePolicy, configureUpdates, installDecision, trackUpdateStatus, type AutoUpdaterLike } from '../../../src/main/updates';
import { updateStatus, type UpdateStatus } from '../../../src/shared/updates';

const publisher = 'Immigratie- en Naturalisatiedienst';

/**
 * electron-updater's ElectronHttpExecutor with Node's http client instead of Electron's `net`.
 * `download` is ElectronHttpExecutor's own, line for line: it hands over to builder-util-runtime's
 * doDownload, which is where the sha512 of the feed is checked while the file streams to disk.
 */
class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return httpRequest(options, callback);
  }

  async download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(requestOptions, {
        destination,
        options,
        onCancel,
        // Called with undefined on success at run time, despite its `Error | null` type.
        callback: (error) => (error ? reject(error) : resolve(destination)),
        responseHandler: null,
      }, 0);
    });
  }
}

/** NsisUpdater with the Electron-only pieces swapped for test doubles, nothing else. */
class TestNsisUpdater extends NsisUpdater {
  readonly verifiedAgainst: string[][] = [];

  constructor(app: AppAdapter) {
    super(null, app);
    // Without an Electron app electron-updater has no executor; the provider picks it up at setFeedURL.
    (this as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor = new NodeHttpExecutor();
    // electron-updater's own test switch: read the feed as on Windows (latest.yml, not latest-linux.yml)
    // and skip the blockmap-based differential download, which needs an installed previous version.
    (this as unknown as { _testOnlyOptions: { platform: NodeJS.Platform; isUseDifferentialDownload: boolean } })._testOnlyOptions = {
      platform: 'win32',
      isUseDifferentialDownload: false,
    };
    // The Authenticode check needs PowerShell on Windows; record that it was reached, and with which names.
    this.verifyUpdateCodeSignature = async (names) => {
      this.verifiedAgainst.push(names);
      return null;
    };
    this.logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
  }
}

interface Release {
  version: string;
  bytes: Buffer;
  /** The sha512 written into the feed file; defaults to the real one. */
  sha512?: string;
}

const sha512Of = (bytes: Buffer): string => createHash('sha512').update(bytes).digest('base64');

function feedFile(release: Release): string {
  const file = `Werkbank-Setup-${release.version}.exe`;
  const sha512 = release.sha512 ?? sha512Of(release.bytes);
  return [
    `version: ${release.version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${sha512}`,
    `    size: ${release.bytes.length}`,
    `path: ${file}`,
    `sha512: ${sha512}`,
    "releaseDate: '2026-12-01T10:00:00.000Z'",
    '',
  ].join('\n');
}

let server: Server;
let feedUrl: string;
let root: string;
const served = new Map<string, Buffer | string>();
const requested: string[] = [];

function publish(channelFile: string, release: Release): void {
  served.set(`/${channelFile}`, feedFile(release));
  served.set(`/Werkbank-Setup-${release.version}.exe`, release.bytes);
}

async function newUpdater(version = '0.1.0'): Promise<TestNsisUpdater> {
  const appUpdateConfigPath = path.join(root, 'app-update.yml');
  // As electron-builder packages it for a signed Windows build (resources/app-update.yml).
  await writeFile(appUpdateConfigPath, `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: werkbank-updater\npublisherName:\n  - ${publisher}\n`);
  const app: AppAdapter = {
    version,
    name: 'Werkbank',
    isPackaged: true,
    appUpdateConfigPath,
    userDataPath: path.join(root, 'user-data'),
    baseCachePath: path.join(root, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: vi.fn(),
    quit: vi.fn(),
    onQuit: vi.fn(),
  };
  return new TestNsisUpdater(app);
}

function policy(updater: AutoUpdaterLike, channel: 'stable' | 'pilot' = 'stable'): UpdateStatus[] {
  applyUpdatePolicy(updater, { enabled: true, url: feedUrl, channel });
  const statuses: UpdateStatus[] = [];
  trackUpdateStatus(updater, (status) => statuses.push(updateStatus.parse(status)));
  return statuses;
}

async function pendingFiles(): Promise<string[]> {
  return readdir(path.join(root, 'cache', 'werkbank-updater', 'pending')).catch(() => []);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'werkbank-updates-'));
  served.clear();
  requested.length = 0;
  server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requested.push(pathname);
    const body = served.get(pathname);
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(root, { recursive: true, force: true });
});

describe('the update flow against a local feed', () => {
  it('finds a newer release, downloads it, checks its sha512 and the publisher, and reports ready', async () => {
    const bytes = randomBytes(64 * 1024);
    publish('latest.yml', { version: '0.2.0', bytes });
    const updater = await newUpdater();
    const statuses = policy(updater);
    const downloaded = vi.fn();
    updater.on('update-downloaded', downloaded);

    const result = await updater.checkForUpdates();
    expect(result?.isUpdateAvailable).toBe(true);
    const files = await result?.downloadPromise;

    expect(downloaded).toHaveBeenCalledOnce();
    expect(files).toHaveLength(1);
    expect(await pendingFiles()).toContain('Werkbank-Setup-0.2.0.exe');
    // The packaged publisher names reached the signature check: the file updateDecision gates on is the one NsisUpdater reads.
    expect(updater.verifiedAgainst).toEqual([[publisher]]);
    expect(statuses[0]).toEqual({ state: 'checking' });
    expect(statuses).toContainEqual({ state: 'downloading', version: '0.2.0', percent: 0 });
    expect(statuses.at(-1)).toEqual({ state: 'ready', version: '0.2.0' });
    // Installing waits for the user or for quitting: electron-updater registered only its on-quit installer.
    expect(updater.autoInstallOnAppQuit).toBe(true);
  });

  it('refuses a download whose sha512 does not match the feed, and never reports ready', async () => {
    publish('latest.yml', { version: '0.2.0', bytes: randomBytes(4096), sha512: sha512Of(randomBytes(4096)) });
    const updater = await newUpdater();
    const statuses = policy(updater);
    const downloaded = vi.fn();
    const errors: Error[] = [];
    updater.on('update-downloaded', downloaded);
    updater.on('error', (error) => errors.push(error));

    const result = await updater.checkForUpdates();
    await expect(result?.downloadPromise).rejects.toMatchObject({ code: 'ERR_CHECKSUM_MISMATCH' });

    expect(downloaded).not.toHaveBeenCalled();
    expect(errors.length).toBeGreaterThan(0);
    expect(await pendingFiles()).not.toContain('Werkbank-Setup-0.2.0.exe');
    expect(statuses.at(-1)).toEqual({ state: 'idle' });
  });

  it('refuses an older release, also after the channel setter switched downgrades on', async () => {
    publish('latest.yml', { version: '0.0.9', bytes: randomBytes(1024) });
    const updater = await newUpdater();
    // The trap applyUpdatePolicy guards against: electron-updater's channel setter allows downgrades.
    updater.channel = 'latest';
    expect(updater.allowDowngrade).toBe(true);
    const statuses = policy(updater);
    expect(updater.allowDowngrade).toBe(false);

    const result = await updater.checkForUpdates();
    expect(result?.isUpdateAvailable).toBe(false);
    expect(result?.downloadPromise).toBeFalsy();
    expect(requested).not.toContain('/Werkbank-Setup-0.0.9.exe');
    expect(statuses.at(-1)).toEqual({ state: 'idle' });
  });

  it('reads beta.yml on the pilot channel and latest.yml on stable', async () => {
    publish('latest.yml', { version: '0.2.0', bytes: randomBytes(1024) });
    publish('beta.yml', { version: '0.3.0-beta.1', bytes: randomBytes(1024) });

    const pilot = await newUpdater();
    policy(pilot, 'pilot');
    const pilotResult = await pilot.checkForUpdates();
    await pilotResult?.downloadPromise;
    expect(pilotResult?.updateInfo.version).toBe('0.3.0-beta.1');
    expect(pilot.allowPrerelease).toBe(false);

    await rm(path.join(root, 'cache'), { recursive: true, force: true });
    requested.length = 0;
    const stable = await newUpdater();
    policy(stable, 'stable');
    const stableResult = await stable.checkForUpdates();
    await stableResult?.downloadPromise;
    expect(stableResult?.updateInfo.version).toBe('0.2.0');
    expect(requested).not.toContain('/beta.yml');
  });

  it('moves a pilot desk on to a stable release that is newer than its pilot build', async () => {
    // electron-builder writes every stable release into beta.yml too (generateUpdatesFilesForAllChannels).
    publish('beta.yml', { version: '0.3.0', bytes: randomBytes(1024) });
    const updater = await newUpdater('0.3.0-beta.2');
    policy(updater, 'pilot');
    const result = await updater.checkForUpdates();
    await result?.downloadPromise;
    expect(result?.isUpdateAvailable).toBe(true);
    expect(result?.updateInfo.version).toBe('0.3.0');
  });

  it('never reaches electron-updater with a plain-http feed', async () => {
    publish('latest.yml', { version: '0.2.0', bytes: randomBytes(1024) });
    const load = vi.fn(async () => newUpdater());
    const handle = await configureUpdates({ isPackaged: true, platform: 'win32', updateUrl: feedUrl, publisherNames: [publisher] }, load);
    expect(handle.decision).toEqual({ enabled: false, reason: 'the update feed is not https' });
    expect(load).not.toHaveBeenCalled();
    expect(requested).toEqual([]);
  });
});

describe('installing a downloaded update', () => {
  const ready: UpdateStatus = { state: 'ready', version: '0.2.0' };

  it('installs only on the user\'s request, with an update ready and an outbox known to be empty', () => {
    expect(installDecision({ requestedByUser: true, status: ready, pendingMutations: 0 })).toEqual({ install: true });
    expect(installDecision({ requestedByUser: false, status: ready, pendingMutations: 0 })).toEqual({ install: false, reason: 'not requested' });
    expect(installDecision({ requestedByUser: true, status: { state: 'downloading', percent: 40 }, pendingMutations: 0 })).toEqual({ install: false, reason: 'no update ready' });
    expect(installDecision({ requestedByUser: true, status: ready, pendingMutations: 3 })).toEqual({ install: false, reason: 'outbox not empty' });
    expect(installDecision({ requestedByUser: true, status: ready, pendingMutations: undefined })).toEqual({ install: false, reason: 'outbox unknown' });
    expect(installDecision({ requestedByUser: true, status: ready, pendingMutations: Number.NaN })).toEqual({ install: false, reason: 'outbox unknown' });
  });

  it('asks the host for the outbox at the moment of the request and quits only when it is empty', async () => {
    publish('latest.yml', { version: '0.2.0', bytes: randomBytes(2048) });
    const updater = await newUpdater();
    // quitAndInstall would start the downloaded "installer"; only whether it is called matters here.
    const quitAndInstall = vi.spyOn(updater, 'quitAndInstall').mockImplementation(() => undefined);
    const statuses: UpdateStatus[] = [];
    const httpsFeed = { isPackaged: true, platform: 'win32', updateUrl: 'https://updates.werkbank.example/', publisherNames: [publisher] };
    const handle = await configureUpdates(httpsFeed, async () => {
      // The https URL cannot be served here: point the updater at the local feed after the policy ran.
      const original = updater.setFeedURL.bind(updater);
      vi.spyOn(updater, 'setFeedURL').mockImplementation(() => original({ provider: 'generic', url: feedUrl }));
      return updater;
    }, (status) => statuses.push(status));
    if (handle.status().state !== 'ready') await new Promise<void>((resolve) => updater.once('update-downloaded', () => resolve()));
    expect(handle.status()).toEqual(ready);

    const failing = await handle.requestInstall(async () => { throw new Error('host gone'); });
    expect(failing).toEqual({ install: false, reason: 'outbox unknown' });
    expect(await handle.requestInstall(async () => 2)).toEqual({ install: false, reason: 'outbox not empty' });
    expect(quitAndInstall).not.toHaveBeenCalled();
    expect(await handle.requestInstall(async () => 0)).toEqual({ install: true });
    expect(quitAndInstall).toHaveBeenCalledOnce();
    expect(statuses.at(-1)).toEqual(ready);
  });
});

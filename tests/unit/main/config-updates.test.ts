import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../../src/main/config';
import { menuTemplate } from '../../../src/main/menu';
import { externalLinkMessage, failureMessage } from '../../../src/main/messages';
import { configureUpdates, feedChannel, readPublisherNames, updateDecision, type AutoUpdaterLike } from '../../../src/main/updates';

describe('shell configuration', () => {
  it('means the training environment when nothing is configured', () => {
    expect(resolveConfig(undefined, {})).toEqual({ ok: true, config: {} });
  });

  it('reads config.json and lets environment variables win', () => {
    const file = JSON.stringify({ serverUrl: 'https://api.werkbank.example', updateUrl: 'https://updates.werkbank.example' });
    expect(resolveConfig(file, {})).toEqual({ ok: true, config: { serverUrl: 'https://api.werkbank.example', updateUrl: 'https://updates.werkbank.example' } });
    expect(resolveConfig(file, { WERKBANK_SERVER_URL: 'http://127.0.0.1:8080' })).toEqual({
      ok: true,
      config: { serverUrl: 'http://127.0.0.1:8080', updateUrl: 'https://updates.werkbank.example' },
    });
  });

  it('refuses broken JSON, unknown keys, non-http servers and non-https update feeds', () => {
    expect(resolveConfig('{', {}).ok).toBe(false);
    expect(resolveConfig('{"serverURL":"https://x.example"}', {}).ok).toBe(false);
    expect(resolveConfig('{"serverUrl":"ftp://x.example"}', {}).ok).toBe(false);
    expect(resolveConfig(undefined, { WERKBANK_SERVER_URL: 'file:///etc' }).ok).toBe(false);
    expect(resolveConfig(undefined, { WERKBANK_UPDATE_URL: 'http://updates.example' }).ok).toBe(false);
  });
});

describe('updates', () => {
  const packaged = { isPackaged: true, platform: 'win32', updateUrl: 'https://updates.werkbank.example/', publisherNames: ['Immigratie- en Naturalisatiedienst'] };

  it('stays off in development, without a feed, with a plain-http feed and where updates are not signed', () => {
    expect(updateDecision({ ...packaged, isPackaged: false }).enabled).toBe(false);
    expect(updateDecision({ ...packaged, updateUrl: undefined }).enabled).toBe(false);
    expect(updateDecision({ ...packaged, updateUrl: 'http://updates.example/' }).enabled).toBe(false);
    expect(updateDecision({ ...packaged, platform: 'linux' }).enabled).toBe(false);
    expect(updateDecision(packaged)).toEqual({ enabled: true, url: 'https://updates.werkbank.example/', channel: 'stable' });
    expect(updateDecision({ ...packaged, platform: 'darwin' }).enabled).toBe(true);
  });

  it('stays off on Windows when no publisher name was packaged, so no update is trusted on its hash alone', () => {
    expect(updateDecision({ ...packaged, publisherNames: undefined })).toMatchObject({ enabled: false, reason: expect.stringContaining('publisher') });
    expect(updateDecision({ ...packaged, publisherNames: [' '] }).enabled).toBe(false);
    expect(updateDecision({ ...packaged, platform: 'darwin', publisherNames: undefined }).enabled).toBe(true);
  });

  it('reads the publisher names from app-update.yml as electron-builder writes it', () => {
    expect(readPublisherNames('provider: generic\nurl: https://u.example\npublisherName:\n  - Immigratie- en Naturalisatiedienst\n')).toEqual(['Immigratie- en Naturalisatiedienst']);
    expect(readPublisherNames('publisherName: IND\n')).toEqual(['IND']);
    expect(readPublisherNames('provider: generic\n')).toBeUndefined();
    expect(readPublisherNames('publisherName: [1, ""]\n')).toBeUndefined();
    expect(readPublisherNames(': : :\n\t[')).toBeUndefined();
    expect(readPublisherNames(undefined)).toBeUndefined();
  });

  it('follows the configured channel: stable reads latest.yml, pilot reads beta.yml', async () => {
    expect(feedChannel('stable')).toBe('latest');
    expect(feedChannel('pilot')).toBe('beta');
    expect(resolveConfig(undefined, { WERKBANK_UPDATE_CHANNEL: 'pilot' })).toEqual({ ok: true, config: { updateChannel: 'pilot' } });
    expect(resolveConfig('{"updateChannel":"beta"}', {}).ok).toBe(false);
    const updater = fakeUpdater();
    await configureUpdates({ ...packaged, channel: 'pilot' }, async () => updater);
    expect(updater.channel).toBe('beta');
  });

  function fakeUpdater() {
    return {
      allowDowngrade: true,
      allowPrerelease: true,
      autoDownload: false,
      autoInstallOnAppQuit: false,
      forceDevUpdateConfig: true,
      channel: null as string | null,
      setFeedURL: vi.fn<AutoUpdaterLike['setFeedURL']>(),
      checkForUpdates: vi.fn<AutoUpdaterLike['checkForUpdates']>(async () => null),
      quitAndInstall: vi.fn<AutoUpdaterLike['quitAndInstall']>(),
      on: vi.fn(() => undefined),
    } satisfies AutoUpdaterLike;
  }

  it('never loads the updater when updates are off', async () => {
    const load = vi.fn(async () => fakeUpdater());
    await configureUpdates({ ...packaged, isPackaged: false }, load);
    expect(load).not.toHaveBeenCalled();
  });

  it('forbids downgrades and prereleases and uses the configured feed', async () => {
    const updater = fakeUpdater();
    await configureUpdates(packaged, async () => updater);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.allowPrerelease).toBe(false);
    expect(updater.forceDevUpdateConfig).toBe(false);
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.werkbank.example/' });
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
  });

  it('swallows a refused download, which electron-updater also reports as an error event', async () => {
    const updater = fakeUpdater();
    const refused = Promise.reject(Object.assign(new Error('sha512 checksum mismatch'), { code: 'ERR_CHECKSUM_MISMATCH' }));
    const handled = vi.spyOn(refused, 'catch');
    updater.checkForUpdates.mockResolvedValue({ downloadPromise: refused });
    await configureUpdates(packaged, async () => updater);
    expect(handled).toHaveBeenCalledOnce();
    await expect(refused).rejects.toThrow('checksum');
  });

  it('survives an offline update check and a missing updater', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const updater = fakeUpdater();
    updater.checkForUpdates.mockRejectedValue(new Error('net::ERR_INTERNET_DISCONNECTED'));
    await expect(configureUpdates(packaged, async () => updater)).resolves.toMatchObject({ decision: { enabled: true } });
    await expect(configureUpdates(packaged, async () => { throw new Error('missing'); })).resolves.toMatchObject({ decision: { enabled: true } });
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });
});

describe('menu and main-process texts', () => {
  it('has no menu on Windows and Linux and only standard roles on macOS', () => {
    expect(menuTemplate('win32')).toBeNull();
    expect(menuTemplate('linux')).toBeNull();
    const template = menuTemplate('darwin') ?? [];
    expect(template.length).toBeGreaterThan(0);
    for (const item of template) {
      expect(item.role).toBeDefined();
      expect(item.label).toBeUndefined();
    }
  });

  it('explains a database from a newer version in Dutch and English', () => {
    const text = failureMessage('database_too_new');
    expect(text.detail).toContain('nieuwere versie');
    expect(text.detail).toContain('newer version');
    expect(text.detail).toContain('(database_too_new)');
  });

  it('falls back to a general text for unknown codes, including inherited property names', () => {
    for (const code of ['something_else', 'constructor', '__proto__']) {
      const text = failureMessage(code);
      expect(text.detail).toContain('Werkbank cannot open the local data');
    }
  });

  it('asks before opening a link, with cancel as the first button', () => {
    const text = externalLinkMessage('https://ind.nl/');
    expect(text.detail).toBe('https://ind.nl/');
    expect(text.buttons[0]).toContain('Cancel');
  });
});

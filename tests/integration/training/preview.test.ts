/**
 * The browser preview with its in-process training server (what `npm run preview:web` does with no
 * central API configured): a small dataset for tests, the host pointed at it, both closed together.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../../scripts/preview/server';
import { listCases } from '../../../src/main/host/cases/store';
import { signIn } from '../../../src/main/host/session/handlers';
import { silentLogger } from '../../../src/main/host/log';
import { testPasswordCost } from '../../../src/server/auth/passwords';

const folder = mkdtempSync(join(tmpdir(), 'werkbank-preview-training-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
// vitest runs before the build: a stand-in bundle, so this test never depends on out/renderer.
const rendererDir = join(folder, 'renderer');
mkdirSync(rendererDir);
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Werkbank</title>');

describe('the preview with a training server', () => {
  it('starts a small training server, serves the page, and stops both on close', async () => {
    const preview = await startPreview({
      port: 0, rendererDir,
      host: { dataDir: join(folder, 'cache'), appVersion: '0.0.0-test', logger: silentLogger, backgroundSync: false },
      training: { dataDir: join(folder, 'training'), caseCount: 6, passwordCost: testPasswordCost },
    });
    const training = preview.training;
    expect(training).toBeDefined();
    if (!training) return;
    try {
      expect(training.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const info = await (await fetch(`${training.url}/training/info`)).json() as { environment: string; caseCount: number };
      expect(info).toMatchObject({ environment: 'training', caseCount: 6 });
      const users = await (await fetch(`${training.url}/training/demo-users`)).json() as { username: string }[];
      expect(users.map((user) => user.username)).toContain('demo.caseworker');
      expect((await fetch(preview.url)).status).toBe(200);
      // The host syncs with it: a demo caseworker signs in and their team's cases arrive in the cache.
      const sync = preview.host.sync;
      if (!sync) throw new Error('the host has no sync service');
      await signIn(sync, 'demo.caseworker', 'training');
      await sync.syncNow();
      const queue = listCases(preview.host.cache.db, 100, 0);
      expect(queue.total).toBeGreaterThan(0);
      expect(queue.total).toBeLessThanOrEqual(6);
    } finally {
      await preview.close();
    }
    await expect(fetch(`${training.url}/health`)).rejects.toThrow();
  }, 60_000);
});

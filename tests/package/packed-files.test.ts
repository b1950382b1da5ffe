/**
 * What the packed app holds: electron-builder packs the built app (out/, after `npm run build`)
 * with this repository's electron-builder.yml, into a temporary folder. No Electron binary can be
 * downloaded here, so the pack uses a stand-in Electron distribution and skips the afterPack hook
 * that flips the fuses in the real binary (tests/unit/main/fuses.test.ts covers those settings).
 * The app.asar is the same as a real build's: it does not depend on the binary. The extra resources
 * are the configuration's own, less the Electron build of better-sqlite3 when it is not on this
 * machine (`node scripts/native-electron.mjs` makes it, which needs the Electron headers).
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPackage } from '@electron/asar';
import type { Configuration } from 'electron-builder';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letterTemplates, templateFile } from '../../src/shared/letters/manifest';
import { messageTemplateFile, messageTemplates } from '../../src/shared/messages/templates';
import { tempDir } from '../helpers/temp-dir';

const root = join(__dirname, '..', '..');
const work = tempDir('werkbank-pack-');
let files: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) throw new Error('out/ is missing: run `npm run build` before these checks');
  const electronDist = join(work.path, 'electron');
  mkdirSync(electronDist);
  writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\n');
  chmodSync(join(electronDist, 'electron'), 0o755);
  const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Configuration;
  const extraResources = (config.extraResources as { from: string; to: string }[] | undefined ?? []).filter((entry) => existsSync(join(root, entry.from)));
  // Under VITEST, electron-builder hard-links files (decided when builder-util loads), and its copy
  // of several extra resource folders then links one file twice (EEXIST): it packs as a release does.
  const vitest = process.env['VITEST'];
  delete process.env['VITEST'];
  const { build, Platform } = await import('electron-builder');
  if (vitest !== undefined) process.env['VITEST'] = vitest;
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir'),
    publish: 'never',
    config: {
      ...config, electronDist, afterPack: null, extraResources,
      directories: { ...config.directories, output: join(work.path, 'dist') },
    },
  });
  files = listPackage(join(work.path, 'dist', 'linux-unpacked', 'resources', 'app.asar'), { isPack: false });
});

afterAll(() => work.remove());

const resources = (): string => join(work.path, 'dist', 'linux-unpacked', 'resources');

/** The top-level packages under node_modules in the archive. */
function packages(): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const match = /^[/\\]node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)/.exec(file);
    if (match?.[1]) names.add(match[1].replace(/\\/g, '/'));
  }
  return names;
}

describe('the packed app', () => {
  it('holds the built bundles and the app icon', () => {
    for (const entry of ['out/main/index.js', 'out/main/host.js', 'out/main/training-server.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']) {
      expect(files.map((file) => file.replace(/\\/g, '/'))).toContain(`/${entry}`);
    }
  });

  it('ships every letter and message template the manifests list, and the letter fonts with their licence, next to app.asar', () => {
    for (const entry of letterTemplates) expect(existsSync(join(resources(), 'letters', templateFile(entry))), templateFile(entry)).toBe(true);
    for (const entry of messageTemplates) {
      for (const version of entry.versions) {
        const file = messageTemplateFile(entry.id, version);
        expect(existsSync(join(resources(), 'messages', file)), file).toBe(true);
      }
    }
    expect(readdirSync(join(resources(), 'fonts'))).toEqual(expect.arrayContaining(['NotoSans-Bold.ttf', 'NotoSans-Regular.ttf', 'OFL.txt']));
  });

  it('holds no source maps, TypeScript sources or test folders', () => {
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => /\.(ts|tsx|mts|cts)$/.test(file))).toEqual([]);
    expect(files.filter((file) => /[/\\](test|tests|__tests__)[/\\]/.test(file))).toEqual([]);
    expect(files.some((file) => file.replace(/\\/g, '/').startsWith('/src/'))).toBe(false);
  });

  it('holds what main, the host and the embedded server need, and no development dependency', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>; devDependencies: Record<string, string>;
    };
    const packed = packages();
    for (const name of Object.keys(manifest.dependencies)) expect(packed, name).toContain(name);
    // Renderer-only libraries are bundled into out/renderer; tools and the Electron package never ship.
    for (const name of ['react', 'react-dom', '@mantine/core', 'pdfjs-dist', 'i18next', 'electron', 'vite', 'vitest', 'typescript', '@playwright/test', 'electron-builder']) {
      expect(packed, name).not.toContain(name);
    }
  });
});

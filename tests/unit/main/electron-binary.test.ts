import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { electronBinary, projectRoot } from '../../electron/electron-binary';

let folder: string | undefined;

afterEach(() => {
  vi.unstubAllEnvs();
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

describe('finding the Electron binary for the Electron tests', () => {
  it('reports none when the binary path does not exist, without trying to download', () => {
    folder = mkdtempSync(path.join(tmpdir(), 'werkbank-electron-dist-'));
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', folder);
    expect(electronBinary()).toBeUndefined();
  });

  it('finds a binary in ELECTRON_OVERRIDE_DIST_PATH', () => {
    folder = mkdtempSync(path.join(tmpdir(), 'werkbank-electron-dist-'));
    vi.stubEnv('ELECTRON_OVERRIDE_DIST_PATH', folder);
    const pathFile = path.join(projectRoot, 'node_modules', 'electron', 'path.txt');
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
    const expected = path.join(folder, relative);
    mkdirSync(path.dirname(expected), { recursive: true });
    writeFileSync(expected, '');
    expect(electronBinary()).toBe(expected);
  });
});

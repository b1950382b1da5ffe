import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureTestTools, findChromium, onPath } from '../../../scripts/test-tools.cjs';
import { tempDir } from '../../helpers/temp-dir';

let dir: ReturnType<typeof tempDir> | undefined;
afterEach(() => dir?.remove());

/** A folder with executable stand-ins for the named tools, as a PATH. */
function fakeTools(...names: string[]): string {
  dir = tempDir('werkbank-tools-');
  for (const name of names) {
    const file = join(dir.path, name);
    writeFileSync(file, '#!/bin/sh\nexit 0\n');
    chmodSync(file, 0o755);
  }
  return dir.path;
}

describe('the tools npm test needs', () => {
  it('takes CHROMIUM_PATH when it names an executable, and nothing else then', () => {
    const path = fakeTools('my-chrome');
    expect(findChromium({ CHROMIUM_PATH: join(path, 'my-chrome'), PATH: '' })).toBe(join(path, 'my-chrome'));
    expect(findChromium({ CHROMIUM_PATH: join(path, 'missing'), PATH: path })).toBeNull();
  });

  it('finds tools on PATH', () => {
    const path = fakeTools('pdfinfo');
    expect(onPath('pdfinfo', { PATH: path })).toBe(join(path, 'pdfinfo'));
    expect(onPath('qpdf', { PATH: path })).toBeNull();
  });

  it('names the command to run for each missing tool when it may not install', () => {
    const path = fakeTools('pdfinfo');
    const missing = ensureTestTools({ environment: { PATH: path, CHROMIUM_PATH: join(path, 'none') }, install: false });
    expect(missing.map((tool) => tool.name)).toEqual(['Chromium', 'qpdf']);
    expect(missing[0]?.hint).toContain('sudo apt-get install chromium');
    expect(missing[0]?.hint).toContain('CHROMIUM_PATH');
    expect(missing[1]?.hint).toContain('sudo apt-get install qpdf');
  });

  it('reports nothing missing when every tool is there', () => {
    const path = fakeTools('chromium', 'pdfinfo', 'qpdf');
    expect(ensureTestTools({ environment: { PATH: path, CHROMIUM_PATH: join(path, 'chromium') }, install: false })).toEqual([]);
  });
});

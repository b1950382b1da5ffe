import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root, ignore: false });

/** Lints `code` as if it were the file at `path` and returns the rule ids it broke. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries (docs/architecture.md)', () => {
  it('refuses the fixture: a renderer file importing a Node built-in', async () => {
    const fixture = readFileSync(join(root, 'tests/fixtures/boundaries/renderer-imports-fs.ts'), 'utf8');
    expect(await violations('src/renderer/src/fixture.ts', fixture)).toContain('no-restricted-imports');
  });

  it.each([
    ['renderer → fs', 'src/renderer/src/x.ts', "import fs from 'fs'; export default fs;"],
    ['renderer → fs/promises', 'src/renderer/src/x.ts', "import fs from 'fs/promises'; export default fs;"],
    ['shared → domain (the Node module)', 'src/shared/x.ts', "import domain from 'domain'; export default domain;"],
    ['renderer → node:path', 'src/renderer/src/x.ts', "import { join } from 'node:path'; export default join;"],
    ['renderer → electron', 'src/renderer/src/x.ts', "import { ipcRenderer } from 'electron'; export default ipcRenderer;"],
    ['renderer → host', 'src/renderer/src/x.ts', "import { createHost } from '../../main/host/host'; export default createHost;"],
    ['renderer → main', 'src/renderer/src/x.ts', "import x from '../../main/index'; export default x;"],
    ['renderer → server', 'src/renderer/src/x.ts', "import x from '../../server/app'; export default x;"],
    ['renderer → better-sqlite3', 'src/renderer/src/x.ts', "import D from 'better-sqlite3'; export default D;"],
    ['shared → node:crypto', 'src/shared/x.ts', "import { randomUUID } from 'node:crypto'; export default randomUUID;"],
    ['shared → electron', 'src/shared/x.ts', "import { app } from 'electron'; export default app;"],
    ['shared → react', 'src/shared/x.ts', "import React from 'react'; export default React;"],
    ['shared → drizzle', 'src/shared/x.ts', "import { sql } from 'drizzle-orm'; export default sql;"],
    ['shared → renderer', 'src/shared/x.ts', "import x from '../renderer/src/App'; export default x;"],
    ['shared → render (Node)', 'src/shared/x.ts', "import x from '../render/pdf'; export default x;"],
    ['render → host', 'src/render/x.ts', "import { createHost } from '../main/host/host'; export default createHost;"],
    ['render → server', 'src/render/x.ts', "import x from '../server/app'; export default x;"],
    ['host → electron', 'src/main/host/x.ts', "import { app } from 'electron'; export default app;"],
    ['host → electron-updater', 'src/main/host/x.ts', "import { autoUpdater } from 'electron-updater'; export default autoUpdater;"],
    ['server → main', 'src/server/x.ts', "import x from '../main/index'; export default x;"],
    ['server → renderer', 'src/server/x.ts', "import x from '../renderer/src/App'; export default x;"],
    ['server → electron', 'src/server/x.ts', "import { app } from 'electron'; export default app;"],
    ['main → renderer', 'src/main/x.ts', "import x from '../renderer/src/App'; export default x;"],
    ['preload → node:fs', 'src/preload/x.ts', "import fs from 'node:fs'; export default fs;"],
  ])('refuses %s', async (_name, path, code) => {
    expect(await violations(path, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['renderer → shared contract', 'src/renderer/src/x.ts', "import { calls } from '../../shared/contract'; export default calls;"],
    ['shared → zod', 'src/shared/x.ts', "import { z } from 'zod'; export default z;"],
    ['host → better-sqlite3', 'src/main/host/x.ts', "import D from 'better-sqlite3'; export default D;"],
    ['host → render', 'src/main/host/x.ts', "import x from '../../render/pdf'; export default x;"],
    ['server → render', 'src/server/x.ts', "import x from '../render/pdf'; export default x;"],
    ['main → electron', 'src/main/x.ts', "import { app } from 'electron'; export default app;"],
    ['main → host protocol', 'src/main/x.ts', "import { mainToHost } from './host/protocol'; export default mainToHost;"],
    ['shared → a folder named like a Node built-in', 'src/shared/x.ts', "import { addPeriod } from './domain'; export default addPeriod;"],
    ['renderer → shared domain', 'src/renderer/src/x.ts', "import { domainMessages } from '../../shared/domain'; export default domainMessages;"],
  ])('allows %s', async (_name, path, code) => {
    expect(await violations(path, code)).not.toContain('no-restricted-imports');
  });

  it('refuses Node globals in the renderer', async () => {
    expect(await violations('src/renderer/src/x.ts', 'export const env = process.env;')).toContain('no-restricted-globals');
  });

  it('refuses an import circle (a contract namespace importing the index that composes it)', async () => {
    const code = "import { calls } from './index';\nexport const size = Object.keys(calls).length;\n";
    expect(await violations('src/shared/contract/cases.ts', code)).toContain('import-x/no-cycle');
  });

  it('allows a namespace importing a sibling namespace', async () => {
    const code = "import { itemSyncState } from './sync';\nexport const states = itemSyncState.options;\n";
    expect(await violations('src/shared/contract/cases.ts', code)).not.toContain('import-x/no-cycle');
  });
});

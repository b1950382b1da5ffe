import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nativeFolderName as mainFolderName, sqliteBindingPath } from '../../../src/main/native-binding';
import {
  bindingPath,
  buildEnvironment,
  ensureElectronBinding,
  failureAdvice,
  nativeFolderName,
  packagedBindingPath,
  rebuildArguments,
  type RunCommand,
} from '../../../scripts/native-electron.mjs';

let root: string;
let temporaryRoot: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'werkbank-native-root-'));
  temporaryRoot = await mkdtemp(path.join(tmpdir(), 'werkbank-native-tmp-'));
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  await mkdir(path.join(source, 'src'), { recursive: true });
  await mkdir(path.join(source, 'deps'), { recursive: true });
  await writeFile(path.join(source, 'binding.gyp'), '{}');
  await writeFile(path.join(source, 'package.json'), '{}');
  await writeFile(path.join(source, 'src', 'better_sqlite3.cpp'), '//');
  await writeFile(path.join(source, 'deps', 'sqlite3.gyp'), '{}');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(temporaryRoot, { recursive: true, force: true });
});

/** A fake node-gyp that "builds" by writing the .node file where node-gyp would. */
function fakeNodeGyp(exitCode = 0, writesBinding = true) {
  const runs: { command: string; args: string[]; cwd: string; env: Record<string, string>; copied: string[] }[] = [];
  const run: RunCommand = async (command, args, options) => {
    runs.push({ command, args, cwd: options.cwd, env: options.env, copied: (await readdir(options.cwd)).sort() });
    if (writesBinding) {
      await mkdir(path.join(options.cwd, 'build', 'Release'), { recursive: true });
      await writeFile(path.join(options.cwd, 'build', 'Release', 'better_sqlite3.node'), 'ELECTRON-ABI');
    }
    return exitCode;
  };
  return { run, runs };
}

const common = { electronVersion: '45.4.1', platform: 'linux', arch: 'x64', log: () => undefined };

describe('scripts/native-electron.mjs', () => {
  it('uses the same folder naming as main, so main finds what the script builds', () => {
    expect(nativeFolderName('45.4.1', 'win32', 'arm64')).toBe(mainFolderName('45.4.1', 'win32', 'arm64'));
    expect(sqliteBindingPath({ isPackaged: false, resourcesPath: '/r', appPath: root, electronVersion: '45.4.1', platform: 'linux', arch: 'x64' }))
      .toBe(bindingPath(root, '45.4.1', 'linux', 'x64'));
    expect(sqliteBindingPath({ isPackaged: true, resourcesPath: '/r', appPath: root, electronVersion: '45.4.1', platform: 'linux', arch: 'x64' }))
      .toBe(path.join('/r', 'native', 'better_sqlite3.node'));
  });

  it('builds with node-gyp against Electron headers in a copy of the sources, then installs the binding', async () => {
    const gyp = fakeNodeGyp();
    const result = await ensureElectronBinding({ ...common, root, temporaryRoot, run: gyp.run, environment: { PATH: '/usr/bin' } });
    expect(result).toEqual({ status: 'built', path: bindingPath(root, '45.4.1', 'linux', 'x64') });
    expect(gyp.runs).toHaveLength(1);
    const [run] = gyp.runs;
    expect(run?.command).toBe(process.execPath);
    expect(run?.args).toEqual([
      path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      'rebuild', '--release', '--target=45.4.1', '--arch=x64', '--dist-url=https://electronjs.org/headers',
    ]);
    // Built outside node_modules, so Node's build for the tests stays untouched.
    expect(run?.cwd.startsWith(temporaryRoot)).toBe(true);
    expect(run?.copied).toEqual(['binding.gyp', 'deps', 'package.json', 'src']);
    expect(await readFile(result.path, 'utf8')).toBe('ELECTRON-ABI');
    expect(await readFile(packagedBindingPath(root), 'utf8')).toBe('ELECTRON-ABI');
    // The temporary build folder is removed.
    expect(await readdir(temporaryRoot)).toEqual([]);
  });

  it('skips the build when the binding for this target is present, and still stages it for packaging', async () => {
    const target = bindingPath(root, '45.4.1', 'linux', 'x64');
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, 'ALREADY');
    const gyp = fakeNodeGyp();
    const result = await ensureElectronBinding({ ...common, root, temporaryRoot, run: gyp.run });
    expect(result.status).toBe('present');
    expect(gyp.runs).toEqual([]);
    expect(await readFile(packagedBindingPath(root), 'utf8')).toBe('ALREADY');
  });

  it('builds again for another Electron version or architecture', async () => {
    const target = bindingPath(root, '45.4.1', 'linux', 'x64');
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, 'OLD');
    const gyp = fakeNodeGyp();
    await ensureElectronBinding({ ...common, root, temporaryRoot, run: gyp.run, arch: 'arm64' });
    await ensureElectronBinding({ ...common, root, temporaryRoot, run: gyp.run, electronVersion: '46.0.0' });
    expect(gyp.runs.map((run) => run.args.slice(2, 5))).toEqual([
      ['--release', '--target=45.4.1', '--arch=arm64'],
      ['--release', '--target=46.0.0', '--arch=x64'],
    ]);
  });

  it('fails with a clear error when node-gyp fails or produces nothing, and cleans up', async () => {
    await expect(ensureElectronBinding({ ...common, root, temporaryRoot, run: fakeNodeGyp(1, false).run })).rejects.toThrow(/node-gyp exited with code 1/);
    await expect(ensureElectronBinding({ ...common, root, temporaryRoot, run: fakeNodeGyp(0, false).run })).rejects.toThrow(/missing/);
    const failing: RunCommand = vi.fn(async () => {
      throw new Error('spawn ENOENT');
    });
    await expect(ensureElectronBinding({ ...common, root, temporaryRoot, run: failing })).rejects.toThrow(/could not be started/);
    expect(await readdir(temporaryRoot)).toEqual([]);
    await expect(readFile(bindingPath(root, '45.4.1', 'linux', 'x64'))).rejects.toThrow();
  });

  it('keeps npm settings that would point node-gyp at Node headers out of its environment', () => {
    const environment = buildEnvironment({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      npm_config_target: '20.0.0',
      npm_config_arch: 'ia32',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_runtime: 'node',
      npm_config_cache: '/root/.npm',
      UNSET: undefined,
    });
    expect(environment).toEqual({ PATH: '/usr/bin', npm_config_cache: '/root/.npm' });
  });

  it('gives advice that says what happened and what to do', () => {
    const advice = failureAdvice('45.4.1', 'node-gyp exited with code 1');
    expect(advice).toContain('Electron 45.4.1');
    expect(advice).toContain('node-gyp exited with code 1');
    expect(advice).toContain('https://electronjs.org/headers');
    expect(advice).toContain('node scripts/native-electron.mjs');
    expect(rebuildArguments('45.4.1', 'x64')).toContain('--dist-url=https://electronjs.org/headers');
  });
});

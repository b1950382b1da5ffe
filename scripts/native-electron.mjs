#!/usr/bin/env node
/**
 * Builds better-sqlite3's native binding for Electron's ABI into .native/, leaving node_modules
 * with Node's build for the tests. Run by `npm start`, `npm run dev` and `npm run package`, never
 * by `npm install` (no postinstall). Skips the build when the binding for this Electron version,
 * platform and architecture is already there. Needs electronjs.org for Electron's headers.
 *
 *   .native/electron-<version>-<platform>-<arch>/better_sqlite3.node   what main hands the host
 *   .native/current/better_sqlite3.node                                 what electron-builder ships
 */
import { spawn as spawnProcess } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const bindingFileName = 'better_sqlite3.node';
export const headersUrl = 'https://electronjs.org/headers';

/** What node-gyp needs from better-sqlite3's package to build it. */
export const sourceEntries = ['binding.gyp', 'src', 'deps', 'package.json'];

/** npm settings that would make node-gyp build against Node's headers instead of Electron's. */
const conflictingSettings = /^npm_config_(nodedir|target|target_arch|arch|disturl|dist_url|runtime|build_from_source)$/i;

/** Folder name under .native/ for one Electron version and platform; src/main/native-binding.ts uses the same. */
export function nativeFolderName(electronVersion, platform, arch) {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

/** Where the binding for this target lives. */
export function bindingPath(root, electronVersion, platform, arch) {
  return path.join(root, '.native', nativeFolderName(electronVersion, platform, arch), bindingFileName);
}

/** Where electron-builder picks the binding up (extraResources in electron-builder.yml). */
export function packagedBindingPath(root) {
  return path.join(root, '.native', 'current', bindingFileName);
}

/** node-gyp's arguments for a release build against Electron's headers. */
export function rebuildArguments(electronVersion, arch) {
  return ['rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, `--dist-url=${headersUrl}`];
}

/** The environment for node-gyp: ours, minus npm settings that point it at Node's headers. */
export function buildEnvironment(environment) {
  const result = {};
  for (const [key, value] of Object.entries(environment)) {
    if (value !== undefined && !conflictingSettings.test(key)) result[key] = value;
  }
  return result;
}

/** The installed Electron version (node_modules/electron/package.json). */
export async function installedElectronVersion(root) {
  const manifest = JSON.parse(await readFile(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  if (typeof manifest.version !== 'string') throw new Error('node_modules/electron/package.json has no version');
  return manifest.version;
}

async function exists(filePath) {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}

/** Runs a command and resolves with its exit code. */
export function runCommand(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawnProcess(command, args, { ...options, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export class NativeBuildError extends Error {
  constructor(message) {
    super(message);
    this.name = 'NativeBuildError';
  }
}

/**
 * Makes sure the Electron-ABI binding exists; builds it when missing. Resolves with
 * { status: 'present' | 'built', path }. `run` and `temporaryRoot` are injectable for tests.
 */
export async function ensureElectronBinding(options) {
  const {
    root,
    electronVersion,
    platform = process.platform,
    arch = process.arch,
    environment = process.env,
    run = runCommand,
    temporaryRoot = tmpdir(),
    log = (message) => console.info(message),
  } = options;
  const target = bindingPath(root, electronVersion, platform, arch);
  const packaged = packagedBindingPath(root);
  if (await exists(target)) {
    await mkdir(path.dirname(packaged), { recursive: true });
    await copyFile(target, packaged);
    return { status: 'present', path: target };
  }

  const source = path.join(root, 'node_modules', 'better-sqlite3');
  const workDir = await mkdtemp(path.join(temporaryRoot, 'werkbank-native-'));
  try {
    for (const entry of sourceEntries) {
      await cp(path.join(source, entry), path.join(workDir, entry), { recursive: true });
    }
    const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    const args = [nodeGyp, ...rebuildArguments(electronVersion, arch)];
    log(`native-electron: building better-sqlite3 for Electron ${electronVersion} (${platform}-${arch})`);
    let code;
    try {
      code = await run(process.execPath, args, { cwd: workDir, env: buildEnvironment(environment) });
    } catch (error) {
      throw new NativeBuildError(`node-gyp could not be started: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (code !== 0) throw new NativeBuildError(`node-gyp exited with code ${code}`);
    const built = path.join(workDir, 'build', 'Release', bindingFileName);
    if (!(await exists(built))) throw new NativeBuildError(`node-gyp finished but ${bindingFileName} is missing`);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(built, target);
    await mkdir(path.dirname(packaged), { recursive: true });
    await copyFile(built, packaged);
    return { status: 'built', path: target };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The message printed when the build fails: what happened and what to do. */
export function failureAdvice(electronVersion, reason) {
  return [
    `native-electron: could not build better-sqlite3 for Electron ${electronVersion}: ${reason}.`,
    'Werkbank needs this native module to open its local database inside Electron.',
    'What to do:',
    `  - make sure ${headersUrl} is reachable (Electron's headers are downloaded from there);`,
    '  - install a C++ toolchain and Python 3 for node-gyp (build-essential on Linux,',
    '    Xcode command line tools on macOS, Visual Studio Build Tools on Windows);',
    '  - then run `node scripts/native-electron.mjs` again.',
    'The tests (`npm test`) do not need this step; they use the Node build in node_modules.',
  ].join('\n');
}

async function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  let electronVersion = 'unknown';
  try {
    electronVersion = await installedElectronVersion(root);
    const result = await ensureElectronBinding({ root, electronVersion });
    console.info(`native-electron: ${result.status === 'present' ? 'up to date' : 'built'}: ${path.relative(root, result.path)}`);
  } catch (error) {
    console.error(failureAdvice(electronVersion, error instanceof Error ? error.message : String(error)));
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}

/**
 * Finds the Electron binary the way require('electron') does (node_modules/electron/path.txt,
 * or ELECTRON_OVERRIDE_DIST_PATH), without its side effect: require('electron') tries to download
 * a missing binary, and downloads are blocked on these machines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const missingBinaryMessage =
  'Electron binary not installed here (downloads are blocked); run on a machine with Electron to exercise the real shell';

/** The project root (where package.json is). */
export const projectRoot = path.resolve(__dirname, '..', '..');

/** The absolute path of the Electron executable, or undefined when none is installed. */
export function electronBinary(): string | undefined {
  let packageFolder: string;
  try {
    packageFolder = path.dirname(createRequire(path.join(projectRoot, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const pathFile = path.join(packageFolder, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, relative ?? 'electron') : relative ? path.join(packageFolder, 'dist', relative) : undefined;
  return candidate && existsSync(candidate) ? candidate : undefined;
}

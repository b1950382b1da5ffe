/**
 * Where better-sqlite3's native binding built for Electron's ABI lives. node_modules keeps Node's
 * build for the tests; scripts/native-electron.mjs builds Electron's into .native/ (development)
 * and electron-builder ships it as an extra resource (packaged app).
 */
import path from 'node:path';

/** The binding's file name. */
export const bindingFileName = 'better_sqlite3.node';

/** Folder name under .native/ for one Electron version and platform; scripts/native-electron.mjs uses the same. */
export function nativeFolderName(electronVersion: string, platform: string, arch: string): string {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

export interface BindingLocation {
  isPackaged: boolean;
  /** process.resourcesPath in the packaged app. */
  resourcesPath: string;
  /** app.getAppPath() in development: the project root. */
  appPath: string;
  electronVersion: string;
  platform: string;
  arch: string;
}

/** The absolute path of the Electron-ABI binding the host must load. */
export function sqliteBindingPath(location: BindingLocation): string {
  if (location.isPackaged) return path.join(location.resourcesPath, 'native', bindingFileName);
  return path.join(location.appPath, '.native', nativeFolderName(location.electronVersion, location.platform, location.arch), bindingFileName);
}

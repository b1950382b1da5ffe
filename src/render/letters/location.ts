/**
 * Where the letter templates are on disk. In the repository (tests, the central API run with tsx,
 * development) they are resources/letters. The packaged app ships them as an extra resource
 * (electron-builder.yml: resources/letters → <resources>/letters, outside app.asar so they stay
 * plain files), and a bundle cannot find them relative to its own file: whoever starts the host or
 * the server in the packaged app passes `lettersDirectory(…)` to createLetterRenderer.
 */
import { join } from 'node:path';

// __dirname, not import.meta: this module also runs compiled as CommonJS (tsx, the app's bundles),
// as src/server/db/database.ts does for its migrations.
/** resources/letters of the repository, from src/render/letters. */
export const defaultLettersDirectory = join(__dirname, '..', '..', '..', 'resources', 'letters');

export interface LettersLocation {
  isPackaged: boolean;
  /** process.resourcesPath in the packaged app. */
  resourcesPath: string;
  /** app.getAppPath() in development: the project root. */
  appPath: string;
}

/** The letters folder of the Electron app, packaged or in development. */
export function lettersDirectory(location: LettersLocation): string {
  return location.isPackaged ? join(location.resourcesPath, 'letters') : join(location.appPath, 'resources', 'letters');
}

/** The letter fonts folder of the Electron app (electron-builder.yml: resources/fonts → <resources>/fonts). */
export function letterFontsDirectory(location: LettersLocation): string {
  return location.isPackaged ? join(location.resourcesPath, 'fonts') : join(location.appPath, 'resources', 'fonts');
}
